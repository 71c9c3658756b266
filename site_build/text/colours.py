"""A guide's own colour (extra.couleur): WCAG contrast, and the shades the theme draws with it."""

from __future__ import annotations

import re

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
WHITE = "#ffffff"
PALE = "#f2f7f4"  # the tiles' and panels' background (guide.css: --gp-fond)
AA_TEXT = 4.5  # WCAG 2.2 AA, normal text (1.4.3)


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: str) -> float:
    """WCAG relative luminance of « #rrggbb »."""

    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mixed(colour: str, other: str, share: float) -> str:
    """`colour` with `share` (0 to 1) of `other`: a shade (other black) or a tint (other white)."""
    pairs = zip(_channels(colour), _channels(other), strict=True)
    return "#" + "".join(f"{round(c + (o - c) * share):02x}" for c, o in pairs)


def readable_with_white(colour: str) -> bool:
    """White text on it, and it as text on white and on the pale panels, all meet WCAG AA."""
    return min(contrast(colour, WHITE), contrast(colour, PALE)) >= AA_TEXT


def darker_readable(colour: str) -> str:
    """The nearest darker shade that is readable_with_white (what to suggest to the editor)."""
    for step in range(1, 21):
        shade = mixed(colour, "#000000", step / 20)
        if readable_with_white(shade):
            return shade
    return "#000000"


def theme_colours(colour: str) -> str:
    """The stylesheet that paints the theme in the guide's colour (assets/stylesheets/couleurs.css)."""
    light, dark = mixed(colour, WHITE, 0.15), mixed(colour, "#000000", 0.3)
    return (
        "/* The guide's colour (extra.couleur in mkdocs.yml), checked for contrast when it is validated. */\n"
        ":root {\n"
        f"  --gp-vert: {colour};\n"
        f"  --md-primary-fg-color: {colour};\n"
        f"  --md-primary-fg-color--light: {light};\n"
        f"  --md-primary-fg-color--dark: {dark};\n"
        f"  --md-typeset-a-color: {colour};\n"
        "}\n"
    )
