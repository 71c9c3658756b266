"""`site-build traductions`: what each language still lacks or has not had checked, with file and line,
and `--ajouter`, which seeds the catalog with the missing words, empty and flagged to review."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import ROOT


@pytest.fixture
def locales(tmp_path):
    """A copy of the catalogs the command may change (SITE_BUILD_LOCALES points the code at it)."""
    return shutil.copytree(ROOT / "site_build/i18n/locales", tmp_path / "locales")


def _translations(*args: str, locales: Path) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).parent / "site-build"), "traductions", *args]
    env = dict(os.environ, SITE_BUILD_LOCALES=str(locales))
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)


def _line(path: Path, number: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[number - 1]


def test_every_thing_to_do_is_named_with_its_file_and_line(locales):
    result = _translations(locales=locales)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert re.search(r"^anglais \(en\) : \d+ mots, \d+ pages, \d+ données à traduire ou à relire\.$", out, re.M)
    assert re.search(r"^arabe \(ar\) : ", out, re.M)
    assert "  content/accessibilite.en.md:1 : page à relire, puis écrivez « relu: true » en tête\n" in out
    # a data block: its line is the block of that language in the file
    place, name = re.search(
        r"^  (data/besoins\.yaml:\d+) : besoin « (Manger) » : traduction à relire$", out, re.M
    ).groups()
    file, line = place.split(":")
    assert _line(ROOT / file, int(line)).strip() == "en:"
    # a word of the site: its line is the msgid in the catalog
    po, word = re.search(r"^  \S+/(en\.po:\d+) : à relire : « (Accueil) »$", out, re.M).groups()
    assert _line(locales / "en.po", int(po.split(":")[1])) == f'msgid "{word}"'


def test_missing_words_are_added_empty_and_flagged_then_listed(locales):
    catalog = locales / "en.po"
    text = catalog.read_text(encoding="utf-8")
    entry = re.search(r'\n(#, [^\n]*\n)?msgid "Proposer une modification"\nmsgstr "[^"]*"\n', text)[0]
    catalog.write_text(text.replace(entry, "\n"), encoding="utf-8")
    before = _translations("--langue", "en", locales=locales)
    assert "  site_build/i18n/locales/en.po" not in before.stdout  # the catalog is the copy, named as it is
    assert "à traduire : « Proposer une modification »" in before.stdout
    added = _translations("--ajouter", "--langue", "en", locales=locales)
    assert "anglais (en) : 1 mot(s) ajouté(s), vides, à traduire." in added.stdout
    assert catalog.read_text(encoding="utf-8").endswith('\n#, a-relire\nmsgid "Proposer une modification"\nmsgstr ""\n')
    again = _translations("--ajouter", "--langue", "en", locales=locales)
    assert "anglais (en) : 0 mot(s) ajouté(s)" in again.stdout and "arabe (ar)" not in again.stdout
    assert "à traduire : « Proposer une modification »" in again.stdout  # still to translate: it is empty


def test_an_unknown_language_is_named_with_the_site_s_languages(locales):
    result = _translations("--langue", "zz", locales=locales)
    assert (
        result.returncode == 2
        and "« zz » n'est pas une langue du site ; celles de mkdocs.yml : en, ar, fa-AF." in result.stderr
    )
