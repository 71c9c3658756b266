"""Open data: the Data Package, data·inclusion v1 and Open Referral HSDS 3.0 exports, checked with the
official schemas."""

import json
import shutil
import subprocess
import sys

import frictionless
from data_inclusion.schema import v1

from .conftest import FIXTURES

HSDS = FIXTURES / "hsds-3.0" / "datapackage.json"  # Open Referral's descriptor, CC BY-SA 4.0 (see LICENCE.md there)


def test_frictionless_cli_validates_the_published_package(built_sites):
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", str(built_sites["public"] / "donnees/datapackage.json")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    package = json.loads((built_sites["public"] / "donnees/datapackage.json").read_text(encoding="utf-8"))
    names = {r["name"] for r in package["resources"]}
    assert {
        "partenaires",
        "services",
        "professionnels",
        "recettes",
        "ingredients",
        "interventions",
        "occurrences",
    } <= names
    assert package["licenses"][0]["name"] == "etalab-2.0" and package["sources"]
    occurrences = next(r for r in package["resources"] if r["name"] == "occurrences")
    assert occurrences["schema"]["foreignKeys"][0]["reference"]["resource"] == "interventions"


def test_data_inclusion_export_is_valid_against_the_official_models(built_sites):
    folder = built_sites["public"] / "donnees/data-inclusion"
    structures = json.loads((folder / "structures.json").read_text(encoding="utf-8"))
    services = json.loads((folder / "services.json").read_text(encoding="utf-8"))
    assert len(structures) >= 30 and len(services) >= 50
    for record in structures:
        v1.Structure.model_validate(record)
    for record in services:
        v1.Service.model_validate(record)
    ids = {s["id"] for s in structures}
    assert all(s["structure_id"] in ids for s in services)


def test_hsds_export_is_valid_against_the_hsds_3_tabular_package(built_sites, tmp_path):
    exported = built_sites["public"] / "donnees/hsds"
    descriptor = json.loads(HSDS.read_text(encoding="utf-8"))
    produced = {p.name for p in exported.glob("*.csv")}
    descriptor["resources"] = [r for r in descriptor["resources"] if r["path"] in produced]
    assert len(descriptor["resources"]) == len(produced) >= 10  # every file we publish is an HSDS table
    for name in produced:
        shutil.copyfile(exported / name, tmp_path / name)
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:10]
    schedules = (exported / "schedules.csv").read_text(encoding="utf-8")
    assert "WEEKLY" in schedules and "08:30:00" in schedules and "fermé les jours fériés" in schedules


def test_donnees_page_describes_licence_freshness_and_downloads(built_sites):
    page = (built_sites["public"] / "donnees/index.html").read_text(encoding="utf-8")
    assert "Licence Ouverte / Open Licence 2.0" in page and "données publiées le 26 novembre 2026" in page
    for link in ("datapackage.json", "data-inclusion/structures.json", "hsds/services.csv", "occurrences.csv"):
        assert f'href="{link}"' in page


def test_the_departement_of_an_address_comes_from_the_national_table():
    from site_build.feeds.departments import department_of

    assert department_of("18100") == "Cher"  # the sample's
    assert department_of("59000") == "Nord"  # and any other territory's
    assert department_of("20000") == "Corse-du-Sud" and department_of("20200") == "Haute-Corse"
    assert department_of("97400") == "La Réunion"
    assert department_of("99999") == "99"  # not a French code: its first digits, as before
