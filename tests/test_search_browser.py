"""Search by need in Chromium: the golden file of queries typed as people type them
(tests/fixtures/recherche.yaml) against the sample directory, how the words are read, and the
order of the results (fit, then open now) without the services meant for charities."""

from __future__ import annotations

import pytest

from .conftest import FIXTURES, ROOT, open_page, read_directory_data
from .helpers import read_yaml

CASES = read_yaml(FIXTURES / "recherche.yaml")
KNOWN = {p["id"] for p in read_yaml(ROOT / "data/partners.yaml")}


def test_the_golden_file_is_large_and_names_real_partners():
    assert len(CASES) >= 60
    queries = [case[0] for case in CASES]
    assert len(set(queries)) == len(queries)
    for query, top, *listed in CASES:
        assert set(top) | set(*listed or [()]) <= KNOWN, query


# A Sunday night in Paris: nothing in the sample is open, so the order is the fit alone.
NIGHT = "2026-12-06T23:30:00+01:00"
# A Tuesday morning: Épicéa is open, the Secours populaire is not.
TUESDAY_MORNING = "2026-12-08T10:30:00+01:00"
FOOD_BANK = "banque-alimentaire-cher"  # its food is for charities, not for a person


@pytest.fixture(scope="module")
def directory(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/annuaire/", instant=NIGHT)
    read_directory_data(page)
    yield page, errors
    context.close()


# The words put in the box as a paste puts them (one input event, which the directory answers at once
# once its data is read), and the list that answers them: one call to the page for each query, where
# fill, a wait and a read took four (80 queries: 7.5 CPU-s in Chromium against 1).
_ANSWER = """query => {
    const box = document.querySelector('#gp-q');
    const root = document.querySelector('[data-gp-annuaire]');
    delete root.dataset.duree;
    box.value = query;
    box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste', data: query}));
    if (!root.dataset.duree) throw new Error('no answer to « ' + query + ' »');
    return [...document.querySelectorAll('.gp-cartes .gp-carte__titre a')].map(a => a.getAttribute('href'));
}"""


def _results(page, query: str) -> list[str]:
    return [href.strip("/") for href in page.evaluate(_ANSWER, query)]


def test_every_golden_query_finds_its_partner_first(directory):
    page, errors = directory
    failures = []
    for query, first, *listed in CASES:
        found = _results(page, query)
        if not found or found[0] not in first or not set(*listed or [()]) <= set(found):
            failures.append(f"« {query} » : attendu {first} en premier, obtenu {found[:5]}")
    assert not failures, "\n".join(failures)
    assert errors == []


@pytest.mark.parametrize("query", ["manger", "aide alimentaire", "colis alimentaire", "j'ai faim", "épicerie"])
def test_a_service_for_charities_is_no_answer_to_a_personal_need(directory, query):
    page, _ = directory
    found = _results(page, query)
    assert found and FOOD_BANK not in found


def test_a_service_for_charities_is_found_when_asked_for(directory):
    page, _ = directory
    assert _results(page, "approvisionnement") == [FOOD_BANK]  # by its own words
    assert _results(page, "banque alimentaire")[0] == FOOD_BANK  # by its name
    assert FOOD_BANK in _results(page, "associations")  # by its public


def _chosen(page, address: str) -> list[str]:
    page.goto(address)
    page.wait_for_selector("[data-gp-annuaire][data-loaded='1']")
    return page.eval_on_selector_all(
        ".gp-cartes .gp-carte__titre a", "links => links.map(a => a.getAttribute('href').replace(/\\/$/, ''))"
    )


def test_a_need_tile_ranks_by_fit_then_open_now_and_keeps_charities_services_out(browser, site_urls):
    directory = site_urls["public"] + "/annuaire/"
    context, page, errors = open_page(browser, directory, instant=NIGHT)
    try:
        at_night = _chosen(page, directory + "?besoin=manger")
        # the food parcels and the épicerie fit as well, before the CCAS, then the shared gardens
        assert at_night[:3] == ["secours-populaire-vierzon", "epicea", "ccas-vierzon"]
        assert FOOD_BANK not in at_night
        # asked for: the public « associations » brings the food bank's supplies back
        assert FOOD_BANK in _chosen(page, directory + "?besoin=manger&public=structures")
        assert errors == []
    finally:
        context.close()
    context, page, errors = open_page(browser, directory, instant=TUESDAY_MORNING)
    try:
        morning = _chosen(page, directory + "?besoin=manger")
        assert morning[:2] == ["epicea", "secours-populaire-vierzon"]  # as good a fit, and open now
        assert page.locator(".gp-cartes .gp-carte").first.locator(".gp-etat").inner_text().startswith("Ouvert")
        assert errors == []
    finally:
        context.close()


def test_at_night_what_opens_next_fits_first_and_is_for_people(browser, site_urls):
    directory = site_urls["public"] + "/annuaire/"
    context, page, errors = open_page(browser, directory + "?besoin=manger&ouvert=1", instant=NIGHT)
    try:
        page.wait_for_selector("[data-gp-annuaire][data-loaded='1']")
        soon = page.eval_on_selector_all(
            ".gp-bientot .gp-carte__titre a", "links => links.map(a => a.getAttribute('href').replace(/\\/$/, ''))"
        )
        assert soon[:2] == ["epicea", "secours-populaire-vierzon"]  # the best fits, the sooner first
        assert FOOD_BANK not in soon
        assert page.locator(".gp-maintenant__besoin[data-besoin='manger']").is_visible()
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    "query, other",
    [
        ("VÊTEMENTS", "vetement"),  # case, accents, plural
        ("l'hébergement", "hebergement"),  # elision
        ("epicrie", "épicerie"),  # one letter left out
        ("epiecrie", "épicerie"),  # two letters swapped
        ("je cherche de l'aide pour manger", "manger"),  # words that say nothing
    ],
)
def test_spelling_does_not_change_what_is_found(directory, query, other):
    page, _ = directory
    assert _results(page, query) == _results(page, other)


