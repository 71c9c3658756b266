"""The sentences the theme's scripts write (« Ouvert — ferme à 12 h »), in French, read from the
one list that has them: FRENCH_TEXTS in textes.js (the scripts need them on a device with no
network, so the list lives there). A page in another language carries them translated
(`#gp-textes`, from its catalog); French pages need nothing. {name} marks a value the script fills.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "theme" / "assets" / "javascripts" / "textes.js"
_BLOCK_START, _BLOCK_END = "var FRENCH_TEXTS = {", "\n};"
_ENTRY = re.compile(r'^\s+(?P<key>\w+): (?P<text>"(?:[^"\\]|\\.)*"),?$')


class ScriptTextsError(ValueError):
    """textes.js does not hold its list as expected (a line written another way)."""


def read_script_texts(script: Path = SCRIPT) -> dict[str, str]:
    """key → French sentence, one per line of the FRENCH_TEXTS object of textes.js."""
    text = script.read_text(encoding="utf-8")
    start = text.index(_BLOCK_START) + len(_BLOCK_START)
    block = text[start : text.index(_BLOCK_END, start)]
    texts = {}
    for number, line in enumerate(block.strip("\n").split("\n"), 1):
        match = _ENTRY.match(line)
        if not match:
            raise ScriptTextsError(f'{script.name}: line {number} of FRENCH_TEXTS is not « key: "text", »: {line!r}')
        texts[match["key"]] = json.loads(match["text"])
    return texts


SCRIPT_TEXTS = read_script_texts()
