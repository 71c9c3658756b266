"""/annuaire/ on arrival: the cards the build drew get their open/closed line from the page itself, and
annuaire.json is read only when the visitor reaches for the search or the filters (an old phone spends
nothing on data a visitor who just scrolls never needs). Nothing is lost by reading it late."""

from __future__ import annotations

import time

import pytest
import yaml
from playwright.sync_api import expect

from site_build.generator.build import build_site

from .conftest import ROOT, Server, axe_violations, open_page, read_directory_data
from .helpers import PARTNER_COUNT, config_beside, read_yaml

INSTANT = "2026-12-01T10:15:00+01:00"  # a Tuesday morning: some partners open, others not
READY = "[data-gp-annuaire][data-ready='1']"


def _statuses(page) -> list[str]:
    return page.locator(".gp-cartes > .gp-carte .gp-etat").all_inner_texts()


def test_cards_say_open_or_closed_before_the_data_is_read_and_the_same_after(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/annuaire/", instant=INSTANT)
    asked = []
    page.on("request", lambda request: asked.append(request.url) if "annuaire.json" in request.url else None)
    try:
        page.wait_for_selector(READY)
        page.wait_for_load_state("networkidle")
        before = _statuses(page)
        assert asked == []  # not read on arrival
        assert sum(text.startswith("Ouvert") for text in before) >= 3
        assert sum(text.startswith("Fermé") for text in before) >= 3
        read_directory_data(page)
        assert len(asked) == 1
        assert _statuses(page) == before  # the page's schedules say what annuaire.json says
        assert errors == []
    finally:
        context.close()


# Each card as a visitor gets it: title, link, place line, alert, services, call button
_CARDS = """cards => cards.map(card => {
    const call = card.querySelector('.gp-carte__actions');
    return [
        card.querySelector('.gp-carte__titre a').textContent, card.querySelector('.gp-carte__titre a').href,
        card.querySelector('.gp-carte__lieu').innerText, card.querySelector('.gp-carte__alerte').hidden,
        card.querySelector('.gp-carte__services').innerText, call.hidden, call.querySelector('a').href,
        call.innerText,
    ];
})"""


@pytest.mark.parametrize("language", ["", "/fa-AF"])  # and in Dari: its words, its « ، » and « و » in lists
def test_a_card_drawn_by_the_script_is_the_card_the_build_drew(browser, site_urls, language):
    # One template draws both (partner_card.html, its empty copy filled by annuaire-carte.js); the
    # values come from Python for one and from annuaire.json for the other: they must agree.
    context, page, errors = open_page(browser, site_urls["public"] + language + "/annuaire/", instant=INSTANT)
    try:
        page.wait_for_selector(READY)
        by_the_build = {card[0]: card for card in page.locator(".gp-cartes > .gp-carte").evaluate_all(_CARDS)}
        if language:
            assert any("، " in card[4] and " و " in card[4] for card in by_the_build.values())
        # a filter in the address: another list, every card drawn by the script from annuaire.json
        page.goto(site_urls["public"] + language + "/annuaire/?commune=Vierzon")
        page.wait_for_selector("[data-gp-annuaire][data-loaded='1']")
        by_the_script = page.locator(".gp-cartes > .gp-carte").evaluate_all(_CARDS)
        assert len(by_the_script) >= 10
        assert [card for card in by_the_script if by_the_build[card[0]] != card] == []
        assert any(card[5] is False and card[6].startswith("tel:+33") for card in by_the_script)
        assert errors == []
    finally:
        context.close()


def test_what_is_typed_before_the_data_arrives_is_answered(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/annuaire/")

    def slow(route):
        time.sleep(0.8)  # a slow phone or network: the visitor types before the data is read
        route.continue_()

    try:
        page.route("**/annuaire.json", slow)
        page.wait_for_selector(READY)
        page.fill("#gp-q", "manger")
        page.wait_for_selector("[data-gp-annuaire][data-loaded='1']")
        expect(page.locator(".gp-compte")).to_contain_text("partenaires trouvés")
        first = page.locator(".gp-compte").inner_text()
        titles = page.locator(".gp-cartes > .gp-carte h2").all_inner_texts()
        assert "Épicéa" in " ".join(titles[:3])
        page.fill("#gp-q", "")
        page.fill("#gp-q", "manger")  # typed again once the data is there: the same answer
        expect(page.locator(".gp-compte")).to_have_text(first)
        assert "mots=manger" in page.url
        assert errors == []
    finally:
        context.close()


def test_when_the_data_cannot_be_read_the_visitor_is_told_and_the_next_try_works(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/annuaire/")
    try:
        page.route("**/annuaire.json", lambda route: route.abort())
        page.wait_for_selector(READY)
        page.fill("#gp-q", "manger")
        expect(page.locator(".gp-compte")).to_contain_text("La recherche n'a pas pu démarrer")
        assert page.locator(".gp-cartes > .gp-carte").count() == PARTNER_COUNT  # the list stays
        page.unroute("**/annuaire.json")
        page.fill("#gp-q", "mange")
        expect(page.locator(".gp-compte")).to_contain_text("partenaires trouvés")
        assert errors == []
    finally:
        context.close()


def _without_translations(value):
    if isinstance(value, dict):
        return {key: _without_translations(item) for key, item in value.items() if key != "traductions"}
    return [_without_translations(item) for item in value] if isinstance(value, list) else value


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    """A directory over the size whose HTML lists every partner (FULL_LIST_LIMIT)."""
    from generate import generate  # bench/ is on the path: see conftest.py

    folder = tmp_path_factory.mktemp("large")
    (folder / "content").symlink_to(ROOT / "content")  # the recipe photos, found beside data/
    generate(folder / "data", 320)
    for file in (folder / "data").rglob("*.yaml"):  # a site in French alone refuses other languages' words
        file.write_text(yaml.safe_dump(_without_translations(read_yaml(file))), encoding="utf-8")
    # in French alone: the test reads the French /annuaire/, and three more languages would quadruple the build
    site = build_site(config_beside(folder, french_only=True), "public", folder / "site", folder / "data")
    server = Server(site)
    yield server.url
    server.stop()


def test_a_large_directory_offers_more_results_before_the_data_is_read(browser, large_site):
    context, page, errors = open_page(browser, large_site + "/annuaire/")
    try:
        page.wait_for_selector(READY)
        more = page.locator(".gp-plus")
        assert more.is_visible() and more.inner_text() == "Afficher 20 résultats de plus"
        assert page.locator(".gp-cartes > .gp-carte").count() == 20
        assert page.locator(".gp-cartes .gp-etat").first.inner_text()  # a status, from the page's schedules
        more.click()
        expect(page.locator(".gp-cartes > .gp-carte")).to_have_count(40)
        # the keyboard goes on where the new results start
        focused = "document.activeElement.closest('.gp-carte') === document.querySelectorAll('.gp-carte')[20]"
        assert page.evaluate(focused)
        assert axe_violations(page) == ""
        assert errors == []
    finally:
        context.close()
