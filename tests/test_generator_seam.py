"""The generator seam: the same project built by MkDocs and by ProperDocs (the maintained fork of
MkDocs 1.x) gives the same site. Only site_build/generator/ and hooks/ know the generator."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# what differs by design: the generator's name, and the service worker's hashes of the pages that carry it
GENERATOR_META = re.compile(rb'<meta name="generator" content="[^"]*">')
HASHED = re.compile(r"^(sw\.js|precache-[0-9a-f]+\.json)$")


def _build(tool: str, project: Path, site: Path) -> None:
    env = dict(os.environ, SITE_BUILD_TODAY="2026-11-26", NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    result = subprocess.run(
        [str(BIN / tool), "build", "-q", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def _files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file() and not HASHED.match(p.name)
    }


@pytest.mark.slow
def test_mkdocs_and_properdocs_build_the_same_site(tmp_path):
    project = tmp_path / "projet"
    project.mkdir()
    for name in ("content", "data", "hooks", "site_build"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project)
    if (ROOT / ".cache").is_dir():  # compiled templates and photo sizes: only faster, never different
        shutil.copytree(ROOT / ".cache", project / ".cache")
    _build("mkdocs", project, tmp_path / "mkdocs")
    _build("properdocs", project, tmp_path / "properdocs")
    by_mkdocs, by_properdocs = _files(tmp_path / "mkdocs"), _files(tmp_path / "properdocs")
    assert sorted(by_mkdocs) == sorted(by_properdocs)
    assert len(by_mkdocs) > 100
    assert b"ProperDocs" in by_properdocs["index.html"]  # really built by the other generator
    different = [
        name
        for name, content in by_mkdocs.items()
        if GENERATOR_META.sub(b"", content) != GENERATOR_META.sub(b"", by_properdocs[name])
    ]
    assert not different, different[:10]


def test_the_theme_builds_without_our_hooks(tmp_path):
    # bench/run.py measures our build against MkDocs alone: the same theme and pages, no hooks.
    # The theme's templates must then draw without what the hooks add (gp_lien, gp_versions…).
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    del config["hooks"]
    config["theme"]["custom_dir"] = str(ROOT / "site_build/theme")
    config["docs_dir"] = "docs"
    config["nav"] = ["index.md"]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Accueil\n\nUne page.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    _build("mkdocs", tmp_path, tmp_path / "site")
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "Une page." in home and "gp-bandeau-urgence" in home
    assert (tmp_path / "site/404.html").is_file()
