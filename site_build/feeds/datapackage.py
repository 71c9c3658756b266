"""The open-data Data Package of the public tables, checked with Frictionless before publishing."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from site_build.data.checks.passed_checks import PassedChecks, digest
from site_build.data.loading.dataset import Dataset
from site_build.data.loading.vocabularies import slugs
from site_build.data.model.editions import Forum, TasteEvent
from site_build.data.model.records import Records
from site_build.feeds.record_columns import (
    PARTNER_COLUMNS,
    PARTNER_KEY,
    PROFESSIONAL_COLUMNS,
    SERVICE_COLUMNS,
    joined,
    list_field,
    rows,
)
from site_build.text.occurrences import occurrences, span
from site_build.text.spreadsheet import safe_cell

LICENCE = {
    "name": "etalab-2.0",
    "title": "Licence Ouverte / Open Licence 2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}


class PackageError(Exception):
    pass


def _list_field(name: str, title: str, vocabulary: str | None = None) -> dict[str, Any]:
    return list_field(name, title, slugs(vocabulary) if vocabulary else None)


def _field(name: str, title: str, kind: str = "string", required: bool = False, **constraints: Any) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": kind, "title": title}
    if required or constraints:
        field["constraints"] = ({"required": True} if required else {}) | constraints
    return field


SERVICE_TABLE = [SERVICE_COLUMNS[0], PARTNER_KEY, *SERVICE_COLUMNS[1:]]
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)*$"

TABLES = {
    # partners, services and people: their fields say which column they are (feeds/record_columns.py)
    "partenaires": (
        "Partenaires",
        "Structures du réseau.",
        [column.field for column in PARTNER_COLUMNS],
        ["id"],
        [],
    ),
    "services": (
        "Services",
        "Services proposés par les partenaires.",
        [column.field for column in SERVICE_TABLE],
        ["id"],
        [("partenaire_id", "partenaires", "id")],
    ),
    "professionnels": (
        "Professionnels (publics)",
        "Personnes dont les coordonnées sont publiques.",
        [column.field for column in PROFESSIONAL_COLUMNS],
        ["id"],
        [("partenaire_id", "partenaires", "id")],
    ),
    "recettes": (
        "Recettes",
        "Recettes du mois (Épicé'bon).",
        [
            _field("id", "Identifiant", required=True, pattern=SLUG_PATTERN),
            _field("titre", "Titre", required=True),
            _field("mois", "Mois", "yearmonth", required=True),
            _field("aliment_du_mois", "Aliment du mois"),
            _field("portions", "Portions", "integer", minimum=1),
            _field("preparation_min", "Préparation (min)", "integer", minimum=0),
            _field("cuisson_min", "Cuisson (min)", "integer", minimum=0),
            _field("difficulte", "Difficulté", enum=slugs("difficulte")),
            _list_field("materiel", "Matériel", "materiel"),
            _list_field("allergenes", "Allergènes", "allergenes"),
            _list_field("regimes", "Régimes", "regimes"),
        ],
        ["id"],
        [],
    ),
    "ingredients": (
        "Ingrédients",
        "Ingrédients de chaque recette, pour le nombre de portions de la recette.",
        [
            _field("recette_id", "Recette", required=True),
            _field("position", "Rang", "integer", required=True, minimum=1),
            _field("nom", "Ingrédient", required=True),
            _field("quantite", "Quantité", "number", minimum=0),
            _field("unite", "Unité", enum=slugs("unites")),
            _field("ajustable", "Varie avec le nombre de portions", "boolean"),
            _field("prix", "Prix de référence (euros)", "number", minimum=0),
        ],
        ["recette_id", "position"],
        [("recette_id", "recettes", "id")],
    ),
    "interventions": (
        "Interventions Épi'santé",
        "Interventions de santé pendant la distribution.",
        [
            _field("id", "Identifiant", required=True, pattern=SLUG_PATTERN),
            _field("titre", "Titre", required=True),
            _field("intervenant", "Intervenant"),
            _field("partenaire_id", "Partenaire", required=True),
            _field("lieu_id", "Lieu", required=True),
            _field("debut", "Début (heure de Paris)", "datetime", required=True),
            _field("fin", "Fin (heure de Paris)", "datetime"),
            _field("recurrence", "Règle de répétition (RRULE)"),
        ],
        ["id"],
        [("partenaire_id", "partenaires", "id"), ("lieu_id", "partenaires", "id")],
    ),
    "occurrences": (
        "Dates Épi'santé",
        "Chaque date des interventions sur les douze mois qui suivent la publication, "
        "répétitions calculées et exceptions retirées.",
        [
            _field("id", "Identifiant", required=True),
            _field("intervention_id", "Intervention", required=True),
            _field("debut", "Début (heure de Paris)", "datetime", required=True),
            _field("fin", "Fin (heure de Paris)", "datetime", required=True),
        ],
        ["id"],
        [("intervention_id", "interventions", "id")],
    ),
    "semaine_du_gout_animations": (
        "Semaine du goût : animations",
        "Les animations et le forum de chaque édition de la Semaine du goût.",
        [
            _field("id", "Identifiant (année--animation)", required=True),
            _field("edition", "Édition (année)", "integer", required=True),
            _field("titre", "Titre", required=True),
            _field("jour", "Jour", "date", required=True),
            _field("debut", "Début (heure de Paris)", "time"),
            _field("fin", "Fin (heure de Paris)", "time"),
            _field("lieu_id", "Lieu (partenaire)"),
            _field("lieu", "Lieu (autre adresse)"),
            _field("latitude", "Latitude", "number", minimum=-90, maximum=90),
            _field("longitude", "Longitude", "number", minimum=-180, maximum=180),
            _list_field("publics", "Publics"),
        ],
        ["id"],
        [("lieu_id", "partenaires", "id")],
    ),
    "semaine_du_gout_organisateurs": (
        "Semaine du goût : qui organise",
        "Les partenaires de chaque animation (et les stands du forum).",
        [
            _field("animation_id", "Animation", required=True),
            _field("partenaire_id", "Partenaire", required=True),
        ],
        ["animation_id", "partenaire_id"],
        [("animation_id", "semaine_du_gout_animations", "id"), ("partenaire_id", "partenaires", "id")],
    ),
    "semaine_du_gout_bus": (
        "Semaine du goût : arrêts du bus",
        "Chaque passage du bus du goût : le jour, l'arrêt, les heures et l'animation.",
        [
            _field("id", "Identifiant", required=True),
            _field("edition", "Édition (année)", "integer", required=True),
            _field("jour", "Jour", "date", required=True),
            _field("position", "Rang dans le trajet du jour", "integer", required=True, minimum=1),
            _field("arret_id", "Arrêt", required=True, pattern=SLUG_PATTERN),
            _field("arret", "Nom de l'arrêt", required=True),
            _field("quartier", "Quartier"),
            _field("latitude", "Latitude", "number", minimum=-90, maximum=90),
            _field("longitude", "Longitude", "number", minimum=-180, maximum=180),
            _field("arrivee", "Arrivée (heure de Paris)", "time", required=True),
            _field("depart", "Départ (heure de Paris)", "time", required=True),
            _field("animation", "Animation"),
        ],
        ["id"],
        [],
    ),
}


def table_rows(
    dataset: Dataset, today: date | None = None, records: Records | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows. `records`: the dataset's, typed, when the caller has them already."""
    records = records or Records.from_dataset(dataset)
    partners = rows(records.partners, PARTNER_COLUMNS)
    services = [
        {column.name: partner.id if column is PARTNER_KEY else column.value(service) for column in SERVICE_TABLE}
        for partner in records.partners
        for service in partner.services
    ]
    people = rows([x for x in records.professionals if x.visibilite == "public"], PROFESSIONAL_COLUMNS)
    recipes = [
        {
            "id": r.id,
            "titre": r.titre,
            "mois": r.mois,
            "aliment_du_mois": r.aliment_du_mois.nom,
            "portions": r.portions,
            "preparation_min": r.preparation_min,
            "cuisson_min": r.cuisson_min,
            "difficulte": r.difficulte,
            "materiel": joined(r.materiel),
            "allergenes": joined(r.allergenes),
            "regimes": joined(r.regimes),
        }
        for r in records.recipes
    ]
    ingredients = [
        {
            "recette_id": r.id,
            "position": n,
            "nom": x.nom,
            "quantite": x.quantite,
            "unite": x.unite,
            "ajustable": x.ajustable,
            "prix": x.prix,
        }
        for r in records.recipes
        for n, x in enumerate(r.ingredients, 1)
    ]
    events = []
    for i in records.interventions:
        start, end = span(i.timing)
        events.append(
            {
                "id": i.id,
                "titre": i.titre,
                "intervenant": i.intervenant,
                "partenaire_id": i.partenaire,
                "lieu_id": i.lieu,
                "debut": start.isoformat(),
                "fin": end.isoformat(),
                "recurrence": i.recurrence,
            }
        )
    start = datetime.combine(today or date.today(), datetime.min.time())
    dates = [
        {"id": f"{i.id}--{s:%Y-%m-%dT%H%M}", "intervention_id": i.id, "debut": s.isoformat(), "fin": f.isoformat()}
        for i in records.interventions
        for s, f in occurrences(i.timing, start, start + timedelta(days=366))
    ]
    return {
        "partenaires": partners,
        "services": services,
        "professionnels": people,
        "recettes": recipes,
        "ingredients": ingredients,
        "interventions": events,
        "occurrences": dates,
        **edition_rows(records),
    }


