"""Offline-first in Chromium: after one visit every page works with the server stopped, updates are
offered and never forced, the site is installable, and no request leaves the origin. Both profiles."""

import hashlib
import json
import re
import shutil

import pytest

from site_build.generator.build import build_site
from site_build.pwa.service_worker import precache_manifest

from .browser_contexts import shared_context
from .conftest import CHROMIUM_FLAGS, FIXTURES, ROOT, Server, chromium_path, ready_offline
from .helpers import config_beside, sitemap_paths

# the stylesheets and scripts a page loads (its images may be left out within the storage budget)
_SUBRESOURCE = re.compile(r'<(?:link rel="?stylesheet"? href|script [^>]*?src)="?([^" >]+)')
_CACHED_URLS = """async () => { const urls = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
    return urls; }"""


# The SHA-256 of each of these site paths as the precache holds it.
_CACHED_DIGESTS = """async (paths) => Promise.all(paths.map(async (path) => {
    const bytes = await (await caches.match(new URL(path, location.href).href)).arrayBuffer();
    return Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)),
                      (byte) => byte.toString(16).padStart(2, "0")).join("");
}))"""


# Each page fetched as a page (Accept: text/html), past the HTTP cache: the service worker alone answers.
# Per path: [status, whether it has a heading, whether it is the offline fallback, its style sheets and scripts].
_AS_THE_WORKER_ANSWERS = """async ([paths, subresource]) => Promise.all(paths.map(async (path) => {
    const response = await fetch(path, {headers: {Accept: "text/html"}, cache: "no-store"});
    const html = await response.text();
    const needs = [...html.matchAll(new RegExp(subresource, "g"))].map((m) => new URL(m[1], response.url).href);
    return [response.status, html.includes("<h1"), html.includes("Vous êtes hors ligne"), needs];
}))"""


def _foreign_recorder(page, origin):
    foreign = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith((origin, "data:", "blob:")) else None)
    return foreign


@pytest.mark.slow
@pytest.mark.parametrize("profile", ["public", "pro"])
def test_every_page_opens_offline_after_visiting_the_home_page(browser, built_sites, tmp_path, profile):
    site = shutil.copytree(built_sites[profile], tmp_path / "site")
    server = Server(site)
    context = shared_context(browser, site_search=True)  # it searches with the theme's search
    page = context.new_page()
    foreign = _foreign_recorder(page, server.url)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        ready_offline(page, server.url + "/")
        server.stop()  # from here on, only the service worker answers
        paths = sitemap_paths(site)
        assert len(paths) > 40
        cached = set(page.evaluate(_CACHED_URLS))
        # the images came in the first visit's bundle as base64: each is stored as the file's bytes
        bundle = json.loads(next(site.glob("precache-*.json")).read_text(encoding="utf-8"))
        images = [entry["url"] for entry in bundle if entry.get("base64")]
        assert images and page.evaluate(_CACHED_DIGESTS, images) == [
            hashlib.sha256((site / path).read_bytes()).hexdigest() for path in images
        ]
        # every page as the service worker answers it (the same code for a navigation as for any request
        # of a page), all read in one go: navigating to each took three quarters of this test
        answers = page.evaluate(_AS_THE_WORKER_ANSWERS, [paths, _SUBRESOURCE.pattern])
        for path, (status, heading, fallback, needs) in zip(paths, answers, strict=True):
            assert status == 200, path
            if path != "/hors-ligne/":  # the real content, not the fallback
                assert heading and not fallback, path
            # what it needs to look and work as online is kept too
            assert needs and set(needs) <= cached, (path, sorted(set(needs) - cached))
        # and real navigations, one page of each part of the site
        for path in {path.split("/")[1]: path for path in reversed(paths)}.values():
            response = page.goto(server.url + path, wait_until="commit")
            assert response.status == 200 and response.from_service_worker, path
        page.goto(server.url + "/nulle-part/")
        assert page.locator("h1").first.inner_text() == "Vous êtes hors ligne"
        # what this device can open, listed from the cache
        page.locator("[data-gp-hors-ligne] a").nth(40).wait_for()
        listed = page.locator("[data-gp-hors-ligne] a").evaluate_all("links => links.map(a => a.href)")
        assert len(listed) == len(set(listed)), "a page listed twice"
        months = [
            re.search(r"/recettes/(\d{4}-\d{2})/$", u)[1] for u in listed if re.search(r"/recettes/\d{4}-\d{2}/$", u)
        ]
        assert len(months) >= 12 and months == sorted(months), "recipe months in calendar order"
        # search, directory filters and "open now", portions: all without network
        page.goto(server.url + "/")
        page.locator("input.md-search__input").click()
        page.keyboard.type("epicerie", delay=30)
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        page.goto(server.url + "/annuaire/?ouvert=1")
        page.wait_for_selector("[data-gp-annuaire][data-loaded='1']")
        page.click(".gp-plus-de-filtres > summary")
        page.select_option("#gp-public", "familles")
        assert "public=familles" in page.url and page.locator(".gp-compte").inner_text()
        page.goto(server.url + "/recettes/carottes-rapees-orange/")
        page.wait_for_selector(".gp-portions[data-ready='1']")
        page.click("button[data-pas='1']")
        assert page.locator(".gp-portions__etat").inner_text() == "Quantités pour 5 portions."
        # the rights helper answers without network too
        page.goto(server.url + "/mes-droits/")
        page.wait_for_selector("[data-gp-droits][data-ready]")
        for _ in range(page.locator(".gp-droits__question").count()):
            page.locator(".gp-droits__question:visible [data-action='suivant']").click()
        assert page.locator(".gp-droit:visible").count() >= 10
        assert foreign == [] and errors == []
    finally:
        context.close()
        server.stop()


