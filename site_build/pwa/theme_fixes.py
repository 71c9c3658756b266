"""Fixes to the theme's own markup so every page is valid HTML (Nu Html Checker)."""

from __future__ import annotations

import re

# Material puts autocomplete="off" on its checkbox toggles (menu, search) to stop Firefox from
# restoring them; HTML allows autocomplete on text-like inputs only.
_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


# The search overlay is a dialog without a name (Lighthouse: aria-dialog-name).
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def valid_theme_markup(page: str) -> str:
    page = page.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + ' aria-label="Rechercher dans le guide">')
    return _TOGGLE.sub(r"\1", page)
