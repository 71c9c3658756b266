"""Easy-to-read pages on a small phone: each line reads as one sentence (a bold word or a link stays in
the line, not in a column of its own), the picture beside it."""

from __future__ import annotations

import pytest

from .conftest import open_page


@pytest.mark.parametrize("path", ["/facile/", "/facile/epicerie/", "/facile/aide/"])
def test_a_sentence_with_a_bold_word_or_a_link_stays_one_line_of_text(browser, site_urls, path):
    context, page, errors = open_page(browser, site_urls["public"] + path)
    try:
        page.set_viewport_size({"width": 320, "height": 640})
        # a flex or grid list item makes each bold word, link and run of text a box of its own, side by side
        split = page.evaluate(
            """() => [...document.querySelectorAll('.gp-falc li')]
                .filter(li => li.querySelector('strong, a') && /flex|grid/.test(getComputedStyle(li).display))
                .map(li => li.textContent.trim())"""
        )
        assert split == []
        picture = page.locator(".gp-falc li .gp-picto").first.bounding_box()
        text = page.locator(".gp-falc li").first.bounding_box()
        assert picture["x"] < text["x"] + 48  # the picture at the start of its line
        assert errors == []
    finally:
        context.close()