@pytest.mark.slow
def test_update_is_offered_then_applied_and_old_entries_go(browser, tmp_path):
    # the small valid data: two builds of the whole sample would cost most of this test
    data = shutil.copytree(FIXTURES / "valid", tmp_path / "data")
    (tmp_path / "content").symlink_to(ROOT / "content")
    config = config_beside(tmp_path, french_only=True)
    site = build_site(config, "public", tmp_path / "site", data)
    server = Server(site)
    context = shared_context(browser)
    page = context.new_page()
    try:
        ready_offline(page, server.url + "/")
        page.goto(server.url + "/annuaire/caf-du-cher/")
        partners = data / "partners.yaml"
        partners.write_text(
            partners.read_text(encoding="utf-8").replace(
                "nom: Caisse d'allocations familiales du Cher", "nom: CAF du Cher, nouvelle adresse"
            ),
            encoding="utf-8",
        )
        build_site(config, "public", site, data)
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        banner = page.locator(".gp-mise-a-jour")
        banner.wait_for(timeout=30000)
        assert "Une nouvelle version du guide est prête." in banner.inner_text()
        assert page.locator("h1").inner_text() == "Caisse d'allocations familiales du Cher"  # not forced
        # a bar at the bottom of the screen, in view wherever the page is scrolled, its buttons apart
        box, height = banner.bounding_box(), page.viewport_size["height"]
        assert abs(box["y"] + box["height"] - height) < 1 and box["height"] < height / 3
        buttons = [b.bounding_box() for b in banner.get_by_role("button").all()]
        assert len(buttons) == 2 and buttons[0]["x"] + buttons[0]["width"] < buttons[1]["x"]
        assert banner.evaluate("b => getComputedStyle(b).position") == "fixed"
        with page.expect_navigation():
            banner.get_by_role("button", name="Recharger").click()
        assert page.locator("h1").inner_text() == "CAF du Cher, nouvelle adresse"
        new_entries, _ = precache_manifest(site, 20 * 1024 * 1024)
        cached = page.evaluate("""async () => {
            const names = (await caches.keys()).filter(n => n.startsWith('guide-precache:/:'));
            const keys = await (await caches.open(names[0])).keys();
            return [names.length, keys.map(k => k.url)];
        }""")
        expected = {server.url + "/" + e["url"] for e in new_entries} | {server.url + "/precache.json"}
        assert cached[0] == 1 and set(cached[1]) == expected
    finally:
        context.close()
        server.stop()


