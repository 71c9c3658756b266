"""Fixes to the theme's own markup so every page is valid HTML (Nu Html Checker)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from site_build.i18n.languages import FRENCH, Language

# Material puts autocomplete="off" on its checkbox toggles (menu, search) to stop Firefox from
# restoring them; HTML allows autocomplete on text-like inputs only.
_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


# The search overlay is a dialog without a name (Lighthouse: aria-dialog-name).
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


# On a page outside the navigation (generated pages), the table of contents' title is a label for
# the __toc toggle that only the navigation draws: a label for nothing. It becomes plain text.
_ORPHAN_TOC_TITLE = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)


# With navigation.tabs the theme writes tabindex="" on the labels of top-level sections (their toggle
# is not in the tab order): an empty tabindex is invalid HTML, and no tabindex means the same.
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*") tabindex=""')


# The theme writes the writing direction on <body> only; assistive tools and the Nu checker read <html>.
_HTML_LANG = re.compile(r'<html lang="([^"]+)"')


def valid_theme_markup(page: str, language: Language = FRENCH, gettext: Callable[[str], str] = str) -> str:
    label = html.escape(gettext("Rechercher dans le guide"), quote=True)
    page = page.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{label}">')
    page = _HTML_LANG.sub(rf'<html lang="\1" dir="{language.direction}"', page, count=1)
    if 'id="__toc"' not in page:
        page = _ORPHAN_TOC_TITLE.sub(r'<div class="md-nav__title">\1</div>', page, count=1)
    page = _EMPTY_TABINDEX.sub(r"\1", page)
    return _TOGGLE.sub(r"\1", page)
