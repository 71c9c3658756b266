"""The directory in Chromium: search, filters with counts, URL state, "open now" at fixed instants,
keyboard use, accessibility, print; and the professionals' directory (pro)."""

import re
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlparse

import pytest

from site_build.data.analytics.due_dates import due_date
from site_build.text.hours import parse_hours

from .browser_contexts import shared_context
from .conftest import ROOT, axe_violations, open_page, read_directory_data
from .helpers import read_yaml

PARTNERS = read_yaml(ROOT / "data/partners.yaml")


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _count(page) -> int:
    text = page.locator(".gp-compte").inner_text()
    return 0 if text.startswith("Aucun") else int(text.split()[0])


def _wait_loaded(page):
    """The directory is ready, with « Plus de filtres » open (the tests use every filter)."""
    read_directory_data(page)
    page.evaluate("document.querySelector('.gp-plus-de-filtres').open = true")


def _with_service(test) -> int:
    return sum(1 for p in PARTNERS if any(test(s) for s in p.get("services") or []))


def _open_at(paris: datetime) -> int:
    """Partners open at a Paris wall-clock time, computed in Python with the same OSM rules."""
    count = 0
    for p in PARTNERS:
        closure = p.get("fermeture_temporaire")
        if p.get("statut") == "ferme" or (closure and closure["du"] <= paris.date() <= closure["au"]):
            continue
        texts = [p.get("horaires_accueil"), p.get("horaires_distribution")]
        texts += [s.get("horaires_accueil") for s in p.get("services") or []]
        count += any(parse_hours(t).is_open(paris) for t in texts if t)
    return count


def test_search_ignores_accents_and_case_and_goes_into_the_url(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/annuaire/")
    try:
        _wait_loaded(page)
        assert _count(page) == len(PARTNERS)
        page.fill("#gp-q", "epicerie")
        names = page.locator(".gp-carte__titre").all_inner_texts()
        assert names and any("Épicerie" in n or "épicerie" in n.lower() for n in names)
        assert parse_qs(urlparse(page.url).query) == {"mots": ["epicerie"]}
        # the shared link restores the search, and does not open the theme's own site search (?q=)
        page.goto(page.url)
        _wait_loaded(page)
        assert page.input_value("#gp-q") == "epicerie"
        assert not page.locator("[data-md-toggle='search']").is_checked()
        page.fill("#gp-q", "caf")
        assert "Caisse d'allocations familiales du Cher" in page.locator(".gp-carte__titre").all_inner_texts()
        page.fill("#gp-q", "zzzz introuvable")
        assert page.locator(".gp-compte").inner_text().startswith("Aucun partenaire")
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    "control,value,field",
    [
        ("thematique", "famille--garde-denfants", "thematiques"),
        ("public", "familles", "publics"),
        ("frais", "gratuit", "frais"),
        ("accueil", "a-distance", "modes_accueil"),
    ],
)
def test_each_service_filter_counts_and_lists_the_right_partners(browser, site_urls, control, value, field):
    expected = _with_service(lambda s: value in (s.get(field) or []))
    assert expected > 0
    context, page, errors = open_page(browser, site_urls["public"] + "/annuaire/")
    try:
        _wait_loaded(page)
        option = page.locator(f"#gp-{control} option[value='{value}']")
        assert option.inner_text().endswith(f"({expected})")  # the count shown before choosing
        assert "--" not in option.inner_text()  # a French label, never the slug
        page.select_option(f"#gp-{control}", value)
        assert _count(page) == expected == page.locator(".gp-carte").count()
        assert parse_qs(urlparse(page.url).query) == {control: [value]}
        assert errors == []
    finally:
        context.close()


