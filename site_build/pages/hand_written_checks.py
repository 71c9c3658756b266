"""The gate for the hand-written pages of content/ (French and their translations, aide.en.md):
a front matter that reads, the review mark of a translation, and shortcodes that exist, each
reported at its real line in the file that holds it (the front matter counted)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from site_build.data.analytics.territory import FIGURE_NAMES
from site_build.data.checks.file_checks import too_deep, unreadable_problems
from site_build.data.checks.problems import Problem, unreadable_file
from site_build.data.loading.yaml_loader import forbidden_character, forbidden_message
from site_build.data.media.pictograms import pictogram_svg
from site_build.i18n.pages import FRONT_MATTER

_SHORTCODE = re.compile(r"\{(picto|chiffre)\b[^}\n]*\}?")
PICTOGRAM = re.compile(r"\{picto ([a-z0-9-]+/[a-z0-9-]+)\}")
FIGURE = re.compile(r"\{chiffre ([a-z0-9-]+)\}")
# HTML that runs or loads something: a page may use plain HTML (<div class="gp-falc" markdown>,
# <span dir="ltr">), never a script, a frame, a style sheet, an event attribute (also written as
# {: onclick="…" } with attr_list) or a javascript:/data: address.
_ACTIVE_MARKUP = re.compile(
    r"<\s*(?:script|iframe|frame|object|embed|style|link|meta|base|form)\b"
    r"|(?:<[a-z][^>]*|\{:[^}]*)\s(on[a-z]+)\s*="
    r"|[(<\"'=]\s*((?:javascript|vbscript|data)\s*:)",
    re.IGNORECASE,
)
MAX_PAGE_BYTES = 2 * 1024 * 1024
MAX_PROBLEMS = 20  # per page: the first ones say what to fix


def unknown_pictogram_text(name: str) -> str:
    return (
        f"le pictogramme « {name} » n'existe pas ; écrivez le nom d'une icône du thème, par exemple "
        "{picto material/food-apple} (les noms sont sur la page « Icons » de Material for MkDocs)."
    )


def unknown_figure_text(name: str) -> str:
    return (
        f"le chiffre « {name} » n'existe pas ; écrivez l'un de : {', '.join(sorted(FIGURE_NAMES))}, "
        "par exemple {chiffre services}."
    )


def lines_before_body(source: str, body: str) -> int:
    """How many lines of `source` come before `body`, the Markdown MkDocs kept once it took the
    front matter away: what a line counted in `body` must be moved by."""
    if body and source.endswith(body):
        return source.count("\n", 0, len(source) - len(body))
    return 0


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _active_markup(text: str, start: int, where: str) -> list[Problem]:
    """HTML that would run or load something, at its line: the first ones say what to fix."""
    problems: list[Problem] = []
    for match in _ACTIVE_MARKUP.finditer(text, start):
        if len(problems) >= MAX_PROBLEMS:
            break
        group = 1 if match[1] else 2 if match[2] else 0
        found, at = (match[group], match.start(group)) if group else (match[0].lstrip("< \t"), match.start())
        problems.append(
            Problem(
                where,
                _line(text, at),
                at - text.rfind("\n", 0, at),
                f"« {found} » n'est pas accepté dans une page (il ferait tourner ou charger quelque chose) : "
                "écrivez le texte en Markdown, et les liens en https://, mailto: ou tel:.",
            )
        )
    return problems


def _front_matter(text: str, where: str, translated: bool) -> tuple[int, list[Problem]]:
    """(offset where the Markdown starts, problems of the front matter)."""
    if not re.match(r"-{3}[ \t]*\n", text):
        return 0, []
    match = FRONT_MATTER.match(text)
    if not match:
        return 0, [
            Problem(
                where,
                1,
                1,
                "l'en-tête de la page (entre deux lignes « --- ») n'est pas fermé : "
                "ajoutez une ligne « --- » après ses réglages.",
            )
        ]
    try:
        if too_deep(match[1]):
            raise RecursionError
        meta = yaml.load(match[1], Loader=yaml.CSafeLoader)  # libyaml: a tenth of the pure-Python reader's time
    except RecursionError:
        return match.end(), [
            Problem(where, 2, 1, "en-tête de la page illisible : trop de niveaux de crochets imbriqués.")
        ]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 2 if mark else 2
        return match.end(), [
            Problem(
                where,
                line,
                1,
                "en-tête de la page illisible (YAML) : écrivez un réglage par ligne, « nom: valeur », "
                "par exemple « relu: false ».",
            )
        ]
    except yaml.YAMLError:
        return match.end(), [
            Problem(where, 2, 1, "en-tête de la page illisible (YAML) : écrivez un réglage par ligne, « nom: valeur ».")
        ]
    if not isinstance(meta, dict):
        return match.end(), [
            Problem(
                where, 2, 1, "l'en-tête de la page doit être des réglages « nom: valeur », par exemple « relu: false »."
            )
        ]
    problems = []
    if translated and "relu" in meta and not isinstance(meta["relu"], bool):
        line = next((n for n, t in enumerate(match[1].split("\n"), 2) if t.startswith("relu")), 2)
        problems.append(
            Problem(where, line, 1, "« relu » : écrivez true (une personne dont c'est la langue a relu) ou false.")
        )
    return match.end(), problems


def page_problems(path: Path, where: str, translated: bool) -> list[Problem]:
    """Every problem of one hand-written page; `translated`: a page in another language than French."""
    try:
        if path.stat().st_size > MAX_PAGE_BYTES:
            return [
                Problem(
                    where, 1, 1, f"page trop grosse (au plus {MAX_PAGE_BYTES // 1048576} Mo) : vérifiez le fichier."
                )
            ]
        raw = path.read_bytes()
    except OSError as error:
        return [Problem(where, 1, 1, f"{unreadable_file(error)}.")]
    unreadable = unreadable_problems(raw, where)
    if unreadable:
        return unreadable
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    hidden = forbidden_character(text.replace("\t", " "))
    if hidden and hidden[1].startswith("caractère nul"):
        return [Problem(where, _line(text, hidden[0]), 1, forbidden_message(hidden[1]))]
    start, problems = _front_matter(text, where, translated)
    problems += _active_markup(text, start, where)
    line, counted, line_start = 1, 0, 0  # counted as the matches come: a page of shortcodes stays linear
    for match in _SHORTCODE.finditer(text, start):
        if len(problems) >= MAX_PROBLEMS:
            break
        line += text.count("\n", counted, match.start())
        newline = text.rfind("\n", counted, match.start())
        line_start = newline + 1 if newline >= 0 else line_start
        counted = match.start()
        column = match.start() - line_start + 1
        picto, figure = PICTOGRAM.fullmatch(match[0]), FIGURE.fullmatch(match[0])
        if match[1] == "picto" and not (picto and pictogram_svg(picto[1])):
            problems.append(Problem(where, line, column, unknown_pictogram_text(picto[1] if picto else match[0])))
        elif match[1] == "chiffre" and not (figure and figure[1] in FIGURE_NAMES):
            problems.append(Problem(where, line, column, unknown_figure_text(figure[1] if figure else match[0])))
    return problems


def content_problems(pages: Iterable[tuple[Path, str, bool]]) -> list[Problem]:
    """Problems of every page: (file, how it is named, whether it is a translation)."""
    return [problem for path, where, translated in pages for problem in page_problems(path, where, translated)]
