"""`site-build init DOSSIER`: another territory starts its own guide. The new folder gets the
product (site_build/, hooks/, deploy/, the workflows, the editors' guide) and only what the
territory gave: its settings, neutral pages to adapt, the everyday needs without any local number,
and, when given, a data·inclusion export imported as entries « à vérifier ». No partner, recipe or
event of the sample comes with it; each feature appears with its first file (features follow data).
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from site_build.data.checks.config_checks import SHORT_NAME_MAX, colour_problem, read_config
from site_build.data.loading.dataset import SCHEMA_COMMENT
from site_build.data.loading.schemas import EMAIL, INSEE
from site_build.data.loading.yaml_loader import load_file
from site_build.editing.icons import draw_icons, logo_problems
from site_build.editing.importer import ImportReport, import_data_inclusion, slugify
from site_build.feeds.departments import department_of
from site_build.pwa.service_worker import THEME_COLOUR

STARTER = Path(__file__).with_name("starter")
# What every guide shares: the code, the web servers' settings, the workflows, the editors' tools.
PRODUCT = (
    "site_build", "hooks", "deploy", "pyproject.toml", ".github/workflows/pull-request.yml",
    ".github/workflows/publish.yml", ".github/workflows/proposition.yml", ".github/ISSUE_TEMPLATE/proposition.md",
    ".vscode/settings.json", ".vscode/extensions.json",
)  # fmt: skip
_IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
_EMAIL = re.compile(EMAIL["pattern"])  # the data's own rules for an address and a commune's code
_INSEE = re.compile(INSEE["pattern"])
_NATIONAL_NUMBER = re.compile(r"\d{2,4}")  # 15, 115, 3237: the same everywhere in France


class InitError(ValueError):
    """What `init` cannot do, said in French with what to write instead."""


@dataclass(frozen=True)
class Territory:
    name: str  # the guide's name: « Le guide partagé de Issoudun »
    town: str  # where it serves: a town or a group of towns
    organisation: str  # who runs it: « CCAS d'Issoudun »
    email: str  # where editors and proposals write
    communes: tuple[str, ...] = ()  # INSEE codes: which entries of an export to keep
    logo: Path | None = None  # an SVG or PNG file
    colour: str = ""  # « #rrggbb », readable with white text; none: the theme's green
    short_name: str = ""  # under the app's icon: 15 characters at most
    exports: tuple[Path, ...] = ()  # data·inclusion JSON files (structures, services)

    def problems(self) -> list[str]:
        found = [f"« {label} » est vide : écrivez-le" for label, value in self._texts() if not value.strip()]
        if self.email and not _EMAIL.fullmatch(self.email):
            found.append(
                f"« {self.email} » n'est pas une adresse électronique : écrivez par exemple guide@ccas.example.org"
            )
        found += [
            f"« {code} » n'est pas un code INSEE de commune : écrivez 5 chiffres, par exemple 36088"
            for code in self.communes
            if not _INSEE.fullmatch(code)
        ]
        if self.logo:
            found += logo_problems(self.logo)
        if self.colour and (wrong := colour_problem(self.colour)):
            found.append(wrong)
        if len(self.short_name) > SHORT_NAME_MAX:
            found.append(
                f"« {self.short_name} » est trop long pour tenir sous l'icône : {SHORT_NAME_MAX} caractères au plus"
            )
        found += [f"le fichier d'export « {path} » n'existe pas" for path in self.exports if not path.is_file()]
        return found

    def _texts(self) -> list[tuple[str, str]]:
        return [("nom du guide", self.name), ("territoire", self.town), ("organisation", self.organisation),
                ("courriel", self.email)]  # fmt: skip


@dataclass
class Created:
    folder: Path
    files: list[Path]
    imported: ImportReport | None


def create_project(folder: Path, territory: Territory, product_root: Path, today: date) -> Created:
    """Write the territory's project in `folder` (absent or empty); nothing is written when an input
    is refused."""
    problems = territory.problems()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        problems.insert(0, f"le dossier « {folder} » existe déjà et n'est pas vide : choisissez un nouveau dossier")
    if problems:
        raise InitError("\n".join(problems))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        imported = _write(folder, territory, product_root, today)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # a half-made project is worse than none
        raise
    files = sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())
    return Created(folder, files, imported)


def _write(folder: Path, territory: Territory, root: Path, today: date) -> ImportReport | None:
    for name in PRODUCT:
        source, target = root / name, folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=_IGNORED)
        else:
            shutil.copy2(source, target)
    theme, logo = folder / "site_build/theme", "assets/images/logo.svg"
    if territory.logo:
        logo = f"assets/images/logo{territory.logo.suffix.lower()}"
        shutil.copy2(territory.logo, theme / logo)
    if territory.logo or territory.colour:  # the installed app's icons: this logo, on this colour
        draw_icons(theme / logo, territory.colour or THEME_COLOUR, theme / "assets/icons")
    values = {"name": territory.name, "town": territory.town, "organisation": territory.organisation,
              "email": territory.email, "logo": logo, "colour": territory.colour,
              "short_name": territory.short_name}  # fmt: skip
    templates = Environment(loader=FileSystemLoader(STARTER), undefined=StrictUndefined, keep_trailing_newline=True)
    templates.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)  # a YAML string
    for source in sorted(STARTER.rglob("*")):
        if source.is_file():
            relative = source.relative_to(STARTER).as_posix()
            target = folder / (".gitignore" if relative == "gitignore" else relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(templates.get_template(relative).render(values), encoding="utf-8")
    (folder / "CONTRIBUTING.md").write_text(_editors_guide(root, territory), encoding="utf-8")
    data = folder / "data"
    data.mkdir()
    _copy_everyday_words(root / "data", data)
    imported = None
    if territory.exports:  # the import writes partners.yaml, with its schema line
        imported = import_data_inclusion(data, list(territory.exports), list(territory.communes), today)
    if not (data / "partners.yaml").is_file():  # no structure yet: an empty list to fill
        (data / "partners.yaml").write_text(
            f"{SCHEMA_COMMENT}../site_build/schemas/partners.schema.json\n[]\n", "utf-8"
        )
    return imported


def _copy_everyday_words(sample: Path, data: Path) -> None:
    """The everyday needs and labels serve any guide: their local numbers and their translations
    (the new guide is French until it adds a language) stay behind."""
    for name, schema in (("besoins.yaml", "needs"), ("libelles.yaml", "labels")):
        if not (sample / name).is_file():
            continue
        content: Any = load_file(sample / name).data
        if isinstance(content, list):
            for need in content:
                need.pop("traductions", None)
                right_now = need.get("maintenant") or {}
                if "appeler" in right_now:
                    right_now["appeler"] = [n for n in right_now["appeler"] if _NATIONAL_NUMBER.fullmatch(str(n))]
        text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=100)
        (data / name).write_text(f"{SCHEMA_COMMENT}../site_build/schemas/{schema}.schema.json\n{text}", "utf-8")


def _editors_guide(root: Path, territory: Territory) -> str:
    """CONTRIBUTING.md with the sample's examples moved to the new territory: the sample's grocery,
    town, postal and INSEE codes and département, read from the sample's own settings and data."""
    text = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for old, new in _sample_words(root, territory):
        text = text.replace(old, new)
    return text


