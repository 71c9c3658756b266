"""Search by need in Chromium: the golden file of queries typed as people type them
(tests/fixtures/recherche.yaml) against the sample directory, and how the words are read."""

from __future__ import annotations

import pytest
import yaml

from .conftest import FIXTURES, ROOT, open_page, read_directory_data

CASES = yaml.safe_load((FIXTURES / "recherche.yaml").read_text(encoding="utf-8"))
KNOWN = {p["id"] for p in yaml.safe_load((ROOT / "data/partners.yaml").read_text(encoding="utf-8"))}


def test_the_golden_file_is_large_and_names_real_partners():
    assert len(CASES) >= 60
    queries = [case[0] for case in CASES]
    assert len(set(queries)) == len(queries)
    for query, top, *listed in CASES:
        assert set(top) | set(*listed or [()]) <= KNOWN, query


@pytest.fixture(scope="module")
def directory(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/annuaire/")
    read_directory_data(page)
    yield page, errors
    context.close()


def _results(page, query: str) -> list[str]:
    # the directory stamps each answer (data-duree): wait for the one to this query
    page.evaluate("delete document.querySelector('[data-gp-annuaire]').dataset.duree")
    page.fill("#gp-q", query)
    page.wait_for_selector("[data-gp-annuaire][data-duree]", state="attached")
    links = ".gp-cartes .gp-carte__titre a"
    hrefs = page.eval_on_selector_all(links, "links => links.map(a => a.getAttribute('href'))")
    return [href.strip("/") for href in hrefs]


def test_every_golden_query_finds_its_partners_first(directory):
    page, errors = directory
    failures = []
    for query, top, *listed in CASES:
        found = _results(page, query)
        if not set(top) <= set(found[:3]) or not set(*listed or [()]) <= set(found):
            failures.append(f"« {query} » : attendu {top} en tête, obtenu {found[:5]}")
    assert not failures, "\n".join(failures)
    assert errors == []


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
