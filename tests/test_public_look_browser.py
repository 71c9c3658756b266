"""Public pages look like a public service, not like documentation: on a wide screen a short menu of the
sections and no side columns; on a phone the menu button; the organisation that runs the guide in the
header. The professionals' site keeps its side menu."""

from __future__ import annotations

import pytest

from .conftest import axe_violations, open_page
from .helpers import SCREEN_STILL

WIDE, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}


@pytest.mark.parametrize(
    "path", ["/", "/guide/epicerie/", "/annuaire/", "/annuaire/epicea/", "/recettes/", "/ar/guide/epicerie/"]
)
def test_a_public_page_has_a_short_menu_and_no_side_columns(browser, site_urls, path):
    context, page, errors = open_page(browser, site_urls["public"] + path)
    try:
        page.set_viewport_size(WIDE)
        page.wait_for_load_state("load")
        assert page.locator(".md-sidebar--primary").is_hidden() and page.locator(".md-sidebar--secondary").is_hidden()
        tabs = page.locator(".md-tabs__link").all_inner_texts()
        assert 4 <= len(tabs) <= 7, tabs
        header = page.locator(".md-header__topic").first.inner_text()
        assert "CCAS de Vierzon" in header
        # the text keeps a readable measure without the columns
        widths = page.evaluate("[...document.querySelectorAll('.md-content__inner > p')].map(p => p.offsetWidth)")
        assert max(widths, default=0) <= 44 * 20 + 1
        page.set_viewport_size(PHONE)
        page.locator(".md-header__button[for='__drawer']").click()
        drawer = page.locator(".md-sidebar--primary")
        drawer.locator(".md-nav__link").first.wait_for()
        # the drawer has slid in (an animation cut short counts as over)
        page.evaluate(f"async () => {{ {SCREEN_STILL} }}")
        assert drawer.is_visible() and len(drawer.locator(".md-nav__link").all_inner_texts()) >= 4
        assert axe_violations(page) == ""
        assert errors == []
    finally:
        context.close()


def test_the_professionals_site_keeps_its_side_menu(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["pro"] + "/liaison/fiche-de-liaison/")
    try:
        page.set_viewport_size(WIDE)
        page.wait_for_load_state("load")
        assert page.locator(".md-sidebar--primary").is_visible()
        assert errors == []
    finally:
        context.close()


def test_a_partner_page_starts_as_a_service_card(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/annuaire/epicea/")
    try:
        page.set_viewport_size(PHONE)
        card = page.locator(".gp-fiche__carte")
        call = card.get_by_role("link", name="Appeler 02 61 91 00 10")
        go = card.get_by_role("link", name="Y aller")
        assert call.get_attribute("href") == "tel:+33261910010" and "openstreetmap.org/directions" in go.get_attribute(
            "href"
        )
        # both big buttons and the open status on the first screen of a phone
        for thing, least in ((call, 44), (go, 44), (card.locator(".gp-etat"), 1)):
            box = thing.bounding_box()
            assert box["y"] + box["height"] <= PHONE["height"] and box["height"] >= least, box
        card.locator(".gp-etat:not(:empty)").wait_for()
        said = card.locator(".gp-fiche__resume").inner_text()
        assert "Courses à l'épicerie sociale" in said and "Pour : " in said
        assert axe_violations(page) == ""
        assert errors == []
    finally:
        context.close()


def test_the_liaison_form_asks_the_needs_in_everyday_words(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["pro"] + "/liaison/fiche-de-liaison/")
    try:
        needs = page.locator("#champ-besoins label").all_inner_texts()
        assert needs[:3] == ["Manger", "S'habiller, se laver", "Se loger, dormir ce soir"]
        assert "S'ouvrir à l'international" not in needs
        assert errors == []
    finally:
        context.close()
