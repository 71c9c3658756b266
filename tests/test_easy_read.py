"""Easy-to-read French (FALC): three pages reached by a visible « Facile à lire » link, one idea per
line with a pictogram drawn inline; a pictogram the theme does not have stops the build with file:line."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT, build_with_page_changed

PAGES = {"": "facile/", "guide/epicerie/": "facile/epicerie/", "aide/": "facile/aide/"}


@pytest.mark.parametrize(("page", "easy"), PAGES.items())
def test_each_page_links_to_its_easy_to_read_version(built_sites, page, easy):
    site = built_sites["public"]
    html = (site / page / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<p class="gp-lien-facile"><a href="([^"]+)">', html)
    assert link and "Facile à lire" in html
    assert (site / page / link[1]).resolve() == (site / easy).resolve()
    easy_html = (site / easy / "index.html").read_text(encoding="utf-8")
    lines = re.findall(r"<li>(.*?)</li>", easy_html.split('class="gp-falc"')[1], re.S)
    assert len(lines) >= 10
    assert all('<span class="gp-picto" aria-hidden="true"><svg' in line for line in lines)
    assert "data-gp-ecouter" in easy_html  # « Écouter »
    assert "{picto" not in easy_html


# a phone number as a person reads it: 15, 115, 3919, 02 61 91 00 10
PHONE = re.compile(r"(?<![\w/.:+-])(?:0\d(?:[ .]?\d\d){4}|1\d{1,2}|3\d{3})(?![\w/-])")


@pytest.mark.parametrize("easy", PAGES.values())
def test_every_number_on_an_easy_to_read_page_can_be_tapped(built_sites, easy):
    html = (built_sites["public"] / easy / "index.html").read_text(encoding="utf-8")
    body = html.split('class="gp-falc"')[1].split("</div>")[0]
    taps = re.findall(r'<a href="tel:([^"]+)"[^>]*>([^<]+)</a>', body)
    outside = PHONE.findall(re.sub(r"<a [^>]*>.*?</a>|<[^>]+>", " ", body))
    assert outside == [], f"{easy}: numbers that cannot be tapped: {outside}"
    assert all(number.replace(" ", "").lstrip("0") in target for target, number in taps)
    if easy == "facile/":
        assert {"15", "17", "115"} <= {number for _, number in taps}


def test_the_places_on_easy_to_read_pages_are_links(built_sites):
    site = built_sites["public"]
    home = (site / "facile/index.html").read_text(encoding="utf-8")
    assert home.count('href="../annuaire/?besoin=') == 4
    grocery = (site / "facile/epicerie/index.html").read_text(encoding="utf-8")
    assert '<a href="../../annuaire/epicea/">12 rue des Forges</a>' in grocery


def test_easy_to_read_sentences_stay_short():
    for page in (ROOT / "content/facile").glob("*.md"):
        text = page.read_text(encoding="utf-8").split("markdown>", 1)[1].split("</div>")[0]
        # one idea per line: each list item or heading, then each sentence in it
        for item in re.split(r"\n\s*(?:-|#+)\s", re.sub(r"\{picto [^}]+\}", "", text)):
            for sentence in re.split(r"(?<=[.?!])\s", " ".join(item.split())):
                assert len(sentence.split()) <= 15, (page.name, sentence)


def test_an_unknown_pictogram_stops_the_build_with_its_line(tmp_path):
    result, site = build_with_page_changed(tmp_path, "facile/aide.md", "material/timer-sand", "material/sablier")
    assert result.returncode == 1
    assert (
        "content/facile/aide.md:" in result.stderr
        and "le pictogramme « material/sablier » n'existe pas" in result.stderr
    )
    assert "Traceback" not in result.stderr and not site.exists()
