"""The gate for mkdocs.yml: the settings an editor changes (`extra`, the site's name and
description, the navigation's titles), read with their lines and refused in French before a
build would stop on them or print them as markup (the theme prints them as they are)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from site_build.config_yaml import ConfigLoader, read_settings
from site_build.data.checks.file_checks import MARKUP, too_deep, unreadable_problems
from site_build.data.checks.problems import Problem, unreadable_file
from site_build.data.loading.schemas import EMAIL
from site_build.text.colours import HEX_COLOUR, PALE, WHITE, contrast, darker_readable, readable_with_white

_EMAIL = re.compile(EMAIL["pattern"])  # the data's own rule for an e-mail address
_HTTPS = re.compile(r"https?://[^\s/?#<>\"']+\.[^\s/?#<>\"']+(/[^\s<>\"']*)?")
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Keys of `extra` the guide reads, and those the theme or the build itself sets.
KNOWN_EXTRA = {
    "langues",
    "signalement",
    "propositions",
    "epicerie",
    "hors_ligne",
    "licence",
    "generator",
    "organisation",
    "couleur",
    "nom_court",
}
_GITHUB_REPOSITORY = re.compile(r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/?")
SHORT_NAME_MAX = 15  # what a phone shows under an app's icon without cutting it
THEME_EXTRA = {"alternate", "analytics", "consent", "social", "homepage", "version", "status", "tags"}


@dataclass
class ConfigFile:
    where: str
    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[tuple[str, ...], int] = field(default_factory=dict)  # key path → line

    def line(self, *path: str) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def problem(self, path: tuple[str, ...], message: str, warning: bool = False) -> Problem:
        return Problem(self.where, self.line(*path), 1, message, warning)


def _lines(node: Any, path: tuple[str, ...], into: dict[tuple[str, ...], int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                into[(*path, key.value)] = key.start_mark.line + 1
                if len(path) < 3:
                    _lines(value, (*path, key.value), into)


def read_config(path: Path, where: str) -> tuple[ConfigFile | None, list[Problem]]:
    """mkdocs.yml as data with the line of each key; None and the reason when it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(where, 1, 1, f"{unreadable_file(error)}.")]
    unreadable = unreadable_problems(raw, where)
    if unreadable:
        return None, unreadable
    text = raw.decode("utf-8-sig")
    if too_deep(text):
        return None, [
            Problem(
                where, 1, 1, "trop de crochets ou d'accolades imbriqués : comparez le fichier avec la version du dépôt."
            )
        ]
    try:
        node = yaml.compose(text, Loader=ConfigLoader)
        data = read_settings(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [
            Problem(
                where,
                line,
                column,
                "erreur de syntaxe YAML dans la configuration du site : vérifiez l'indentation, "
                "les deux-points et les guillemets.",
            )
        ]
    except (yaml.YAMLError, RecursionError):
        return None, [Problem(where, 1, 1, "fichier YAML illisible : comparez-le avec la version du dépôt.")]
    if not isinstance(data, dict):
        return None, [Problem(where, 1, 1, "le fichier doit être un bloc de réglages « nom: valeur ».")]
    config = ConfigFile(where, data)
    _lines(node, (), config.lines)
    return config, []


def _text_problem(value: Any) -> str | None:
    if not isinstance(value, str):
        return "doit être un texte"
    if MARKUP.search(value):
        return "pas de balise HTML ni d'entité (&…;) : écrivez le texte seulement"
    return None


def _nav_titles(entries: Any, found: list[str]) -> None:
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict):
            for title, value in entry.items():
                found.append(str(title))
                _nav_titles(value, found)


