"""The liaison form in Chromium: every field, print to PDF, copy, drafts, pre-fill, errors, keyboard,
accessibility; and no personal value ever in a request."""

import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader

from .conftest import axe_violations, open_page

FORM = "/liaison/fiche-de-liaison/"
PERSONAL = {
    "#champ-personne-nom": "Zorglubien",
    "#champ-personne-prenom": "Anatolie",
    "#champ-personne-telephone": "06 39 98 77 66",
    "#champ-personne-courriel": "anatolie@exemple.fr",
    "#champ-personne-disponibilites": "Le matin sauf mercredi",
    "#champ-motif": "Loyer impayé depuis deux mois, besoin d'aide urgente",
    "#champ-autres-professionnels": "Assistante sociale de secteur Wxyzt",
}
# What must never leave the page or be kept: each personal value and its first word, when that word is
# long enough to mean something (« 06 » of the phone number may be in a date or a server's port).
TYPED = [w for v in PERSONAL.values() for w in (v, v.split()[0]) if len(w) >= 5]
PROFESSIONAL = {
    "#champ-orienteur-nom": "Claire Martin",
    "#champ-orienteur-fonction": "Responsable",
    "#champ-orienteur-structure": "Épicéa",
    "#champ-orienteur-telephone": "02 61 91 00 10",
    "#champ-orienteur-courriel": "claire@exemple.org",
}


def _open(browser, site_urls, query="", instant=None):
    context, page, errors = open_page(browser, site_urls["pro"] + FORM + query, instant)
    page.wait_for_selector("form.gp-liaison[data-ready='1']")
    requests = []
    page.on("request", lambda r: requests.append(r.url + " " + (r.post_data or "")))
    return context, page, errors, requests


def _fill_everything(page):
    for selector, value in {**PROFESSIONAL, **PERSONAL}.items():
        page.fill(selector, value)
    page.check("#champ-personne-contact-0")
    page.check("#champ-besoins-0")
    page.check("#champ-besoins-3")
    page.check("#champ-urgence-1")
    page.check("#champ-consentement")


def _storage(page):
    return page.evaluate("""async () => {
        const dbs = indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [];
        return {local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage), idb: dbs};
    }""")


def test_filled_form_prints_and_copies_without_any_request(browser, site_urls):
    context, page, errors, requests = _open(browser, site_urls, "?service=caf-du-cher--acces-aux-droits")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        _fill_everything(page)
        page.click('[data-action="copier"]')
        page.locator(".gp-statut", has_text="copié").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert "Zorglubien" in copied and "Caisse d'allocations familiales du Cher" in copied
        assert "Document confidentiel" in copied
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        pdf = page.pdf(format="A4", print_background=False)
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert 1 <= len(PdfReader(io.BytesIO(pdf)).pages) <= 2, text
        for value in (
            "Zorglubien",
            "Anatolie",
            "Loyer impayé",
            "Destinataire",
            "Document confidentiel",
            "Caisse d'allocations familiales du Cher",
        ):
            assert value in text.replace("\n", " "), value
        leaked = [r for r in requests if any(w in r for w in TYPED)]
        # the theme may still fetch its own files (the search worker loads its French stemmer
        # late): a plain GET of /assets/ carries nothing typed; any other request fails
        sent = [r for r in requests if "/assets/" not in r.split(" ")[0] or r.split(" ", 1)[1].strip()]
        assert sent == [] and leaked == [] and errors == []
        assert "Zorglubien" not in json.dumps(_storage(page))  # no draft: nothing kept
    finally:
        context.close()


def test_service_page_prefills_the_form(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["pro"] + "/annuaire/caf-du-cher/")
    try:
        page.get_by_role("link", name="Orienter vers ce service").first.click()
        page.wait_for_selector("form.gp-liaison[data-ready='1']")
        assert page.input_value("#champ-destinataire-partenaire") == "Caisse d'allocations familiales du Cher"
        assert page.input_value("#champ-destinataire-service") == "Accès aux droits et prestations"
        assert "02 61 91 00 30" in page.input_value("#champ-destinataire-contact")
        assert "Pièce d'identité" in page.input_value("#champ-justificatifs")
        assert page.input_value("#champ-date-accord") == datetime.now(UTC).date().isoformat() or page.input_value(
            "#champ-date-accord"
        )
        assert errors == []
    finally:
        context.close()
    context, page, _ = open_page(browser, site_urls["public"] + "/annuaire/caf-du-cher/")
    try:
        assert page.get_by_role("link", name="Orienter vers ce service").count() == 0  # public: no form
    finally:
        context.close()


