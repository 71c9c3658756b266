"""Recipes and Épi'santé in Chromium: portions, filters, the device's date, accessibility, A5 print."""

import re
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from .browser_contexts import shared_context
from .conftest import ROOT, axe_violations, open_page
from .helpers import read_yaml

RECIPES = {p.stem: read_yaml(p) for p in (ROOT / "data/recipes").glob("*.yaml")}


def test_portions_rescale_and_never_go_below_one_pinch(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/recettes/carottes-rapees-orange/")
    try:
        page.wait_for_selector(".gp-portions[data-ready='1']")
        quantities = lambda: page.locator(".gp-ingredient .gp-quantite").all_inner_texts()  # noqa: E731
        assert quantities() == ["500 g", "1", "2 cuillères à soupe", "1 pincée"]
        page.click("button[data-pas='1']")
        page.click("button[data-pas='1']")
        assert quantities() == ["750 g", "1 ½", "3 cuillères à soupe", "2 pincées"]
        assert page.locator(".gp-portions__etat").inner_text() == "Quantités pour 6 portions."
        page.fill("#gp-portions", "1")
        assert quantities() == ["125 g", "¼", "½ cuillère à soupe", "1 pincée"]  # salt: never below one
        assert page.locator("h2 .gp-nombre-portions").inner_text() == "1"
        assert errors == []
    finally:
        context.close()


def test_portions_chosen_on_screen_are_printed_on_an_a5_leaflet(browser, site_urls):
    context, page, _ = open_page(browser, site_urls["public"] + "/recettes/carottes-rapees-orange/")
    try:
        page.wait_for_selector(".gp-portions[data-ready='1']")
        page.fill("#gp-portions", "8")
        page.emulate_media(media="print")
        assert not page.locator(".md-header").is_visible()
        assert page.locator(".gp-ingredient .gp-quantite").first.inner_text() == "1 kg"
        pdf = page.pdf(prefer_css_page_size=True)
        width, height = map(float, re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
        assert (round(width), round(height)) == (420, 595)  # A5 in points
    finally:
        context.close()


def test_recipe_filters(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/recettes/")
    try:
        page.wait_for_selector("[data-gp-recettes][data-ready='1']")
        visible = lambda: page.locator("[data-gp-recettes] .gp-carte:visible").count()  # noqa: E731
        assert visible() == len(RECIPES)
        page.check("#gp-sans-four")
        assert visible() == sum("four" not in r.get("materiel", []) for r in RECIPES.values())
        page.check("#gp-rapide")
        assert visible() == sum(
            "four" not in r.get("materiel", []) and r["preparation_min"] + r["cuisson_min"] <= 30
            for r in RECIPES.values()
        )
        page.click("[data-gp-recettes] button[type=reset]")
        page.select_option("#gp-sans", "lait")
        assert visible() == sum("lait" not in r.get("allergenes", []) + r.get("traces", []) for r in RECIPES.values())
        assert "sans=lait" in page.url
        page.select_option("#gp-sans", "")
        page.fill("#gp-ingredient", "CAROTTE")
        assert visible() == sum(any("carotte" in i["nom"] for i in r["ingredients"]) for r in RECIPES.values())
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    "instant,month", [("2027-02-10T10:00", "2027-02"), ("2026-12-15T10:00", "2026-12"), ("2028-06-01T10:00", "2027-10")]
)
def test_home_recipe_of_the_month_follows_the_device_date(browser, site_urls, instant, month):
    expected = next(r for r in RECIPES.values() if r["mois"] == month)
    context, page, errors = open_page(
        browser, site_urls["public"] + "/", datetime.fromisoformat(instant).replace(tzinfo=UTC)
    )
    try:
        block = page.locator("[data-gp-mois]")
        page.wait_for_selector(f"[data-gp-mois][data-mois='{month}']")
        assert expected["titre"] in block.inner_text()
        assert expected["aliment_du_mois"]["nom"].lower() in block.inner_text()
        if expected.get("image"):  # the photo follows the month too
            image = block.locator("img")
            stem = expected["image"]["src"].rsplit(".", 1)[0]
            assert stem in (image.get_attribute("src") or "") and image.get_attribute("alt") == expected["image"]["alt"]
            expect(image).to_have_js_property("complete", True)
            assert image.evaluate("img => img.naturalWidth") > 0
        assert errors == []
    finally:
        context.close()


def test_past_interventions_move_down_with_the_device_date(browser, site_urls):
    context, page, errors = open_page(
        browser, site_urls["public"] + "/sante/", datetime(2027, 1, 20, 12, 0, tzinfo=UTC)
    )
    try:
        page.wait_for_selector("[data-gp-sante][data-ready='1']")
        upcoming = page.locator(".gp-a-venir .gp-evenement").evaluate_all("l => l.map(e => e.dataset.fin)")
        past = page.locator(".gp-passees .gp-evenement").evaluate_all("l => l.map(e => e.dataset.fin)")
        assert upcoming and all(end > "2027-01-20T13:00" for end in upcoming)
        assert any(end.startswith("2027-01-1") for end in past) and past == sorted(past, reverse=True)
        assert not page.locator(".gp-mois[data-mois='2026-12']").is_visible()
        assert errors == []
    finally:
        context.close()


def test_the_health_agenda_is_compact_on_a_phone(browser, site_urls):
    context = shared_context(
        browser, clock=True, viewport={"width": 390, "height": 844}, service_workers="block", locale="fr-FR"
    )
    page = context.new_page()
    try:
        page.clock.set_fixed_time(datetime(2026, 11, 26, 10, 0, tzinfo=UTC))
        page.goto(site_urls["public"] + "/sante/")
        page.wait_for_selector("[data-gp-sante][data-ready='1']")
        assert page.evaluate("document.documentElement.scrollHeight") < 5000  # was 16,000 px
        first = page.locator(".gp-a-venir .gp-evenement").first
        assert first.locator(".gp-date-badge").is_visible() and first.bounding_box()["y"] < 844
        assert page.locator(".gp-passees").is_hidden()  # past dates folded
        assert axe_violations(page) == ""
    finally:
        context.close()
