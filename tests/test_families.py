"""The registry of page families (site_build/families.py) and the site paths (site_build/urls.py):
one line declares a family, and no other module writes a section's path."""

from __future__ import annotations

import re
from datetime import date

import pytest

from site_build import families, urls
from site_build.data.checks.validate import validate
from site_build.data.model.profile import PRO, PUBLIC
from site_build.gate import Validated
from site_build.generator.navigation import nav_for_profile
from site_build.i18n.pages import Pages
from site_build.pages.model import Page
from site_build.pipeline import prepare
from site_build.pwa.service_worker import ALWAYS, PAGES, PARTNERS

from .helpers import FIXTURES, ROOT

DAY = date(2026, 11, 26)
SECTIONS = {value for name, value in vars(urls).items() if name.isupper() and value.endswith("/")}
# A section written as a string: '"annuaire/' in Python, `'annuaire/'` or `"annuaire/` in a template
WRITTEN_SECTION = re.compile("[\"'](" + "|".join(re.escape(s) for s in sorted(SECTIONS - {""})) + ")")


@pytest.fixture(scope="module")
def validated() -> Validated:
    dataset, _ = validate(FIXTURES / "valid", DAY)
    return Validated(dataset, [], DAY)


def test_every_family_has_its_template_and_a_section_of_urls():
    templates = ROOT / "site_build/pages/templates"
    for family in families.FAMILIES:
        assert (templates / family.template).is_file(), family.name
        assert family.section in SECTIONS, family.name
    assert len({family.name for family in families.FAMILIES}) == len(families.FAMILIES)


def test_no_module_or_template_writes_a_section_path_but_urls():
    # The theme's own templates (site_build/theme/) also serve a build without our hooks (bench/run.py's
    # bare MkDocs build), which has no site_build.urls: its two links to generated sections are its own.
    written = []
    for path in sorted((ROOT / "site_build").rglob("*")):
        if path.suffix not in (".py", ".html") or path.name == "urls.py" or "theme" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0] if path.suffix == ".py" else line
            if WRITTEN_SECTION.search(code) and '"""' not in code and not code.lstrip().startswith(("e.g.", "`")):
                written.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:90]}")
    assert written == [], "write the path with site_build/urls.py:\n" + "\n".join(written)


def test_profiles_and_languages_follow_the_registry(validated):
    public = {page.src_uri.split("/")[0] + "/" for page in prepare(validated, PUBLIC).pages}
    pro = {page.src_uri.split("/")[0] + "/" for page in prepare(validated, PRO).pages}
    pro_only = {family.section for family in families.FAMILIES if family.pro_only}
    assert pro_only and not pro_only & public and pro_only <= pro
    english = prepare(validated, PUBLIC, language="en", own_pages=Pages(sections=families.translated_sections()))
    translated = {family.section for family in families.FAMILIES if family.translated}
    assert {page.site_path.split("/")[0] + "/" for page in english.pages} <= translated | {"hors-ligne/"}
    assert not families.publishes_path(PUBLIC, urls.source(urls.LIAISON))
    assert families.publishes_path(PRO, urls.source(urls.LIAISON))


def test_each_page_gets_its_family_precache_group(validated):
    groups = prepare(validated, PUBLIC).precache
    assert groups[urls.html_file(urls.DIRECTORY)] == ALWAYS
    assert groups[urls.html_file(urls.partner("caf-du-cher"))] == PARTNERS
    assert groups[urls.html_file(urls.HEALTH)] == PAGES


def test_a_new_family_is_one_registry_line(validated, monkeypatch):
    def notices(given: families.PageInput) -> list[Page]:
        return [Page(urls.source("avis/"), "Avis", f"<p>{len(given.records.partners)} partenaires</p>")]

    line = families.Family("notices", "avis/", notices, "open_data.html", pro_only=True, translated=True)
    monkeypatch.setattr(families, "FAMILIES", (*families.FAMILIES, line))
    assert "avis/index.md" in prepare(validated, PRO).html_by_uri
    assert "avis/index.md" not in prepare(validated, PUBLIC).html_by_uri
    assert nav_for_profile([{"Avis": "avis/index.md"}, "index.md"], PUBLIC) == ["index.md"]
    assert "avis/" in families.translated_sections()
