"""The built public site in Debian's Chromium: pages render in French and nothing leaves the origin."""
import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

import pytest

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if not path:
        pytest.fail("Debian's chromium is missing: run `apt-get install chromium` (make test does it)")
    return path


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(built_sites):
    handler = functools.partial(QuietHandler, directory=str(built_sites["public"]))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)  # ephemeral loopback port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def test_pages_render_and_no_request_leaves_the_origin(served, browser):
    page = browser.new_page()
    foreign = []
    page.on("request", lambda r: foreign.append(r.url) if urlparse(r.url).netloc not in ("", urlparse(served).netloc)
            and not r.url.startswith("data:") else None)
    try:
        for path in ("/", "/annuaire/", "/annuaire/caf-du-cher/", "/recettes/veloute-de-potimarron/", "/sante/",
                     "/donnees/", "/guide/semaine-du-gout/"):
            response = page.goto(served + path)
            assert response.status == 200, path
            assert page.locator("html").get_attribute("lang") == "fr"
            assert page.locator("h1").first.inner_text().strip()
        assert foreign == []
    finally:
        page.close()

