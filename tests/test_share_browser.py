"""« Partager » on partner and recipe pages: the device's share sheet, else copy the link or an SMS,
offline too, and nothing sent anywhere."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from .browser_contexts import shared_context
from .conftest import axe_violations

PAGES = ["/annuaire/epicea/", "/recettes/caviar-d-aubergine/"]
RECORD_SHARES = (
    "window.__shares = []; navigator.share = (data) => { window.__shares.push(data); return Promise.resolve(); };"
)
SHARE_READY = "[data-gp-partager][data-ready='1']"
NO_SHARE_SHEET = "Object.defineProperty(navigator, 'share', {value: undefined, configurable: true});"


def _page(browser, script, **options):
    """(context, page): a page of a shared context with `script` in it from its start (closed afterwards)."""
    context = shared_context(browser, service_workers="block", locale="fr-FR", **options)
    page = context.new_page()
    page.add_init_script(script)
    return context, page


@pytest.mark.parametrize("path", PAGES)
def test_the_share_sheet_gets_the_title_and_the_address(browser, site_urls, path):
    context, page = _page(browser, RECORD_SHARES)
    requests = []
    try:
        page.goto(site_urls["public"] + path)
        page.wait_for_selector(SHARE_READY)
        page.wait_for_load_state("networkidle")
        context.set_offline(True)
        # the theme may still fetch its own files late (search worker): only other requests count
        page.on("request", lambda r: requests.append(r.url) if "/assets/" not in r.url else None)
        page.click(".gp-partager__bouton")
        shares = page.evaluate("window.__shares")
        assert shares == [{"title": page.locator("h1").inner_text(), "url": site_urls["public"] + path}]
        assert requests == []
    finally:
        context.close()


def test_without_a_share_sheet_the_link_is_copied_or_sent_by_sms(browser, site_urls):
    context, page = _page(browser, NO_SHARE_SHEET, permissions=["clipboard-read", "clipboard-write"])
    url = site_urls["public"] + PAGES[1]
    try:
        page.goto(url)
        page.wait_for_selector(SHARE_READY)  # a click before the module binds does nothing
        assert page.locator(".gp-partager__autres").is_hidden()
        page.click(".gp-partager__bouton")
        assert page.locator(".gp-partager__bouton").get_attribute("aria-expanded") == "true"
        sms = page.locator(".gp-partager__sms").get_attribute("href")
        assert sms.startswith("sms:?&body=") and unquote(sms).endswith(url)
        context.set_offline(True)
        page.click(".gp-partager__copier")
        expect(page.locator(".gp-partager__message")).to_contain_text("Lien copié")
        assert page.evaluate("navigator.clipboard.readText()") == url
        assert axe_violations(page) == ""
    finally:
        context.close()
