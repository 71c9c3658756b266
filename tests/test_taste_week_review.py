"""The yearly review of the Semaine du goût: counts in each edition's `bilan`, checked against the
paper questionnaire (data/questionnaire.yaml), shown as charts whose numbers are the data's, compared
edition by edition, and the questionnaire itself printable."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import date

import pytest

from site_build.data.checks.validate import validate
from site_build.data.model.profile import PUBLIC
from site_build.pages.taste_week import comparison_charts, review_charts

from .conftest import ROOT

EDITION = """\
theme: Le goût des saisons
du: 2026-10-12
au: 2026-10-18
bilan:
  participants: {familles: 30, seniors: 10}
  questionnaire:
    rendus: 20
    reponses:
      fruits-legumes: {presque-jamais: 5, cinq-ou-plus: 10}
      freins: {prix: 18, temps: 9}
"""


def _records():
    dataset, problems = validate(ROOT / "data")
    assert not [p for p in problems if not p.warning]
    return PUBLIC.records(dataset)


def _errors(valid_data, edition: str) -> list[tuple[int, str]]:
    shutil.copy(ROOT / "data/questionnaire.yaml", valid_data / "questionnaire.yaml")
    (valid_data / "semaine-du-gout").mkdir(exist_ok=True)
    (valid_data / "semaine-du-gout/2026.yaml").write_text(edition, encoding="utf-8")
    _, problems = validate(valid_data, date(2026, 11, 26))
    return [(p.line, p.message) for p in problems if not p.warning]


def test_a_review_with_counted_answers_is_valid(valid_data):
    assert _errors(valid_data, EDITION) == []


@pytest.mark.parametrize(
    "change,line,words",
    [
        (("fruits-legumes:", "fruits:"), 9, "la question « fruits » n'est pas dans data/questionnaire.yaml"),
        (("cinq-ou-plus: 10", "cinq: 10"), 9, "n'a pas de case « cinq » : écrivez presque-jamais, une-fois"),
        (("cinq-ou-plus: 10", "cinq-ou-plus: 16"), 9, "21 réponses pour 20 questionnaires rendus"),
        # several boxes may be ticked: the total may pass the count, not one box
        (("prix: 18", "prix: 21"), 10, "21 cases cochées pour 20 questionnaires rendus"),
        (("familles: 30", "familles: trente"), 5, "nombre entier"),
        (("seniors: 10", "retraites: 10"), 5, "retraites"),
    ],
)
def test_a_mistake_in_a_review_is_explained_at_its_line(valid_data, change, line, words):
    errors = _errors(valid_data, EDITION.replace(*change))
    assert len(errors) == 1 and errors[0][0] == line and words in errors[0][1], errors


def test_answers_need_the_questionnaire_and_its_ids_are_unique(valid_data):
    errors = _errors(valid_data, EDITION)
    (valid_data / "questionnaire.yaml").unlink()
    _, problems = validate(valid_data, date(2026, 11, 26))
    assert [(p.line, "ajoutez data/questionnaire.yaml" in p.message) for p in problems if not p.warning] == [(6, True)]
    text = (ROOT / "data/questionnaire.yaml").read_text(encoding="utf-8")
    (valid_data / "questionnaire.yaml").write_text(text.replace("id: cuisine-maison", "id: fruits-legumes"))
    _, problems = validate(valid_data, date(2026, 11, 26))
    assert [p.message for p in problems if not p.warning] == [
        "champ « questions[2].id » : l'id « fruits-legumes » sert déjà à une autre question."
    ]
    assert errors == []


def test_the_charts_carry_the_numbers_of_the_data():
    records = _records()
    edition = next(e for e in records.editions if e.annee == "2026")
    charts = {c.id: c for c in review_charts(edition, records.questionnaire)}
    people = charts["bilan-participants"]
    assert [(r.label, r.bars[0].text) for r in people.rows] == [
        ("Tout public", "310"),
        ("Familles", "185"),
        ("Seniors", "70"),
        ("Scolaires", "240"),
    ]
    assert people.rows[0].bars[0].length == 100 and round(people.rows[2].bars[0].length, 1) == round(7000 / 310, 1)
    fruit = charts["bilan-fruits-legumes"]  # 34 of 86 questionnaires; 3 left it blank
    assert [(r.label, r.bars[0].text) for r in fruit.rows] == [
        ("Presque jamais", "13\xa0%"),
        ("1 fois", "34\xa0%"),
        ("2 à 4 fois", "40\xa0%"),
        ("5 fois ou plus", "10\xa0%"),
        ("Sans réponse", "3\xa0%"),
    ]
    obstacles = charts["bilan-freins"]  # several boxes: no "blank" row, and the total passes 100 %
    assert obstacles.rows[0].bars[0].text == "71\xa0%" and "Sans réponse" not in [r.label for r in obstacles.rows]
    assert "le total dépasse 100 %" in obstacles.note


def test_the_archive_compares_the_editions_that_counted():
    records = _records()
    charts = {c.id: c for c in comparison_charts(records.editions, records.questionnaire)}
    assert charts["participants"].series == ("2025", "2026")  # 2015 counted no one
    seniors = next(r for r in charts["participants"].rows if r.label == "Seniors")
    assert [b.text for b in seniors.bars] == ["55", "70"]
    five_a_day = next(r for r in charts["question-fruits-legumes"].rows if r.label == "5 fois ou plus")
    assert [b.text for b in five_a_day.bars] == ["6\xa0%", "10\xa0%"]  # 4 of 64, then 9 of 86


def test_the_review_pages(built_sites):
    site = built_sites["public"]
    # the edition's page starts with its programme and links to its review, a page of its own
    page = (site / "semaine-du-gout/2026/index.html").read_text(encoding="utf-8")
    assert 'id="bilan"' not in page and 'href="bilan/"' in page
    review = (site / "semaine-du-gout/2026/bilan/index.html").read_text(encoding="utf-8").split('id="bilan"', 1)[1]
    assert "<strong>805</strong> participants" in review and "<strong>86</strong> questionnaires rendus" in review
    assert "Mes enfants ont mangé du potimarron" in review and "Un papa, à l&#39;atelier soupe" in review
    # every bar is an SVG (it prints) beside its label and value, and the table repeats the numbers
    assert review.count('class="gp-barres__barre') == sum(1 for _ in re.finditer(r'class="gp-barres__valeur"', review))
    assert '<th scope="row">Familles</th><td>185</td>' in review
    assert 'semaine-du-gout/bilans/"' in review and 'semaine-du-gout/questionnaire/"' in review
    archive = (site / "semaine-du-gout/bilans/index.html").read_text(encoding="utf-8")
    assert '<th scope="row">Participants</th><td>805</td><td>665</td><td>—</td>' in archive
    assert '<th scope="row">Structures partenaires</th><td>41</td><td>37</td><td>40</td>' in archive
    assert "Tenir l&#39;action chaque année sans épuiser les équipes." in archive
    sheet = (site / "semaine-du-gout/questionnaire/index.html").read_text(encoding="utf-8")
    assert sheet.count('class="gp-question"') == 6 and "(plusieurs cases possibles)" in sheet
    paper = sheet.split('<article class="gp-questionnaire"', 1)[1].split("</article>", 1)[0]
    assert "n&#39;écrivez pas votre nom" in paper and "<input" not in paper  # paper: nothing is typed here


def test_a_question_no_longer_asked_is_not_printed_but_still_counted():
    records = _records()
    assert records.questionnaire is not None
    retired = replace(
        records.questionnaire,
        questions=tuple(replace(q, plus_posee=q.id == "boissons-sucrees") for q in records.questionnaire.questions),
    )
    assert "boissons-sucrees" not in [q.id for q in retired.printed] and len(retired.printed) == 5
    edition = next(e for e in records.editions if e.annee == "2026")
    assert "bilan-boissons-sucrees" in [c.id for c in review_charts(edition, retired)]


def test_the_contributing_example_of_a_review_is_valid(valid_data):
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split("### Le bilan, après la semaine")[1]
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert _errors(valid_data, EDITION.split("bilan:")[0] + example) == []
