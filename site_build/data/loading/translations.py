"""Checks of the `traductions:` blocks of the data (structures and their services, personnes,
besoins, urgences, interventions, recettes, aides, Semaine du goût):
each language code must be a language of the site (mkdocs.yml, `langues`), a translated list of
ingredients or steps has one line per French line, and a record left untranslated is worth a
warning (never an error: the French text is shown)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from babel import UnknownLocaleError

from site_build.data.loading.dataset import EDITIONS_FOLDER, Dataset
from site_build.language_names import name_of

# what one record of a file is called in a message
NAMES = {
    "needs": ("besoin", "besoins", ""),
    "emergencies": ("contact", "contacts", ""),
    "interventions": ("intervention", "interventions", "e"),  # the last: the feminine's e
    "recipes": ("recette", "recettes", "e"),
    "rights": ("aide", "aides", "e"),
    "partners": ("fiche (structure ou service)", "fiches (structures et services)", "e"),
    "professionals": ("personne", "personnes", "e"),
    "editions": ("texte (édition ou animation)", "textes (édition et animations)", ""),
}
# lists of a record whose translation gives one item per French item, in the same order
PARALLEL_LISTS = {
    "ingredients": "un nom d'ingrédient",
    "etapes": "une étape",
    "documents": "un document",
    "justificatifs": "un document",
    "astuces": "une astuce",
}

Report = Callable[..., None]
FieldPath = tuple[Any, ...]


@dataclass(frozen=True)
class TranslatedFile:
    """The records of one data file that can carry `traductions:` (path in the file → record)."""

    kind: str  # the document's key: "needs", "recipes/<id>"…
    one: str
    many: str
    feminine: str  # "e" for a feminine noun: « traduite », « relue »
    records: dict[FieldPath, dict[str, Any]]


def translated_files(dataset: Dataset) -> list[TranslatedFile]:
    found = []
    for kind in ("needs", "emergencies", "interventions", "rights"):
        records = {(i,): r for i, r in enumerate(getattr(dataset, kind)) if isinstance(r, dict)}
        found.append(TranslatedFile(kind, *NAMES[kind], records))
    for identifier, recipe in dataset.recipes.items():
        if isinstance(recipe, dict):
            found.append(TranslatedFile(f"recipes/{identifier}", *NAMES["recipes"], {(): recipe}))
    partners: dict[FieldPath, dict[str, Any]] = {}
    for i, partner in enumerate(dataset.partners):
        if isinstance(partner, dict):
            partners[(i,)] = partner
            partners |= {(i, "services", j): s for j, s in enumerate(_listed(partner, "services"))}
    found.append(TranslatedFile("partners", *NAMES["partners"], partners))
    # only the people the public site shows have words to translate
    people = {(i,): p for i, p in enumerate(dataset.professionals) if isinstance(p, dict)}
    shown = {path: p for path, p in people.items() if p.get("visibilite") == "public" or "traductions" in p}
    found.append(TranslatedFile("professionals", *NAMES["professionals"], shown))
    for year, edition in dataset.editions.items():
        if isinstance(edition, dict):
            texts: dict[FieldPath, dict[str, Any]] = {(): edition}
            texts |= {("evenements", j): e for j, e in enumerate(_listed(edition, "evenements"))}
            bus = edition["bus"] if isinstance(edition.get("bus"), dict) else {}
            for t, tour in enumerate(_listed(bus, "tournees")):
                texts |= {("bus", "tournees", t, "passages", j): p for j, p in enumerate(_listed(tour, "passages"))}
            found.append(TranslatedFile(f"{EDITIONS_FOLDER}/{year}", *NAMES["editions"], texts))
    return found


def _listed(record: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = record.get(key)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def language_name(code: str) -> str:
    """The language's name in French: "anglais" for en."""
    try:
        return name_of(code, "fr")
    except (UnknownLocaleError, ValueError):
        return code


def check_translations(dataset: Dataset, languages: tuple[str, ...] | None, report: Report) -> None:
    """`languages`: the site's codes, French first; None when the site's configuration is not known
    (the codes are then only checked to be languages)."""
    others = [code for code in (languages or ()) if code != "fr"]
    for file in translated_files(dataset):
        for path, record in file.records.items():
            translations = record.get("traductions")
            if not isinstance(translations, dict):
                continue
            for code, translation in translations.items():
                known = languages is None or code in others
                if code == "fr" or not known or language_name(str(code)) == code:
                    listed = ", ".join(others) or "aucune autre que le français"
                    report(
                        file.kind,
                        (*path, "traductions", code),
                        f"« {code} » n'est pas une langue du site (langues de mkdocs.yml : {listed}) ; "
                        "écrivez le code d'une de ces langues, ou ajoutez la langue au site",
                    )
                elif isinstance(translation, dict):
                    _same_lengths(file.kind, (*path, "traductions", code), record, translation, report)
        for code in others:
            missing = [p for p, r in file.records.items() if code not in (r.get("traductions") or {})]
            if missing:
                count = len(missing)
                what = f"{count} {file.many if count > 1 else file.one} sur {len(file.records)}"
                report(
                    file.kind,
                    missing[0] or (next(iter(file.records[()]), "titre"),),  # one record: its first line
                    f"{what if len(file.records) > 1 else file.one.capitalize()} sans traduction en "
                    f"{language_name(code)} ({code}) : le français sera affiché ; ajoutez « traductions: {code}: … »",
                    warning=True,
                )


def _same_lengths(
    kind: str, path: FieldPath, record: dict[str, Any], translation: dict[str, Any], report: Report
) -> None:
    """A translated list of ingredients or steps has one item per French item."""
    for field, item in PARALLEL_LISTS.items():
        french, translated = record.get(field) or [], translation.get(field)
        if isinstance(french, list) and isinstance(translated, list) and len(french) != len(translated):
            report(
                kind,
                (*path, field),
                f"la traduction a {_lines(len(translated))}, le français en a {_lines(len(french))} : "
                f"écrivez une ligne traduite ({item}) pour chaque ligne en français, dans le même ordre",
            )


def _lines(count: int) -> str:
    return f"{count} ligne{'s' if count > 1 else ''}"


def unreviewed(dataset: Dataset, codes: list[str]) -> list[tuple[str, str, str]]:
    """(file, language, what) for each file and language whose translations nobody fluent has
    checked yet (`relu` not true), for `site-build report`."""
    found = []
    for file in translated_files(dataset):
        document = dataset.documents.get(file.kind)
        for code in codes:
            pending = sum(
                1
                for record in file.records.values()
                if isinstance((record.get("traductions") or {}).get(code), dict)
                and record["traductions"][code].get("relu") is not True
            )
            if pending and document:
                e, s = file.feminine, "s" if pending > 1 else ""
                words = f"{file.many if pending > 1 else file.one} traduit{e}{s} pas encore relu{e}{s}"
                found.append((document.file, code, f"{pending} {words}"))
    return found