def config_problems(config: ConfigFile, partner_ids: set[str] | None) -> list[Problem]:
    """What is wrong in the settings an editor changes. `partner_ids`: None when partners.yaml is
    unreadable (the grocery's id cannot be checked then)."""
    found: list[Problem] = []
    data = config.data
    for key in ("site_name", "site_description", "copyright"):
        if data.get(key) is not None:
            message = _text_problem(data[key])
            if message:
                found.append(config.problem((key,), f"« {key} » {message}."))
    titles: list[str] = []
    _nav_titles(data.get("nav"), titles)
    for title in titles:
        if MARKUP.search(title):
            found.append(
                config.problem(("nav",), f"titre « {title} » dans « nav » : pas de balise HTML, le texte seulement.")
            )
    extra = data.get("extra")
    if extra is None:
        return found
    if not isinstance(extra, dict):
        return [*found, config.problem(("extra",), "« extra » doit être un bloc de réglages « nom: valeur ».")]
    for key in extra:
        if key not in KNOWN_EXTRA | THEME_EXTRA:
            near = ", ".join(sorted(KNOWN_EXTRA))
            found.append(
                config.problem(
                    ("extra", str(key)),
                    f"réglage « extra.{key} » inconnu, il est ignoré ; ceux du guide : {near}.",
                    warning=True,
                )
            )
    if extra.get("organisation") is not None:
        message = _text_problem(extra["organisation"])
        if message:
            found.append(
                config.problem(
                    ("extra", "organisation"), f"« organisation » {message}, par exemple « CCAS de » et votre commune."
                )
            )
    if "nom_court" in extra:
        value = extra["nom_court"]
        message = _text_problem(value)
        if not message and len(str(value)) > SHORT_NAME_MAX:
            message = f"est trop long pour tenir sous l'icône ({len(str(value))} caractères) : {SHORT_NAME_MAX} au plus"
        if message:
            found.append(
                config.problem(("extra", "nom_court"), f"« nom_court » {message}, par exemple « Guide Issoudun ».")
            )
    if "couleur" in extra:
        message = colour_problem(extra["couleur"])
        if message:
            found.append(config.problem(("extra", "couleur"), message))
    if "signalement" in extra:
        value = extra["signalement"]
        ok = isinstance(value, str) and (
            (value.startswith("mailto:") and _EMAIL.fullmatch(value[7:].split("?")[0])) or _HTTPS.fullmatch(value)
        )
        if not ok and value not in ("", None):
            found.append(
                config.problem(
                    ("extra", "signalement"),
                    "« signalement » : écrivez mailto: suivi d'une adresse électronique, par exemple "
                    "mailto:guide@ccas.example.org, ou une adresse https://.",
                )
            )
    if "propositions" in extra:
        found += _proposal_problems(config, extra["propositions"])
    if "epicerie" in extra:
        value = extra["epicerie"]
        if not isinstance(value, str) or not _SLUG.fullmatch(value):
            found.append(
                config.problem(
                    ("extra", "epicerie"),
                    "« epicerie » : écrivez l'« id » de l'épicerie dans data/partners.yaml (sa ligne « - id: »).",
                )
            )
        elif partner_ids is not None and value not in partner_ids:
            found.append(
                config.problem(
                    ("extra", "epicerie"),
                    f"« epicerie » : la structure « {value} » n'existe pas dans data/partners.yaml, l'accueil "
                    "n'aura pas d'horaires de distribution ; recopiez son « id ».",
                    warning=True,
                )
            )
    if "hors_ligne" in extra:
        offline = extra["hors_ligne"]
        budget = offline.get("budget_mo") if isinstance(offline, dict) else None
        if not isinstance(offline, dict) or set(offline) - {"budget_mo"}:
            found.append(
                config.problem(("extra", "hors_ligne"), "« hors_ligne » ne contient que « budget_mo: 20 » (en Mo).")
            )
        elif "budget_mo" in offline and (
            isinstance(budget, bool) or not isinstance(budget, int | float) or not 1 <= budget <= 500
        ):
            found.append(
                config.problem(
                    ("extra", "hors_ligne", "budget_mo"),
                    "« budget_mo » : un nombre de Mo entre 1 et 500, par exemple 20.",
                )
            )
    if "licence" in extra:
        licence = extra["licence"]
        if not isinstance(licence, dict) or set(licence) - {"name", "title", "path"}:
            found.append(
                config.problem(("extra", "licence"), "« licence » contient « name », « title » et « path » seulement.")
            )
        else:
            for key, value in licence.items():
                message = _text_problem(value)
                if not message and key == "path" and not _HTTPS.fullmatch(value):
                    message = "doit être une adresse https://"
                if message:
                    found.append(config.problem(("extra", "licence", str(key)), f"« licence.{key} » {message}."))
    if "generator" in extra and not isinstance(extra["generator"], bool):
        found.append(config.problem(("extra", "generator"), "« generator » : écrivez true ou false."))
    return found


def _proposal_problems(config: ConfigFile, proposals: Any) -> list[Problem]:
    """extra.propositions: where « Proposer une modification » sends."""
    where = ("extra", "propositions")
    if not isinstance(proposals, dict) or set(proposals) - {"courriel", "github", "delai_jours"}:
        return [
            config.problem(
                where, "« propositions » contient courriel, github (facultatif) et delai_jours (facultatif)."
            )
        ]
    found = []
    email, github, days = proposals.get("courriel"), proposals.get("github"), proposals.get("delai_jours")
    if email is not None and not (isinstance(email, str) and _EMAIL.fullmatch(email)):
        found.append(
            config.problem(
                (*where, "courriel"), "« courriel » : l'adresse de l'équipe, par exemple guide@ccas.example.org."
            )
        )
    if github is not None and not (isinstance(github, str) and _GITHUB_REPOSITORY.fullmatch(github)):
        found.append(
            config.problem(
                (*where, "github"),
                "« github » : l'adresse du dépôt, par exemple https://github.com/ccas-exemple/guide-partage.",
            )
        )
    if days is not None and (isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 90):
        found.append(config.problem((*where, "delai_jours"), "« delai_jours » : un nombre de jours entre 1 et 90."))
    return found


def colour_problem(value: object) -> str | None:
    """What is wrong with a guide's colour (extra.couleur), in French; None when it can be used."""
    if not isinstance(value, str) or not HEX_COLOUR.fullmatch(value):
        return '« couleur » : écrivez une couleur en hexadécimal entre guillemets, par exemple « "#1d5b3c" »'
    if not readable_with_white(value):
        ratio = f"{min(contrast(value, WHITE), contrast(value, PALE)):.1f}".replace(".", ",")
        return (
            f"« couleur » : « {value} » est trop claire, le texte blanc sur elle se lit mal (contraste {ratio} pour 1, "
            f"il faut au moins 4,5) ; choisissez une couleur plus foncée, par exemple « {darker_readable(value)} »"
        )
    return None
