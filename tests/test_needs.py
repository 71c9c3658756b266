"""Everyday needs (data/besoins.yaml): every service can be found through at least one need."""

from __future__ import annotations

from datetime import date

from site_build.data.checks.validate import validate
from site_build.data.loading.dataset import load_dataset
from site_build.data.media.pictograms import pictogram_svg
from site_build.data.model.needs import covered_thematiques, expanded

from .conftest import ROOT


def test_every_thematique_of_a_sample_service_is_reachable_from_a_need():
    dataset, problems = load_dataset(ROOT / "data")
    assert not [p for p in problems if not p.warning]
    covered = covered_thematiques(dataset.needs)
    used = {
        (partner["id"], service["id"], slug)
        for partner in dataset.partners
        for service in partner.get("services", [])
        for slug in service.get("thematiques", [])
    }
    assert used, "the sample services name their thématiques"
    unreachable = sorted(item for item in used if item[2] not in covered)
    assert unreachable == []


def test_the_sample_needs_are_a_dozen_or_so_with_pictograms_and_words():
    dataset, _ = load_dataset(ROOT / "data")
    assert 12 <= len(dataset.needs) <= 16
    for need in dataset.needs:
        assert pictogram_svg(need["pictogramme"]).startswith("<svg")
        assert len(need["mots"]) >= 5, need["id"]


def test_a_category_stands_for_each_of_its_thematiques():
    assert "mobilite--financer-ma-mobilite" in expanded(["mobilite"])
    assert expanded(["sante--sante-mentale"]) == {"sante--sante-mentale"}


def test_a_service_no_need_reaches_is_a_warning_at_its_line(valid_data):
    needs = valid_data / "besoins.yaml"
    needs.write_text(
        needs.read_text(encoding="utf-8").replace("difficultes-administratives-ou-juridiques]", "mobilite]")
    )
    _, problems = validate(valid_data, date(2026, 11, 26))
    uncovered = [p for p in problems if "aucun besoin" in p.message]
    assert len(uncovered) == 1 and uncovered[0].warning
    assert "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits" in uncovered[0].message
    assert uncovered[0].file.endswith("partners.yaml") and uncovered[0].line > 1


def test_a_pictogram_never_carries_script_or_links():
    assert pictogram_svg("material/../../base") is None
    assert pictogram_svg("material/does-not-exist") is None
