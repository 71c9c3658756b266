"""Editors' tooling, checked statically: GitHub workflows, pre-commit, VS Code schemas, CONTRIBUTING.md."""

import fnmatch
import json
import re
import subprocess
import sys
import textwrap

import jsonschema
import yaml

from site_build.data.loading.schemas import SCHEMAS

from .conftest import ROOT
from .helpers import read_yaml

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def _make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), re.M))


def test_workflows_are_valid_against_the_published_schema():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_run_the_makefile_commands():
    targets = _make_targets()
    steps = {
        path.name: [s for job in yaml.safe_load(path.read_text())["jobs"].values() for s in job["steps"]]
        for path in WORKFLOWS
    }
    for name, found in steps.items():
        if name == "proposition.yml":  # talks to GitHub (gh) around appliquer: tests/test_workflows.py checks it
            continue
        for step in found:
            for line in step.get("run", "").splitlines():
                command = line.strip()
                if command.startswith("make "):
                    assert command.split()[1] in targets, (name, command)
                else:  # only the calendar's commit step does more than call make
                    assert command.startswith(("git ", "if ", "fi")) or not command, (name, command)
    pull_request = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text())
    assert "pull_request" in pull_request[True]  # YAML 1.1 reads the "on" key as True
    runs = [s.get("run") for s in steps["pull-request.yml"]]
    assert ["make validate", "make site", "make test"] == [r for r in runs if r]
    assert any(
        s.get("uses", "").startswith("actions/upload-artifact") and s["with"]["path"] == "site/"
        for s in steps["pull-request.yml"]
    )
    publish = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text())
    assert publish[True]["push"]["branches"] == ["main"] and publish[True]["schedule"]
    uses = [s.get("uses", "") for s in steps["publish.yml"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)


def test_pre_commit_runs_the_validation_on_data():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    hook = hooks["valider-les-donnees"]
    assert hook["entry"] == "make validate" and hook["entry"].split()[1] in _make_targets()
    assert re.search(hook["files"], "data/partners.yaml") and re.search(hook["files"], "data/recipes/x.yaml")
    assert all(h["entry"].split()[1] in _make_targets() for h in hooks.values())  # ruff too: `make lint`


def test_vscode_maps_every_data_file_to_its_schema():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text())
    mapping = settings["yaml.schemas"]
    for schema in mapping:
        assert (ROOT / schema).is_file(), schema
    for path in (ROOT / "data").rglob("*.yaml"):
        relative = path.relative_to(ROOT).as_posix()
        schemas = [s for s, globs in mapping.items() if any(fnmatch.fnmatch(relative, g) for g in globs)]
        assert len(schemas) == 1, relative
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.endswith(schemas[0].lstrip(".").split("/schemas/")[1]), relative


def test_contributing_templates_are_valid_and_links_resolve():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    headings = {
        re.sub(r" ", "-", re.sub(r"[^\w\- ]", "", h.strip().lower())) for h in re.findall(r"^#+ (.+)$", text, re.M)
    }
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):
        assert anchor in headings, anchor
    templates = text.split("## 5. Modèles à copier")[1].split("## 6.")[0]
    blocks = re.findall(r"```yaml\n(.*?)```", templates, re.S)
    partner_item = SCHEMAS["partners"]["items"]
    kinds = [
        partner_item,
        partner_item["properties"]["services"]["items"],
        SCHEMAS["professionals"]["items"],
        SCHEMAS["interventions"]["items"],
        SCHEMAS["recipe"],
    ]
    for block, schema in zip(blocks[: len(kinds)], kinds, strict=True):  # the liaison form block is checked elsewhere
        data = yaml.safe_load(textwrap.dedent(block))
        data = data[0] if isinstance(data, list) else data
        data = json.loads(json.dumps(data, default=str))  # dates as the loader gives them
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker(["date"])).validate(data)
    assert len(blocks) >= 5
    # every kind of message the corpus produces is explained in the table
    assert text.count("\n| ") > 30


def test_contributing_translation_examples_are_valid():
    """The examples of « Traduire le guide »: a need, a recipe, an Épi'santé date, as editors copy them."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split("## 8. Traduire le guide")[1]
    found = re.findall(r"```yaml\n(.*?)```", text, re.S)
    blocks = [yaml.safe_load(textwrap.dedent(b)) for b in found if not b.startswith("---")]  # not front matter
    need, partner, passage, recipe, event = (
        b for b in blocks if isinstance(b, list | dict) and "traductions" in str(b)
    )
    validator = jsonschema.Draft202012Validator
    validator(SCHEMAS["needs"]["items"]).validate(need[0])
    # a partner and its service, then a bus passage: the translations as the schema takes them
    partner_schema = SCHEMAS["partners"]["items"]
    validator(partner_schema["properties"]["traductions"]).validate(partner[0]["traductions"])
    service = partner[0]["services"][0]
    validator(partner_schema["properties"]["services"]["items"]["properties"]["traductions"]).validate(
        service["traductions"]
    )
    assert len(service["traductions"]["en"]["justificatifs"]) == len(service["justificatifs"])
    bus_day = SCHEMAS["edition"]["properties"]["bus"]["properties"]["tournees"]["items"]
    validator(bus_day["properties"]["passages"]["items"]).validate(passage[0])
    validator(SCHEMAS["recipe"]["properties"]["traductions"]).validate(recipe["traductions"])
    validator(SCHEMAS["interventions"]["items"]["properties"]["traductions"]).validate(event["traductions"])
    hummus = read_yaml(ROOT / "data/recipes/houmous-maison.yaml")
    english = recipe["traductions"]["en"]
    assert len(english["ingredients"]) == len(hummus["ingredients"])  # one name per French line
    assert len(english["etapes"]) == len(hummus["etapes"])
