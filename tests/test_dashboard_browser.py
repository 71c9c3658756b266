"""The territory dashboard in Chromium: readable on a small phone without sideways scrolling or axe
violation, and printed on A4 landscape for the partners' meeting with every table whole."""

from __future__ import annotations

import re

from .conftest import axe_violations, open_page


def test_the_dashboard_reads_on_a_phone_and_prints_on_a4_landscape(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["pro"] + "/tableau-de-bord/")
    try:
        page.set_viewport_size({"width": 320, "height": 640})
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert axe_violations(page) == ""
        page.set_viewport_size({"width": 1366, "height": 900})
        page.emulate_media(media="print")
        assert not page.locator(".md-header").is_visible() and not page.locator(".gp-imprimer").is_visible()
        # every table is printed whole: nothing hidden in a scrolled region
        cut = page.evaluate(
            "[...document.querySelectorAll('.gp-tableau-defilant')].filter(e => e.scrollWidth > e.clientWidth).length"
        )
        assert cut == 0
        pdf = page.pdf(prefer_css_page_size=True)
        width, height = map(float, re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
        assert (round(width), round(height)) == (842, 595)  # A4 landscape
        sheets = len(re.findall(rb"/Type\s*/Page\b", pdf))
        assert sheets == page.locator(".gp-tableau-bord").count() == 6  # each table, chart beside, on its own sheet
        assert errors == []
    finally:
        context.close()
