"""What each language of the sample costs and holds: its pages, its translated and reviewed words
(catalog) and data blocks (`traductions:`), the weight its service worker precaches, and the build
time one more language costs: the sample's public site built with its languages (French, English,
Arabic, Dari), then with a fifth one added by configuration alone (Ukrainian, uk: an empty catalog and
a home page, as a translator starts), the languages one after the other (SITE_BUILD_SEQUENTIAL=1) and
in parallel (the default). The sample's data has blocks in each of its languages, which a site without
those languages refuses: languages are added, never taken away.

Prints figures; asserts nothing. Usage: python bench/languages.py [--builds N]  (N: builds per
language count, the median is printed; default 3)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "languages"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))
from offline import precache_figures  # noqa: E402

ADDED = "uk"
ADDED_HOME = "---\ntitle: Спільний путівник\nrelu: false\n---\n\n# Спільний путівник\n\n<!-- ce-mois-ci -->\n"
ADDED_CATALOG = 'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


def configured(codes: list[str]) -> tuple[Path, dict[str, str]]:
    """A project listing these languages (the sample's data; its content copied, so that the added
    language's home page can be written), and the environment that finds the added catalog."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = re.sub(r"langues: \[[^\]]*\]", f"langues: [{', '.join(codes)}]", text)
    folder = OUT / "-".join(codes)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name in ("data", "hooks", "site_build"):
        (folder / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "content", folder / "content")
    (folder / "mkdocs.yml").write_text(listed, encoding="utf-8")
    locales = shutil.copytree(ROOT / "site_build/i18n/locales", folder / "locales")
    if ADDED in codes:
        (folder / "content" / f"index.{ADDED}.md").write_text(ADDED_HOME, encoding="utf-8")
        (locales / f"{ADDED}.po").write_text(ADDED_CATALOG, encoding="utf-8")
    return folder, {"SITE_BUILD_LOCALES": str(locales)}


def build_seconds(folder: Path, env: dict[str, str], sequential: bool) -> tuple[float, Path]:
    env = dict(os.environ, SITE_BUILD_TODAY="2026-11-26", **env)
    if sequential:
        env["SITE_BUILD_SEQUENTIAL"] = "1"
    site = folder / "site"
    start = time.perf_counter()
    command = [str(BIN / "site-build"), "build", "--site-dir", str(site)]
    subprocess.run(command, cwd=folder, env=env, check=True, capture_output=True)
    return time.perf_counter() - start, site


def pages(site: Path) -> int:
    others = {worker.parent.name for worker in site.glob("*/sw.js")}
    return sum(
        1 for page in site.rglob("index.html") if page.relative_to(site).parts[0] not in others | {"search", "assets"}
    )


def words(code: str) -> tuple[int, int, int]:
    """(strings the site needs, translated, reviewed) of a language's catalog."""
    from site_build.data.loading.dataset import load_dataset
    from site_build.i18n.catalogs import translated_ids, unreviewed
    from site_build.pipeline import interface_strings

    wanted = interface_strings(ROOT / "mkdocs.yml", load_dataset(ROOT / "data")[0].labels)
    translated = wanted & translated_ids(code)
    return len(wanted), len(translated), len(translated - set(unreviewed(code, wanted)))


def data_blocks(code: str) -> tuple[int, int, int]:
    """(records that can carry `traductions:`, translated in this language, reviewed) in data/."""
    from site_build.data.loading.dataset import load_dataset
    from site_build.data.loading.translations import translated_files

    records = [record for file in translated_files(load_dataset(ROOT / "data")[0]) for record in file.records.values()]
    blocks = [(record.get("traductions") or {}).get(code) for record in records]
    translated = [block for block in blocks if isinstance(block, dict)]
    return len(records), len(translated), sum(1 for block in translated if block.get("relu") is True)


def main(builds: int) -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    languages = re.search(r"^  langues: \[(.*)\]$", text, re.M)[1].split(", ")  # the sample's, French first
    sites = {}
    for sequential in (True, False):
        times = []
        for codes in (languages, [*languages, ADDED]):
            folder, env = configured(codes)
            measured = []
            for _ in range(builds):
                seconds, sites[len(codes)] = build_seconds(folder, env, sequential)
                measured.append(seconds)
            times.append(statistics.median(measured))
        way = "one after the other" if sequential else "in parallel (default)"
        print(
            f"build, languages {way}: {', '.join(languages)} {times[0]:.1f} s; + {ADDED} {times[1]:.1f} s "
            f"({times[1] - times[0]:+.1f} s for one more language; median of {builds})",
            flush=True,
        )
    last_site = sites[len(languages)]
    print(f"fr: {pages(last_site)} pages, precache {precache_figures(last_site)[1] / 2**20:.2f} MiB")
    for code in languages[1:]:
        folder = last_site / code
        entries, size = precache_figures(folder)
        wanted, translated, reviewed = words(code)
        records, blocks, checked = data_blocks(code)
        print(
            f"{code}: {pages(folder)} pages, precache {size / 2**20:.2f} MiB ({entries} entries); "
            f"words {translated}/{wanted} translated, {reviewed} reviewed; "
            f"data blocks {blocks}/{records} translated, {checked} reviewed",
            flush=True,
        )
    added = sites[len(languages) + 1] / ADDED
    entries, size = precache_figures(added)
    print(f"{ADDED} (configuration, empty catalog, home page): {pages(added)} pages, precache {size / 2**20:.2f} MiB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--builds", type=int, default=3)
    main(parser.parse_args().builds)
