"""The two homes: what a beneficiary and a professional came for, on a phone and a desktop."""

from __future__ import annotations

from datetime import UTC, datetime

from .browser_contexts import shared_context
from .conftest import axe_violations, open_page

# Tuesday 1 December 2026, 15:00 in Paris: Épicéa's distribution is open.
DURING_DISTRIBUTION = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


def test_public_home_shows_this_month_the_needs_and_the_emergency_numbers(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/", DURING_DISTRIBUTION, "Europe/Paris")
    try:
        page.wait_for_selector(".gp-carte-accueil .gp-etat:not(:empty)")
        assert page.locator(".gp-carte-accueil .gp-etat").first.inner_text() == "Ouvert — ferme à 17 h 30"
        tiles = page.locator("a.gp-tuile")
        assert tiles.count() >= 12
        assert tiles.first.get_attribute("href").endswith("annuaire/?besoin=manger")
        month = page.locator("[data-gp-mois]")
        assert month.locator("img").count() == 1 and "par portion" in month.inner_text()
        assert "Épi'santé" in page.locator(".gp-prochaine-sante").inner_text()
        assert page.locator(".gp-urgence a[href='tel:115']").count() == 1
        assert page.locator(".md-sidebar--primary").is_hidden()  # a portal, not a documentation page
        assert axe_violations(page) == ""
        page.fill("#gp-accueil-q", "nounou")
        page.keyboard.press("Enter")
        page.wait_for_selector("[data-gp-annuaire][data-loaded='1']")
        assert page.locator("#gp-q").input_value() == "nounou"
        assert page.locator(".gp-cartes .gp-carte").count() >= 1
        assert errors == []
    finally:
        context.close()


def test_public_home_fits_a_phone(browser, site_urls):
    context = shared_context(browser, viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    try:
        page.goto(site_urls["public"] + "/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        first, second = (
            page.locator("a.gp-tuile").nth(0).bounding_box(),
            page.locator("a.gp-tuile").nth(1).bounding_box(),
        )
        assert first["y"] == second["y"], "two need tiles side by side on a phone"
        assert page.locator("#gp-accueil-q").bounding_box()["y"] < 844
    finally:
        context.close()


def test_pro_home_leads_to_the_professionals_tools_not_to_the_public_home(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["pro"] + "/")
    try:
        base = site_urls["pro"] + "/"
        targets = page.locator("a.gp-tuile").evaluate_all("links => links.map(a => a.href)")
        for expected in ("annuaire/", "professionnels/", "liaison/fiche-de-liaison/", "verification/"):
            assert base + expected in targets
        assert page.locator("[data-gp-mois]").count() == 0  # no copy of the public home
        assert page.locator("#gp-accueil-q").is_visible()
        assert axe_violations(page) == ""
        assert errors == []
    finally:
        context.close()


def test_navigation_has_six_entries_at_most_and_the_legal_pages_are_in_the_footer(browser, site_urls):
    for profile in ("public", "pro"):
        context, page, _ = open_page(browser, site_urls[profile] + "/recettes/")
        try:
            top = page.locator(".md-nav--primary > .md-nav__list > li").all_inner_texts()
            assert 1 <= len(top) <= 6, (profile, top)
            # the pro section is in the pro navigation only (not an empty entry leading home)
            assert any("Professionnels" in entry for entry in top) == (profile == "pro"), (profile, top)
            sidebar = page.locator(".md-nav--primary").inner_text()
            footer = page.locator(".md-footer").inner_text()
            for legal in ("Mentions légales", "Accessibilité", "Données personnelles", "Hors ligne", "Aide"):
                assert legal in footer, legal
            assert "Mentions légales" not in sidebar and "Confidentialité" not in sidebar
            assert page.locator(".md-header__button.md-logo img[src$='logo.svg']").count() == 1
        finally:
            context.close()
