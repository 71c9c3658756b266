"""Checks of the `traductions:` blocks of the data (besoins, urgences): each language code must be a
language of the site (mkdocs.yml, `langues`), and a language with no translation at all in a file
is worth a warning (never an error: the French text is shown)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from babel import Locale, UnknownLocaleError

from site_build.data.dataset import Dataset

# document kind → what one record is called in a message
TRANSLATED = {"needs": ("besoin", "besoins"), "emergencies": ("contact", "contacts")}

Report = Callable[..., None]


def language_name(code: str) -> str:
    """The language's name in French: "anglais" for en."""
    try:
        return Locale.parse(code).get_display_name("fr") or code
    except (UnknownLocaleError, ValueError):
        return code


def check_translations(
    records_of: Callable[[str], list[Any]], languages: tuple[str, ...] | None, report: Report
) -> None:
    """`languages`: the site's codes, French first; None when the site's configuration is not known
    (the codes are then only checked to be languages)."""
    others = [code for code in (languages or ()) if code != "fr"]
    for kind, (one, many) in TRANSLATED.items():
        records = {i: r for i, r in enumerate(records_of(kind)) if isinstance(r, dict)}
        for i, record in records.items():
            translations = record.get("traductions")
            if not isinstance(translations, dict):
                continue
            for code in translations:
                known = languages is None or code in others
                if code == "fr" or not known or language_name(str(code)) == code:
                    listed = ", ".join(others) or "aucune autre que le français"
                    report(
                        kind,
                        (i, "traductions", code),
                        f"« {code} » n'est pas une langue du site (langues de mkdocs.yml : {listed}) ; "
                        "écrivez le code d'une de ces langues, ou ajoutez la langue au site",
                    )
        for code in others:
            missing = [i for i, r in records.items() if code not in (r.get("traductions") or {})]
            if missing:
                report(
                    kind,
                    (missing[0],),
                    f"{len(missing)} {many if len(missing) > 1 else one} sur {len(records)} sans traduction en "
                    f"{language_name(code)} ({code}) : le français sera affiché ; ajoutez « traductions: {code}: … »",
                    warning=True,
                )


def unreviewed(dataset: Dataset, codes: list[str]) -> list[tuple[str, str, str]]:
    """(file, language, what) for each file and language whose translations nobody fluent has
    checked yet (`relu` not true), for `site-build report`."""
    found = []
    for kind, (one, many) in TRANSLATED.items():
        document = dataset.documents.get(kind)
        records = [r for r in getattr(dataset, kind) if isinstance(r, dict)]
        for code in codes:
            pending = sum(
                1
                for record in records
                if isinstance((record.get("traductions") or {}).get(code), dict)
                and record["traductions"][code].get("relu") is not True
            )
            if pending and document:
                words = f"{many} traduits pas encore relus" if pending > 1 else f"{one} traduit pas encore relu"
                found.append((document.file, code, f"{pending} {words}"))
    return found
