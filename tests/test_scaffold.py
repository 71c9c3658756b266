"""`site-build new`: valid skeletons, fresh ids, the existing file kept as it was."""

import shutil

import pytest

from site_build.cli import main
from site_build.data.checks.validate import has_errors, validate

from .conftest import ROOT


@pytest.fixture
def project(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "content").symlink_to(ROOT / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_skeleton_validates_and_keeps_the_file_as_it_was(project):
    before = (project / "data/partners.yaml").read_text(encoding="utf-8")
    for command in (
        ["new", "partner"],
        ["new", "partner"],
        ["new", "service", "--partenaire", "caf-du-cher"],
        ["new", "service", "--partenaire", "nouvelle-structure"],
        ["new", "recipe"],
        ["new", "professional", "--partenaire", "epicea"],
        ["new", "intervention"],
    ):
        assert main(command) == 0, command
    dataset, problems = validate(project / "data")
    assert not has_errors(problems), [p.format() for p in problems if not p.warning]
    assert {"nouvelle-structure", "nouvelle-structure-2"} <= set(dataset.partner_by_id)
    assert "caf-du-cher--nouveau-service" in dataset.service_by_id
    assert dataset.partner_of_service["nouvelle-structure--nouveau-service"]["id"] == "nouvelle-structure"
    after = (project / "data/partners.yaml").read_text(encoding="utf-8")
    # every original line (comments included) is still there, in order
    original = before.splitlines()
    remaining = iter(after.splitlines())
    assert all(any(line == other for other in remaining) for line in original)
    assert "nouvelle-recette" in dataset.recipes and "nouvelle-personne" in {p["id"] for p in dataset.professionals}


def test_unknown_partner_is_refused_in_french(project, capsys):
    assert main(["new", "service", "--partenaire", "nulle-part"]) == 1
    assert "la structure « nulle-part » n'existe pas" in capsys.readouterr().err
    assert main(["new", "professional"]) == 2