def test_required_fields_are_listed_and_announced(browser, site_urls):
    context, page, errors, _ = _open(browser, site_urls)
    try:
        page.click('[data-action="imprimer"]')
        summary = page.locator(".gp-erreurs")
        assert summary.get_attribute("role") == "alert" and summary.is_visible()
        assert page.evaluate("document.activeElement.classList.contains('gp-erreurs')")
        items = summary.locator("li").all_inner_texts()
        assert any(i.startswith("Nom et prénom") for i in items) and any("Besoins" in i for i in items)
        assert page.get_attribute("#champ-personne-nom", "aria-invalid") == "true"
        page.fill("#champ-personne-courriel", "pas-une-adresse")
        page.click('[data-action="verifier"]')
        assert any("adresse comme nom@exemple.fr" in i for i in summary.locator("li").all_inner_texts())
        summary.locator("a").first.click()
        assert page.evaluate("document.activeElement.id") == "champ-orienteur-nom"
        report = axe_violations(page)
        assert report == "", report
        assert errors == []
    finally:
        context.close()


def test_empty_form_has_no_axe_violation(browser, site_urls):
    context, page, _, _ = _open(browser, site_urls)
    try:
        report = axe_violations(page)
        assert report == "", report
    finally:
        context.close()


def test_keyboard_only_completion(browser, site_urls):
    context, page, errors, _ = _open(browser, site_urls, "?service=caf-du-cher--acces-aux-droits")
    try:
        page.focus("#champ-orienteur-nom")
        typed = {
            "champ-orienteur-nom": "Claire Martin",
            "champ-orienteur-fonction": "Responsable",
            "champ-orienteur-structure": "Épicéa",
            "champ-orienteur-telephone": "0261910010",
            "champ-personne-nom": "Durand",
            "champ-personne-prenom": "Léa",
            "champ-motif": "Aide au loyer",
        }
        for _ in range(200):
            active = page.evaluate("document.activeElement.id")
            kind = page.evaluate("document.activeElement.type")
            if active in typed:
                page.keyboard.type(typed.pop(active))
            elif active in ("champ-personne-contact-0", "champ-besoins-0", "champ-urgence-0", "champ-consentement"):
                page.keyboard.press("Space")
            elif kind == "button" and page.evaluate("document.activeElement.dataset.action") == "verifier":
                page.keyboard.press("Enter")
                break
            page.keyboard.press("Tab")
        assert typed == {}
        assert page.locator(".gp-statut").inner_text() == "La fiche est complète."
        assert errors == []
    finally:
        context.close()


def test_draft_only_after_opt_in_and_gone_after_wipe_or_expiry(browser, site_urls):
    start = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    context, page, errors, requests = _open(browser, site_urls, instant=start)
    try:
        page.fill("#champ-personne-nom", "Zorglubien")
        assert "Zorglubien" not in json.dumps(_storage(page))  # not chosen: never kept
        page.check("#gp-garder-brouillon")
        page.fill("#champ-personne-prenom", "Anatolie")
        stored = _storage(page)["local"]
        assert "Zorglubien" in stored and "Anatolie" in stored
        assert "jusqu'au 6 décembre 2026 à 10 h 00" in page.locator(".gp-brouillon-etat").inner_text()
        page.reload()
        page.wait_for_selector("form.gp-liaison[data-ready='1']")
        assert page.input_value("#champ-personne-nom") == "Zorglubien"  # restored from this device
        page.click('[data-action="effacer"]')
        assert "Zorglubien" not in json.dumps(_storage(page)) and page.input_value("#champ-personne-nom") == ""
        # a draft past its 72 hours is wiped at the next visit
        page.check("#gp-garder-brouillon")
        page.fill("#champ-personne-nom", "Zorglubien")
        page.clock.set_fixed_time(start + timedelta(hours=73))
        page.reload()
        page.wait_for_selector("form.gp-liaison[data-ready='1']")
        assert page.input_value("#champ-personne-nom") == ""
        assert "Zorglubien" not in json.dumps(_storage(page))
        assert [r for r in requests if "Zorglubien" in r] == [] and errors == []
    finally:
        context.close()


@pytest.mark.parametrize("profile", ["public"])
def test_public_site_has_no_liaison_form(built_sites, profile):
    assert not (built_sites[profile] / "liaison").exists()
    assert not any(
        "liaison/" in p.read_text(encoding="utf-8", errors="ignore") for p in built_sites[profile].rglob("*.html")
    )