def _seconds(hhmm: str | None) -> str | None:
    """ "14:00" as a Table Schema time: "14:00:00"."""
    return f"{hhmm}:00" if hhmm else None


def _animation(year: str, item: TasteEvent | Forum, publics: tuple[str, ...]) -> dict[str, Any]:
    place = item.adresse
    return {
        "id": f"{year}--{item.id if isinstance(item, TasteEvent) else 'forum'}",
        "edition": int(year),
        "titre": item.titre,
        "jour": str(item.jour),
        "debut": _seconds(item.debut),
        "fin": _seconds(item.fin),
        "lieu_id": item.lieu,
        "lieu": place.nom if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "publics": joined(publics),
    }


def edition_rows(records: Records) -> dict[str, list[dict[str, Any]]]:
    """The Semaine du goût tables: animations (the forum among them), who organises, the bus's stops."""
    animations: list[dict[str, Any]] = []
    organisers: list[dict[str, Any]] = []
    stops: list[dict[str, Any]] = []
    for edition in records.editions:
        year = edition.annee
        items: list[tuple[TasteEvent | Forum, tuple[str, ...], tuple[str, ...]]] = [
            (event, event.organisateurs, event.publics) for event in edition.evenements
        ]
        if edition.forum:
            items.append((edition.forum, tuple(s.partenaire for s in edition.forum.stands), ("tout-public",)))
        for item, who, publics in items:
            row = _animation(year, item, publics)
            animations.append(row)
            organisers += [{"animation_id": row["id"], "partenaire_id": one} for one in dict.fromkeys(who)]
        known = {stop.id: stop for stop in edition.bus.arrets} if edition.bus else {}
        for tour in edition.bus.tournees if edition.bus else ():
            for n, passage in enumerate(tour.passages, 1):
                stop = known.get(passage.arret)
                stops.append(
                    {
                        "id": f"{year}--{tour.jour}--{n}",
                        "edition": int(year),
                        "jour": str(tour.jour),
                        "position": n,
                        "arret_id": passage.arret,
                        "arret": stop.nom if stop else passage.arret,
                        "quartier": stop.quartier if stop else None,
                        "latitude": stop.latitude if stop else None,
                        "longitude": stop.longitude if stop else None,
                        "arrivee": _seconds(passage.arrivee),
                        "depart": _seconds(passage.depart),
                        "animation": passage.animation,
                    }
                )
    return {
        "semaine_du_gout_animations": animations,
        "semaine_du_gout_organisateurs": organisers,
        "semaine_du_gout_bus": stops,
    }


