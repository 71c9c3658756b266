"""The territory dashboard (pro, /tableau-de-bord/): counts that match the data exactly, on a
directory small enough to count by hand; the same numbers in the page and the CSV files; never in
the public build."""

from __future__ import annotations

import csv
import io
from datetime import date

from site_build.data.analytics.territory import dashboard_tables, typical_week
from site_build.data.checks.validate import validate
from site_build.data.model.profile import PRO

from .conftest import ROOT, build_with_page_changed

# Beside the fixture's Épicéa (Vierzon, food, families, Tu/Th daytime) and CAF (Vierzon, rights,
# families, weekdays): a food bank in Bourges open on Saturday and in the evening for everyone, a
# night shelter open every day without a fiche of its hours, and a closed place that counts nowhere.
MORE_PARTNERS = """
- id: banque-bourges
  nom: Banque alimentaire de Bourges
  adresse: {voie: 3 rue du Port, code_postal: "18000", commune: Bourges}
  horaires_accueil: "Mo-Fr 17:00-19:00; Sa 09:00-12:00; PH off"
  accessibilite_lieu: https://acceslibre.beta.gouv.fr/app/18-bourges/a/banque/
  date_verification: 2024-01-10
  services:
    - id: banque-bourges--colis
      nom: Colis alimentaires
      types: [aide-materielle]
      thematiques: [equipement-et-alimentation--alimentation]
      publics: [tous-publics]
      frais: [gratuit]
      modes_mobilisation: [se-presenter]
      langues: [fr, ar]
- id: accueil-de-nuit
  nom: Accueil de nuit
  adresse: {voie: 1 place de la Gare, code_postal: "18100", commune: Vierzon}
  date_verification: 2026-10-01
  services:
    - id: accueil-de-nuit--droits
      nom: Permanence d'accès aux droits
      types: [accompagnement]
      thematiques: [difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives]
      publics: [personnes-exilees]
      frais: [participation-symbolique]
      modes_mobilisation: [telephoner]
      langues: [fr]
- id: ancien-resto
  nom: Ancien restaurant solidaire
  adresse: {voie: 2 rue Vieille, code_postal: "18100", commune: Vierzon}
  statut: ferme
  date_verification: 2026-10-01
  services:
    - id: ancien-resto--repas
      nom: Repas
      types: [aide-materielle]
      thematiques: [equipement-et-alimentation--alimentation]
      publics: [tous-publics]
"""
TODAY = date(2026, 11, 26)


def _tables(valid_data):
    path = valid_data / "partners.yaml"
    path.write_text(path.read_text(encoding="utf-8") + MORE_PARTNERS, encoding="utf-8")
    dataset, problems = validate(valid_data, TODAY)
    assert not [p.format() for p in problems if not p.warning]
    view = PRO.view(dataset)
    return {t.id: t for t in dashboard_tables(view, PRO.records(view), TODAY)}


def test_coverage_by_need_and_commune_and_public_counts_every_open_service_once(valid_data):
    tables = _tables(valid_data)
    communes = tables["besoins-communes"]
    assert communes.columns == ("Vierzon", "Bourges")  # most services first; the closed place is not counted
    assert communes.rows == (("Manger", (1, 1)), ("Papiers et droits", (2, 0)))
    assert communes.gaps() == [("Papiers et droits", ("Bourges",))]
    assert communes.totals == (("Manger", 2), ("Papiers et droits", 2))
    publics = tables["besoins-publics"]
    assert publics.columns[2] == "Familles" and publics.columns[4] == "Personnes exilées"
    # the food bank is for everyone: it counts for each public
    assert publics.rows == (("Manger", (1, 1, 2, 1, 1)), ("Papiers et droits", (0, 0, 1, 0, 1)))


def test_hours_over_a_typical_week_and_access_terms(valid_data):
    assert typical_week(TODAY) == date(2026, 11, 30)  # the next Monday; that week has no public holiday
    assert typical_week(date(2026, 12, 20)) == date(2027, 1, 4)  # Christmas and New Year's weeks skipped
    tables = _tables(valid_data)
    hours = tables["besoins-horaires"]
    assert hours.columns == (
        "Le soir (après 18 h)",
        "Le samedi",
        "Le dimanche",
        "Entre midi et 14 h",
        "Sans horaires",
        "Services",
    )
    # food: the food bank until 19:00 and on Saturday; Épicéa closes 12:00-14:00, so nobody at lunch
    assert hours.rows[0] == ("Manger", (1, 1, 0, 0, 0, 2))
    # rights: the CAF reopens at 13:30, before 14 h; the night shelter has no hours written
    assert hours.rows[1] == ("Papiers et droits", (0, 0, 0, 1, 1, 2))
    assert ("Manger", ("Le dimanche", "Entre midi et 14 h")) in hours.gaps()  # "no hours" is not a lack
    access = tables["besoins-acces"]
    assert access.rows == (("Manger", (1, 0, 1, 0, 1)), ("Papiers et droits", (0, 1, 0, 1, 0)))
    assert dict(tables["langues"].rows) == {"français": (2,), "arabe": (1,), "Non renseigné": (2,)}


