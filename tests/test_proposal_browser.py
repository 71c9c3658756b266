"""« Proposer une modification » in Chromium: a partner fills the form of its entry, gets the e-mail and the
GitHub issue, and `site-build appliquer` writes exactly the expected lines into a copy of the data; the
form is accessible and fits 320 px in every language, and a proposal waits on the device offline."""

from __future__ import annotations

import difflib
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from .browser_contexts import shared_context
from .conftest import TODAY, Server, axe_violations, open_page, ready_offline
from .helpers import ROOT, run_cli

HOURS = "Tu,Th 09:00-12:00,14:00-17:30; PH off"  # Épicéa's opening hours in the sample
NEW_HOURS = "Tu 09:00-12:00,14:00-17:30; Th 09:00-12:00; PH off"


@pytest.fixture
def project(sample_project):
    return sample_project


def _open_form(browser, site: str, entry_page: str, link: str = "a[href*='fiche=partenaire']", **options):
    context, page, errors = open_page(browser, site + entry_page, **options)
    page.locator(link).first.click()
    page.wait_for_selector("form.gp-proposer__fiche:not([hidden])")
    return context, page, errors


def _sent(page) -> tuple[str, dict[str, list[str]]]:
    """The e-mail body of the mailto: link, and the query of the new-issue link."""
    page.wait_for_selector("[data-gp-proposer-envoi]:not([hidden])")
    mail = urlsplit(page.get_attribute("[data-gp-proposer-envoi] [data-envoi='courriel']", "href"))
    assert mail.scheme == "mailto" and mail.path == "guide@ccas-vierzon.example.org"
    body = unquote(mail.query.split("&body=", 1)[1])
    issue = page.get_attribute("[data-gp-proposer-envoi] [data-envoi='ticket']", "href")
    assert issue.startswith("https://github.com/ccas-vierzon/guide-partage/issues/new?")
    return body, parse_qs(urlsplit(issue).query)


def _apply(project, body: str, relative: str = "partners.yaml") -> tuple[list[str], list[str]]:
    (project / "message.txt").write_text(body, encoding="utf-8")
    result = run_cli(project, "appliquer", "message.txt")
    assert result.returncode == 0, result.stderr
    before = (ROOT / "data" / relative).read_text(encoding="utf-8").splitlines()
    after = (project / "data" / relative).read_text(encoding="utf-8").splitlines()
    lines = list(difflib.ndiff(before, after))
    return [x[2:] for x in lines if x.startswith("- ")], [x[2:] for x in lines if x.startswith("+ ")]


def test_hours_written_with_the_helper_and_confirmed_reach_the_file_as_two_lines(browser, site_urls, project):
    context, page, errors = _open_form(browser, site_urls["public"], "/annuaire/epicea/")
    requests = []
    page.on("request", lambda request: requests.append((request.method, request.url)))
    try:
        field = page.locator("form.gp-proposer__fiche:not([hidden]) [data-champ='horaires_accueil']")
        text = field.locator("input[type=text]")
        assert text.input_value() == HOURS
        assert (
            field.locator(".gp-proposer__en-mots").inner_text().startswith("mardi, jeudi : 9 h – 12 h, 14 h – 17 h 30.")
        )
        field.locator("summary").click()
        thursday = field.locator("[data-jour='3']")
        thursday.locator("[data-part='1'][data-bout='de']").fill("")
        thursday.locator("[data-part='1'][data-bout='a']").fill("")
        field.get_by_role("button", name="Écrire ces horaires dans le champ").click()
        assert text.input_value() == NEW_HOURS
        assert "jeudi : 9 h – 12 h." in field.locator(".gp-proposer__en-mots").inner_text()
        page.get_by_role("button", name="Tout est juste").click()
        body, issue = _sent(page)
        phrase = page.locator("[data-phrase]").inner_text()
        assert "Tout est juste sur la fiche « Épicéa" in phrase and f"« {HOURS} » devient « {NEW_HOURS} »" in phrase
        assert issue["template"] == ["proposition.md"] and issue["labels"] == ["proposition"]
        assert issue["title"][0].startswith("Proposition : Épicéa") and issue["body"] == [body]
        # nothing was sent: the page only read, from its own site (the e-mail waits for a press)
        assert all(method == "GET" and url.startswith(site_urls["public"]) for method, url in requests), requests
        assert errors == []
    finally:
        context.close()
    removed, added = _apply(project, body)
    assert removed == [f'  horaires_accueil: "{HOURS}"', "  date_verification: 2026-11-02"]
    assert added == [f'  horaires_accueil: "{NEW_HOURS}"', f"  date_verification: {TODAY}"]