def descriptor(title: str, licence: dict[str, Any] = LICENCE, source: str = "") -> dict[str, Any]:
    resources = []
    for name, (table_title, description, fields, key, foreign) in TABLES.items():
        schema = {"fields": fields, "primaryKey": key}
        if foreign:
            schema["foreignKeys"] = [{"fields": f, "reference": {"resource": r, "fields": k}} for f, r, k in foreign]
        resources.append(
            {
                "name": name,
                "title": table_title,
                "description": description,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    sources = [
        {"title": "CCAS et partenaires du guide partagé (fiches vérifiées par les équipes)"}
        | ({"path": source} if source else {})
    ]
    return {
        "name": "guide-partage",
        "title": title,
        "description": "Partenaires, services, recettes et interventions Épi'santé du guide partagé.",
        "licenses": [licence],
        "sources": sources,
        "resources": resources,
    }


def _csv(rows: list[dict[str, Any]], fields: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[f["name"] for f in fields], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: ("true" if v is True else "false" if v is False else "" if v is None else safe_cell(v))
                for k, v in row.items()
            }
        )
    return out.getvalue().encode("utf-8")


def package_files(
    dataset: Dataset,
    title: str = "Le guide partagé",
    today: date | None = None,
    licence: dict[str, Any] = LICENCE,
    source: str = "",
    records: Records | None = None,
) -> dict[str, bytes]:
    """{file name: bytes} of the package: one CSV per table and datapackage.json. Not yet checked."""
    found = table_rows(dataset, today, records)
    files = {f"{name}.csv": _csv(found[name], TABLES[name][2]) for name in TABLES}
    files["datapackage.json"] = json.dumps(descriptor(title, licence, source), ensure_ascii=False, indent=2).encode(
        "utf-8"
    )
    return files


def package_errors(files: dict[str, bytes], passes: PassedChecks | None = None) -> list[str]:
    """What Frictionless finds wrong with the package (empty when valid). Pure, so it can run in a worker.
    With `passes`, a package already found valid (the same bytes, the same Frictionless) is not checked again."""
    from importlib.metadata import version

    key = digest(
        version("frictionless").encode(), *(part for name in sorted(files) for part in (name.encode(), files[name]))
    )
    if passes and passes.passed(key):
        return []
    errors = _frictionless_errors(files)
    if passes and not errors:
        passes.remember(key)
    return errors


def _frictionless_errors(files: dict[str, bytes]) -> list[str]:
    import frictionless  # heavy import, only where a package is checked

    with tempfile.TemporaryDirectory() as folder:
        for name, content in files.items():
            (Path(folder) / name).write_bytes(content)
        report = frictionless.validate(str(Path(folder) / "datapackage.json"))
    found = [("datapackage.json", error) for error in report.errors]
    found += [(f"{task.name}.csv", error) for task in report.tasks for error in task.errors]
    return [
        name
        + (f", ligne {getattr(error, 'row_number', '')}" if getattr(error, "row_number", None) else "")
        + (f", champ {error.field_name}" if getattr(error, "field_name", None) else "")
        + f" : {error.message}"
        for name, error in found
    ]


def raise_for(errors: list[str]) -> None:
    if errors:
        raise PackageError("paquet de données invalide : " + " ; ".join(errors[:10]))


def build_package(dataset: Dataset, title: str = "Le guide partagé") -> dict[str, bytes]:
    """The package's files, after Frictionless found them valid (PackageError otherwise)."""
    files = package_files(dataset, title)
    raise_for(package_errors(files))
    return files
