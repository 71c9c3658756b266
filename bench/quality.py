"""Page weight and Lighthouse scores of the main page types.

Bytes: the first load of each page in Chromium (empty cache, service worker blocked so
that its background precache is not counted), as transferred by a host that gzips
text (bench/serving.py). Lighthouse 12.2.3 (npm) runs its mobile audit against
Debian's Chromium (CHROME_PATH). Prints figures; asserts nothing. Targets from the
quality issue: home under 150 KB compressed; performance ≥ 95, accessibility 100,
best practices 100, SEO ≥ 95. Lighthouse runs three times per page and the median of each
score is printed: on a shared machine the performance score of one run moves by ±10.
Usage: python bench/quality.py   (installs lighthouse under bench/out/npm on first use)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "bench"))
from run import build, built_site  # noqa: E402
from serving import CHROMIUM_FLAGS, host, launch_chromium  # noqa: E402

LIGHTHOUSE = OUT / "npm" / "node_modules" / ".bin" / "lighthouse"
PAGES = [
    ("home", "/"),
    ("partner page", "/annuaire/caf-du-cher/"),
    ("/annuaire/", "/annuaire/"),
    ("recipe page", "/recettes/carottes-rapees-orange/"),
    ("Arabic page", "/ar/urgences/"),  # right to left (issue 16: accessibility 100 in every language)
    ("Arabic directory", "/ar/annuaire/"),
    ("Arabic recipe", "/ar/recettes/houmous-maison/"),
    ("rights helper", "/mes-droits/"),  # issue 18: read on old phones by the people it is for
    ("Semaine du goût reviews", "/semaine-du-gout/bilans/"),  # issue 17: charts
    ("Semaine du goût programme", "/semaine-du-gout/"),  # issue 27: the programme first
    ("an edition's review", "/semaine-du-gout/2026/bilan/"),  # issue 27: its own page
    ("easy-read page", "/facile/epicerie/"),  # issue 27: numbers and places tappable
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUNS = 3


def transferred(url: str) -> int:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        responses = []
        page.on("requestfinished", lambda request: responses.append(request))
        page.goto(url, wait_until="networkidle")
        total = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in responses)
        browser.close()
        return total


def lighthouse(url: str) -> dict[str, int]:
    if not LIGHTHOUSE.exists():
        subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(OUT / "npm"),
                "lighthouse@12.2.3",
            ],
            check=True,
        )
    report = OUT / "lighthouse.json"
    env = dict(os.environ, CHROME_PATH=shutil.which("chromium"))
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_FLAGS]),
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    return {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}


def main():
    sample = OUT / "quality-sample"
    build(ROOT, sample)
    large = built_site(1000, "quality")
    rows = [(name, sample, path) for name, path in PAGES] + [("/annuaire/ (1,000 partners)", large, "/annuaire/")]
    print(f"{'page':30} {'KB (gzip)':>9} " + " ".join(f"{c[:11]:>11}" for c in CATEGORIES), flush=True)
    for name, site, path in rows:
        with host(site) as (url, _):
            weight = transferred(url + path)
            runs = [lighthouse(url + path) for _ in range(RUNS)]
            scores = {c: sorted(run[c] for run in runs)[RUNS // 2] for c in CATEGORIES}
        print(f"{name:30} {weight / 1024:>9.0f} " + " ".join(f"{scores[c]:>11}" for c in CATEGORIES), flush=True)


if __name__ == "__main__":
    main()
