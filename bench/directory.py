"""The directory page at 1,000 / 10,000 partners: bytes of the page and its JSON, and filtering time in Chromium.

For each size: build the public site from synthetic data (bench/generate.py), serve it on
127.0.0.1, open /annuaire/ in Debian's Chromium and time each filtering step as the page
does it (`data-duree` on the directory root: read the form, search, filter, count every option,
render the first page of cards), after reading the JSON back into records and building the search
index (`data-preparation`, then `data-indexation`, the index being built in slices while the
browser is idle: their sum is printed apart). The page reads the JSON when the visitor reaches
for the search box: the bench focuses it first. Prints sizes and times; asserts nothing.
Usage: python bench/directory.py [SIZE ...]
"""

from __future__ import annotations

import functools
import gzip
import statistics
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from run import built_site  # noqa: E402
from serving import launch_chromium  # noqa: E402

# What a user does, in order: each step is one input or change event on the form.
STEPS = [
    ("fill", "#gp-q", "s"),
    ("fill", "#gp-q", "str"),
    ("fill", "#gp-q", "structure 12"),
    ("fill", "#gp-q", ""),
    ("select", "#gp-thematique", "sante--acces-aux-soins"),
    ("select", "#gp-public", "familles"),
    ("select", "#gp-commune", "Bourges"),
    ("select", "#gp-frais", "gratuit"),
    ("check", "#gp-ouvert", None),
    ("uncheck", "#gp-ouvert", None),
    ("select", "#gp-thematique", ""),
    ("select", "#gp-public", ""),
    ("select", "#gp-commune", ""),
    ("select", "#gp-frais", ""),
    ("fill", "#gp-q", "vierzon"),
    ("fill", "#gp-q", "manger"),
    ("fill", "#gp-q", "epicrie"),
    ("fill", "#gp-q", "carte vitale"),
    ("fill", "#gp-q", "je cherche un travail"),
    ("fill", "#gp-q", "aide au logement a vierzon"),
    ("fill", "#gp-q", ""),
    ("click", "label[for=gp-besoin-manger]", None),  # a need chip: ranked by how well each partner fits it
    ("fill", "#gp-q", "colis"),
    ("fill", "#gp-q", ""),
    ("click", "label[for=gp-besoin-se-loger]", None),
    ("click", "label[for=gp-besoin-tous]", None),
]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure(site: Path) -> tuple[float, list[float]]:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/annuaire/")
            page.wait_for_selector("[data-gp-annuaire][data-ready='1']", timeout=60000)
            page.focus("#gp-q")  # the page reads annuaire.json when the visitor reaches for the search
            page.wait_for_selector("[data-gp-annuaire][data-loaded='1']", timeout=60000)
            page.evaluate("document.querySelector('.gp-plus-de-filtres').open = true")  # the filters used below
            preparation = page.evaluate("Number(document.querySelector('[data-gp-annuaire]').dataset.preparation)")
            page.wait_for_selector("[data-gp-annuaire][data-indexation]", state="attached", timeout=60000)
            preparation += page.evaluate("Number(document.querySelector('[data-gp-annuaire]').dataset.indexation)")
            times = []
            for action, selector, value in STEPS:
                page.evaluate("delete document.querySelector('[data-gp-annuaire]').dataset.duree")
                if action == "fill":
                    page.fill(selector, value)
                elif action == "select":
                    page.select_option(selector, value)
                else:
                    getattr(page, action)(selector)
                page.wait_for_function("document.querySelector('[data-gp-annuaire]').dataset.duree !== undefined")
                times.append(page.evaluate("Number(document.querySelector('[data-gp-annuaire]').dataset.duree)"))
            browser.close()
            return preparation, times
    finally:
        server.shutdown()
        server.server_close()


def main(sizes: list[int]):
    print(
        f"{'partners':>9} {'page KB':>8} {'json KB':>8} {'json gz KB':>10} {'index ms':>9} "
        f"{'filter median ms':>17} {'max ms':>7}"
    )
    for size in sizes:
        site = built_site(size, "directory")
        page = (site / "annuaire/index.html").read_bytes()
        data = (site / "annuaire/annuaire.json").read_bytes()
        preparation, times = measure(site)
        print(
            f"{size:>9} {len(page) / 1024:>8.0f} {len(data) / 1024:>8.0f} {len(gzip.compress(data)) / 1024:>10.0f} "
            f"{preparation:>9.0f} {statistics.median(times):>17.1f} {max(times):>7.1f}",
            flush=True,
        )
        print(
            "    per step (ms): "
            + ", ".join(f"{a} {v or ''}".strip() + f" {t:.0f}" for (a, _, v), t in zip(STEPS, times, strict=True)),
            flush=True,
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [36, 1000, 10000])
