"""One more language by data alone. The sample's fourth language, Dari (fa-AF, right to left, a code with
a region), was added by configuration, catalog, pages and data blocks only (its commit touches no code).
Here a fifth, Ukrainian, is added to a copy of the project with its configuration, catalog, home page and a
data block only: the code and the templates are the repository's, untouched. The build gives /uk/ its own
site in its language."""

from __future__ import annotations

import re
import shutil

from .helpers import FIXTURES, ROOT, config_beside

HOME = """---
title: Спільний путівник
relu: false
hide:
  - navigation
  - toc
---

# Спільний путівник

<!-- ce-mois-ci -->
"""
CATALOG = """msgid ""
msgstr ""
"Language: uk\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#, a-relire
msgid "Proposer une modification"
msgstr "Запропонувати зміну"
"""


def test_a_new_language_needs_only_configuration_catalog_pages_and_data(tmp_path, monkeypatch):
    from site_build.generator.build import build_site

    project = tmp_path / "projet"
    shutil.copytree(FIXTURES / "valid", project / "data")  # the small data: the language is what is tested
    shutil.copytree(ROOT / "content", project / "content")
    (project / "content" / "index.uk.md").write_text(HOME, encoding="utf-8")
    shutil.copytree(FIXTURES / "content" / "images", project / "content" / "images", dirs_exist_ok=True)
    locales = shutil.copytree(ROOT / "site_build/i18n/locales", tmp_path / "locales")
    (locales / "uk.po").write_text(CATALOG, encoding="utf-8")
    monkeypatch.setenv("SITE_BUILD_LOCALES", str(locales))  # the build's child processes read it too
    needs = project / "data" / "besoins.yaml"
    text = needs.read_text(encoding="utf-8")
    first = re.search(r"^  nom: Manger\n", text, re.M)[0]  # the first need gets a Ukrainian name
    needs.write_text(text.replace(first, first + "  traductions:\n    uk:\n      nom: Їжа\n      relu: false\n", 1))
    config = config_beside(project)
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace("langues: [fr, en, ar, fa-AF]", "langues: [fr, uk]")  # French and the new language suffice
        .replace(f"docs_dir: {ROOT / 'content'}", f"docs_dir: {project / 'content'}"),
        encoding="utf-8",
    )

    site = build_site(config, "public", project / "site", project / "data")

    home = (site / "uk" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="uk" dir="ltr"', home)
    assert "Їжа" in home  # the need's Ukrainian name, on its tile
    assert 'hreflang="uk"' in (site / "index.html").read_text(encoding="utf-8")
    assert "Українська" in home  # its name in the language menu, from CLDR
    assert not (site / "en").exists() and not (site / "fa-AF").exists()
    partner = (site / "uk" / "annuaire" / "epicea" / "index.html").read_text(encoding="utf-8")
    assert "Запропонувати зміну" in partner  # a word of the catalog
    assert '<html lang="uk" dir="ltr"' in (site / "uk" / "404.html").read_text(encoding="utf-8")
    assert (site / "uk" / "sw.js").exists() and (site / "uk" / "manifest.webmanifest").exists()

    # the translators' list names what the new language still lacks, with the file to write
    from .helpers import run_cli

    listed = run_cli(project, "traductions", "--langue", "uk", "--config", str(config), "--data", "data")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("ukrainien (uk) : ")
    assert "  content/aide.md : page à traduire : écrivez content/aide.uk.md\n" in listed.stdout
    assert "  content/index.uk.md:1 : page à relire" in listed.stdout
