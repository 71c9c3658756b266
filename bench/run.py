"""Validation and build time at 100 / 1,000 / 10,000 partners, against a bare MkDocs build.

The bare build uses the project's mkdocs.yml without its hooks (same theme, plugins,
public navigation, Markdown extensions and `not_in_nav` rules), with the generated
pages written as plain Markdown files. Every language of mkdocs.yml is included, on both sides:
each is a MkDocs build of its own. Prints times and ratios; asserts nothing.

The bare build of 100 partners takes 1.2 to 1.8 s from run to run on a shared machine, so one
pair of builds says little: each size is measured in several pairs, our build and the bare one
run back to back, and the median of the pairs' ratios is printed with the lowest and highest.
From 500 partners on a machine with more than one core, `site-build build` builds the other
languages in child processes while French builds; the last column is one more build with
SITE_BUILD_SEQUENTIAL=1 (the languages one after the other), for comparison.
Usage: python bench/run.py [--pairs N] [SIZE ...]   (N defaults to 5, and to 1 above 1,000 partners)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

BIN = Path(sys.executable).parent


def timed(command: list[str], cwd: Path, env=None) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return elapsed


def project(size: int, name: str = "project") -> Path:
    """A project folder whose data/ is synthetic; content, hooks and theme are the real ones."""
    folder = OUT / f"{name}-{size}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name in ("content", "hooks", "site_build", "mkdocs.yml"):
        (folder / name).symlink_to(ROOT / name)
    generate(folder / "data", size)
    return folder


def build(folder: Path, site_dir: Path) -> Path:
    """`site-build build` of a project folder (the day pinned, as in the tests)."""
    env = dict(os.environ, SITE_BUILD_TODAY="2026-11-26")
    subprocess.run(
        [str(BIN / "site-build"), "build", "--site-dir", str(site_dir)],
        cwd=folder,
        env=env,
        check=True,
        capture_output=True,
    )
    return site_dir


def built_site(size: int, name: str) -> Path:
    """The public site of a synthetic project of `size` partners."""
    folder = project(size, name)
    return build(folder, folder / "site")


def bare(size: int, data: Path) -> list[Path]:
    """The same generated pages written as plain Markdown files (HTML body), built by MkDocs alone;
    then each other language's pages (content/*.<code>.md), a MkDocs project of its own built into
    the French site's folder, as `site-build build` does. Returns the projects, built in order."""
    os.environ["SITE_BUILD_TODAY"] = "2026-11-26"
    import yaml

    from site_build.data.checks.validate import validate
    from site_build.data.model.profile import PUBLIC
    from site_build.gate import Validated
    from site_build.generator.handover import language_build
    from site_build.generator.navigation import nav_for_profile
    from site_build.i18n.languages import configured_languages, theme_language
    from site_build.i18n.pages import original_uri
    from site_build.pipeline import build_day, prepare

    folder = OUT / f"bare-{size}"
    if folder.exists():
        shutil.rmtree(folder)
    # The project's own configuration without its hooks: same theme, navigation (the public one, as the
    # hooks give it), Markdown extensions and not_in_nav rules, so the ratio measures the pipeline.
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    del config["hooks"]
    config["theme"]["custom_dir"] = str(ROOT / "site_build/theme")
    languages = configured_languages(config.get("extra") or {})
    validated = Validated(validate(data, build_day())[0], [], build_day())
    codes = {language.code for language in languages if not language.is_default}
    projects = []
    for language in languages:
        project_folder = folder if language.is_default else folder / language.code
        docs = project_folder / "docs"
        docs.mkdir(parents=True)
        for source in sorted((ROOT / "content").rglob("*")):
            relative = source.relative_to(ROOT / "content").as_posix()
            pair = original_uri(relative, codes)
            if source.is_dir() or (pair is None and relative.endswith(".md") and not language.is_default):
                continue
            if pair and pair[1] != language.code:
                continue
            if not language.is_default and not pair and relative.startswith("images/"):
                continue
            target = docs / (pair[0] if pair else relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        build = language_build(language, languages, ROOT / "content")
        # each language's generated pages (the directory, partner pages, recipes…), as our build makes them
        generated = prepare(validated, PUBLIC, language=language.code, own_pages=build.own_pages).pages
        for page in generated:
            target = docs / page.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"{page.markdown_stub}\n{page.html}\n", encoding="utf-8")
        # the theme's words as our build gives them: Dari (fa-AF) takes those of its base language
        theme_words = theme_language(language.code) or language.code
        own = dict(config, docs_dir="docs", theme=dict(config["theme"], language=theme_words))
        own["site_dir"] = str(folder / "site" / language.folder)
        # the titles as plain strings (our build hands the theme escaped text, which YAML cannot write)
        own["nav"] = json.loads(json.dumps(build.nav(nav_for_profile(config["nav"], PUBLIC))))
        (project_folder / "mkdocs.yml").write_text(yaml.safe_dump(own, allow_unicode=True, sort_keys=False), "utf-8")
        projects.append(project_folder)
    return projects


def timed_bare(projects: list[Path]) -> float:
    """The bare builds of every language, one after the other (French first: MkDocs empties its folder)."""
    return sum(timed([str(BIN / "mkdocs"), "build", "-q"], project) for project in projects)


def main(sizes: list[int], pairs: int | None = None):
    print(
        f"{'partners':>9} {'pages':>6} {'pairs':>5} {'validate s':>11} {'build s':>8} {'bare s':>7} "
        f"{'build/bare':>10} {'lowest':>7} {'highest':>7} {'sequential s':>12}"
    )
    env = dict(os.environ, SITE_BUILD_TODAY="2026-11-26")
    for size in sizes:
        folder = project(size)
        bare_projects = bare(size, folder / "data")
        count = pairs or (5 if size <= 1000 else 1)
        # One untimed build of each first: the caches (.cache/, the OS's file cache) are then
        # warm for both, as they are for an editor building again.
        timed([str(BIN / "site-build"), "build", "--site-dir", str(folder / "site")], folder, env)
        timed_bare(bare_projects)
        validate, ours, theirs = [], [], []
        for _ in range(count):
            validate.append(timed([str(BIN / "site-build"), "validate"], folder, env))
            ours.append(timed([str(BIN / "site-build"), "build", "--site-dir", str(folder / "site")], folder, env))
            theirs.append(timed_bare(bare_projects))
        ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
        pages = sum(1 for _ in (folder / "site").rglob("index.html"))
        # the languages one after the other, as before they were built in parallel (once)
        one_by_one = dict(env, SITE_BUILD_SEQUENTIAL="1")
        sequential = timed([str(BIN / "site-build"), "build", "--site-dir", str(folder / "site")], folder, one_by_one)
        print(
            f"{size:>9} {pages:>6} {count:>5} {statistics.median(validate):>11.2f} {statistics.median(ours):>8.2f} "
            f"{statistics.median(theirs):>7.2f} {statistics.median(ratios):>10.2f} {min(ratios):>7.2f} "
            f"{max(ratios):>7.2f} {sequential:>12.2f}",
            flush=True,
        )


if __name__ == "__main__":
    arguments = argparse.ArgumentParser(description="Build time against a bare MkDocs build.")
    arguments.add_argument("--pairs", type=int, help="pairs of builds per size (default 5, 1 above 1,000)")
    arguments.add_argument("sizes", type=int, nargs="*", default=[100, 1000, 10000])
    given = arguments.parse_args()
    main(given.sizes, given.pairs)
