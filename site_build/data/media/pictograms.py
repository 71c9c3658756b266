"""Pictograms from the icon sets shipped inside mkdocs-material (Material Design, Font Awesome,
Octicons, Simple Icons): editors name one, pages inline its SVG, so no request leaves the site."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from site_build.theme_location import theme_templates

# Attributes an inlined pictogram may not keep: it is drawn, never scripted or linked.
_UNSAFE = re.compile(r"<script|<foreignObject|\son[a-z]+\s*=|href\s*=", re.IGNORECASE)


@cache
def icon_folder() -> Path | None:
    templates = theme_templates()
    folder = templates / ".icons" if templates else None
    return folder if folder and folder.is_dir() else None


@cache
def pictogram_svg(name: str) -> str | None:
    """The SVG markup of 'material/food-apple', or None when the theme has no such icon."""
    folder = icon_folder()
    if folder is None or ".." in name.split("/"):
        return None
    path = folder / f"{name}.svg"
    if not path.is_file():
        return None
    svg = path.read_text(encoding="utf-8").strip()
    return svg if svg.startswith("<svg") and not _UNSAFE.search(svg) else None