def test_filters_combine_and_the_url_restores_them(browser, site_urls):
    expected = sum(
        1
        for p in PARTNERS
        if p["adresse"]["commune"] == "Vierzon"
        and any("seniors" in (s.get("publics") or []) for s in p.get("services") or [])
    )
    url = site_urls["public"] + "/annuaire/?public=seniors&commune=Vierzon"
    context, page, errors = open_page(browser, url)
    try:
        _wait_loaded(page)
        assert page.input_value("#gp-public") == "seniors" and page.input_value("#gp-commune") == "Vierzon"
        assert _count(page) == expected
        page.click(".gp-filtres button[type=reset]")
        # (locator waits: a polled wait_for_function would be an eval, which the pages' CSP forbids)
        page.locator(".gp-compte", has_text=re.compile(rf"^{len(PARTNERS)} ")).wait_for()
        assert urlparse(page.url).query == ""
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    "paris_time,utc_instant",
    [
        ("2026-12-03T10:00", "2026-12-03T09:00"),  # a Thursday morning
        ("2026-12-03T12:45", "2026-12-03T11:45"),  # lunch break
        ("2026-12-06T10:00", "2026-12-06T09:00"),  # a Sunday
        ("2026-12-25T10:00", "2026-12-25T09:00"),  # Christmas, a Friday
        ("2027-03-28T17:30", "2027-03-28T15:30"),  # the day summer time starts (UTC+2)
    ],
)
def test_open_now_filter_matches_the_python_rules(browser, site_urls, paris_time, utc_instant):
    expected = _open_at(datetime.fromisoformat(paris_time))
    context, page, errors = open_page(browser, site_urls["public"] + "/annuaire/?ouvert=1", _utc(utc_instant))
    try:
        _wait_loaded(page)
        assert page.is_checked("#gp-ouvert")
        assert _count(page) == expected
        assert page.locator("label[for=gp-ouvert]").inner_text() == f"Ouvert maintenant ({expected})"
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    "partner,utc_instant,status",
    [
        ("caf-du-cher", "2026-12-03T09:00", "Ouvert — ferme à 12 h"),
        ("caf-du-cher", "2026-12-03T11:45", "Fermé — ouvre à 13 h 30"),
        ("caf-du-cher", "2026-12-03T16:00", "Fermé — ouvre demain à 8 h 30"),
        ("caf-du-cher", "2026-12-06T09:00", "Fermé — ouvre demain à 8 h 30"),
        ("caf-du-cher", "2026-12-25T09:00", "Fermé — ouvre lundi à 8 h 30"),
        ("creche-les-petits-loups", "2027-01-02T09:00", "Fermé temporairement — ouvre lundi à 7 h 30"),
        ("creche-les-petits-loups", "2027-01-04T08:00", "Ouvert — ferme à 18 h 30"),
        # summer time starts at 2:00 on 28 March 2027: 15:30 UTC is 17:30 in Paris, not 16:30
        ("auberge-de-jeunesse-vierzon", "2027-03-28T15:30", "Ouvert — ferme à 20 h"),
        ("auberge-de-jeunesse-vierzon", "2027-03-28T01:30", "Fermé — ouvre à 17 h"),
    ],
)
def test_partner_page_open_status_at_fixed_instants(browser, site_urls, partner, utc_instant, status):
    context, page, errors = open_page(browser, f"{site_urls['public']}/annuaire/{partner}/", _utc(utc_instant))
    try:
        first = page.locator(".gp-etat", has_text=re.compile(r"\S")).first
        first.wait_for()
        assert first.inner_text() == status
        assert errors == []
    finally:
        context.close()


def test_stale_notice_follows_the_device_date(browser, site_urls):
    partner = next(p for p in PARTNERS if p["id"] == "caf-du-cher")
    due = due_date(dict(partner, date_verification=str(partner["date_verification"])))
    context, page, _ = open_page(
        browser, f"{site_urls['public']}/annuaire/caf-du-cher/", _utc(f"{due.isoformat()}T12:00")
    )
    try:
        page.locator(".gp-a-verifier").wait_for(state="visible")  # shown by fiche.js (a module, loaded after the page)
        assert "Informations vérifiées le" in page.locator(".gp-verification").inner_text()
    finally:
        context.close()
    context, page, _ = open_page(browser, f"{site_urls['public']}/annuaire/caf-du-cher/", _utc("2026-11-27T12:00"))
    try:
        page.locator(".gp-etat", has_text=re.compile(r"\S")).first.wait_for()
        assert not page.locator(".gp-a-verifier").is_visible()
    finally:
        context.close()


def test_without_javascript_the_full_list_is_there(browser, site_urls):
    context = shared_context(browser, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_urls["public"] + "/annuaire/")
        assert page.locator(".gp-carte").count() == len(PARTNERS)
        assert not page.locator(".gp-filtres").is_visible()
    finally:
        context.close()


def test_directory_with_the_keyboard_alone(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/annuaire/")
    try:
        _wait_loaded(page)
        page.focus("#gp-q")
        page.keyboard.type("vierzon")
        page.keyboard.press("Tab")  # to the needs: one stop, arrows choose
        assert page.evaluate("document.activeElement.id") == "gp-besoin-tous"
        page.keyboard.press("ArrowRight")
        assert page.evaluate("document.activeElement.name") == "besoin"
        assert page.evaluate("document.activeElement.checked")
        page.keyboard.press("ArrowLeft")  # back to « Tout »
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "gp-ouvert"
        page.keyboard.press("Space")
        assert page.is_checked("#gp-ouvert")
        page.keyboard.press("Space")
        for _ in range(12):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "gp-commune":
                break
        for _ in range(5):
            page.keyboard.press("ArrowDown")
            if page.input_value("#gp-commune") == "Vierzon":
                break
        assert page.input_value("#gp-commune") == "Vierzon"
        for _ in range(40):
            if page.evaluate("!!document.activeElement.closest('.gp-cartes')"):
                break
            page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('.gp-cartes')"), "no result reachable with Tab"
        target = page.evaluate("document.activeElement.getAttribute('href')")
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/annuaire/{target}")
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    "profile,path",
    # the list once the data drives it (a partner page as loaded is axe's in test_quality)
    [("public", "/annuaire/"), ("pro", "/annuaire/?liaison=1")],
)
def test_directory_pages_have_no_axe_violation(browser, site_urls, profile, path):
    context, page, errors = open_page(browser, site_urls[profile] + path, _utc("2026-12-03T09:00"))
    try:
        _wait_loaded(page)
        report = axe_violations(page)
        assert report == "", report
        assert errors == []
    finally:
        context.close()