def test_entries_overdue_by_partner_with_the_oldest_first(valid_data):
    freshness = _tables(valid_data)["fraicheur"]
    # the food bank and its service inherit the 2024 check: both overdue on the build day
    assert freshness.rows == (("Banque alimentaire de Bourges", (2, "10/01/2024")),)


def test_the_page_and_its_csv_files_give_the_same_numbers_in_the_pro_build_only(built_sites):
    pro = built_sites["pro"] / "tableau-de-bord"
    page = (pro / "index.html").read_text(encoding="utf-8")
    assert "Tableau de bord du territoire" in page and page.count('class="gp-graphique"') == 6
    rows = list(csv.reader(io.StringIO((pro / "besoins-communes.csv").read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Besoin", "Vierzon", "Bourges"]
    for name, *values in rows[1:]:
        cells = "".join("<td" + (' class="gp-zero"' if v == "0" else "") + f">{v}</td>" for v in values)
        assert f'<th scope="row">{name.replace(chr(39), "&#39;")}</th>{cells}' in page, name
    assert 'href="besoins-communes.csv" download' in page
    assert not (built_sites["public"] / "tableau-de-bord").exists()


def test_a_hand_written_page_quotes_the_figures_of_the_data(built_sites):
    from site_build.data.analytics.territory import territory_figures
    from site_build.data.model.profile import PUBLIC

    dataset, _ = validate(ROOT / "data", TODAY)
    view = PUBLIC.view(dataset)
    figures = territory_figures(view, PUBLIC.records(view), TODAY)
    page = (built_sites["public"] / "guide/professionnels/index.html").read_text(encoding="utf-8")
    assert f"<strong>{figures['services']} services</strong>" in page and "{chiffre" not in page
    assert f"<strong>{figures['cases-sans-service']} croisements" in page
    # the same count as the dashboard's zero cells
    pro = (built_sites["pro"] / "tableau-de-bord/index.html").read_text(encoding="utf-8")
    assert f"<strong>{figures['cases-sans-service']} cases à zéro</strong>" in pro


def test_an_unknown_figure_stops_the_build_with_its_line(tmp_path):
    result, site = build_with_page_changed(tmp_path, "guide/professionnels.md", "{chiffre besoins}", "{chiffre besoin}")
    assert result.returncode == 1
    assert "content/guide/professionnels.md:" in result.stderr
    assert "le chiffre « besoin » n'existe pas ; écrivez l'un de : besoins, cases-sans-service" in result.stderr
    assert "Traceback" not in result.stderr and not site.exists()


def test_on_the_sample_data_each_need_counts_the_services_its_yaml_lists():
    """Counted again straight from data/partners.yaml, without the typed records."""
    from site_build.data.model.needs import expanded

    dataset, _ = validate(ROOT / "data", TODAY)
    table = {t.id: t for t in dashboard_tables(dataset, PRO.records(dataset), TODAY)}["besoins-communes"]
    for need in dataset.needs:
        themes = expanded(need["thematiques"])
        expected = {
            commune: sum(
                1
                for p in dataset.partners
                if p.get("statut") != "ferme" and p["adresse"]["commune"] == commune
                for s in p.get("services") or []
                if themes & set(s["thematiques"])
            )
            for commune in table.columns
        }
        assert dict(zip(table.columns, dict(table.rows)[need["nom"]], strict=True)) == expected, need["id"]


def test_contributing_lists_every_figure_a_page_may_quote():
    import re

    from site_build.data.analytics.territory import territory_figures

    dataset, _ = validate(ROOT / "data", TODAY)
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    listed = text.split("Les chiffres possibles :", 1)[1].split("\n-", 1)[0]
    assert set(re.findall(r"`([a-z-]+)`", listed)) == set(territory_figures(dataset, PRO.records(dataset), TODAY))
