"""What several test modules share (no test module imports another): where the project and its
fixtures are, the corpus of broken data files, a mkdocs.yml usable from a temporary folder, the
factory of variant builds (`build_variant`) and its page helper, a reader of the JSON-LD
blocks of a page, and the wait for a still screen before a page is judged or photographed."""

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# the sample directory's size, counted from its file: adding a partner changes no test
PARTNER_COUNT = len(re.findall(r"^- id: ", (ROOT / "data" / "partners.yaml").read_text(encoding="utf-8"), re.M))
# the sample site's languages besides French, read from mkdocs.yml: adding one changes no test
OTHER_LANGUAGES = tuple(
    re.search(r"^  langues: \[fr, (.*)\]$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1].split(", ")
)

# The same site in French alone, for a test that reads only French pages: each other language is a
# build of its own, which such a test would pay for and never look at.
LANGUAGES_LINE = f"langues: [fr, {', '.join(OTHER_LANGUAGES)}]"
FRENCH_ONLY = {LANGUAGES_LINE: "langues: [fr]"}

# A statement for an async function evaluated in a page: it waits until the screen is still, every
# running transition or animation that ends having ended. axe then judges the colours a person sees,
# not a frame halfway through a hover's or a focus's transition (a button caught between green on
# white and white on orange read 4.06:1 once). Animations that never end, or paused ones, are not awaited.
SCREEN_STILL = """await Promise.all(document.getAnimations()
  .filter((a) => a.playState === "running" && Number.isFinite(a.effect?.getComputedTiming().endTime))
  .map((a) => a.finished.catch(() => null)));"""

BROKEN_TARGETS = {
    "partners": "partners.yaml",
    "professionals": "professionals.yaml",
    "interventions": "interventions.yaml",
    "recipes": "recipes/soupe-de-potiron.yaml",
    "forms": "forms/fiche.yaml",
    "needs": "besoins.yaml",
    "emergencies": "urgences.yaml",
}

# fixture name → (line, what the message says, the field it names)
BROKEN_CASES = [
    ("partners--public-mal-ecrit", 16, "vouliez-vous dire « familles »", "publics"),
    ("partners--champ-inconnu", 22, "vouliez-vous dire « telephone »", "telephon"),
    ("partners--champ-en-double", 21, "écrit deux fois", "sigle"),
    ("partners--code-postal-nombre", 21, "entre guillemets", "code_postal"),
    ("partners--telephone-zero-initial", 6, "commence par un zéro", "telephone"),
    ("partners--booleen-yes", 17, "ambigu", "orientable"),
    ("partners--horaires-illisibles", 25, "illisibles", "horaires_accueil"),
    ("partners--site-web-sans-https", 24, "https://", "site_web"),
    ("partners--courriel-incomplet", 23, "adresse électronique", "courriel"),
    ("partners--date-impossible", 28, "vraie date", "date_verification"),
    ("partners--identifiant-service-en-double", 30, "déjà utilisé", "id"),
    ("partners--nom-manquant", 18, "il manque le champ obligatoire « nom »", "nom"),
    ("partners--ancre-yaml", 9, "ancres", "date_verification"),
    ("partners--tabulation", 20, "tabulation", None),
    ("partners--html-dans-description", 32, "HTML", "description"),
    ("partners--deux-points-dans-texte", 4, "deux-points", None),
    ("partners--fermeture-a-l-envers", 27, "fin est avant", "fermeture_temporaire.au"),
    ("partners--mauvais-statut", 26, "inconnue", "statut"),
    ("partners--fichier-vide", 1, "vide", None),
    ("partners--pas-une-liste", 1, "doit être une liste", None),
    ("partners--pas-utf8", 5, "UTF-8", None),
    ("professionals--partenaire-inconnu", 16, "vouliez-vous dire « caf-du-cher »", "partenaire"),
    ("professionals--service-inconnu", 7, "n'existe pas", "services"),
    ("professionals--visibilite-inconnue", 20, "valeurs possibles : public, pro", "visibilite"),
    ("professionals--prenom-manquant", 12, "il manque le champ obligatoire « prenom »", "prenom"),
    ("interventions--hors-distribution", 15, "en dehors des heures de distribution", "debut"),
    ("interventions--fin-et-duree", 10, "mais pas les deux", "fin"),
    ("interventions--debut-sans-t", 7, "AAAA-MM-JJTHH:MM", "debut"),
    ("interventions--recurrence-mal-ecrite", 9, "règle iCalendar", "recurrence"),
    ("interventions--lieu-inconnu", 14, "vouliez-vous dire « epicea »", "lieu"),
    ("recipes--allergene-mal-ecrit", 17, "vouliez-vous dire « arachides »", "allergenes"),
    ("recipes--portions-en-lettres", 5, "nombre entier", "portions"),
    ("recipes--deux-points-dans-une-etape", 16, "mettez tout le texte entre guillemets", "etapes"),
    ("recipes--image-introuvable", 18, "introuvable", "image.src"),
    ("recipes--prix-sans-releve", 10, "prix_releves", "ingredients"),
    ("recipes--recette-en-liste", 1, "pas une liste", None),
    ("forms--choix-sans-liste", 9, "liste « choix »", "champs"),
    ("partners--cle-mal-ecrite", 21, "vouliez-vous dire « adresse »", "adress"),
    ("partners--booleen-oui", 17, "écrivez true (oui) ou false (non)", "orientable"),
    (
        "partners--thematique-proche",
        15,
        "vouliez-vous dire « equipement-et-alimentation--alimentation »",
        "thematiques",
    ),
    ("partners--telephone-avec-points", 22, "numéro français à 10 chiffres", "telephone"),
    ("partners--date-a-la-francaise", 28, "format AAAA-MM-JJ", "date_verification"),
    ("partners--mauvaise-indentation", 31, "indentation incorrecte", None),
    ("recipes--mois-impossible", 3, "format AAAA-MM", "mois"),
    ("interventions--le-dimanche", 7, "en dehors des heures de distribution", "debut"),
    ("interventions--exception-hors-dates", 10, "n'est pas une date de cette intervention", "exceptions"),
    ("professionals--partenaire-supprime", 16, "recopiez l'« id » d'une structure", "partenaire"),
    ("partners--tous-publics-avec-autres", 16, "« tous-publics » ne va pas avec d'autres publics", "publics"),
    # What the build would refuse or publish wrongly: reported by validate first.
    ("partners--nombre-immense", 5, "nombre hors limites", "latitude"),
    ("partners--date-chiffres-arabes", 9, "format AAAA-MM-JJ", "date_verification"),
    ("partners--annee-9999", 9, "format AAAA-MM-JJ", "date_verification"),
    ("partners--caractere-nul", 4, "caractère nul", None),
    ("partners--texte-inverse", 3, "direction du texte", None),
    ("partners--retour-chariot-seul", 4, "retour chariot seul", None),
    ("partners--invisible-dans-un-mot", 3, "invisible au milieu d'un mot", None),
    ("partners--guillemet-non-ferme", 3, "jamais refermé", None),
    ("partners--imbrication-profonde", 4, "trop de niveaux", None),
    ("partners--identifiant-reserve", 37, "nom réservé", "id"),
    ("partners--coordonnee-pro-publiee", 4, "réservée aux professionnels", "description"),
    ("partners--image-dans-description", 4, "images ne sont pas acceptées", "description"),
    ("partners--lien-javascript", 4, "lien « javascript:alert(1 » refusé", "description"),
    ("partners--attributs-markdown", 4, "attributs entre accolades", "description"),
    ("partners--nom-sur-deux-lignes", 3, "une seule ligne", "nom"),
    ("partners--formule-tableur", 3, "formule", "nom"),
    ("partners--nom-trop-long", 3, "texte trop long", "nom"),
    ("partners--chiffres-a-rallonge", 10, "nombre trop long", "frequence_maj"),
    ("interventions--identifiant-reserve", 2, "nom réservé", "id"),
    ("recipes--image-illisible", 18, "illisible", "image.src"),
    ("recipes--image-hors-du-dossier", 18, "mal écrite", "image.src"),
    ("recipes--quantite-absurde", 11, "trop grand", "quantite"),
    ("needs--pictogramme-inconnu", 4, "vouliez-vous dire « material/food-apple »", "pictogramme"),
    ("needs--thematique-mal-ecrite", 11, "vouliez-vous dire « mobilite »", "thematiques"),
    ("needs--sans-mots", 6, "mots", "mots"),
    ("needs--besoin-en-double", 8, "déjà décrit (ligne 2)", "id"),
    ("emergencies--partenaire-inconnu", 5, "vouliez-vous dire « epicea »", "partenaire"),
    ("emergencies--horaires-illisibles", 6, "horaires", "horaires"),
    ("emergencies--numero-etranger", 3, "numéro français", "telephone"),
]


def install_broken(valid_data: Path, name: str) -> Path:
    """Put the broken fixture `name` in place of the file of its kind in a copy of the valid data."""
    target = valid_data / BROKEN_TARGETS[name.split("--")[0]]
    shutil.copyfile(FIXTURES / "broken" / f"{name}.yaml", target)
    return target


def read_yaml(path: Path) -> Any:
    """A YAML file of the project as plain data, read by libyaml (test modules read the sample at
    collection: PyYAML's pure-Python reader took a second and a half per pytest process)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def sitemap_paths(site: Path) -> list[str]:
    """Every page path a built site lists in its sitemap, in its order."""
    return [urlparse(u).path for u in re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text())]


def config_beside(tmp_path: Path, french_only: bool = False) -> Path:
    """The project's mkdocs.yml, usable from tmp_path (whose data/ is the test's); the site in French
    alone with `french_only`."""
    config = tmp_path / "mkdocs.yml"
    text = (
        (ROOT / "mkdocs.yml")
        .read_text()
        .replace("docs_dir: content", f"docs_dir: {ROOT / 'content'}")
        .replace("hooks/guide.py", str(ROOT / "hooks/guide.py"))
        .replace("custom_dir: site_build/theme", f"custom_dir: {ROOT / 'site_build/theme'}")
    )
    if french_only:
        assert LANGUAGES_LINE in text, f"mkdocs.yml has no « {LANGUAGES_LINE} »"
        text = text.replace(LANGUAGES_LINE, FRENCH_ONLY[LANGUAGES_LINE])
    config.write_text(text)
    return config


class JsonLd(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self._inside = [], False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_data(self, data):
        if self._inside:
            self.blocks.append(json.loads(data))

    def handle_endtag(self, tag):
        self._inside = False


@dataclass(frozen=True)
class BuiltSite:
    """A site a test built, read as a visitor's browser gets it."""

    folder: Path

    def file(self, path: str) -> Path:
        """The file served at site path `path` ('annuaire/caf-du-cher/' is its index.html)."""
        return self.folder / (path + "index.html" if path == "" or path.endswith("/") else path)

    def page(self, path: str) -> str:
        """The HTML of the page at site path `path`."""
        return self.file(path).read_text(encoding="utf-8")

    def text(self, path: str) -> str:
        """The words of the page's content (its <article>), tags and scripts removed, spaces folded."""
        article = self.page(path).split("<article", 1)[-1].split("</article>", 1)[0]
        article = re.sub(r"<(script|style|template)\b.*?</\1>", " ", article, flags=re.S)
        return " ".join(re.sub(r"<[^>]+>", " ", article).split())

    def has(self, path: str) -> bool:
        return self.file(path).is_file()