def test_update_never_reloads_away_a_half_filled_form(browser, built_sites, tmp_path):
    site = shutil.copytree(built_sites["pro"], tmp_path / "site")
    server = Server(site)
    context = shared_context(browser)
    page = context.new_page()
    try:
        ready_offline(page, server.url + "/")
        page.goto(server.url + "/liaison/fiche-de-liaison/")
        page.wait_for_selector("form.gp-liaison[data-ready='1']")  # typing is watched from here
        field = page.locator("form.gp-liaison input[type=text]").first
        field.fill("Dupont")
        sw = site / "sw.js"
        sw.write_text(sw.read_text(encoding="utf-8") + "\n// changed\n", encoding="utf-8")
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        banner = page.locator(".gp-mise-a-jour")
        banner.wait_for(timeout=30000)
        banner.get_by_role("button", name="Recharger").click()
        assert "imprimez-la ou copiez son texte" in banner.inner_text()
        assert field.input_value() == "Dupont"  # still there: the first click did not reload
    finally:
        context.close()
        server.stop()


def test_chromium_reports_both_sites_installable(playwright, built_sites, tmp_path):
    servers = {profile: Server(built_sites[profile]) for profile in ("public", "pro")}
    # a persistent profile (an incognito one always reports "in-incognito"), one for both sites. Chromium
    # no longer asks for a service worker to call a site installable (it answers the same before the
    # worker has done its first-visit precache): the worker is left out, its offline use has the tests above.
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=chromium_path(), args=CHROMIUM_FLAGS, service_workers="block"
    )
    try:
        for profile, server in servers.items():
            page = context.new_page()
            page.goto(server.url + "/")
            session = context.new_cdp_session(page)
            errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
            assert errors == [], profile
            manifest = session.send("Page.getAppManifest")
            assert not manifest.get("errors"), profile
    finally:
        context.close()
        for server in servers.values():
            server.stop()


def test_partner_page_beyond_the_budget_is_drawn_from_the_directory_offline(browser, built_sites, tmp_path):
    from site_build.data.checks.validate import validate
    from site_build.data.model.profile import PUBLIC
    from site_build.gate import Validated
    from site_build.pipeline import build_day, prepare
    from site_build.pwa.service_worker import write_service_worker

    site = shutil.copytree(built_sites["public"], tmp_path / "site")
    # each generated page in its family's group, as the build gives them
    groups = prepare(Validated(validate(ROOT / "data", build_day())[0], [], build_day()), PUBLIC).precache
    figures = write_service_worker(site, budget_mb=0.5, pages=groups)  # partner pages no longer fit
    assert figures["left_out"] > 0
    server = Server(site)
    context = shared_context(browser)
    page = context.new_page()
    try:
        ready_offline(page, server.url + "/")
        server.stop()
        page.goto(server.url + "/annuaire/caf-du-cher/")
        page.locator(".md-content h1", has_text="Caisse").wait_for()
        text = page.locator(".md-content").inner_text()
        assert "02 61 91 00 30" in text and "Accès aux droits et prestations" in text
    finally:
        context.close()
        server.stop()


def test_runtime_cache_keeps_at_most_its_cap(browser, built_sites, tmp_path):
    """Files fetched past the precache go to a runtime cache whose oldest entries are dropped beyond
    RUNTIME_MAX_ENTRIES: a long browsing session cannot fill a cheap phone's storage."""
    from site_build.pwa.service_worker import RUNTIME_MAX_ENTRIES

    site = shutil.copytree(built_sites["public"], tmp_path / "site")
    server = Server(site)
    context = shared_context(browser)
    page = context.new_page()
    try:
        ready_offline(page, server.url + "/")
        page.reload()  # now controlled by the service worker
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        source_map = next(site.glob("assets/javascripts/bundle.*.min.js.map")).relative_to(site)  # not precached
        kept = page.evaluate(
            """async ([count, path]) => {
            const runtime = await caches.open("guide-runtime:/");
            for (let n = 0; n < count; n++) await runtime.put(`/ancien-${n}/`, new Response("x"));
            const response = await fetch(path);
            const keys = (await runtime.keys()).map((r) => new URL(r.url).pathname);
            return {status: response.status, size: keys.length, first: keys[0], last: keys[keys.length - 1]};
        }""",
            [RUNTIME_MAX_ENTRIES + 50, "/" + str(source_map)],
        )
        assert kept["status"] == 200
        assert kept["size"] == RUNTIME_MAX_ENTRIES
        assert kept["last"] == "/" + str(source_map) and kept["first"] == "/ancien-51/"
    finally:
        context.close()
        server.stop()
