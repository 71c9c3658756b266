"""Fixes to the theme's own markup so every page is valid HTML (Nu Html Checker)."""
from __future__ import annotations

import re

# Material puts autocomplete="off" on its checkbox toggles (menu, search) to stop Firefox from
# restoring them; HTML allows autocomplete on text-like inputs only.
_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


def valid_theme_markup(page: str) -> str:
    return _TOGGLE.sub(r"\1", page)
