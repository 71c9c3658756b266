"""Accent-free search: "epicerie" finds "Épicerie" in the site search, as people type on phones."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def add_accent_free_words(site_dir: Path) -> None:
    """Append to each entry of the search index the accent-free spelling of its accented words
    (the theme's French stemmer keeps accents, so "epicerie" would find nothing)."""
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        accented = {w for w in _WORD.findall(f"{doc.get('title', '')} {doc.get('text', '')}") if not w.isascii()}
        words = {folded for w in accented if (folded := fold(w)) != w}
        if words:
            doc["text"] = f"{doc.get('text', '')} <span hidden>{' '.join(sorted(words))}</span>"
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
