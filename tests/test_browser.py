"""The built public site in Debian's Chromium: pages render in French and nothing leaves the origin."""

from urllib.parse import urlparse

from .browser_contexts import shared_context


def test_pages_render_and_no_request_leaves_the_origin(site_urls, browser):
    served = site_urls["public"]
    context = shared_context(browser, service_workers="block")  # the pages, not their offline copy
    page = context.new_page()
    foreign = []
    page.on(
        "request",
        lambda r: (
            foreign.append(r.url)
            if urlparse(r.url).netloc not in ("", urlparse(served).netloc) and not r.url.startswith("data:")
            else None
        ),
    )
    try:
        for path in (
            "/",
            "/annuaire/",
            "/annuaire/caf-du-cher/",
            "/recettes/veloute-de-potimarron/",
            "/sante/",
            "/donnees/",
            "/guide/semaine-du-gout/",
        ):
            response = page.goto(served + path)
            assert response.status == 200, path
            assert page.locator("html").get_attribute("lang") == "fr"
            assert page.locator("h1").first.inner_text().strip()
        assert foreign == []
    finally:
        context.close()
