"""Text as the browser's search compares it (helpers.js `fold`): no accents or Arabic short vowels,
one way to write the Arabic letters people write either way, lower case. Both sides must agree:
the build writes folded words into the pages (a recipe card's ingredients) that the script matches."""

from __future__ import annotations

import unicodedata

_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
_ACCENTS = range(0x0300, 0x0370)


def _is_arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff"


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    folded = "".join(c for c in decomposed if ord(c) not in _ACCENTS)
    if any(_is_arabic(c) for c in folded):  # short vowels and hamza marks; letters written either way
        folded = "".join(c for c in folded if not unicodedata.category(c).startswith("M")).translate(_ARABIC)
    return folded.lower().strip()
