"""The guide in English and Arabic: the language menu round-trips on the same page, leads an
untranslated page to that language's home with a notice, remembers the choice on the device;
Arabic is laid out right to left without sideways scrolling; no axe violation in any language."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .browser_contexts import shared_context
from .conftest import axe_violations, open_page, read_directory_data, ready_offline

TRANSLATED = [
    "/",
    "/aide/",
    "/guide/epicerie/",
    "/urgences/",
    "/annuaire/",
    "/recettes/",
    "/recettes/houmous-maison/",
    "/sante/",
    "/annuaire/epicea/",  # a partner's own words in Arabic, what stays French marked so
    "/donnees/",  # French files described in Arabic
]
MENU_BOUND = "[data-gp-langues][data-ready='1']"


def _choose(page, code: str) -> None:
    page.click("[data-gp-langues] button")  # a tap opens the menu (focus)
    with page.expect_navigation():
        page.click(f'[data-gp-langues] a[data-langue="{code}"]')


def test_the_language_menu_goes_round_on_the_same_page(browser, site_urls):
    context = shared_context(browser, service_workers="block", viewport={"width": 390, "height": 844})
    page = context.new_page()
    base = site_urls["public"]
    try:
        page.goto(base + "/aide/")
        page.wait_for_selector(MENU_BOUND)
        for code, path, direction in (("en", "/en/aide/", "ltr"), ("ar", "/ar/aide/", "rtl"), ("fr", "/aide/", "ltr")):
            _choose(page, code)
            assert page.url == base + path
            html = page.locator("html")
            assert (html.get_attribute("lang"), html.get_attribute("dir")) == (code, direction)
            page.wait_for_selector(MENU_BOUND)
    finally:
        context.close()


def test_an_untranslated_page_leads_to_the_language_home_with_a_notice(browser, site_urls):
    # Every public page of the sample is translated: the menu leads to the same page. A page that is
    # not (its link is built by i18n/pages.py's alternates, tested in test_languages.py) leads to
    # the language's home, which then says why.
    context = shared_context(browser, service_workers="block")
    page = context.new_page()
    base = site_urls["public"]
    try:
        page.goto(base + "/en/")
        assert page.locator(".gp-non-traduit").is_hidden()  # only when coming from an untranslated page
        page.goto(base + "/accessibilite/")
        page.wait_for_selector(MENU_BOUND)
        _choose(page, "en")
        assert page.url == base + "/en/accessibilite/"
        page.goto(base + "/en/#non-traduit")  # where the menu of an untranslated page leads
        expect(page.locator(".gp-non-traduit")).to_be_visible()
        assert "not available in English yet" in page.locator(".gp-non-traduit").inner_text()
    finally:
        context.close()


def test_the_choice_is_remembered_on_the_device(browser, site_urls):
    context = shared_context(browser, service_workers="block")
    page = context.new_page()
    base = site_urls["public"]
    try:
        page.goto(base + "/")
        page.wait_for_selector(MENU_BOUND)
        _choose(page, "ar")
        assert page.evaluate("localStorage.getItem('gp-langue')") == "ar"
        page.goto(base + "/")  # the guide opened again, from outside (no referrer): Arabic
        page.wait_for_url(base + "/ar/")
        _choose(page, "fr")  # and back: French is remembered too
        page.goto(base + "/")
        page.wait_for_selector(MENU_BOUND)
        assert page.url == base + "/"
    finally:
        context.close()


def test_arabic_reads_right_to_left(browser, site_urls):
    # axe and sideways scrolling at 320 px: on every page of every language (test_quality.py)
    context = shared_context(browser, service_workers="block", viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        for path in TRANSLATED:
            page.goto(site_urls["public"] + "/ar" + path)
            assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).direction") == "rtl", path
    finally:
        context.close()


def test_a_language_visited_once_works_offline(browser, site_urls):
    """Each language is a site of its own with its own worker: one visit to /en/ saves the English pages."""
    context = shared_context(browser)
    page = context.new_page()
    base = site_urls["public"]
    try:
        ready_offline(page, base + "/en/")
        context.set_offline(True)
        for path, title in (
            ("/en/aide/", "Help: how to use the guide"),
            ("/en/guide/epicerie/", "How the social grocery works"),
            ("/en/recettes/houmous-maison/", "Homemade hummus"),
        ):
            response = page.goto(base + path)
            assert response and response.ok, path
            assert page.locator("html").get_attribute("lang") == "en", path
            assert page.locator("h1").first.inner_text() == title
    finally:
        context.close()


def test_two_languages_keep_their_offline_copies_and_each_its_offline_page(browser, site_urls):
    """French then Arabic on one device: the Arabic worker does not delete the French copy, and a page
    not saved gives the offline page in the visitor's language."""
    context = shared_context(browser)
    page = context.new_page()
    base = site_urls["public"]
    try:
        for folder in ("/", "/ar/"):
            ready_offline(page, base + folder)
        names = page.evaluate("caches.keys()")
        assert {name.rsplit(":", 1)[0] for name in names if name.startswith("guide-precache:")} == {
            "guide-precache:/",
            "guide-precache:/ar/",
        }
        context.set_offline(True)
        page.goto(base + "/annuaire/")
        assert page.locator("h1").first.inner_text() != "Vous êtes hors ligne"  # French, still saved
        page.goto(base + "/ar/nulle-part/")  # never saved: the offline page, in Arabic
        assert page.locator("h1").first.inner_text() == "أنتم غير متصلين بالإنترنت"
        page.locator("[data-gp-hors-ligne] strong", has_text="دليل الشركاء").wait_for()
        assert "صفحة متاحة بدون اتصال" in page.locator("[data-gp-hors-ligne-compte]").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize(
    ("folder", "closed", "always"),
    [
        ("", "Fermé — ouvre demain à 8 h 30", "Ouvert 24 h sur 24"),
        ("/en", "Closed — opens tomorrow at 08:30", "Open 24 hours a day"),
        ("/ar", "مغلق — يفتح غداً على الساعة 08:30", "مفتوح 24 ساعة في اليوم"),
    ],
)
def test_open_and_closed_are_said_in_the_page_language(browser, site_urls, folder, closed, always):
    # far from Paris
    context = shared_context(browser, clock=True, service_workers="block", timezone_id="America/Montreal")
    page = context.new_page()
    page.clock.set_fixed_time("2026-12-01T22:15:00+01:00")  # a Tuesday night in Paris
    try:
        page.goto(site_urls["public"] + folder + "/urgences/")
        page.wait_for_load_state("networkidle")
        statuses = page.locator(".gp-urgences-locales .gp-etat").all_inner_texts()
        assert statuses[0] == closed and always in statuses
    finally:
        context.close()


