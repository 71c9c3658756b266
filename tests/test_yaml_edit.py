"""Changes written into the real data file as text (site_build/editing/yaml_edit.py): the diff of each
change is the changed lines only, on every kind of field of data/partners.yaml."""

from __future__ import annotations

import difflib

import pytest

from site_build.data.loading.yaml_loader import load_text
from site_build.editing.yaml_edit import EditError, set_value

from .helpers import ROOT

PARTNERS = (ROOT / "data" / "partners.yaml").read_text(encoding="utf-8")
EPICEA = 0  # the first partner of the sample


def _diff(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines removed, lines added)."""
    lines = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [line[2:] for line in lines if line.startswith("- ")], [line[2:] for line in lines if line.startswith("+ ")]


@pytest.mark.parametrize(
    ("path", "value", "removed", "added"),
    [
        # a quoted text keeps its quotes
        (["telephone"], "02 61 91 00 99", ['  telephone: "02 61 91 00 10"'], ['  telephone: "02 61 91 00 99"']),
        # a plain date stays plain
        (["date_verification"], "2026-12-06", ["  date_verification: 2026-11-02"], ["  date_verification: 2026-12-06"]),
        # a list written between brackets stays so
        (
            ["reseaux_porteurs"],
            ["ccas-cias"],
            ["  reseaux_porteurs: [ccas-cias, epiceries-sociales]"],
            ["  reseaux_porteurs: [ccas-cias]"],
        ),
        # inside a flow mapping written on two lines: the one value, the rest of the line kept
        (
            ["adresse", "voie"],
            "14 rue des Forges",
            ['  adresse: {voie: 12 rue des Forges, code_postal: "18100", commune: Vierzon, code_insee: "18279",'],
            ['  adresse: {voie: 14 rue des Forges, code_postal: "18100", commune: Vierzon, code_insee: "18279",'],
        ),
        # opening hours: quoted, as editors write them
        (
            ["horaires_accueil"],
            "Tu,Th 09:00-12:00; PH off",
            ['  horaires_accueil: "Tu,Th 09:00-12:00,14:00-17:30; PH off"'],
            ['  horaires_accueil: "Tu,Th 09:00-12:00; PH off"'],
        ),
    ],
)
def test_a_change_touches_its_own_lines_only(path, value, removed, added):
    after = set_value(PARTNERS, [EPICEA, *path], value)
    assert _diff(PARTNERS, after) == (removed, added)


def test_a_file_that_starts_with_a_byte_order_mark_keeps_it_and_changes_the_same_lines():
    # libyaml's marks do not count the mark, PyYAML's parser does: the value must still be found in place
    before = "\ufeff" + PARTNERS
    after = set_value(before, [EPICEA, "adresse", "voie"], "14 rue des Forges")
    assert after.startswith("\ufeff") and _diff(before, after) == _diff(
        PARTNERS, set_value(PARTNERS, [EPICEA, "adresse", "voie"], "14 rue des Forges")
    )


def test_a_block_of_text_is_rewritten_in_place_under_the_same_header():
    text = "Une ligne.\n\nUn second paragraphe,\nsur deux lignes."
    after = set_value(PARTNERS, [EPICEA, "description"], text)
    removed, added = _diff(PARTNERS, after)
    old = load_text(PARTNERS.encode(), "x").data[EPICEA]["description"].rstrip("\n").split("\n")
    assert removed == [f"    {line}" for line in old if line]  # the old text's lines, nothing else
    assert "  description: |" not in removed and [line for line in added if line] == [
        "    Une ligne.",
        "    Un second paragraphe,",
        "    sur deux lignes.",
    ]
    # the block ends with a line break, as its header says; the next field follows at once
    assert load_text(after.encode(), "x").data[EPICEA]["description"] == text + "\n"
    assert "    sur deux lignes.\n  adresse:" in after


def test_a_missing_field_is_added_after_the_last_one_of_its_block():
    after = set_value(PARTNERS, [EPICEA, "services", 0, "site_web"], "https://epicea.example.org/")
    assert _diff(PARTNERS, after) == ([], ["      site_web: https://epicea.example.org/"])


def test_a_block_list_is_written_again_at_its_column():
    data = load_text(PARTNERS.encode(), "x").data
    services = data[EPICEA]["services"]
    publics = services[0].get("publics")
    assert publics, "the first service of the sample lists its publics"
    after = set_value(PARTNERS, [EPICEA, "services", 0, "publics"], [*publics, "etudiants"])
    removed, added = _diff(PARTNERS, after)
    assert len(added) - len(removed) in (0, 1) and any("etudiants" in line for line in added)
    assert load_text(after.encode(), "x").data[EPICEA]["services"][0]["publics"] == [*publics, "etudiants"]


def test_what_cannot_be_written_cleanly_is_refused_in_french():
    with pytest.raises(EditError, match="n'existe pas"):
        set_value(PARTNERS, [EPICEA, "pas-un-champ", "voie"], "x")
    with pytest.raises(EditError, match="accolades"):
        set_value(PARTNERS, [EPICEA, "adresse", "complement"], "Bâtiment B")


def test_a_flow_mapping_keeps_its_braces_and_a_comment_its_place():
    recipe = (ROOT / "data" / "recipes" / "carottes-rapees-orange.yaml").read_text(encoding="utf-8")
    ingredients = load_text(recipe.encode(), "x").data["ingredients"]
    first = ingredients[0]
    # one value inside the braces
    after = set_value(recipe, ["ingredients", 0, "quantite"], 600)
    assert _diff(recipe, after) == (
        ["  - {nom: carottes, quantite: 500, unite: g, prix: 0.70}"],
        ["  - {nom: carottes, quantite: 600, unite: g, prix: 0.70}"],
    )
    # the whole entry replaced: written between braces again, on its line
    after = set_value(recipe, ["ingredients", 0], {**first, "quantite": 450})
    removed, added = _diff(recipe, after)
    assert removed == ["  - {nom: carottes, quantite: 500, unite: g, prix: 0.70}"]
    assert added == ["  - {nom: carottes, quantite: 450, unite: g, prix: 0.7}"]
    text = "nom: Ancien nom  # à vérifier\nstatut: actif\n"
    assert set_value(text, ["nom"], "Nouveau nom") == "nom: Nouveau nom  # à vérifier\nstatut: actif\n"
