"""Precache size and entry count (sample, 1,000 and 10,000 partners), and the time until the
sample site is offline-ready on an emulated slow 3G connection.

Slow 3G is the DevTools preset: 2,000 ms of latency per request, 500 kbit/s down.
Chromium's own emulation (CDP) does not reach the service worker, which does the
downloading, so the server emulates it: every response waits 2 s, then is sent
gzip-compressed (as nginx, Caddy and GitHub Pages do) through one shared
500 kbit/s pipe. "Offline-ready" is the moment the service worker is active,
i.e. every precache entry is stored. Prints figures; asserts nothing.
Usage: python bench/offline.py [SIZE ...]
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from run import build, built_site  # noqa: E402
from serving import host, launch_chromium  # noqa: E402

LATENCY_S = 2.0
BYTES_PER_S = 500_000 / 8


def precache_figures(site: Path) -> tuple[int, int]:
    entries = json.loads(re.search(r"const PRECACHE = (\[.*?\]);\n", (site / "sw.js").read_text(), re.S)[1])
    size = sum(
        (site / (e["url"] + ("index.html" if e["url"].endswith("/") or not e["url"] else ""))).stat().st_size
        for e in entries
    )
    return len(entries), size


def language_folders(site: Path) -> list[Path]:
    """The other languages' sites inside `site` (/en/, /ar/): each has its own worker and precache."""
    return sorted(worker.parent for worker in site.glob("*/sw.js"))


def offline_ready_seconds(site: Path, path: str = "/") -> tuple[float, int]:
    from playwright.sync_api import sync_playwright

    with host(site, LATENCY_S, BYTES_PER_S) as (url, handler), sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(url + path, timeout=300_000)
        page.wait_for_selector("html[data-hors-ligne='pret']", timeout=600_000)
        elapsed = time.perf_counter() - start
        browser.close()
        return elapsed, handler.sent


def main(sizes: list[int]):
    sample = ROOT / "bench" / "out" / "offline-sample"
    build(ROOT, sample)
    entries, size = precache_figures(sample)
    seconds, sent = offline_ready_seconds(sample)
    print(
        f"sample site: {entries} entries, {size / 2**20:.2f} MiB precached ({sent / 2**20:.2f} MiB transferred, gzip); "
        f"offline-ready on slow 3G in {seconds:.0f} s",
        flush=True,
    )
    for folder in language_folders(sample):
        entries, size = precache_figures(folder)
        seconds, sent = offline_ready_seconds(sample, f"/{folder.name}/")
        print(
            f"  /{folder.name}/: {entries} entries, {size / 2**20:.2f} MiB precached ({sent / 2**20:.2f} MiB "
            f"transferred); offline-ready on slow 3G in {seconds:.0f} s",
            flush=True,
        )
    for partners in sizes:
        site = built_site(partners, "offline")
        entries, size = precache_figures(site)
        print(f"{partners} partners: {entries} entries, {size / 2**20:.2f} MiB precached", flush=True)
        for folder in language_folders(site):
            entries, size = precache_figures(folder)
            print(f"  /{folder.name}/: {entries} entries, {size / 2**20:.2f} MiB precached", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