def test_portions_are_said_and_counted_in_arabic_and_the_leaflet_prints_right_to_left(browser, site_urls):
    context = shared_context(browser, service_workers="block", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(site_urls["public"] + "/ar/recettes/houmous-maison/")
        page.wait_for_selector(".gp-portions[data-ready]")
        page.click(".gp-portions button[data-pas='1']")
        expect(page.locator(".gp-portions__etat")).to_have_text("الكميات لعدد الحصص: 7.")
        quantities = page.locator(".gp-quantite").all_inner_texts()
        assert quantities[:2] == ["465 g", "2 ¼ ملعقة كبيرة"]  # Latin digits; the unit in Arabic
        assert page.locator(".gp-nombre-portions").first.inner_text() == "7"
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 560, "height": 794})  # A5 at 96 dpi
        term = page.locator(".gp-recette__infos dt").first.bounding_box()
        value = page.locator(".gp-recette__infos dd").first.bounding_box()
        assert term and value and term["x"] > value["x"]  # the label on the right, its value to its left
        assert page.evaluate("document.documentElement.scrollWidth") <= 560
    finally:
        context.close()


def test_the_directory_in_arabic_finds_by_arabic_words_and_leads_to_arabic_sheets(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/ar/annuaire/")
    try:
        read_directory_data(page)
        page.fill("#gp-q", "طعام")  # "food": a word of the need Manger in Arabic
        counter = page.locator(".gp-compte")
        expect(counter).to_have_text(re.compile(r"^عدد الشركاء: \d+$"))
        names = page.locator(".gp-carte__titre a").all_inner_texts()
        assert "Épicéa" in " ".join(names)  # the social grocery answers food
        link = page.locator(".gp-carte__titre a").first
        assert link.get_attribute("lang") == "fr" and "/" not in link.get_attribute("href")[:-1]  # a name in French
        page.fill("#gp-q", "الطعام")  # with the article, and a different hamza: the same need
        assert page.locator(".gp-carte__titre a").all_inner_texts() == names
        page.fill("#gp-q", "zzzz")
        expect(counter).to_have_text("لا يوجد شريك مطابق. أزل أحد المرشحات أو غيّر كلمات البحث.")
        page.fill("#gp-q", "")
        page.click(".gp-besoins label[for='gp-besoin-manger']")
        assert page.locator(".gp-besoins label[for='gp-besoin-manger']").inner_text().startswith("الطعام")
        with page.expect_navigation():
            link.click()
        assert page.locator("html").get_attribute("lang") == "ar"  # the partner's sheet, in Arabic
        assert page.locator("h1").get_attribute("lang") == "fr"  # its name in French
        expect(page.locator("dt").first).to_have_text("العنوان")
        assert axe_violations(page) == ""
        page.set_viewport_size({"width": 320, "height": 640})
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert errors == []
    finally:
        context.close()


def test_arabic_recipes_are_found_by_an_arabic_ingredient_written_either_way(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/ar/recettes/")
    try:
        page.wait_for_selector("[data-gp-recettes][data-ready]")
        counter = page.locator(".gp-recettes .gp-compte")
        for typed in ("بصلة", "بَصَلَه"):  # onion: with its last letter written either way, with short vowels
            page.fill("#gp-ingredient", typed)
            expect(counter).to_have_text("عدد الوصفات: 3")
        page.fill("#gp-ingredient", "zzz")
        expect(counter).to_have_text("لا توجد وصفة مطابقة. أزل أحد المرشحات.")
        assert errors == []
    finally:
        context.close()


def test_a_partner_sheet_drawn_offline_speaks_the_page_language(browser, site_urls, built_sites):
    # What the service worker answers for a partner page it did not save: the offline sheet, drawn
    # from annuaire.json by the script, here under /ar/ (the worker's fallback, played by a route)
    sheet = (built_sites["public"] / "ar/hors-ligne/fiche/index.html").read_text(encoding="utf-8")
    context, page, errors = open_page(browser, "about:blank")
    try:
        page.route("**/ar/annuaire/epicea/", lambda route: route.fulfill(body=sheet, content_type="text/html"))
        page.goto(site_urls["public"] + "/ar/annuaire/epicea/")
        page.locator(".md-content h3", has_text="التسوّق في البقالة الاجتماعية").wait_for()
        text = page.locator(".md-content").inner_text()
        assert "إثبات السكن" in text  # a document to bring, translated (justificatifs@ar)
        assert "العائلات" in text and "Familles" not in text  # the publics' labels (libelles@ar)
        assert "يوم الثلاثاء" in text and "mardi" not in text  # the hours in Arabic words (texte@ar)
        assert errors == []
    finally:
        context.close()