def test_pro_liaison_filter(browser, site_urls):
    expected = _with_service(lambda s: s.get("orientable"))
    context, page, errors = open_page(browser, site_urls["pro"] + "/annuaire/")
    try:
        _wait_loaded(page)
        page.check("#gp-liaison")
        assert _count(page) == expected
        assert "liaison=1" in page.url
    finally:
        context.close()
    context, page, _ = open_page(browser, site_urls["public"] + "/annuaire/")
    try:
        _wait_loaded(page)
        assert page.locator("#gp-liaison").count() == 0  # pro only
    finally:
        context.close()


def test_professionals_search_and_filters(browser, site_urls):
    people = read_yaml(ROOT / "data/professionals.yaml")
    context, page, errors = open_page(browser, site_urls["pro"] + "/professionnels/")
    try:
        page.wait_for_selector("[data-gp-pros][data-ready='1']")  # the filters are bound
        assert page.locator(".gp-carte:visible").count() == len(people)
        someone = next(p for p in people if p.get("thematiques"))
        page.fill("#gp-pq", someone["nom"].upper())
        assert someone["prenom"] in " ".join(page.locator(".gp-carte:visible .gp-carte__titre").all_inner_texts())
        page.fill("#gp-pq", "")
        page.select_option("#gp-structure", someone["partenaire"])
        assert page.locator(".gp-carte:visible").count() == sum(
            p["partenaire"] == someone["partenaire"] for p in people
        )
        assert f"structure={someone['partenaire']}" in page.url
        theme = someone["thematiques"][0]
        page.select_option("#gp-structure", "")
        page.select_option("#gp-thematique", theme)
        assert page.locator(".gp-carte:visible").count() == sum(theme in (p.get("thematiques") or []) for p in people)
        assert errors == []
    finally:
        context.close()


def test_partner_sheet_prints_on_one_a4_page_without_menus(browser, site_urls):
    context, page, _ = open_page(browser, site_urls["public"] + "/annuaire/caf-du-cher/")
    try:
        page.emulate_media(media="print")
        assert not page.locator(".md-header").is_visible()
        assert not page.locator(".md-sidebar--primary").is_visible()
        after = page.evaluate(
            "getComputedStyle(document.querySelector('.gp-fiche a[href^=\"http\"]'), '::after').content"
        )
        assert "http" in after  # link targets spelled out on paper
        pdf = page.pdf(format="A4", print_background=False)
        assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1
    finally:
        context.close()


def test_hidden_controls_stay_hidden_whatever_the_theme_says(browser, site_urls):
    """`hidden` must win over the theme's button styles: no « Afficher -14 résultats de plus » under a
    list that is complete, no « Effacer le brouillon » on a form without a draft."""
    context, page, _ = open_page(browser, site_urls["public"] + "/annuaire/")
    try:
        _wait_loaded(page)
        assert page.locator(".gp-plus").is_hidden()
        assert "-" not in page.locator(".gp-plus").inner_text()
    finally:
        context.close()
    context, page, _ = open_page(browser, site_urls["pro"] + "/liaison/fiche-de-liaison/")
    try:
        page.wait_for_selector("form.gp-liaison[data-ready='1']")
        assert page.locator('[data-action="effacer"]').is_hidden()
    finally:
        context.close()


def test_the_scripts_tel_links_are_the_ones_python_writes(browser, site_urls):
    """One rule for a tel: link, drawn by Python (pages, vCards) and by the scripts (the directory's
    cards, the offline partner sheet): the same numbers give the same links."""
    from site_build.text.french import tel_uri

    numbers = ["02 61 91 00 30", "0639981222", "+33 2 61 91 00 30", "15", "3114", "02.61.91.00.30"]
    context, page, errors = open_page(browser, site_urls["public"] + "/annuaire/")
    try:
        drawn = page.evaluate(
            "async numbers => { const helpers = await import('../assets/javascripts/helpers.js');"
            " return numbers.map(number => helpers.telHref(number)); }",
            numbers,
        )
        assert drawn == [tel_uri(number) for number in numbers]
        assert errors == []
    finally:
        context.close()
