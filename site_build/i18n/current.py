"""The language pages are being made in, for the code that writes them: `speaking("en", pages)`
around a language's pages; `gettext()` then answers in it, and links to a page that language does
not have lead to the French one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from site_build.i18n.catalogs import translated_ids, translations
from site_build.i18n.languages import DEFAULT, folder_of
from site_build.i18n.pages import NO_PAGES, Pages


@dataclass(frozen=True)
class Speaking:
    code: str = DEFAULT
    own_pages: Pages = NO_PAGES  # the pages this language has

    @property
    def folder(self) -> str:
        return folder_of(self.code)


_FRENCH = Speaking()
_current: ContextVar[Speaking | None] = ContextVar("speaking", default=None)


@contextmanager
def speaking(code: str, own_pages: Pages = NO_PAGES) -> Iterator[None]:
    token = _current.set(Speaking(code, own_pages))
    try:
        yield
    finally:
        _current.reset(token)


def current() -> Speaking:
    return _current.get() or _FRENCH


def gettext(text: str) -> str:
    """`text` (French) in the language pages are being made in."""
    return translations(current().code).gettext(text)


def is_translated(text: str) -> bool:
    """Whether the page's language says `text` in its own words (French pages always do)."""
    code = current().code
    return code == DEFAULT or text in translated_ids(code)


def N_(text: str) -> str:  # noqa: N802 (the gettext convention)
    """Marks a French text to translate later (a constant); gettext() translates it when shown."""
    return text
