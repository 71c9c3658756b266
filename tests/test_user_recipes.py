"""Users' know-how: a recipe credits the person who shared it, by first name and only with their
recorded consent, or « un groupe d'usagers »; the recipe index can show them alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_build.data.checks.validate import validate

from .conftest import open_page


def _credited(valid_data: Path, block: str) -> list[tuple[int, str]]:
    recipe = valid_data / "recipes/soupe-de-potiron.yaml"
    recipe.write_text(recipe.read_text(encoding="utf-8") + block, encoding="utf-8")
    _, problems = validate(valid_data)
    return [(p.line, p.message) for p in problems if not p.warning]


def test_a_first_name_with_consent_or_a_group_is_valid(valid_data):
    assert _credited(valid_data, "partagee_par:\n  prenom: Awa\n  accord: true\n") == []


@pytest.mark.parametrize(
    "block,line,words",
    [
        ("partagee_par:\n  prenom: Awa\n", 19, "un prénom n'est publié qu'avec l'accord écrit"),
        ("partagee_par:\n  prenom: Awa Diallo\n  accord: true\n", 19, "le prénom seul, sans nom de famille"),
        ("partagee_par:\n  prenom: Awa\n  groupe: true\n  accord: true\n", 18, "mais pas les deux"),
        ("partagee_par:\n  texte: merci\n", 18, "écrivez le prénom de la personne"),
    ],
)
def test_a_name_without_consent_or_with_a_surname_is_refused_at_its_line(valid_data, block, line, words):
    errors = _credited(valid_data, block)
    assert len(errors) == 1 and errors[0][0] == line and words in errors[0][1], errors


def test_the_credit_on_the_recipe_page(built_sites):
    page = (built_sites["public"] / "recettes/houmous-maison/index.html").read_text(encoding="utf-8")
    assert "Recette partagée par Yasmina, <span>qui l&#39;a fait goûter au forum du goût</span>." in page
    group = (built_sites["public"] / "recettes/veloute-de-potimarron/index.html").read_text(encoding="utf-8")
    assert "Recette partagée par un groupe d&#39;usagers" in group


def test_the_recipe_index_shows_the_users_recipes_alone(browser, site_urls):
    context, page, errors = open_page(browser, site_urls["public"] + "/recettes/")
    try:
        page.wait_for_selector("[data-gp-recettes][data-ready='1']")
        page.check("#gp-usagers")
        cards = page.locator("[data-gp-recettes] .gp-carte:visible")
        assert cards.count() == 5  # four first names with consent, one group
        assert all("recette d'usager" in text for text in cards.all_inner_texts())
        assert "usagers=1" in page.url
        assert errors == []
    finally:
        context.close()


def test_epicebon_workshops_show_on_the_recipe_and_in_the_week_they_fall_in(built_sites):
    recipe = (built_sites["public"] / "recettes/veloute-de-potimarron/index.html").read_text(encoding="utf-8")
    assert "<strong>Démonstration Épicé&#39;bon</strong> : jeudi 15 octobre 2026, de 10 h à 11 h 30" in recipe
    assert "<strong>Atelier Épicé&#39;bon</strong> : mardi 8 décembre 2026, de 14 h à 16 h" in recipe
    week = (built_sites["public"] / "semaine-du-gout/2026/index.html").read_text(encoding="utf-8")
    thursday = week.split('data-jour="2026-10-15"', 1)[1].split("</section>", 1)[0]
    assert "Épicé'bon : Velouté de potimarron" in thursday and "L&#39;aliment du mois : Le potimarron" in thursday
    assert "Épicé'bon :" not in week.split('data-jour="2026-10-15"', 1)[0]  # only on its day


def test_a_workshop_at_an_unknown_place_is_refused(valid_data):
    errors = _credited(valid_data, 'ateliers:\n  - {jour: 2026-12-08, debut: "14:00", fin: "16:00", lieu: epicerie}\n')
    assert len(errors) == 1 and errors[0][0] == 19 and "le lieu « epicerie » n'existe pas" in errors[0][1]