def test_a_language_ticked_on_a_service_changes_its_one_line(browser, site_urls, project):
    context, page, errors = _open_form(
        browser, site_urls["public"], "/annuaire/epicea/", "#epicea--aide-alimentaire a[href*='fiche=service']"
    )
    try:
        assert page.locator("form[data-fiche='service'] [data-nom]").inner_text() == "Courses à l'épicerie sociale"
        page.locator("form.gp-proposer__fiche:not([hidden]) [data-champ='langues']").get_by_label("arabe").check()
        page.get_by_role("button", name="Préparer la proposition").click()
        body, _ = _sent(page)
        assert 'langues: ["fr", "en"]' in body and 'langues: ["fr", "en", "ar"]' in body
        assert errors == []
    finally:
        context.close()
    assert _apply(project, body) == (["      langues: [fr, en]"], ["      langues: [fr, en, ar]"])


def test_all_is_right_alone_moves_only_the_verification_date(browser, site_urls, project):
    context, page, errors = _open_form(browser, site_urls["public"], "/annuaire/epicea/")
    try:
        page.get_by_role("button", name="Tout est juste").click()
        body, _ = _sent(page)
        assert "confirme: true" in body and "apres:" not in body
        assert errors == []
    finally:
        context.close()
    assert _apply(project, body) == (["  date_verification: 2026-11-02"], [f"  date_verification: {TODAY}"])


def test_a_proposal_too_long_for_a_mail_link_is_copied_instead(browser, site_urls):
    context, page, errors = _open_form(browser, site_urls["public"], "/annuaire/epicea/")
    try:
        page.locator("form.gp-proposer__fiche:not([hidden]) [data-champ='description'] textarea").fill(
            "Une phrase. " * 200
        )
        page.get_by_role("button", name="Préparer la proposition").click()
        sending = page.locator("[data-gp-proposer-envoi]")
        sending.wait_for()
        assert sending.locator("[data-envoi='courriel']").is_hidden()
        assert (
            sending.locator("[data-trop-long]").is_visible() and sending.locator("[data-envoi='ticket']").is_visible()
        )
        assert errors == []
    finally:
        context.close()


def test_nothing_changed_says_so_and_prepares_nothing(browser, site_urls):
    context, page, _ = _open_form(browser, site_urls["public"], "/annuaire/epicea/")
    try:
        page.get_by_role("button", name="Préparer la proposition").click()
        assert "Rien n'a changé" in page.locator("[data-gp-proposer-message]").inner_text()
        assert page.locator("[data-gp-proposer-envoi]").is_hidden()
    finally:
        context.close()


@pytest.mark.parametrize(
    ("profile", "entry_page", "link"),
    [
        ("public", "/annuaire/epicea/", "a[href*='fiche=partenaire']"),
        ("public", "/en/annuaire/epicea/", "a[href*='fiche=partenaire']"),
        ("public", "/ar/annuaire/epicea/", "a[href*='fiche=partenaire']"),
        ("pro", "/professionnels/", "a[href*='fiche=professionnel']"),
        ("pro", "/semaine-du-gout/", "a[href*='fiche=animation']"),
    ],
)
def test_the_form_is_accessible_and_fits_a_small_phone(browser, site_urls, profile, entry_page, link):
    context, page, errors = _open_form(
        browser, site_urls[profile], entry_page, link, viewport={"width": 320, "height": 640}
    )
    try:
        for helper in page.locator("form.gp-proposer__fiche:not([hidden]) details").all():
            helper.locator("summary").click()
        text = page.locator(
            "form.gp-proposer__fiche:not([hidden]) input[type=text], form.gp-proposer__fiche:not([hidden]) textarea"
        ).first
        text.fill(text.input_value() + " (nouveau)")
        page.locator("form.gp-proposer__fiche:not([hidden]) button[type=submit]").press("Enter")  # the keyboard's way
        page.wait_for_selector("[data-gp-proposer-envoi]:not([hidden])")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert axe_violations(page) == ""
        assert errors == []
    finally:
        context.close()


def test_a_proposal_made_offline_waits_on_the_device(browser, built_sites):
    server = Server(built_sites["public"])
    context = shared_context(browser)
    page = context.new_page()
    try:
        ready_offline(page, server.url + "/")
        page.goto(server.url + "/annuaire/epicea/")
        context.set_offline(True)
        page.locator("a[href*='fiche=partenaire']").click()
        page.wait_for_selector("form[data-fiche='partenaire']:not([hidden])")
        page.locator("form.gp-proposer__fiche:not([hidden]) [data-champ='telephone'] input").fill("02 61 91 00 99")
        page.get_by_role("button", name="Préparer la proposition").click()
        assert "Pas de connexion" in page.locator("[data-gp-proposer-envoi] [data-statut]").inner_text()
        page.reload()
        kept = page.locator("[data-gp-proposer-attente]")
        kept.wait_for()
        assert "« 02 61 91 00 10 » devient « 02 61 91 00 99 »" in kept.inner_text()
        kept.get_by_role("button", name="Retirer (déjà envoyée)").click()
        assert kept.is_hidden()
    finally:
        context.close()
        server.stop()
