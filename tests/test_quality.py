"""Quality gates on both profiles and every language of the public site: axe-core (WCAG 2.2 AA tags)
and no sideways scrolling at 320 px on pages that show it every element in every context (see
page_shapes.py: English, Arabic right to left), valid HTML (Nu Html Checker) on every page, and, per
page type, reflow at 320 px and 200 % zoom, the skip link, a visible focus, French."""

import fcntl
import json
import pickle
import re
import shutil
import subprocess

import pytest

from .browser_contexts import NO_SITE_SEARCH, shared_context
from .conftest import AXE_TAGS, ROOT, Server, axe_report, axe_source, axe_violations
from .helpers import OTHER_LANGUAGES, sitemap_paths
from .page_shapes import contexts, enough_pages, live_contexts, narrowed_axe_run, page_contexts

VNU = ROOT / ".venv/npm/node_modules/vnu-jar/build/dist/vnu.jar"
# vnu reads the pages as file: URLs, where 'self' in the CSP cannot match: those warnings say nothing
# about the served site (its CSP is checked in the browser tests).
FILE_ORIGIN_ONLY = re.compile(r"violates Content Security Policy")

PAGE_TYPES = {
    "public": [
        "/",
        "/guide/epicerie/",
        "/annuaire/",
        "/annuaire/caf-du-cher/",
        "/recettes/",
        "/recettes/carottes-rapees-orange/",
        "/recettes/2026-12/",
        "/sante/",
        "/sante/2027-01/",
        "/donnees/",
        "/aide/",
        "/accessibilite/",
        "/installer/",
        "/hors-ligne/",
    ],
    "pro": ["/professionnels/", "/liaison/fiche-de-liaison/", "/verification/", "/annuaire/epicea/"],
}


def _settle(page, path):
    """Wait for what the page's scripts draw (directory list, statuses) before checking it."""
    page.wait_for_load_state("load")
    if path.startswith("/annuaire/") and path.count("/") == 2:
        page.wait_for_selector("[data-gp-annuaire][data-ready='1']")


# The pages are dealt into shards, each judged in a tab of its own. Each tab judges a context by the
# element rules once: two shards took 8-9 % less CPU than four, one no less than two. (pytest-xdist
# sends its first tests in consecutive chunks: the slow ones, these included, all go to one worker.)
SHARDS = 2


# The public site's other languages, each a site of its own in its folder: « public/en ».
LANGUAGES = OTHER_LANGUAGES


@pytest.fixture(scope="module")
def every_page(built_sites) -> dict[str, tuple]:
    """profile (or public/<language>) → (site folder, every page path of its sitemap)."""
    found = {profile: (built_sites[profile], sitemap_paths(built_sites[profile])) for profile in ("public", "pro")}
    for code in LANGUAGES:  # its sitemap says /en/aide/: the path inside its folder is /aide/
        site = built_sites["public"] / code
        found[f"public/{code}"] = (site, [path.removeprefix(f"/{code}") for path in sitemap_paths(site)])
    return found


def _address(site_urls, profile: str, path: str) -> str:
    base, _, code = profile.partition("/")
    return site_urls[base] + (f"/{code}" if code else "") + path


