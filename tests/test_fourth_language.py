"""A fourth language by data alone: Dari (fa-AF, right to left, a language with a region) added to a
copy of the project with its configuration, catalog, home page and a data block only: the code and the
templates are the repository's, untouched. The build gives /fa-AF/ its own site in its language."""

from __future__ import annotations

import re
import shutil

from .helpers import FIXTURES, ROOT, config_beside

HOME = """---
title: رهنمای مشترک
relu: false
hide:
  - navigation
  - toc
---

# رهنمای مشترک

<!-- ce-mois-ci -->
"""
CATALOG = """msgid ""
msgstr ""
"Language: fa-AF\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#, a-relire
msgid "Proposer une modification"
msgstr "پیشنهاد تغییر"
"""


def test_dari_needs_only_configuration_catalog_pages_and_data(tmp_path, monkeypatch):
    from site_build.generator.build import build_site

    project = tmp_path / "projet"
    shutil.copytree(FIXTURES / "valid", project / "data")  # the small data: the language is what is tested
    shutil.copytree(ROOT / "content", project / "content")
    (project / "content" / "index.fa-AF.md").write_text(HOME, encoding="utf-8")
    shutil.copytree(FIXTURES / "content" / "images", project / "content" / "images", dirs_exist_ok=True)
    locales = shutil.copytree(ROOT / "site_build/i18n/locales", tmp_path / "locales")
    (locales / "fa-AF.po").write_text(CATALOG, encoding="utf-8")
    monkeypatch.setenv("SITE_BUILD_LOCALES", str(locales))  # the build's child processes read it too
    needs = project / "data" / "besoins.yaml"
    text = needs.read_text(encoding="utf-8")
    first = re.search(r"^  nom: Manger\n", text, re.M)[0]  # the first need gets a Dari name
    needs.write_text(
        text.replace(first, first + "  traductions:\n    fa-AF:\n      nom: غذا خوردن\n      relu: false\n", 1)
    )
    config = config_beside(project)
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace("langues: [fr, en, ar]", "langues: [fr, fa-AF]")  # French and the new language suffice
        .replace(f"docs_dir: {ROOT / 'content'}", f"docs_dir: {project / 'content'}"),
        encoding="utf-8",
    )

    site = build_site(config, "public", project / "site", project / "data")

    home = (site / "fa-AF" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="fa-AF" dir="rtl"', home)
    assert "غذا خوردن" in home  # the need's Dari name, on its tile
    assert 'hreflang="fa-AF"' in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "en").exists()
    partner = (site / "fa-AF" / "annuaire" / "epicea" / "index.html").read_text(encoding="utf-8")
    assert "پیشنهاد تغییر" in partner  # a word of the catalog
    assert '<html lang="fa-AF" dir="rtl"' in (site / "fa-AF" / "404.html").read_text(encoding="utf-8")
    assert (site / "fa-AF" / "sw.js").exists() and (site / "fa-AF" / "manifest.webmanifest").exists()

    # the translators' list names what the new language still lacks, with the file to write
    from .helpers import run_cli

    listed = run_cli(project, "traductions", "--langue", "fa-AF", "--config", str(config), "--data", "data")
    assert listed.returncode == 0, listed.stderr
    assert "  content/aide.md : page à traduire : écrivez content/aide.fa-AF.md\n" in listed.stdout
    assert "  content/index.fa-AF.md:1 : page à relire" in listed.stdout
