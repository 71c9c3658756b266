"""Loading every data file into one Dataset, with schema problems collected."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem
from .schema_errors import schema_problems
from .yaml_loader import Document, LoadError, load_file

SCHEMA_COMMENT = "# yaml-language-server: $schema="

# file pattern → (schema name, top-level kind, French description of the top level)
LIST_FILES = {"partners.yaml": "partners", "professionals.yaml": "professionals",
              "interventions.yaml": "interventions"}


@dataclass
class Dataset:
    data_dir: Path
    partners: list = field(default_factory=list)
    professionals: list = field(default_factory=list)
    interventions: list = field(default_factory=list)
    recipes: dict = field(default_factory=dict)  # id (file stem) → recipe, by month
    forms: dict = field(default_factory=dict)  # id (file stem) → form
    documents: dict = field(default_factory=dict)  # "partners" / "recipes/<id>" … → Document

    def __post_init__(self):
        self.reindex()

    def reindex(self):
        self.partner_by_id = {p["id"]: p for p in self.partners if isinstance(p, dict) and "id" in p}
        self.service_by_id, self.partner_of_service = {}, {}
        for partner in self.partner_by_id.values():
            for service in partner.get("services") or []:
                if isinstance(service, dict) and "id" in service:
                    self.service_by_id[service["id"]] = service
                    self.partner_of_service[service["id"]] = partner


def street_line(address: dict) -> str:
    """"12 rue des Forges, bâtiment B": the street and its complement, as one line."""
    return ", ".join(x for x in (address.get("voie"), address.get("complement")) if x)


def display_path(path: Path) -> str:
    """Path as editors and GitHub see it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _load(path: Path, schema: str, problems: list[Problem]) -> Document | None:
    shown = display_path(path)
    try:
        document = load_file(path, shown)
    except LoadError as error:
        problems.append(error.problem)
        return None
    except OSError as error:
        problems.append(Problem(shown, 1, 1, f"fichier illisible : {error.strerror}."))
        return None
    expected_list = schema != "recipe" and schema != "form"
    if expected_list and not isinstance(document.data, list):
        problems.append(Problem(shown, 1, 1, "le fichier doit être une liste : chaque élément commence "
                                "par « - » en début de ligne (voir CONTRIBUTING.md)."))
        return None
    if not expected_list and not isinstance(document.data, dict):
        problems.append(Problem(shown, 1, 1, "le fichier doit décrire un seul élément avec des champs "
                                "« nom: valeur », pas une liste (retirez les « - » en début de ligne)."))
        return None
    with open(path, encoding="utf-8", errors="replace") as handle:
        first_line = handle.readline()
    if not first_line.startswith(SCHEMA_COMMENT):
        problems.append(Problem(shown, 1, 1, f"la première ligne doit être « {SCHEMA_COMMENT}"
                                f"…/site_build/schemas/{schema}.schema.json » (elle donne l'aide à la saisie).",
                                warning=True))
    problems.extend(schema_problems(document, schema))
    return document


def load_dataset(data_dir: Path) -> tuple[Dataset, list[Problem]]:
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    dataset = Dataset(data_dir)
    if not (data_dir / "partners.yaml").exists():
        problems.append(Problem(display_path(data_dir / "partners.yaml"), 1, 1,
                                "fichier manquant : la liste des partenaires est obligatoire."))
    for filename, schema in LIST_FILES.items():
        path = data_dir / filename
        if path.exists():
            document = _load(path, schema, problems)
            if document:
                dataset.documents[schema] = document
                setattr(dataset, schema, [r for r in document.data if isinstance(r, dict)])
    for folder, schema, target in (("recipes", "recipe", dataset.recipes), ("forms", "form", dataset.forms)):
        for path in sorted((data_dir / folder).glob("*.y*ml")):
            document = _load(path, schema, problems)
            if document:
                dataset.documents[f"{folder}/{path.stem}"] = document
                target[path.stem] = document.data
    dataset.recipes = dict(sorted(dataset.recipes.items(), key=lambda kv: (str(kv[1].get("mois")), kv[0])))
    dataset.reindex()
    return dataset, problems
