"""The guide's palette (guide.css, --gp-* colours): every pair used for text meets WCAG AA."""

from __future__ import annotations

import re

from site_build.text.colours import contrast

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


def test_every_text_pair_of_the_palette_meets_wcag_aa():
    assert {"vert", "terre", "urgence", "encre", "fond", "blanc"} <= set(PALETTE)
    weak = [(t, b, round(contrast(PALETTE[t], PALETTE[b]), 2)) for t, b in TEXT_PAIRS]
    assert all(ratio >= 4.5 for *_, ratio in weak), weak


def test_the_logo_is_drawn_in_the_palette():
    logo = (ROOT / "site_build/theme/assets/images/logo.svg").read_text(encoding="utf-8")
    assert PALETTE["vert"] in logo
    assert "<script" not in logo and "href" not in logo
