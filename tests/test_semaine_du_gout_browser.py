"""The Semaine du goût programme in Chromium: filters by day and by public, kept in the address;
no axe violation and no sideways scrolling on a small phone, on the programme and the bus page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .browser_contexts import shared_context
from .conftest import axe_violations, open_page


def test_the_programme_filters_by_day_and_by_public(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/semaine-du-gout/")
    try:
        page.wait_for_selector("[data-gp-semaine][data-ready]")
        page.select_option("#gp-jour", "2026-10-13")
        days = page.locator(".gp-jour:visible")
        expect(days).to_have_count(1)
        assert days.first.get_attribute("data-jour") == "2026-10-13"
        assert "jour=2026-10-13" in page.url
        page.select_option("#gp-public", "seniors")  # Tuesday: nothing for seniors alone, but the bus is for all
        titles = page.locator(".gp-moment:visible h3").all_inner_texts()
        assert titles and all("Chasse au trésor" not in t for t in titles)
        expect(page.locator(".gp-compte")).to_have_text(f"{len(titles)} moments correspondent.")
        page.select_option("#gp-jour", "")
        page.select_option("#gp-public", "scolaires")
        assert "Chasse au trésor des 5 sens" in " ".join(page.locator(".gp-moment:visible h3").all_inner_texts())
        page.goto(page.url)  # the shared address restores the choice
        page.wait_for_selector("[data-gp-semaine][data-ready]")
        assert page.input_value("#gp-public") == "scolaires"
        assert errors == []
    finally:
        context.close()


SMALL_PHONE_PAGES = [
    "/semaine-du-gout/",  # the 2026 edition, over: its programme, its review on a page of its own
    "/semaine-du-gout/2026/bilan/",
    "/semaine-du-gout/2026/bus/",
    "/semaine-du-gout/2026/affiche/",
    "/semaine-du-gout/2026/forum/",
    "/semaine-du-gout/2015/",
    "/semaine-du-gout/bilans/",
    "/semaine-du-gout/questionnaire/",
]


def test_the_pages_are_accessible_on_a_small_phone(browser, site_urls):
    # in French here, with the week's own pages; every page of every language: test_quality.py
    folder = ""
    context = shared_context(browser, service_workers="block", viewport={"width": 320, "height": 640})
    page = context.new_page()
    failures = []
    try:
        for path in SMALL_PHONE_PAGES:
            page.goto(site_urls["public"] + folder + path)  # drawn by the time it has loaded: these pages fetch nothing
            width = page.evaluate("document.documentElement.scrollWidth")
            report = axe_violations(page)
            if width > 320 or report:
                failures.append(f"{path}: {width} px wide\n{report}")
    finally:
        context.close()
    assert not failures, "\n".join(failures)


def test_on_a_phone_the_programme_comes_first_and_today_stands_out(browser, site_urls):
    from datetime import UTC, datetime

    # Wednesday 14 October 2026, 9:00 in Paris: during the 2026 edition
    context, page, errors = open_page(
        browser, site_urls["public"] + "/semaine-du-gout/2026/", datetime(2026, 10, 14, 7, 0, tzinfo=UTC)
    )
    try:
        page.set_viewport_size({"width": 390, "height": 844})
        first_day = page.locator(".gp-jour").first.bounding_box()
        assert first_day["y"] < 2 * 844  # the programme within two screens, not after the review's charts
        assert page.locator(".gp-bilan").count() == 0 and page.get_by_role("link", name="Le bilan de 2026").count()
        today = page.locator(".gp-jour--aujourdhui")
        assert today.count() == 1 and today.get_attribute("data-jour") == "2026-10-14"
        assert "Aujourd'hui" in today.locator("h2").inner_text()
        times = " ".join(page.locator(".gp-moment__quand").all_inner_texts())
        assert "10 h 30" in times and ":" not in times  # one way of writing times
        assert errors == []
    finally:
        context.close()


def test_on_a_phone_the_bus_timetable_is_a_stack_of_cards(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/semaine-du-gout/2026/bus/")
    try:
        page.set_viewport_size({"width": 390, "height": 844})
        rows = page.locator(".gp-horaires-bus tbody tr")
        widths = {round(box["width"]) for box in (rows.nth(i).bounding_box() for i in range(rows.count()))}
        content = page.locator(".md-content__inner").bounding_box()["width"]
        assert min(widths) >= content - 2  # each passage as wide as the screen's text: a card
        cell = rows.first.locator("td").first.bounding_box()
        assert cell["width"] >= content - 40  # hours and animation one under the other, not squeezed
        assert errors == []
    finally:
        context.close()


# Tuesday 13 October 2026, 10:30 in Paris: the bus is at Henri-Sellier until 12:00, comes to the
# Colombier at 14:00 and to the town centre on Friday. In Arabic: the page's catalog, the 24-hour clock.
BUS_LINES = {
    "": {
        "henri-sellier": "Le bus est là jusqu'à 12 h.",
        "colombier": "Prochain passage : aujourd'hui à 14 h.",
        "centre-ville": "Prochain passage : vendredi à 14 h.",
    },
    "/ar": {
        "henri-sellier": "الحافلة هنا حتى 12:00.",
        "colombier": "المرور القادم: اليوم على الساعة 14:00.",
        "centre-ville": "المرور القادم: يوم الجمعة على الساعة 14:00.",
    },
}


@pytest.mark.parametrize("folder", BUS_LINES)
def test_the_bus_page_says_when_the_bus_comes_next_during_the_week(browser, site_urls, folder):
    from datetime import UTC, datetime

    address = site_urls["public"] + folder + "/semaine-du-gout/2026/bus/"
    context, page, errors = open_page(browser, address, datetime(2026, 10, 13, 8, 30, tzinfo=UTC))
    try:
        page.wait_for_selector("[data-gp-bus][data-ready]")
        for stop, line in BUS_LINES[folder].items():
            expect(page.locator(f"#arret-{stop} ~ .gp-prochain")).to_have_text(line)
        assert errors == []
    finally:
        context.close()
    context, page, _ = open_page(browser, address)  # after the week: nothing said
    try:
        page.wait_for_selector("[data-gp-bus][data-ready]")
        assert page.locator(".gp-prochain").first.inner_text() == ""
    finally:
        context.close()


def _pdf_pages(pdf: bytes) -> tuple[int, tuple[int, int]]:
    import re

    width, height = map(float, re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
    return len(re.findall(rb"/Type\s*/Page\b", pdf)), (round(width), round(height))


def test_the_questionnaire_prints_on_one_a4_sheet(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/semaine-du-gout/questionnaire/")
    try:
        page.emulate_media(media="print")
        assert not page.locator(".md-header").is_visible() and not page.locator(".gp-imprimer").is_visible()
        sheet = page.locator(".gp-questionnaire")
        assert page.evaluate("(e) => e.scrollWidth <= e.clientWidth", sheet.element_handle())  # nothing overflows
        assert page.locator(".gp-question").count() == 6 and page.locator(".gp-case").first.is_visible()
        pages, media = _pdf_pages(page.pdf(prefer_css_page_size=True))
        assert media == (595, 842) and pages == 1
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    "folder,fmt,size,most,theme",
    [
        ("", "a4", (595, 842), 1, "Le goût des saisons"),
        ("", "a5", (420, 595), 2, "Le goût des saisons"),
        ("/ar", "a4", (595, 842), 1, "ذوق الفصول"),  # right to left, in Arabic words
    ],
)
def test_the_poster_prints_on_one_a4_sheet_and_the_flyer_on_one_a5_sheet_recto_verso(
    browser, site_urls, folder, fmt, size, most, theme
):
    context, page, errors = open_page(browser, site_urls["public"] + folder + "/semaine-du-gout/2026/affiche/")
    try:
        page.wait_for_selector("[data-gp-affiche][data-ready]")
        page.evaluate(f"document.querySelector('.gp-affiche').dataset.format = '{fmt}'")
        page.emulate_media(media="print")
        assert not page.locator(".md-header").is_visible() and not page.locator(".gp-affiche-outils").is_visible()
        sheet = page.locator(".gp-affiche")
        assert page.evaluate("(e) => e.scrollWidth <= e.clientWidth", sheet.element_handle())  # nothing overflows
        assert "Épicéa" in sheet.inner_text() and theme in sheet.inner_text()
        assert page.locator(".gp-affiche__qr svg").count() == 1  # the QR code to the programme
        pages, media = _pdf_pages(page.pdf(prefer_css_page_size=True))
        assert media == size and 1 <= pages <= most
        assert errors == []
    finally:
        context.close()