def _sample_words(root: Path, territory: Territory) -> list[tuple[str, str]]:
    config, problems = read_config(root / "mkdocs.yml", "mkdocs.yml")  # its tags (!ENV, !!python/name) read as None
    if config is None:
        raise InitError(problems[0].format().rstrip("."))
    settings = config.data.get("extra") or {}
    partners: Any = load_file(root / "data/partners.yaml").data
    grocery = next((p for p in partners if p.get("id") == settings.get("epicerie")), None)
    if not grocery:
        return []
    address = grocery.get("adresse") or {}
    town, postal_code = str(address.get("commune", "")), str(address.get("code_postal", ""))
    department = slugify(department_of(postal_code))
    names = [str(grocery[key]) for key in ("nom", "sigle") if grocery.get(key)]  # the longer first
    pairs = [
        (f"-du-{department}", ""),  # caf-du-… → caf
        *((f"d'{name}", "de l'épicerie") for name in names),
        *((name, "l'épicerie") for name in names),
        (str(grocery["id"]), "epicerie"),
        (slugify(town), slugify(territory.town) or "ville"),
        (town, territory.town),
        (postal_code, "12345"),
    ]
    if address.get("code_insee") and territory.communes:
        pairs.append((str(address["code_insee"]), territory.communes[0]))
    return [(old, new) for old, new in pairs if old]
