"""The installed app's icons (favicon, home screen, PWA) drawn from a guide's logo, SVG or PNG:
the logo on the guide's colour, a maskable icon keeping it inside the safe zone (80 %).
An SVG is rasterised by resvg (no browser, no system library), then drawn like a PNG with Pillow."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import resvg_py
from PIL import Image, ImageDraw, UnidentifiedImageError

# file → (size in pixels, share of the square the logo takes, rounded corners)
ICON_SIZES = {
    "favicon-48.png": (48, 0.9, True),
    "apple-touch-icon.png": (180, 0.72, False),
    "icon-192.png": (192, 0.78, True),
    "icon-512.png": (512, 0.78, True),
    "icon-maskable-512.png": (512, 0.6, False),
}
LARGEST = max(size for size, _, _ in ICON_SIZES.values())


# what an SVG logo must not hold: it is shown in pages, and nothing may load from elsewhere
_ACTIVE_OR_OUTSIDE = re.compile(
    r"<script|\son\w+\s*=|javascript:|<foreignObject|href\s*=\s*[\"']?\s*(https?:|//)", re.I
)


class UnreadableLogo(ValueError):
    """An SVG that resvg cannot draw, or that draws nothing."""


def logo_image(logo: Path) -> Image.Image:
    """The logo as an RGBA image: a PNG as it is, an SVG drawn at the largest icon's size."""
    if logo.suffix.lower() != ".svg":
        with Image.open(logo) as opened:
            return opened.convert("RGBA")
    try:
        # no system font is read: a logo's text without its font would differ from one machine to another
        png = resvg_py.svg_to_bytes(svg_path=str(logo), width=LARGEST, skip_system_fonts=True)
    except ValueError as error:
        raise UnreadableLogo(str(error)) from None
    image = Image.open(io.BytesIO(bytes(png))).convert("RGBA")
    if image.getchannel("A").getbbox() is None:
        raise UnreadableLogo("nothing is drawn")
    return image


def logo_problems(path: Path) -> list[str]:
    """What is wrong with a logo file, in French: the icons are drawn from it."""
    if not path.is_file():
        return [f"le logo « {path} » n'existe pas"]
    if path.suffix.lower() == ".png":
        try:
            with Image.open(path) as image:
                if image.format != "PNG":
                    return [f"« {path.name} » n'est pas une image PNG"]
                image.verify()
                small = min(image.size) < 192
        except UnidentifiedImageError:
            return [f"« {path.name} » n'est pas une image PNG"]
        except (OSError, SyntaxError, ValueError):
            return [f"« {path.name} » est une image PNG abîmée : enregistrez-la de nouveau"]
        return (
            [f"le logo « {path.name} » est trop petit : donnez une image d'au moins 192 pixels de côté"]
            if small
            else []
        )
    if path.suffix.lower() == ".svg":
        text = path.read_text(encoding="utf-8", errors="replace")
        if "<svg" not in text:
            return [f"« {path.name} » n'est pas une image SVG"]
        if _ACTIVE_OR_OUTSIDE.search(text):
            return [f"« {path.name} » contient un script ou un lien externe : enregistrez le logo en SVG simple"]
        try:
            logo_image(path)  # the icons are drawn from it: it must draw something
        except UnreadableLogo:
            return [f"« {path.name} » ne dessine rien de lisible : enregistrez-le de nouveau en SVG, ou donnez un PNG"]
        return []
    return [f"le logo doit être un fichier SVG ou PNG, pas « {path.suffix or path.name} »"]


def theme_logo(config: Mapping[str, Any]) -> Path | None:
    """The logo mkdocs.yml names (theme.logo), in the theme's own folder or in the pages' folder;
    None when it names none."""
    if not config["theme"].get("logo"):
        return None
    logo = str(config["theme"]["logo"])
    for folder in (config["theme"].custom_dir, config["docs_dir"]):
        if folder and (Path(folder) / logo).is_file():
            return Path(folder) / logo
    return Path(logo)


def draw_icons(logo: Path, colour: str, icons: Path) -> list[Path]:
    """Write each icon of ICON_SIZES into `icons` from an SVG or PNG logo; the files written."""
    source = logo_image(logo)
    written = []
    for name, (size, share, rounded) in ICON_SIZES.items():
        mask = Image.new("L", (size, size), 0)
        ImageDraw.Draw(mask).rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6 if rounded else 0, fill=255)
        icon = Image.new("RGBA", (size, size), (0, 0, 0, 0))
        icon.paste(Image.new("RGBA", (size, size), colour), (0, 0), mask)
        inner = source.copy()
        inner.thumbnail((round(size * share), round(size * share)), Image.Resampling.LANCZOS)
        icon.alpha_composite(inner, ((size - inner.width) // 2, (size - inner.height) // 2))
        icon.save(icons / name, optimize=True)
        written.append(icons / name)
    return written
