"""The built public site in Debian's Chromium: pages render in French and nothing leaves the origin."""

import os
from pathlib import Path
from urllib.parse import urlparse

from .browser_contexts import shared_context
from .conftest import TESTS_DISABLED_FEATURES, Server


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


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
        except OSError:
            continue  # a process that ended meanwhile
    return found


def test_the_tests_chromium_keeps_playwright_s_own_disabled_features(browser):
    """Chromium keeps only the last --disable-features of its command line: the tests' list (serving.py)
    must hold every feature Playwright disables with its own, or Playwright's would be lost unseen."""
    launched = [
        (Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0"))
        for driver in _children(os.getpid())
        for pid in _children(driver)
    ]
    commands = [args for args in launched if "--remote-debugging-pipe" in args]
    assert commands, "the test browser's process was not found"
    for args in commands:
        lists = [set(arg.split("=", 1)[1].split(",")) for arg in args if arg.startswith("--disable-features=")]
        assert len(lists) >= 2 and set(TESTS_DISABLED_FEATURES) <= lists[-1], lists
        for earlier in lists[:-1]:
            assert earlier <= lists[-1], f"add to PLAYWRIGHT_DISABLED_FEATURES: {sorted(earlier - lists[-1])}"


def test_the_tests_chromium_makes_no_page_of_its_own(browser):
    """The address bar's panels (chrome:// pages) cost a new context two fifths of its CPU: disabled by
    the tests' flags. A Chromium that names them otherwise shows them here, to be added to the list."""
    context = shared_context(browser, service_workers="block")
    try:
        context.new_page()
        session = browser.new_browser_cdp_session()
        targets = session.send("Target.getTargets")["targetInfos"]
        session.detach()
    finally:
        context.close()
    assert [t["url"] for t in targets if t["url"].startswith(("chrome:", "chrome-untrusted:"))] == []


def test_a_shared_context_is_given_back_as_a_new_device(browser, tmp_path):
    """What a test left on a site in a shared context is gone for the next test given that context:
    its service worker, the worker's caches, its local storage. The offline tests share contexts on it."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="fr"><title>x</title><script src="/page.js"></script></html>', encoding="utf-8"
    )
    (tmp_path / "page.js").write_text(
        "if (location.search === '?marquer') {"
        " navigator.serviceWorker.register('/sw.js'); localStorage.setItem('vu', '1'); }",
        encoding="utf-8",
    )
    (tmp_path / "sw.js").write_text(
        "self.addEventListener('install', (e) => e.waitUntil(caches.open('copie').then((c) => c.add('/'))));",
        encoding="utf-8",
    )
    server = Server(tmp_path)
    state = """async () => [
        (await navigator.serviceWorker.getRegistrations()).length, (await caches.keys()).length,
        localStorage.getItem('vu')]"""
    try:
        first = shared_context(browser)
        contexts = len(browser.contexts)
        try:
            page = first.new_page()
            page.goto(server.url + "/?marquer")
            page.evaluate("navigator.serviceWorker.ready")
            page.wait_for_function("async () => (await caches.keys()).length === 1")
            assert page.evaluate(state) == [1, 1, "1"]
        finally:
            first.close()
        second = shared_context(browser)
        try:
            assert len(browser.contexts) == contexts  # the same context, given back
            page = second.new_page()
            page.goto(server.url + "/")
            assert page.evaluate(state) == [0, 0, None]
        finally:
            second.close()
    finally:
        server.stop()