@pytest.fixture(scope="module")
def every_context(every_page, built_sites) -> dict[tuple[str, str], set[str]]:
    """(profile, path) → the element contexts of that page (page_shapes.py): read from the files by the
    first pytest-xdist worker to ask (3.5 CPU-s for the sample), kept beside the built sites for the other."""
    kept = built_sites["public"].parent / "element-contexts.pickle"
    with open(kept.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if kept.exists():
            return pickle.loads(kept.read_bytes())
        found = page_contexts(every_page)
        kept.write_bytes(pickle.dumps(found))
        return found


@pytest.fixture(scope="module")
def pages_to_check(every_page, every_context) -> dict[str, list[str]]:
    """Enough pages of each profile to show axe every element context of both (page_shapes.py)."""
    assert {"/professionnels/", "/liaison/fiche-de-liaison/", "/verification/"} <= set(every_page["pro"][1])
    return enough_pages(every_context)


def test_the_pages_checked_show_every_element_context_of_every_page(every_page, every_context, pages_to_check):
    shown = set().union(*(every_context[profile, path] for profile, paths in pages_to_check.items() for path in paths))
    for (profile, path), found in every_context.items():
        assert found <= shown, f"{profile} {path}: an element in a context axe does not see"
    public = [path for name, paths in pages_to_check.items() if name.startswith("public") for path in paths]
    pro = pages_to_check["pro"]
    # the pages the scripts draw on and the pro-only ones are among them; the twelve month pages are not all
    assert {"/", "/annuaire/", "/mes-droits/", "/recettes/"} <= set(public)
    assert {"/professionnels/", "/liaison/fiche-de-liaison/", "/verification/", "/tableau-de-bord/"} <= set(pro)
    for name, paths in pages_to_check.items():
        assert sum(path.startswith("/recettes/20") for path in paths) < 12, name
    # every page of every language is among those whose contexts are shown
    assert all(set(every_page[f"public/{code}"][1]) == set(every_page["public"][1]) for code in LANGUAGES)
    print(f"axe sees {len(public)} + {len(pro)} of {len(every_context)} pages")


def test_an_element_context_is_its_structure_not_its_words():
    card = '<article><h1 id="{id}">{title}</h1><ul class="gp-services">{li}</ul><a href="{href}">{link}</a></article>'
    item = "<li><a href='/x/'>{}</a></li>"
    one = card.format(id="caf", title="CAF", li=item.format("Logement"), href="/caf/", link="Appeler")
    other = card.format(id="cpam", title="CPAM", li=item.format("Soins") * 3, href="/cpam/", link="Y aller")
    assert contexts(one) == contexts(other)  # other words, other ids, three services instead of one
    assert contexts(one) != contexts(one.replace(">Appeler<", "><"))  # a link without a name
    assert contexts(one) != contexts(one.replace('<h1 id="caf">', '<h1 id="caf" lang="ar">'))
    assert contexts(one) != contexts(one.replace("gp-services", "gp-autres"))  # another class, other colours
    # the same list inside another block is another context: its background may differ
    assert contexts(f"<main>{one}</main>") - contexts(f"<aside>{one}</aside>")


def test_a_page_made_of_contexts_already_seen_is_not_checked_again(tmp_path):
    hours, services = '<section class="gp-horaires"><p>{}</p></section>', '<ul class="gp-services"><li>{}</li></ul>'
    pages = {
        "/caf/": hours.format("Lundi") + services.format("Logement"),
        "/cpam/": hours.format("Mardi") + services.format("Soins") * 3,  # other words, more services
        "/table/": "<table><tr><td>1</td></tr></table>",
    }
    for path, body in pages.items():
        (tmp_path / path.strip("/")).mkdir()
        (tmp_path / path.strip("/") / "index.html").write_text(f"<main><article>{body}</article></main>")
    assert enough_pages(page_contexts({"public": (tmp_path, list(pages))})) == {"public": ["/caf/", "/table/"]}


@pytest.mark.parametrize(
    "profile,path",
    [
        ("public", "/annuaire/caf-du-cher/"),
        ("public", "/semaine-du-gout/"),
        ("public/ar", "/"),
        ("pro", "/tableau-de-bord/"),
    ],
)
def test_a_page_s_live_contexts_are_those_of_its_file(browser, built_sites, site_urls, profile, path):
    """page_shapes.js reads the contexts page_shapes.py reads: scripts off, the same page gives the same set."""
    context = shared_context(browser, java_script_enabled=False, service_workers="block")
    page = context.new_page()
    try:
        page.goto(_address(site_urls, profile, path))
        base, _, code = profile.partition("/")
        html = (built_sites[base] / code / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        assert live_contexts(page) == contexts(html)
    finally:
        context.close()


def test_element_rules_judge_each_context_not_yet_checked(browser, tmp_path):
    """The narrowed run finds what a whole run finds in a new context, on the second page of a tab too."""
    page_one = '<p class="a">Bonjour</p>'
    page_two = page_one + '<p class="b" style="color:#bbb">Texte pâle</p><img src="x.png">'
    for name, body in {"un": page_one, "deux": page_two}.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(
            f'<!doctype html><html lang="fr"><head><title>{name}</title></head><body><main>{body}</main></body></html>',
            encoding="utf-8",
        )
    server = Server(tmp_path)
    context = browser.new_context(service_workers="block")
    context.add_init_script(script=axe_source())
    try:
        page, checked = context.new_page(), set()
        page.goto(f"{server.url}/un/")
        assert narrowed_axe_run(page, AXE_TAGS, checked) == []
        seen_after_one = set(checked)
        page.goto(f"{server.url}/deux/")
        found = {v["id"]: [n["target"] for n in v["nodes"]] for v in narrowed_axe_run(page, AXE_TAGS, checked)}
        assert found == {"color-contrast": [[".b"]], "image-alt": [["img"]]}
        assert checked > seen_after_one
    finally:
        context.close()
        server.stop()


def test_axe_judges_the_screen_once_its_transitions_end(browser, tmp_path):
    """A button that turns white on orange under the pointer, slowly: on the way, its colours fail
    WCAG's 4.5:1; at the end they pass. Both ways of running axe wait for the end."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="fr"><head><title>Bouton</title><style>'
        "button { color: #1d5b3c; background: #fff; border: 0; font-size: 16px; transition: all 1s linear; }"
        "button:hover { color: #fff; background: #8a3b00; }"
        "</style></head><body><main><button>Écrire ces horaires</button></main></body></html>",
        encoding="utf-8",
    )
    server = Server(tmp_path)
    context = shared_context(browser, service_workers="block")
    try:
        for judge in (axe_violations, lambda page: axe_report(narrowed_axe_run(page, AXE_TAGS, set()))):
            page = context.new_page()
            page.goto(server.url + "/")
            page.evaluate(axe_source())
            page.hover("button")
            page.wait_for_timeout(300)  # under a third of the way
            assert judge(page) == ""
    finally:
        context.close()
        server.stop()


@pytest.mark.slow
@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_element_context_has_no_axe_violation(browser, pages_to_check, site_urls, shard):
    pages = [(profile, path) for profile, paths in pages_to_check.items() for path in paths][shard::SHARDS]
    assert pages
    # no service worker: its first-visit precache of the whole site would compete with axe for the CPU
    # (offline use has its own tests)
    context = browser.new_context(locale="fr-FR", service_workers="block")
    context.add_init_script(script=axe_source())  # in every page from its start: not sent again for each
    context.add_init_script(script=NO_SITE_SEARCH)  # the search box as before its index is ready (browser_contexts.py)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    failures, checked = [], set()  # the element contexts axe has judged in this tab
    try:
        for profile, path in pages:
            page.goto(_address(site_urls, profile, path))
            _settle(page, path)
            assert page.locator("html").get_attribute("lang") == (profile.partition("/")[2] or "fr"), path
            report = axe_report(narrowed_axe_run(page, AXE_TAGS, checked))
            if report:
                failures.append(f"{profile} {path}\n{report}")
            # and no sideways scrolling on a small phone (WCAG 1.4.10), in every language and direction
            page.set_viewport_size({"width": 320, "height": 640})
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                failures.append(f"{profile} {path}: scrolls sideways by {overflow} px at 320 px")
            page.set_viewport_size({"width": 1280, "height": 720})
    finally:
        context.close()
    assert not failures, "\n".join(failures)[:6000]
    assert errors == []  # and no script failed on any of them


@pytest.mark.parametrize("profile,path", [(p, x) for p, paths in PAGE_TYPES.items() for x in paths])
def test_page_type_reflows_and_keeps_keyboard_use(browser, site_urls, profile, path):
    context = shared_context(browser, locale="fr-FR", viewport={"width": 320, "height": 640}, service_workers="block")
    page = context.new_page()
    try:
        # 320 CSS px (WCAG 1.4.10), then 640 CSS px: a 1280 px window at 200 % zoom, the same page
        # laid out again as when someone zooms
        page.goto(site_urls[profile] + path)
        _settle(page, path)
        for width in (320, 640):
            page.set_viewport_size({"width": width, "height": 800})
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow} px at {width} px"
        page.keyboard.press("Tab")  # the first stop is the skip link, shown when focused
        skip = page.evaluate("""() => { const a = document.activeElement;
            return {cls: a.className, text: a.textContent.trim(), visible: a.getBoundingClientRect().height > 0}; }""")
        assert "md-skip" in skip["cls"] and skip["visible"] and "contenu" in skip["text"].lower(), skip
        page.keyboard.press("Enter")
        checked = 0
        for _ in range(12):  # the next focusable elements, whatever they are, show a focus ring
            page.keyboard.press("Tab")
            focused = page.evaluate("""() => { const a = document.activeElement, s = getComputedStyle(a);
                return {tag: a.tagName, html: a.outerHTML.slice(0, 120),
                        ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                              || s.boxShadow !== 'none'}; }""")
            if focused["tag"] == "BODY":
                continue
            assert focused["ring"], f"{path}: no visible focus on {focused['html']}"
            checked += 1
        assert checked >= 3, path
    finally:
        context.close()


@pytest.mark.slow
def test_every_generated_page_is_valid_html(built_sites, tmp_path):
    java = shutil.which("java")
    if not java or not VNU.is_file():
        pytest.fail("the Nu Html Checker needs Java and vnu.jar: run `make checker` (make test does it)")
    result = subprocess.run(
        [
            java,
            # one short run: the quick compiler alone halves the CPU the optimising one spent (12 s to 6 s),
            # and the checker's recursion then needs a larger stack
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss4m",
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--skip-non-html",
            str(built_sites["public"]),
            str(built_sites["pro"]),
        ],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"]
    warnings = [m for m in messages if m["type"] != "error" and not FILE_ORIGIN_ONLY.search(m["message"])]
    (tmp_path / "vnu-warnings.txt").write_text("\n".join(m["message"] for m in warnings), encoding="utf-8")
    print(f"Nu Html Checker: {len(errors)} errors, {len(warnings)} warnings")
    for message in warnings[:20]:
        print(f"  warning: {message['message']}")
    assert errors == [], "\n".join(errors[:20])
    assert len(list(built_sites["public"].rglob("*.html"))) > 80


def test_accessibility_statement_and_help_pages(built_sites):
    statement = (built_sites["public"] / "accessibilite/index.html").read_text(encoding="utf-8")
    for part in (
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d'information et contact",
        "Voies de recours",
        "Défenseur des droits",
    ):
        assert part in statement, part
    home = (built_sites["public"] / "index.html").read_text(encoding="utf-8")
    assert 'href="accessibilite/">Accessibilité : non conforme</a>' in home  # linked from every page
    help_page = (built_sites["public"] / "aide/index.html").read_text(encoding="utf-8")
    for part in ("Trouver un service", "sans internet", "Imprimer une recette"):
        assert part in help_page, part
