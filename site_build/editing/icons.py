"""The installed app's icons (favicon, home screen, PWA) drawn from a guide's PNG logo with Pillow:
the logo on the guide's colour, a maskable icon keeping it inside the safe zone (80 %)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

# file → (size in pixels, share of the square the logo takes, rounded corners)
ICON_SIZES = {
    "favicon-48.png": (48, 0.9, True),
    "apple-touch-icon.png": (180, 0.72, False),
    "icon-192.png": (192, 0.78, True),
    "icon-512.png": (512, 0.78, True),
    "icon-maskable-512.png": (512, 0.6, False),
}


def draw_icons(logo: Path, colour: str, icons: Path) -> list[Path]:
    """Write each icon of ICON_SIZES into `icons` from a PNG logo; the files written."""
    with Image.open(logo) as opened:
        source = opened.convert("RGBA")
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