def test_a_short_word_is_not_stretched_by_typos(directory):
    page, _ = directory
    assert _results(page, "psi") == []  # three letters: no typo allowed (« psy » is a need word)
    assert "le-vib" in _results(page, "bus")


def test_when_no_partner_has_every_word_the_closest_ones_are_shown_and_said(directory):
    page, _ = directory
    found = _results(page, "bus trottinette")
    assert found and found[0] == "le-vib"
    assert "une partie des mots" in page.locator(".gp-compte").inner_text()
    _results(page, "bus")
    assert "une partie" not in page.locator(".gp-compte").inner_text()


@pytest.mark.parametrize(
    "path,words,expected", [("/", "manger", "/annuaire/?mots=manger"), ("/ar/", "طعام", "/ar/annuaire/?mots=")]
)
def test_the_theme_search_sends_people_to_the_directory_first(browser, site_urls, path, words, expected):
    context, page, errors = open_page(browser, site_urls["public"] + path, site_search=True)
    try:
        page.set_viewport_size({"width": 390, "height": 844})
        page.locator("label.md-header__button[for='__search']").click()
        page.locator("input.md-search__input").click()
        page.keyboard.type(words, delay=30)
        link = page.locator(".md-search__scrollwrap > .gp-vers-annuaire")
        link.wait_for()
        assert expected in link.get_attribute("href")
        if path == "/":  # the pages the theme finds come below the directory's answer
            page.locator(".md-search-result__item").first.wait_for(timeout=10000)
            first = page.locator(".md-search-result__item").first.bounding_box()
            assert link.bounding_box()["y"] < first["y"]
            titles = " ".join(page.locator(".md-search-result__item h1").all_inner_texts())
            assert "questionnaire" not in titles.lower()  # a sheet to print is not an answer to « manger »
        link.click()
        page.wait_for_url("**/annuaire/?mots=*")
        page.locator(".gp-cartes .gp-carte").first.wait_for()
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    ("folder", "query", "first"),
    [
        ("ar/", "محامي", "point-justice-vierzon"),  # the Arabic of a service's own words
        ("ar/", "avocat", "point-justice-vierzon"),  # French still finds on the Arabic page
        ("", "lawyer", "point-justice-vierzon"),  # and the English words on the French page
        ("en/", "homework", "association-habitants-henri-sellier"),
    ],
)
def test_the_translated_words_of_partners_find_them_in_every_language(browser, site_urls, folder, query, first):
    context, page, errors = open_page(browser, f"{site_urls['public']}/{folder}annuaire/", instant=NIGHT)
    try:
        read_directory_data(page)
        found = _results(page, query)
        assert found and found[0] == first, found[:5]
        if folder == "ar/":  # the card drawn by the script shows the services' Arabic names
            names = page.locator(".gp-cartes .gp-carte").first.locator(".gp-carte__noms")
            assert "استشارة مجانية مع محامٍ" in names.text_content()
            assert names.get_attribute("lang") is None
        assert errors == []
    finally:
        context.close()
