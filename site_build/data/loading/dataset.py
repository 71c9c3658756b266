"""Loading every data file into one Dataset, with schema problems collected."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from site_build.data.checks.problems import Problem, unreadable_file
from site_build.data.loading.schema_messages import schema_problems
from site_build.data.loading.yaml_loader import Document, LoadError, load_file

Raw = dict[str, Any]  # a record as loaded from YAML and checked by its schema

SCHEMA_COMMENT = "# yaml-language-server: $schema="

# file pattern → (schema name, top-level kind, French description of the top level)
LIST_FILES = {
    "partners.yaml": "partners",
    "professionals.yaml": "professionals",
    "interventions.yaml": "interventions",
    "besoins.yaml": "needs",
    "urgences.yaml": "emergencies",
    "libelles.yaml": "labels",  # a mapping, not a list: vocabulary → slug → everyday label
    "questionnaire.yaml": "questionnaire",  # a mapping: the Semaine du goût's paper questionnaire
    "droits.yaml": "rights",  # the rights helper's rules
}
MAPPING_FILES = {"labels", "questionnaire"}
# one record per file, named after its id (an edition of the Semaine du goût: after its year)
EDITIONS_FOLDER = "semaine-du-gout"
FOLDERS = {"recipes": "recipe", "forms": "form", EDITIONS_FOLDER: "edition"}
# Size limits (CONTRIBUTING.md): 10,000 partners take 6 Mo; a recipe or a form, a few Ko.
MAX_LIST_BYTES = 20 * 1024 * 1024
MAX_RECORD_BYTES = 1024 * 1024


@dataclass
class Dataset:
    data_dir: Path
    partners: list[Raw] = field(default_factory=list)
    professionals: list[Raw] = field(default_factory=list)
    interventions: list[Raw] = field(default_factory=list)
    needs: list[Raw] = field(default_factory=list)  # everyday needs → thématiques and words (besoins.yaml)
    emergencies: list[Raw] = field(default_factory=list)  # local emergency contacts (urgences.yaml)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # everyday labels (libelles.yaml)
    questionnaire: Raw = field(default_factory=dict)  # the paper questionnaire on eating (questionnaire.yaml)
    rights: list[Raw] = field(default_factory=list)  # the rights helper's rules (droits.yaml)
    recipes: dict[str, Raw] = field(default_factory=dict)  # id (file stem) → recipe, by month
    forms: dict[str, Raw] = field(default_factory=dict)  # id (file stem) → form
    editions: dict[str, Raw] = field(default_factory=dict)  # year (file stem) → Semaine du goût edition
    documents: dict[str, Document] = field(default_factory=dict)  # "partners" / "recipes/<id>" … → Document

    def __post_init__(self) -> None:
        self.reindex()

    @property
    def content_dir(self) -> Path:
        return content_dir_of(self.data_dir)

    @property
    def cache_dir(self) -> Path:
        return cache_dir_of(self.content_dir)

    def reindex(self) -> None:
        self.partner_by_id = {p["id"]: p for p in self.partners if isinstance(p, dict) and "id" in p}
        self.service_by_id, self.partner_of_service = {}, {}
        for partner in self.partner_by_id.values():
            for service in partner.get("services") or []:
                if isinstance(service, dict) and "id" in service:
                    self.service_by_id[service["id"]] = service
                    self.partner_of_service[service["id"]] = partner


def cache_dir_of(content_dir: Path) -> Path:
    """What the build keeps between runs (photo sizes, compiled templates, passed checks): .cache/
    beside content/."""
    return Path(content_dir).resolve().parent / ".cache"


def content_dir_of(data_dir: Path) -> Path:
    """The hand-written pages and photos beside the data (MkDocs's docs_dir)."""
    return Path(data_dir).parent / "content"


def display_path(path: Path) -> str:
    """Path as editors and GitHub see it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _load(path: Path, schema: str, problems: list[Problem]) -> Document | None:
    shown = display_path(path)
    limit = MAX_RECORD_BYTES if schema in FOLDERS.values() else MAX_LIST_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    f"fichier trop gros ({size / 1048576:.1f} Mo, au plus "
                    f"{limit // 1048576} Mo) : vérifiez qu'il s'agit bien du bon fichier.",
                )
            )
            return None
        document = load_file(path, shown)
    except LoadError as error:
        problems.append(error.problem)
        return None
    except OSError as error:
        problems.append(Problem(shown, 1, 1, f"{unreadable_file(error)}."))
        return None
    expected_list = schema not in (*FOLDERS.values(), *MAPPING_FILES)
    if expected_list and not isinstance(document.data, list):
        problems.append(
            Problem(
                shown,
                1,
                1,
                "le fichier doit être une liste : chaque élément commence "
                "par « - » en début de ligne (voir CONTRIBUTING.md).",
            )
        )
        return None
    if not expected_list and not isinstance(document.data, dict):
        problems.append(
            Problem(
                shown,
                1,
                1,
                "le fichier doit décrire un seul élément avec des champs "
                "« nom: valeur », pas une liste (retirez les « - » en début de ligne).",
            )
        )
        return None
    with open(path, encoding="utf-8", errors="replace") as handle:
        first_line = handle.readline()
    if not first_line.startswith(SCHEMA_COMMENT):
        problems.append(
            Problem(
                shown,
                1,
                1,
                f"la première ligne doit être « {SCHEMA_COMMENT}"
                f"…/site_build/schemas/{schema}.schema.json » (elle donne l'aide à la saisie).",
                warning=True,
            )
        )
    problems.extend(schema_problems(document, schema))
    return document


def symbolic_links(folder: Path) -> list[Path]:
    """Every symbolic link under folder (the folder itself may be one: tests link content/)."""
    found = []
    for parent, directories, files in os.walk(folder):
        found += [Path(parent) / name for name in directories + files if os.path.islink(Path(parent) / name)]
    return sorted(found)


def link_problems(data_dir: Path) -> list[Problem]:
    """A link would publish a file from elsewhere on the machine: data and pages must be real files."""
    problems = []
    for folder in (data_dir, content_dir_of(data_dir)):
        for link in symbolic_links(folder):
            problems.append(
                Problem(
                    display_path(link),
                    1,
                    1,
                    "lien symbolique refusé : remplacez-le par une "
                    "copie du fichier (le site ne publie que des fichiers du dépôt).",
                )
            )
    return problems


def _record_files(folder: Path, problems: list[Problem]) -> list[Path]:
    """The .yaml/.yml files of a one-record-per-file folder; two files for one id are an error."""
    if not folder.is_dir() or folder.is_symlink():
        return []
    files: list[Path] = []
    by_stem: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.is_symlink():
            continue  # reported by link_problems
        if path.suffix not in (".yaml", ".yml"):
            if not path.name.startswith(".") and path.suffix.lower() in (".yaml", ".yml"):
                problems.append(
                    Problem(
                        display_path(path),
                        1,
                        1,
                        f"extension « {path.suffix} » : renommez le fichier "
                        f"en « {path.stem}.yaml » (en minuscules), sinon il est ignoré.",
                        warning=True,
                    )
                )
            continue
        if path.stem in by_stem:
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    1,
                    f"« {by_stem[path.stem].name} » porte déjà le même "
                    "nom : les deux donneraient la même page ; gardez un seul des deux fichiers.",
                )
            )
            continue
        by_stem[path.stem] = path
        files.append(path)
    return files


def load_dataset(data_dir: Path) -> tuple[Dataset, list[Problem]]:
    data_dir = Path(data_dir)
    problems: list[Problem] = link_problems(data_dir)
    dataset = Dataset(data_dir)
    if not (data_dir / "partners.yaml").exists():
        problems.append(
            Problem(
                display_path(data_dir / "partners.yaml"),
                1,
                1,
                "fichier manquant : la liste des partenaires est obligatoire.",
            )
        )
    for filename, schema in LIST_FILES.items():
        path = data_dir / filename
        if path.exists() and not path.is_symlink():
            document = _load(path, schema, problems)
            if document:
                dataset.documents[schema] = document
                if schema in MAPPING_FILES:
                    data = document.data if isinstance(document.data, dict) else {}
                    if schema == "labels":  # a vocabulary that is not a mapping is reported by the schema
                        data = {k: v for k, v in data.items() if isinstance(v, dict)}
                    setattr(dataset, schema, data)
                    continue
                records = document.data if isinstance(document.data, list) else []
                setattr(dataset, schema, [r for r in records if isinstance(r, dict)])
    known = set(LIST_FILES) | set(FOLDERS) | {"calendrier.json"}
    for path in sorted(data_dir.iterdir()) if data_dir.is_dir() else []:
        if path.name not in known and not path.name.startswith("."):
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    1,
                    "fichier ignoré : le guide lit "
                    + ", ".join(sorted(LIST_FILES))
                    + " et les dossiers "
                    + ", ".join(f"{folder}/" for folder in FOLDERS)
                    + " ; "
                    "renommez-le ou retirez-le.",
                    warning=True,
                )
            )
    targets = {"recipes": dataset.recipes, "forms": dataset.forms, EDITIONS_FOLDER: dataset.editions}
    for folder, schema in FOLDERS.items():
        target = targets[folder]
        for path in _record_files(data_dir / folder, problems):
            document = _load(path, schema, problems)
            if document:
                dataset.documents[f"{folder}/{path.stem}"] = document
                target[path.stem] = cast(Raw, document.data)  # a wrong shape is its schema's problem
    dataset.recipes = dict(sorted(dataset.recipes.items(), key=lambda kv: (str(kv[1].get("mois")), kv[0])))
    dataset.editions = dict(sorted(dataset.editions.items()))
    dataset.reindex()
    return dataset, problems