Change = str | Callable[[str], str]  # a file's new text, or how to change its text


def public_feed_input(config: Path, data: Path):
    """What a build of `config` hands the feeds for the public site: `data` validated as the build does."""
    from site_build.data.loading.settings import SiteSettings
    from site_build.data.model.profile import PUBLIC
    from site_build.gate import checked
    from site_build.generator.configs import mkdocs_config
    from site_build.pipeline import build_day, feeds_input

    settings = SiteSettings.from_mkdocs(mkdocs_config(config, None))
    return feeds_input(checked(config, data, build_day()), PUBLIC, settings)


def build_variant(
    tmp_path: Path,
    data: Path = FIXTURES / "valid",
    profile: str = "public",
    files: Mapping[str, Change] = {},
    config: Mapping[str, str] = {},
    **options,
) -> BuiltSite:
    """The site built by the real build from a copy of `data` (the small valid fixture by default,
    or ROOT / "data"), each of `files` (a path in the data folder) replaced or changed, and each
    `config` text replaced in mkdocs.yml. `options` go to build_site (site_url, parallel…)."""
    from site_build.generator.build import build_site

    folder = tmp_path / "variant"
    shutil.copytree(data, folder / "data")
    # the photos the data points to (content/ beside the data: the fixtures' own for the small data)
    (folder / "content").symlink_to(FIXTURES / "content" if data == FIXTURES / "valid" else data.parent / "content")
    for name, change in files.items():
        target = folder / "data" / name
        old = target.read_text(encoding="utf-8") if target.exists() else ""
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(change(old) if callable(change) else change, encoding="utf-8")
    mkdocs = config_beside(folder)
    for old, new in config.items():
        text = mkdocs.read_text(encoding="utf-8")
        assert old in text, f"mkdocs.yml has no « {old} »"
        mkdocs.write_text(text.replace(old, new), encoding="utf-8")
    return BuiltSite(build_site(mkdocs, profile, folder / f"site-{profile}", folder / "data", **options))


def run_cli(cwd: Path, *args: str, env: Mapping[str, str] = {}) -> subprocess.CompletedProcess:
    """`site-build ARGS` run in this process (main(), as the command calls it) from `cwd`: its exit
    code and what it printed, without the second of start-up a process costs. For what a command
    says; the interpreter's own behaviour (tracebacks, signals) is tested with real processes."""
    from site_build.cli import main

    out, err = io.StringIO(), io.StringIO()
    before, saved = Path.cwd(), dict(os.environ)
    os.chdir(cwd)
    os.environ.update(env)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exit:  # argparse's usage errors
                code = exit.code if isinstance(exit.code, int) else 1
    finally:
        os.chdir(before)
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(["site-build", *args], code, out.getvalue(), err.getvalue())
