"""The rights helper (/mes-droits/) in Chromium: one question at a time with the keyboard, the rights
whose rules fit, who helps and what to bring; no request and no storage while answering; accessible
at every step; the result prints without the questions."""

from __future__ import annotations

import json

from .conftest import axe_violations, open_page


def _storage(page) -> str:
    return page.evaluate("""async () => JSON.stringify({local: {...localStorage}, session: {...sessionStorage},
        idb: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [],
        cookies: document.cookie, caches: await caches.keys()})""")


def test_a_person_answers_with_the_keyboard_and_gets_the_rights_to_check(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/mes-droits/")
    try:
        page.wait_for_selector("[data-gp-droits][data-ready]")
        before = _storage(page)
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        assert page.locator(".gp-droits__question:visible").count() == 1
        assert page.locator(".gp-droits__etape").inner_text() == "Question 1 sur 8"
        assert axe_violations(page) == ""

        def answer(*labels):
            for label in labels:
                page.get_by_label(label, exact=True).check()  # the keyboard's space bar does the same
            page.locator(".gp-droits__question:visible [data-action='suivant']").press("Enter")

        answer("Seul ou seule")
        assert page.evaluate("document.activeElement.tagName") == "LEGEND"  # the next question is announced
        assert page.evaluate("document.activeElement.textContent") == "Quel âge avez-vous ?"
        answer("De 25 à 59 ans")
        answer("Deux enfants ou plus")
        answer("D'un travail")
        answer("De 1 000 à 2 000 €")  # rough, optional: it only adds « faites la simulation »
        answer("Je loue un logement")
        page.locator(".gp-droits__question:visible [data-action='precedent']").click()  # back, then on
        assert page.locator(".gp-droits__etape").inner_text() == "Question 6 sur 8"
        page.locator(".gp-droits__question:visible [data-action='suivant']").click()
        answer("La Sécurité sociale, sans mutuelle")
        answer("Aucune de ces situations")
        shown = page.locator(".gp-droit:visible h3").all_inner_texts()
        assert {
            "Prime d'activité",
            "Aide au logement (APL)",
            "Complémentaire santé solidaire",
            "Allocations familiales",
            "Revenu de solidarité active (RSA)",
        } <= set(shown)
        assert "Allocation aux adultes handicapés (AAH)" not in shown and "Chèque énergie" in shown
        # a parent alone with children: the single parents' aids
        assert {"Allocation de soutien familial (ASF)", "Allocation de rentrée scolaire (ARS)"} <= set(shown)
        # the income answer removed nothing and asks for the simulation where income counts
        assert page.locator("[data-droit='prime-activite'] .gp-droit__revenus").is_visible()
        assert page.locator("[data-droit='allocations-familiales'] .gp-droit__revenus").count() == 0
        # the aid that comes without asking stands apart; the summary links to every right shown
        assert page.locator("#aides-sans-demande ~ [data-droit='cheque-energie']").is_visible()
        links = page.locator(".gp-droits__sommaire a").all_inner_texts()
        assert sorted(links) == sorted(shown)
        assert "Allocation de solidarité aux personnes âgées (Aspa)" not in shown  # 25 to 59
        assert (
            page.locator(".gp-droits__compte").inner_text()
            == f"D'après vos réponses, {len(shown)} aides peuvent vous concerner."
        )
        assert page.evaluate("document.activeElement.id") == "les-aides"
        housing = page.locator("[data-droit='aide-au-logement']")
        assert "CAF" in housing.inner_text() and "Le bail" in housing.inner_text()
        assert housing.locator("a[href^='tel:']").count() >= 1 and "simulation" in housing.inner_text()
        assert "Vous vivez… Seul ou seule" in " ".join(page.locator(".gp-droits__reponses").inner_text().split())
        assert axe_violations(page) == ""
        # nothing stored, nothing sent, while answering
        assert _storage(page) == before and json.loads(before)["local"] == {} and requests == []
        page.emulate_media(media="print")
        assert not page.locator(".gp-droits__questions").is_visible() and page.locator(".gp-droit").first.is_visible()
        page.emulate_media(media="screen")
        page.get_by_role("button", name="Recommencer").click()
        assert page.locator(".gp-droits__etape").inner_text() == "Question 1 sur 8"
        assert page.locator(".gp-droits input:checked").count() == 0
        assert errors == []
    finally:
        context.close()


def test_no_answer_keeps_every_right_and_a_senior_gets_the_aspa(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/mes-droits/")
    try:
        page.wait_for_selector("[data-gp-droits][data-ready]")
        total = page.locator(".gp-droit").count()
        for _ in range(8):
            page.locator(".gp-droits__question:visible [data-action='suivant']").click()
        assert page.locator(".gp-droit:visible").count() == total  # unanswered rules nothing out
        page.get_by_role("button", name="Recommencer").click()
        page.locator(".gp-droits__question:visible [data-action='suivant']").click()
        page.get_by_label("65 ans ou plus", exact=True).check()
        for _ in range(2):
            page.locator(".gp-droits__question:visible [data-action='suivant']").click()
        page.get_by_label("D'une retraite", exact=True).check()
        for _ in range(5):
            page.locator(".gp-droits__question:visible [data-action='suivant']").click()
        shown = page.locator(".gp-droit:visible h3").all_inner_texts()
        assert "Allocation de solidarité aux personnes âgées (Aspa)" in shown and "Prime d'activité" not in shown
        assert errors == []
    finally:
        context.close()


def test_in_arabic_the_questions_and_the_rights_found_read_right_to_left_on_a_small_phone(browser, site_urls):
    context, page, errors = open_page(
        browser, site_urls["public"] + "/ar/mes-droits/", viewport={"width": 320, "height": 640}
    )
    try:
        page.wait_for_selector("[data-gp-droits][data-ready]")
        assert page.locator(".gp-droits__etape").inner_text() == "السؤال 1 من 8"

        def answer(*labels):
            for label in labels:
                page.get_by_label(label, exact=True).check()
            page.locator(".gp-droits__question:visible [data-action='suivant']").press("Enter")

        answer("وحدي")
        answer("من 25 إلى 59 سنة")
        answer("طفلان أو أكثر")
        answer("من عمل")
        for _ in range(4):  # the other questions may be left unanswered
            answer()
        shown = set(page.locator(".gp-droit:visible h3").all_inner_texts())
        assert {"منحة النشاط", "المنح العائلية", "منحة الدعم العائلي (ASF)"} <= shown
        assert page.locator(".gp-droit:visible h3").first.get_attribute("lang") is None  # Arabic, as the page
        count = page.locator(".gp-droits__compte").inner_text()  # the script's sentence, from the page's catalog
        assert count == f"حسب أجوبتكم، قد تعنيكم {page.locator('.gp-droit:visible').count()} مساعدات."
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert axe_violations(page) == ""
        # printed, right to left: the result without the questions, nothing past the paper's edge
        page.emulate_media(media="print")
        assert not page.locator(".gp-droits__questions").is_visible() and page.locator(".gp-droit").first.is_visible()
        results = page.locator(".gp-droits__resultats").element_handle()
        assert page.evaluate("(e) => e.scrollWidth <= e.clientWidth", results)
        assert page.pdf(prefer_css_page_size=True)[:4] == b"%PDF"
        assert errors == []
    finally:
        context.close()
