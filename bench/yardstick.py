"""How fast this machine is right now, for reading a test run's time: the same 60 page loads of the
sample site in one Chromium tab, and the machine's busy CPU-seconds they took.

The machine is shared: the same code ran a third slower at one hour than at another. A clean-clone
CI time is read beside this figure, taken just before or after it (bench/README.md, « The test
suite »). Lower is a faster machine. Nothing is asserted.

    .venv/bin/python bench/yardstick.py [ROUNDS]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from serving import YARDSTICK_CHROMIUM_FLAGS, Server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAGES = ["/", "/annuaire/caf-du-cher/", "/recettes/", "/sante/", "/aide/", "/semaine-du-gout/"]
LOADS = 60


def busy_seconds() -> float:
    """CPU-seconds the whole machine has spent busy since it started (/proc/stat, all cores)."""
    ticks = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / 100  # all but idle and iowait


def main(rounds: int) -> None:
    from site_build.generator.build import build_site

    with tempfile.TemporaryDirectory() as folder:
        # plain files, as the tests serve them
        server = Server(build_site(ROOT / "mkdocs.yml", "public", Path(folder) / "site", ROOT / "data"))
        try:
            load_pages(server.url, rounds)
        finally:
            server.stop()


def load_pages(url: str, rounds: int) -> None:
    """One untimed round (the tab and its caches warm, as in the tests), then `rounds` timed ones."""
    from playwright.sync_api import sync_playwright

    from tests.browser_contexts import NO_SITE_SEARCH

    with sync_playwright() as playwright:
        # the tests' Chromium as they opened pages when the yardstick was made (its flags fixed since: a
        # change of the tests' flags is read with it, not in it), no service worker, no site search
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=YARDSTICK_CHROMIUM_FLAGS)
        context = browser.new_context(locale="fr-FR", service_workers="block")
        context.add_init_script(NO_SITE_SEARCH)
        page = context.new_page()
        for timed in [False] + [True] * rounds:
            busy, start = busy_seconds(), time.monotonic()
            for load in range(LOADS):
                page.goto(url + PAGES[load % len(PAGES)])
                page.evaluate("document.title")
            if timed:
                print(f"{LOADS} page loads: busy {busy_seconds() - busy:.1f} CPU-s, {time.monotonic() - start:.1f} s")
        browser.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