def test_the_printout_is_paper_ready_and_the_service_conditions_come_first(browser, site_urls):
    context, page, errors, requests = _open(browser, site_urls, "?service=epicea--aide-alimentaire")
    try:
        panel = page.locator(".gp-avant-orientation")
        assert panel.is_visible() and "À vérifier avec la personne" in panel.inner_text()
        assert "Habiter Vierzon" in panel.inner_text() and "Justificatif de domicile" in panel.inner_text()
        assert axe_violations(page) == ""
        _fill_everything(page)
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert not panel.is_visible() and not page.locator(".gp-comptes").is_visible()
        assert not page.locator(".gp-obligatoire").first.is_visible()  # no form chrome on paper
        assert page.evaluate("getComputedStyle(document.querySelector('#champ-motif')).resize") == "none"
        assert page.locator(".gp-signature").count() == 2 and page.locator(".gp-signatures").is_visible()
        said = page.locator(".gp-accord-imprime").inner_text()
        assert said.startswith("La personne a donné son accord le ")
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
        flat = " ".join(text.split())
        assert "Signature de la personne" in flat and "Signature du professionnel" in flat
        assert "(obligatoire)" not in flat and "À vérifier avec la personne" not in flat
        assert errors == [] and [r for r in requests if "/assets/" not in r] == []
    finally:
        context.close()


def test_the_anonymous_tally_counts_needs_only_on_opt_in_and_exports_csv(browser, site_urls):
    context, page, errors, requests = _open(browser, site_urls, "?service=epicea--aide-alimentaire")
    try:
        page.evaluate("window.print = () => { document.documentElement.dataset.imprime = '1'; }")
        _fill_everything(page)
        page.click('[data-action="imprimer"]')
        assert page.evaluate("localStorage.getItem('gp-orientations')") is None  # not counted: not chosen
        page.check("#gp-compter")
        page.click('[data-action="imprimer"]')
        page.click('[data-action="imprimer"]')  # the same orientation printed again: counted once
        needs = [page.locator("#champ-besoins-0").input_value(), page.locator("#champ-besoins-3").input_value()]
        rows = page.locator(".gp-comptes tbody tr")
        assert rows.count() == 2 and all(rows.nth(n).locator("td").inner_text() == "1" for n in range(2))
        kept = json.dumps(_storage(page), ensure_ascii=False)
        assert not [w for w in TYPED if w in kept], kept  # counts only, nothing personal
        page.fill("#champ-motif", "Une autre personne, un autre besoin")  # a new orientation
        page.click('[data-action="imprimer"]')
        assert rows.first.locator("td").inner_text() == "2"
        with page.expect_download() as download:
            page.click('[data-action="telecharger-comptes"]')
        content = open(download.value.path(), encoding="utf-8-sig").read().splitlines()
        assert content[0] == "Besoin;Orientations;Comptées depuis le"
        assert sorted(line.split(";")[0].strip('"') for line in content[1:]) == sorted(needs)
        page.reload()
        page.wait_for_selector("form.gp-liaison[data-ready='1']")
        assert page.is_checked("#gp-compter") and page.locator(".gp-comptes tbody tr").count() == 2  # kept
        page.click('[data-action="effacer-comptes"]')
        assert page.evaluate("localStorage.getItem('gp-orientations')") is None
        # the reload fetches the page again; no request carries a body or anything typed
        assert all(r.split(" ", 1)[1].strip() == "" for r in requests)
        assert [r for r in requests if any(w in r for w in TYPED)] == [] and errors == []
    finally:
        context.close()


def test_the_tally_csv_never_holds_a_formula(browser, site_urls):
    """A need's name a spreadsheet would run (=, +, -, @ first) is written with an apostrophe in
    front, as in every CSV of the site; a number and a lone dash stay as they are."""
    context, page, errors, _requests = _open(browser, site_urls, "?service=epicea--aide-alimentaire")
    try:
        saved = {
            "depuis": "2026-11-02",
            "besoins": {'=HYPERLINK("http://x.example.org")': 2, "-3": 1, "+cmd": 1, "Se loger": 4},
        }
        page.evaluate("saved => localStorage.setItem('gp-orientations', JSON.stringify(saved))", saved)
        page.reload()
        page.wait_for_selector("form.gp-liaison[data-ready='1']")
        with page.expect_download() as download:
            page.click('[data-action="telecharger-comptes"]')
        content = open(download.value.path(), encoding="utf-8-sig").read().splitlines()
        assert sorted(content[1:]) == sorted(
            [
                '"\'=HYPERLINK(""http://x.example.org"")";2;2026-11-02',
                '"-3";1;2026-11-02',
                '"\'+cmd";1;2026-11-02',
                '"Se loger";4;2026-11-02',
            ]
        )
        assert errors == []
    finally:
        context.close()
