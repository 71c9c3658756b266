"""The rights helper's rules (data/droits.yaml): schema and checks answered in French at the line,
the page listing every right with who helps, in both builds, and CONTRIBUTING's example valid."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from site_build.data.checks.validate import validate
from site_build.data.model.rights import QUESTIONS, RULE_QUESTIONS

from .conftest import ROOT

RULE = """\
# yaml-language-server: $schema=../site_build/schemas/rights.schema.json
- id: prime-activite
  nom: Prime d'activité
  resume: Un complément pour les personnes qui travaillent et gagnent peu.
  organisme: La CAF
  si:
    - ressources: [travail]
  aide: [caf-du-cher--acces-aux-droits]
  source: https://www.service-public.fr/particuliers/vosdroits/F2882
  verifie_le: 2026-11-02
"""


def _problems(valid_data, text, today=date(2026, 11, 26)):
    (valid_data / "droits.yaml").write_text(text, encoding="utf-8")
    _, problems = validate(valid_data, today)
    return [(p.line, p.message, p.warning) for p in problems]


def test_a_valid_rule(valid_data):
    assert _problems(valid_data, RULE) == []


@pytest.mark.parametrize(
    "change,line,words",
    [
        (("[travail]", "[salarie]"), 7, "valeurs possibles : travail, chomage, retraite, allocations, aucune"),
        (("    - ressources:", "    - revenus:"), 7, "revenus"),
        (("[caf-du-cher--acces-aux-droits]", "[caf-du-cher]"), 8, "le service « caf-du-cher » n'existe pas"),
        (("  source: https://www.", "  source: www."), 9, "source"),
        (("  verifie_le: 2026-11-02\n", ""), 2, "verifie_le"),
    ],
)
def test_a_mistake_in_a_rule_is_explained_at_its_line(valid_data, change, line, words):
    found = [(n, m) for n, m, warning in _problems(valid_data, RULE.replace(*change)) if not warning]
    assert len(found) == 1 and found[0][0] == line and words in found[0][1], found


def test_a_rule_checked_more_than_a_year_ago_is_flagged(valid_data):
    found = [p for p in _problems(valid_data, RULE, today=date(2027, 12, 1)) if "verifie_le" in p[1]]
    assert found == [(10, found[0][1], True)] and "il y a plus d'un an" in found[0][1]


def test_the_page_lists_every_right_with_who_helps_in_both_builds(built_sites):
    dataset, _ = validate(ROOT / "data")
    for profile in ("public", "pro"):
        page = (built_sites[profile] / "mes-droits/index.html").read_text(encoding="utf-8")
        assert page.count('class="gp-droit"') == len(dataset.rights) == 14
        assert page.count('class="gp-droits__question"') == len(QUESTIONS)
        assert 'href="../annuaire/caf-du-cher/">CAF</a> : <span>Aides au logement</span>' in page, "who helps, linked"
        result = page.split('class="gp-droits__resultats"', 1)[1]  # the rough income question asks in euros
        assert "Vous pourriez avoir droit à ces aides" in result and "€" not in result  # no amount promised
        assert "Règle vérifiée le 2 novembre 2026" in page


def test_the_contributing_example_is_a_valid_rule(valid_data):
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split("## 10. Les aides à vérifier")[1]
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    shutil.copy(ROOT / "data/partners.yaml", valid_data / "partners.yaml")
    assert [p for p in _problems(valid_data, example) if not p[2]] == []
    listed = text.split("Les questions et leurs réponses possibles :", 1)[1].split("\n- **", 1)[0]
    for question in RULE_QUESTIONS:
        assert f"`{question.id}` (" + ", ".join(a.id for a in question.answers) + ")" in " ".join(listed.split())


def test_the_helper_exists_in_english_and_arabic_with_the_rights_translated(built_sites):
    """Questions, answers and buttons from the catalogs; each right's own words from its `traductions:`
    block, marked in its language; the page says its translation is not reviewed yet."""
    site = built_sites["public"]
    arabic = (site / "ar/mes-droits/index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl"' in arabic
    assert "كم عمركم؟" in arabic and "عرض المساعدات" in arabic  # a question, the last button
    assert '<h3 id="droit-aide-au-logement">مساعدة السكن (APL)</h3>' in arabic
    assert "Répondez à quelques questions" not in arabic and "Quel âge avez-vous" not in arabic
    english = (site / "en/mes-droits/index.html").read_text(encoding="utf-8")
    assert '<h3 id="droit-prime-activite">Activity bonus (prime d&#39;activité)</h3>' in english
    assert "<li>Bank details (RIB)</li>" in english
    assert "gp-relecture" in english  # the notice of a translation nobody fluent has checked yet
    french = (site / "mes-droits/index.html").read_text(encoding="utf-8")
    assert 'hreflang="ar"' in french and 'hreflang="en"' in french
