"""Where the installed mkdocs-material keeps its templates (icons, translations), found without importing it."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path


@cache
def theme_templates() -> Path | None:
    spec = importlib.util.find_spec("material")
    if not spec or not spec.origin:
        return None
    folder = Path(spec.origin).parent / "templates"
    return folder if folder.is_dir() else None
