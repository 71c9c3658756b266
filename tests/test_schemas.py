import json

import jsonschema

from site_build.data.loading.dataset import SCHEMA_COMMENT
from site_build.data.loading.schemas import SCHEMA_DIR, SCHEMAS, schema_text
from site_build.data.loading.vocabularies import VOCABULARIES

from .conftest import ROOT


def test_committed_schemas_are_up_to_date():
    for name in SCHEMAS:
        committed = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_text(name), f"run `site-build schemas`: {name}.schema.json is out of date"
    from site_build.data.loading.vocabularies import NATIONAL_FILE, national_text

    assert NATIONAL_FILE.read_text(encoding="utf-8") == national_text(), "run `site-build schemas`"


def test_schemas_are_valid_draft_2020_12_and_closed():
    for schema in SCHEMAS.values():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"].endswith("2020-12/schema")

    def closed(node):
        if isinstance(node, dict):
            if node.get("type") == "object":
                assert node.get("additionalProperties") is False, node.get("description")
            for value in node.values():
                closed(value)
        elif isinstance(node, list):
            for value in node:
                closed(value)

    closed(SCHEMAS)


def test_every_data_file_points_at_its_schema():
    for path in (ROOT / "data").rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(SCHEMA_COMMENT), path
        target = (path.parent / first[len(SCHEMA_COMMENT) :]).resolve()
        assert target.is_file() and target.parent == SCHEMA_DIR, path


def test_vocabularies_are_the_national_ones_plus_marked_local_additions():
    from data_inclusion.schema import v1

    national = {m.value for m in v1.Thematique}
    ours = {t.slug: t for t in VOCABULARIES["thematiques"]}
    assert national <= set(ours)
    assert all(ours[slug].local for slug in set(ours) - national)
    assert len(VOCABULARIES["allergenes"]) == 14
    partners = json.loads((SCHEMA_DIR / "partners.schema.json").read_text(encoding="utf-8"))
    publics = partners["items"]["properties"]["services"]["items"]["properties"]["publics"]["items"]["enum"]
    assert "familles" in publics


def test_fast_validator_agrees_with_the_detailed_one_on_every_fixture():
    # The Rust fast path skips the Python validator on valid files: it must never call a broken file valid.
    from site_build.data.loading.schema_messages import fast_validator, validator
    from site_build.data.loading.yaml_loader import LoadError, load_file

    checked = 0
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.yaml")):
        kind = path.name.split("--")[0] if "--" in path.name else None
        name = {
            "partners": "partners",
            "professionals": "professionals",
            "interventions": "interventions",
            "recipes": "recipe",
            "forms": "form",
        }.get(kind or path.parent.name)
        if name is None and path.name in ("partners.yaml", "professionals.yaml", "interventions.yaml"):
            name = path.stem
        if name is None:
            continue
        try:
            data = load_file(path, path.name).data
        except LoadError:
            continue
        detailed_valid = not any(True for _ in validator(name).iter_errors(data))
        assert fast_validator(name).is_valid(data) == detailed_valid, path
        checked += 1
    assert checked >= 30
