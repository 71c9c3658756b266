"""The guide's palette (guide.css, --gp-* colours): every pair used for text meets WCAG AA."""

from __future__ import annotations

import re

from .conftest import ROOT

CSS = (ROOT / "site_build/theme/assets/stylesheets/guide.css").read_text(encoding="utf-8")
PALETTE = dict(re.findall(r"--gp-([a-z]+):\s*(#[0-9a-f]{6})", CSS))
# (text, background) pairs the stylesheet uses
TEXT_PAIRS = [
    ("blanc", "vert"),  # header, buttons, chosen chips
    ("vert", "blanc"),  # links, chips
    ("vert", "fond"),  # tiles
    ("encre", "fond"),
    ("blanc", "terre"),  # « Ce mois-ci » badge
    ("terre", "blanc"),
    ("blanc", "urgence"),  # emergency banner
    ("urgence", "blanc"),  # emergency block titles
]


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_text_pair_of_the_palette_meets_wcag_aa():
    assert {"vert", "terre", "urgence", "encre", "fond", "blanc"} <= set(PALETTE)
    weak = [(t, b, round(contrast(PALETTE[t], PALETTE[b]), 2)) for t, b in TEXT_PAIRS]
    assert all(ratio >= 4.5 for *_, ratio in weak), weak


def test_the_logo_is_drawn_in_the_palette():
    logo = (ROOT / "site_build/theme/assets/images/logo.svg").read_text(encoding="utf-8")
    assert PALETTE["vert"] in logo
    assert "<script" not in logo and "href" not in logo
