"""Text as the browser's search compares it (helpers.js `fold`): no accents or Arabic short vowels,
one way to write the Arabic letters people write either way, lower case. Both sides must agree:
the build writes folded words into the pages (a recipe card's ingredients) that the script matches."""

from __future__ import annotations

import unicodedata

_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return bare.translate(_ARABIC).lower().strip()
