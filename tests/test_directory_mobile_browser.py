"""The directory on a 390×844 phone: what is visible after a search, the need chips, filters in a
disclosure, the call button, « Près de moi », and what shows at night when nothing is open."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from .browser_contexts import shared_context
from .conftest import ROOT, axe_violations, read_directory_data
from .helpers import PARTNER_COUNT, read_yaml

PARTNERS = {p["id"]: p for p in read_yaml(ROOT / "data/partners.yaml")}
PHONE = {"width": 390, "height": 844}
# Tuesday 1 December 2026, 23:30 in Paris: every partner of the sample is closed.
NIGHT = datetime(2026, 12, 1, 22, 30, tzinfo=UTC)
# Tuesday 1 December 2026, 10:00 in Paris.
MORNING = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _phone(browser, url, instant=MORNING, **options):
    context = shared_context(
        browser,
        clock=True,
        viewport=PHONE,
        timezone_id="Europe/Paris",
        locale="fr-FR",
        service_workers="block",
        **options,
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.set_fixed_time(instant)
    page.goto(url)
    read_directory_data(page)
    return context, page, errors


def _in_first_screen(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 60) <= PHONE["height"]


def test_after_a_search_the_box_the_needs_and_the_first_result_fit_the_first_screen(browser, site_urls):
    context, page, errors = _phone(browser, site_urls["public"] + "/annuaire/")
    try:
        page.fill("#gp-q", "manger")
        expect(page.locator(".gp-compte")).to_contain_text("trouvé")
        for selector in (
            "#gp-q",
            ".gp-besoins .gp-puce",
            ".gp-compte",
            ".gp-cartes .gp-carte__titre",
            ".gp-cartes .gp-etat",
        ):
            assert _in_first_screen(page, selector), selector
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert errors == []
    finally:
        context.close()


def test_a_need_chip_filters_and_every_chip_says_how_many(browser, site_urls):
    context, page, _ = _phone(browser, site_urls["public"] + "/annuaire/")
    try:
        page.locator("label[for='gp-besoin-garde-enfants']").click()
        expect(page.locator(".gp-compte")).not_to_contain_text(str(PARTNER_COUNT))
        found = [
            h.strip("/")
            for h in page.locator(".gp-cartes .gp-carte__titre a").evaluate_all(
                "links => links.map(a => a.getAttribute('href'))"
            )
        ]
        assert {"creche-les-petits-loups", "relais-petite-enfance"} <= set(found)
        assert "epicea" not in found
        count = page.locator("label[for='gp-besoin-garde-enfants'] .gp-puce__nombre").inner_text()
        assert count == f"({len(found)})"
        assert axe_violations(page) == ""
    finally:
        context.close()


def test_more_filters_sit_in_a_disclosure_that_counts_the_active_ones(browser, site_urls):
    context, page, _ = _phone(browser, site_urls["public"] + "/annuaire/?frais=gratuit&commune=Vierzon")
    try:
        summary = page.locator(".gp-plus-de-filtres > summary")
        assert " ".join(summary.inner_text().split()) == "Plus de filtres (2 actifs)"
        assert not page.locator("#gp-frais").is_visible()  # closed until asked for
        summary.click()
        assert page.locator("#gp-frais").is_visible()
    finally:
        context.close()


def test_a_card_offers_a_call_button_when_the_partner_has_a_phone(browser, site_urls):
    context, page, _ = _phone(browser, site_urls["public"] + "/annuaire/")
    try:
        page.fill("#gp-q", "Épicéa")
        button = page.locator(".gp-cartes .gp-carte").first.locator(".gp-appeler")
        assert button.is_visible()
        assert button.get_attribute("href") == "tel:+33261910010"
        assert button.bounding_box()["height"] >= 44  # a finger's size
    finally:
        context.close()


def test_near_me_sorts_by_distance_with_permission_and_changes_nothing_without(browser, site_urls):
    url = site_urls["public"] + "/annuaire/"
    # in front of the Boutique Solidarité, Vierzon
    here = {
        "latitude": PARTNERS["boutique-solidarite"]["adresse"]["latitude"],
        "longitude": PARTNERS["boutique-solidarite"]["adresse"]["longitude"],
    }
    context, page, _ = _phone(browser, url, geolocation=here, permissions=["geolocation"])
    try:
        before = page.locator(".gp-carte__titre a").first.inner_text()
        page.click(".gp-pres")
        page.wait_for_selector(".gp-pres[aria-pressed='true']")
        first = page.locator(".gp-cartes .gp-carte").first
        assert first.locator(".gp-carte__titre a").get_attribute("href") == "boutique-solidarite/"
        assert "à 100 m" in first.locator(".gp-carte__lieu").inner_text()
        assert page.locator(".gp-carte__titre a").first.inner_text() != before
    finally:
        context.close()
    context, page, _ = _phone(browser, url)  # no permission given
    try:
        order = page.locator(".gp-carte__titre a").all_inner_texts()
        page.click(".gp-pres")
        expect(page.locator(".gp-pres__message")).to_contain_text("non disponible")
        assert page.locator(".gp-carte__titre a").all_inner_texts() == order
        assert page.locator(".gp-pres").get_attribute("aria-pressed") == "false"
    finally:
        context.close()


def test_at_night_open_now_shows_who_opens_next_and_the_emergency_numbers(browser, site_urls):
    context, page, errors = _phone(browser, site_urls["public"] + "/annuaire/?ouvert=1", instant=NIGHT)
    try:
        assert page.locator(".gp-cartes:not(.gp-bientot) .gp-carte").count() == 0
        assert "ouvrent bientôt" in page.locator(".gp-compte").inner_text()
        soon = page.locator(".gp-bientot .gp-carte")
        assert 1 <= soon.count() <= 5
        states = soon.locator(".gp-etat").all_inner_texts()
        assert all("ouvre demain" in s for s in states), states
        assert page.locator(".gp-rien-d-ouvert .gp-urgence").is_visible()
        assert page.locator(".gp-rien-d-ouvert a[href='tel:115']").is_visible()
        assert axe_violations(page) == ""
        page.uncheck("#gp-ouvert")
        assert page.locator(".gp-rien-d-ouvert").is_hidden()
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    "need,numbers",
    [("manger", ["tel:115"]), ("se-loger", ["tel:115"]), ("se-soigner", ["tel:15", "tel:3237", "tel:+33261910900"])],
)
def test_at_night_a_need_says_what_to_do_right_now_above_the_list(browser, site_urls, need, numbers):
    context, page, errors = _phone(browser, site_urls["public"] + f"/annuaire/?besoin={need}", instant=NIGHT)
    try:
        now = page.locator(f".gp-maintenant__besoin[data-besoin='{need}']")
        now.wait_for()
        assert page.locator(".gp-maintenant__besoin:visible").count() == 1  # the need's own advice only
        assert [a.get_attribute("href") for a in now.locator("a").all()] == numbers
        # above the places that open later, within the first screen of a phone
        box = now.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"] * 1.5
        assert box["y"] < page.locator(".gp-cartes .gp-carte").first.bounding_box()["y"]
        assert axe_violations(page) == ""
        assert errors == []
    finally:
        context.close()
    context, page, errors = _phone(browser, site_urls["public"] + f"/annuaire/?besoin={need}")  # 10:00
    try:
        assert page.locator(".gp-maintenant__besoin:visible").count() == 0  # places are open: no need
    finally:
        context.close()


def test_at_night_the_arabic_directory_says_it_in_arabic(browser, site_urls):
    context, page, errors = _phone(browser, site_urls["public"] + "/ar/annuaire/?besoin=manger", instant=NIGHT)
    try:
        now = page.locator(".gp-maintenant__besoin[data-besoin='manger']")
        now.wait_for()
        assert "115" in now.inner_text() and "الليلة" in now.inner_text()
        assert errors == []
    finally:
        context.close()


def test_the_emergency_page_is_one_tap_away_from_every_page(browser, site_urls):
    context, page, _ = _phone(browser, site_urls["public"] + "/annuaire/")
    try:
        for path in ("/", "/recettes/", "/sante/", "/aide/"):
            page.goto(site_urls["public"] + path)
            banner = page.locator("a.gp-bandeau-urgence")
            assert banner.is_visible(), path
        banner.click()
        assert page.locator("h1").inner_text() == "En cas d'urgence"
        assert page.locator(".gp-numeros a[href='tel:15']").count() == 1
        assert page.locator(".gp-numeros a[href='sms:114']").count() == 1
        assert page.locator(".gp-urgences-locales a[href^='tel:']").count() >= 3
        assert axe_violations(page) == ""
    finally:
        context.close()
