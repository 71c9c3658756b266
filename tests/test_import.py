"""`site-build import data-inclusion`: new structures added as drafts, existing ones reported, file kept."""

import shutil

from data_inclusion.schema import v1

from site_build.cli import main
from site_build.data.checks.validate import has_errors, validate

from .conftest import FIXTURES, ROOT

EXPORT = [str(FIXTURES / "data-inclusion/structures.json"), str(FIXTURES / "data-inclusion/services.json")]


def test_the_fixture_is_a_valid_data_inclusion_export():
    import json

    for record in json.loads((FIXTURES / "data-inclusion/structures.json").read_text()):
        v1.Structure.model_validate(record)
    for record in json.loads((FIXTURES / "data-inclusion/services.json").read_text()):
        v1.Service.model_validate(record)


def test_import_adds_drafts_reports_existing_and_keeps_the_file(tmp_path, capsys):
    data = shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "content").symlink_to(ROOT / "content")
    before = (data / "partners.yaml").read_text(encoding="utf-8")

    assert main(["import", "data-inclusion", *EXPORT, "--commune", "18279", "--data", str(data), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "ajouté (à vérifier) : secours-populaire-francais-antenne-de-vierzon (1 service)" in out
    assert "caf-du-cher : « telephone » ici « 02 61 91 00 30 », data·inclusion « 02 61 91 99 99 »" in out
    assert "Vestiaire" in out and "bourges" not in out.lower()  # other commune left out
    assert (data / "partners.yaml").read_text(encoding="utf-8") == before  # dry run: nothing written

    assert main(["import", "data-inclusion", *EXPORT, "--commune", "18279", "--data", str(data)]) == 0
    after = (data / "partners.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)  # appended only: comments and order kept
    assert "# À vérifier : importé de data·inclusion (dora, a3f1c2d4-0001) le 2026-11-26." in after
    dataset, problems = validate(data)
    assert not has_errors(problems), [p.format() for p in problems if not p.warning]
    imported = dataset.partner_by_id["secours-populaire-francais-antenne-de-vierzon"]
    assert imported["telephone"] == "02 61 91 20 10" and imported["siret"] == "77566213900011"
    assert dataset.partner_by_id["caf-du-cher"]["telephone"] == "02 61 91 00 30"  # never overwritten
    assert any("informations à vérifier" in p.message for p in problems if "secours-populaire" in p.message)
    # a second import finds them again (SIRET, or the national id in the comment) and adds nothing
    capsys.readouterr()
    assert main(["import", "data-inclusion", *EXPORT, "--commune", "18279", "--data", str(data)]) == 0
    again = capsys.readouterr().out
    assert "ajouté" not in again and "Point conseil budget de Vierzon » : déjà importé" in again
    assert (data / "partners.yaml").read_text(encoding="utf-8") == after
