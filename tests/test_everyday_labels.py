"""Plain French on the public site: every national label it would show has an everyday label
(data/libelles.yaml); the pro views keep the national labels, the open data keeps the slugs."""

from __future__ import annotations

import json
from datetime import date

from site_build.data.checks.validate import validate
from site_build.data.loading.dataset import load_dataset
from site_build.data.loading.vocabularies import EVERYDAY_VOCABULARIES, term_label

from .conftest import ROOT


def _used() -> set[tuple[str, str]]:
    dataset, _ = load_dataset(ROOT / "data")
    return {
        (vocabulary, slug)
        for partner in dataset.partners
        for service in partner.get("services", [])
        for vocabulary in EVERYDAY_VOCABULARIES
        for slug in service.get(vocabulary, [])
    }


def test_every_slug_the_sample_services_use_has_an_everyday_label():
    dataset, _ = load_dataset(ROOT / "data")
    missing = sorted(pair for pair in _used() if pair[1] not in dataset.labels.get(pair[0], {}))
    assert missing == []


def test_the_public_site_says_it_in_everyday_words_and_the_pro_site_nationally(built_sites):
    dataset, _ = load_dataset(ROOT / "data")
    public = (built_sites["public"] / "annuaire/epicea/index.html").read_text(encoding="utf-8")
    pro = (built_sites["pro"] / "annuaire/epicea/index.html").read_text(encoding="utf-8")
    everyday = dataset.labels["thematiques"]["remobilisation--lien-social"]
    national = term_label("thematiques", "remobilisation--lien-social")
    assert everyday in public and national not in public
    assert national in pro and everyday not in pro
    # no national wording left on any public partner page, for the slugs that have a different label
    changed = {(v, s) for v, s in _used() if dataset.labels[v][s] != term_label(v, s)}
    leftovers = []
    for page in (built_sites["public"] / "annuaire").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        for v, s in changed:
            label = term_label(v, s)  # shown alone or in a list: ">Label<", ">Label, ", ", Label<"…
            if any(f"{a}{label}{b}" in html for a in (">", ", ") for b in ("<", ", ")):
                leftovers.append(f"{page.parent.name}: {label}")
    assert leftovers == []


def test_the_directory_filters_and_json_use_the_everyday_words(built_sites):
    html = (built_sites["public"] / "annuaire/index.html").read_text(encoding="utf-8")
    assert ">Habitants des quartiers prioritaires<" in html and "Résidents en QPV" not in html
    data = json.loads((built_sites["public"] / "annuaire/annuaire.json").read_text(encoding="utf-8"))
    assert data["libelles"]["pu"]["residents-qpv-frr"] == "Habitants des quartiers prioritaires"
    assert data["nationaux"]["remobilisation--lien-social"] == "Remobilisation : lien social"  # searchable too


def _problems_with_labels(data, lines: str):
    header = "# yaml-language-server: $schema=../../../site_build/schemas/labels.schema.json\n"
    (data / "libelles.yaml").write_text(header + lines, encoding="utf-8")
    return validate(data, date(2026, 11, 26))[1]


def test_a_used_slug_without_an_everyday_label_is_a_warning_at_the_service(valid_data):
    problems = _problems_with_labels(valid_data, "thematiques:\n  equipement-et-alimentation--alimentation: Manger\n")
    missing = [p for p in problems if "libellé de tous les jours" in p.message]
    assert missing and all(p.warning and p.file.endswith("partners.yaml") for p in missing)
    assert not any("equipement-et-alimentation--alimentation" in p.message for p in missing)


def test_an_everyday_label_for_an_unknown_slug_is_an_error(valid_data):
    problems = _problems_with_labels(valid_data, "publics:\n  famille: Les familles\n")
    errors = [p for p in problems if not p.warning and p.file.endswith("libelles.yaml")]
    assert errors and errors[0].line == 3, [p.format() for p in problems]
