"""Printouts, printed to PDF by Chromium as a person's « Imprimer » would: each says what it is (the page's
title), whose guide it comes from and when it was printed, fits the pages it should, and nothing runs off
the paper."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from .conftest import ROOT, open_page

# points (1/72 in) of the paper sizes the print rules ask for
A4, A5 = (595, 842), (420, 595)
MM = 96 / 25.4  # CSS pixels per millimetre

# (profile, path, paper, at most this many sheets, the title's selector)
PRINTABLE = [
    ("public", "/", A4, 2, "h1"),
    ("public", "/guide/epicerie/", A4, 2, "h1"),
    ("public", "/annuaire/epicea/", A4, 2, "h1"),
    ("public", "/urgences/", A4, 2, "h1"),
    ("public", "/facile/epicerie/", A4, 3, "h1"),
    ("public", "/mes-droits/", A4, 6, "h1"),
    ("public", "/semaine-du-gout/2026/affiche/", A4, 1, ".gp-affiche__titre"),
    ("public", "/semaine-du-gout/questionnaire/", A4, 4, ".gp-questionnaire__titre"),
    ("pro", "/liaison/fiche-de-liaison/", A4, 2, "h1"),
    ("pro", "/annuaire/epicea/", A4, 2, "h1"),
]
RECIPES = sorted(p.stem for p in (ROOT / "data/recipes").glob("*.yaml"))
OWN_LAYOUT = {".gp-affiche__titre", ".gp-questionnaire__titre"}  # a poster is its own heading


def _words(text: str) -> str:
    return " ".join(text.split())


def _printed(page) -> tuple[str, int, tuple[int, int]]:
    """(text, sheets, paper size in points) of the page printed as the browser's print dialog would."""
    page.wait_for_selector("[data-gp-imprime-le]:not(:empty)", state="attached")  # dated by impression.js
    pdf = page.pdf(prefer_css_page_size=True)
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    text = _words(" ".join(p.extract_text() for p in reader.pages))
    return text, len(reader.pages), (round(box.width), round(box.height))


def _smallest_text(page) -> float:
    """The smallest type on paper, in points (the font size as the PDF's text matrices scale it)."""
    sizes: list[float] = []

    def seen(text, cm, tm, font, size):
        if text.strip():
            sizes.append(size * tm[0] * cm[0])

    for sheet in PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages:
        sheet.extract_text(visitor_text=seen)
    return round(min(sizes), 1)


def _overflowing(page, paper: tuple[int, int]) -> list[str]:
    """What is wider than the paper's printable width once the print rules apply (margins at most 14 mm)."""
    width = int(paper[0] / 72 * 25.4 * MM - 2 * 10 * MM)
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(media="print")
    return page.evaluate(
        """limit => [...document.querySelectorAll('.md-content *')]
            .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > limit + 1)
            .map(e => e.tagName + '.' + e.className).slice(0, 5)""",
        width,
    )


@pytest.mark.parametrize("profile,path,paper,sheets,title", PRINTABLE, ids=[f"{p[0]}{p[1]}" for p in PRINTABLE])
def test_every_printable_page_prints_with_its_title(browser, site_urls, profile, path, paper, sheets, title):
    context, page, errors = open_page(browser, site_urls[profile] + path)
    try:
        page.wait_for_load_state("load")
        heading = _words(page.locator(title).first.inner_text())
        text, count, size = _printed(page)
        assert heading in text, (heading, text[:300])
        if title not in OWN_LAYOUT:
            assert "Le guide partagé · CCAS de Vierzon" in text and "Imprimé le " in text, text[:300]
        assert size == paper and 1 <= count <= sheets, (size, count)
        assert _overflowing(page, paper) == []
        assert errors == []
    finally:
        context.close()


def test_every_recipe_is_one_a5_leaflet_that_says_where_and_when_to_come(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/")
    try:
        for recipe in RECIPES:
            page.goto(f"{site_urls['public']}/recettes/{recipe}/")
            page.wait_for_load_state("load")
            title = _words(page.locator("h1").inner_text())
            text, count, size = _printed(page)
            assert (size, count) == (A5, 1), (recipe, size, count)
            assert title in text and "Imprimé le " in text, recipe
            # where and when: the grocery's name, street and distribution hours, on paper only
            assert "Les produits sont à l'épicerie Épicéa" in text and "12 rue des Forges" in text, recipe
            assert re.search(r"La distribution : .*mardi", text), recipe
            assert not page.locator(".gp-venir").is_visible()  # the screen has the home page's block
        assert _overflowing(page, A5) == []
        assert errors == []
    finally:
        context.close()


def test_the_poster_reads_at_arms_length(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/semaine-du-gout/2026/affiche/")
    try:
        page.wait_for_load_state("load")
        text, _, _ = _printed(page)
        assert _smallest_text(page) >= 11 and "Le guide partagé · CCAS de Vierzon" in text
        assert "Du 12 octobre 2026 au 18 octobre 2026" in text
        assert errors == []
    finally:
        context.close()


def test_the_flyer_is_one_a5_sheet(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/semaine-du-gout/2026/affiche/")
    try:
        page.wait_for_load_state("load")
        # what « Imprimer le flyer (A5) » does before it opens the print dialog
        page.evaluate("document.querySelector('.gp-affiche').dataset.format = 'a5'")
        text, count, size = _printed(page)
        assert (size, count) == (A5, 1) and _words(page.locator(".gp-affiche__titre").inner_text()) in text
        # read at arm's length: no line under 9 pt, the partners' names included; whose guide it is
        assert _smallest_text(page) >= 9 and "Le guide partagé · CCAS de Vierzon" in text
        assert _overflowing(page, A5) == []
        assert errors == []
    finally:
        context.close()


def test_a_printout_in_english_says_so_in_english(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/en/urgences/")
    try:
        page.wait_for_load_state("load")
        text, _, _ = _printed(page)
        assert re.search(r"Printed on [A-Z][a-z]+ \d{1,2}, 20\d\d", text), text[:300]
        assert errors == []
    finally:
        context.close()
