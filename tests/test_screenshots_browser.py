"""Screens as evidence: the pages people use most, at a phone's size and a laptop's, saved as PNG
files under screenshots/ (CI keeps them with each pull request; README says how to make them).

Each is also checked for what a person would see wrong: a page wider than the screen, or an
image that did not load."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from .browser_contexts import shared_context
from .conftest import ROOT, read_directory_data
from .helpers import SCREEN_STILL

FOLDER = Path(os.environ.get("SCREENSHOTS_DIR", ROOT / "screenshots"))
SIZES = {"telephone": {"width": 390, "height": 844}, "ordinateur": {"width": 1366, "height": 900}}
# name → (path, words typed in the directory search or None[, instant when not INSTANT])
PAGES = {
    "accueil": ("/", None),
    "annuaire-recherche": ("/annuaire/", "manger"),
    # the « Manger » tile on a Sunday at 21:30: what to do now, then what opens next
    "annuaire-besoin-nuit": ("/annuaire/?besoin=manger&ouvert=1", None, datetime(2026, 12, 6, 20, 30, tzinfo=UTC)),
    "fiche-partenaire": ("/annuaire/epicea/", None),
    "recettes": ("/recettes/", None),
    "recette": ("/recettes/fondue-de-poireaux/", None),
    "urgences-arabe": ("/ar/urgences/", None),  # right to left
    "annuaire-arabe": ("/ar/annuaire/", "طعام"),
    "recette-arabe": ("/ar/recettes/houmous-maison/", None),
    "sante-arabe": ("/ar/sante/", None),
    "fiche-arabe": ("/ar/annuaire/epicea/", None),
    "recettes-anglais": ("/en/recettes/", None),
    "facile-a-lire": ("/facile/epicerie/", None),
    "semaine-du-gout": ("/semaine-du-gout/", None),
    "bus-du-gout": ("/semaine-du-gout/2026/bus/", None),
    # during the week, at 10:30: « the bus is here until 12:00 » in Arabic
    "bus-du-gout-arabe": ("/ar/semaine-du-gout/2026/bus/", None, datetime(2026, 10, 13, 8, 30, tzinfo=UTC)),
    "affiche-du-gout": ("/semaine-du-gout/2026/affiche/", None),
    "bilans-du-gout": ("/semaine-du-gout/bilans/", None),
    "mes-droits": ("/mes-droits/", None),
    "mes-droits-resultat-arabe": ("/ar/mes-droits/", None),  # answered (ANSWERS), then the result
    "mes-droits-resultat-dari": ("/fa-AF/mes-droits/", None),
    "bus-du-gout-dari": ("/fa-AF/semaine-du-gout/2026/bus/", None, datetime(2026, 10, 13, 8, 30, tzinfo=UTC)),
    "annuaire-dari": ("/fa-AF/annuaire/", "غذا"),
    "proposer-une-modification": ("/proposer/?fiche=service&id=epicea--aide-alimentaire&depuis=annuaire/epicea/", None),
    "proposer-arabe": ("/ar/proposer/?fiche=partenaire&id=epicea&depuis=annuaire/epicea/", None),
}
# The rights helper answered as a parent alone with two children, working, renting: its result.
ANSWERS = ["seul", "25-59", "deux-ou-plus", "travail", "1000-2000", "locataire", "sans-mutuelle", "aucune"]
IN_VIEW = "[...document.images].filter(i => i.loading !== 'lazy' || i.getBoundingClientRect().top < innerHeight)"
# Tuesday 1 December 2026, 15:00 in Paris: the distribution is open, the month's recipe is December's.
INSTANT = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize("name", PAGES)
def test_screenshot(browser, site_urls, name):
    """The page at a phone's size, then the same page at a laptop's (laid out again, not loaded again)."""
    path, words, *when = PAGES[name]
    context = shared_context(
        browser,
        clock=True,
        viewport=SIZES["telephone"],
        timezone_id="Europe/Paris",
        locale="fr-FR",
        service_workers="block",
    )
    page = context.new_page()
    try:
        page.clock.set_fixed_time(when[0] if when else INSTANT)
        page.goto(site_urls["public"] + path)
        if path.startswith("/annuaire/?"):  # choices in the address: the directory reads its data at once
            page.wait_for_selector("[data-gp-annuaire][data-loaded='1']")
        if "/proposer/" in path:  # the form shows once the entry's values are read from its page
            page.wait_for_selector("form.gp-proposer__fiche:not([hidden])")
        if "/mes-droits/" in path and name.startswith("mes-droits-resultat"):
            page.wait_for_selector("[data-gp-droits][data-ready]")
            for value in ANSWERS:
                page.locator(f".gp-droits__question:visible input[value='{value}']").check()
                page.locator(".gp-droits__question:visible [data-action='suivant']").click()
            page.locator(".gp-droit:visible").first.wait_for()
        if words:
            read_directory_data(page)
            page.fill("#gp-q", words)
            page.locator(".gp-cartes .gp-carte").first.wait_for()
        page.wait_for_load_state("load")
        for size, viewport in SIZES.items():
            page.set_viewport_size(viewport)
            # what the screen shows is drawn: its fonts, the transitions the new size started, the images in
            # view (not half a second of quiet network), awaited in one evaluate: a polled wait_for_function
            # would be an eval, which the CSP forbids
            page.evaluate(
                f"""async () => {{
                    await document.fonts.ready;
                    {SCREEN_STILL}
                    await Promise.all({IN_VIEW}.filter(i => !i.complete).map(i => new Promise(done => {{
                        i.addEventListener('load', done, {{once: true}});
                        i.addEventListener('error', done, {{once: true}});
                    }})));
                }}"""
            )
            broken = page.evaluate(f"{IN_VIEW}.filter(i => i.naturalWidth === 0).map(i => i.src)")
            assert broken == [], size
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], size
            FOLDER.mkdir(parents=True, exist_ok=True)
            target = FOLDER / f"{name}-{size}.png"
            page.screenshot(path=str(target))
            assert target.stat().st_size > 10_000, size  # a page, not a blank
    finally:
        context.close()
