"""Interface strings in each language: gettext catalogs (locales/<code>.po), read with Babel.

The French text is the message id, so French needs no catalog and a string nobody translated
yet shows in French rather than as a key. The .po files are read as they are (no compiled .mo
file to keep in step); a message marked fuzzy counts as untranslated. A translation nobody fluent
has checked yet carries the flag `#, a-relire` (REVIEW_FLAG): it is shown, and listed for editors.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from site_build.i18n.languages import DEFAULT
from site_build.language_names import babel_locale

LOCALES = Path(__file__).parent / "locales"
REVIEW_FLAG = "a-relire"


def locales_folder() -> Path:
    """The catalogs' folder; SITE_BUILD_LOCALES names another (a translator trying a catalog, tests)."""
    return Path(os.environ.get("SITE_BUILD_LOCALES") or LOCALES)


def catalog_file(code: str) -> Path:
    return locales_folder() / f"{code}.po"


@cache
def catalog(code: str) -> Catalog:
    with catalog_file(code).open("rb") as handle:
        return read_po(handle, locale=babel_locale(code))


@cache
def translations(code: str) -> gettext.NullTranslations:
    if code == DEFAULT or not catalog_file(code).exists():
        return gettext.NullTranslations()
    compiled = BytesIO()
    write_mo(compiled, catalog(code))  # fuzzy messages are left out
    compiled.seek(0)
    return Translations(compiled)


@cache
def translated_ids(code: str) -> frozenset[str]:
    """The French strings the language's catalog translates (an empty or fuzzy entry does not)."""
    if code == DEFAULT or not catalog_file(code).exists():
        return frozenset()
    return frozenset(m.id for m in catalog(code) if isinstance(m.id, str) and m.id and m.string and not m.fuzzy)


def untranslated(code: str, wanted: set[str]) -> list[str]:
    """The French strings of `wanted` that the language's catalog does not translate yet."""
    if code == DEFAULT:
        return []
    translated = translated_ids(code)
    return sorted(text for text in wanted if text not in translated)


def unreviewed(code: str, wanted: set[str]) -> list[str]:
    """The French strings of `wanted` whose translation still carries the review flag."""
    if code == DEFAULT or not catalog_file(code).exists():
        return []
    known = catalog(code)
    return sorted(
        text
        for text in wanted
        if (message := known.get(text)) is not None and message.string and REVIEW_FLAG in message.flags
    )


@cache
def has_unreviewed(code: str) -> bool:
    """True when some translation of the language's catalog still carries the review flag: every
    generated page of that language shows its words, so each says its translation is unreviewed."""
    if code == DEFAULT or not catalog_file(code).exists():
        return False
    return any(message.id and REVIEW_FLAG in message.flags for message in catalog(code))
