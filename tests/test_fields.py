"""One declaration per field: a partner's, a service's or a person's field is declared in its JSON
Schema (data/loading/schemas.py, with its open-data column) and typed once (data/model/records.py); the open data
derives from them. A field declared in one place and not the other fails here, naming the file."""

from __future__ import annotations

import dataclasses
from datetime import date

from site_build.data.loading.schemas import PARTNER, PROFESSIONAL, SERVICE, column
from site_build.data.model import records
from site_build.feeds.datapackage import TABLES
from site_build.feeds.record_columns import PARTNER_COLUMNS, columns, rows, undeclared

# Each schema object and the typed record built from it
TYPED = [
    (PARTNER, records.Partner, "partenaire"),
    (PARTNER["properties"]["adresse"], records.Address, "partenaire.adresse"),
    (SERVICE, records.Service, "service"),
    (PROFESSIONAL, records.Professional, "professionnel"),
]


def test_every_field_says_whether_the_open_data_publishes_it():
    missing = undeclared(PARTNER, "partenaire") + undeclared(SERVICE, "service")
    missing += undeclared(PROFESSIONAL, "professionnel")
    assert missing == [], (
        "site_build/data/loading/schemas.py: add column(« titre ») or unpublished(« raison ») to " + ", ".join(missing)
    )


def test_every_field_of_the_schema_is_typed_and_every_typed_field_is_in_the_schema():
    for schema, record, where in TYPED:
        typed = {field.name for field in dataclasses.fields(record) if "set_by" not in field.metadata}
        declared = set(schema["properties"])
        assert declared - typed == set(), (
            f"site_build/data/model/records.py: {record.__name__} lacks {declared - typed}"
        )
        assert typed - declared == set(), f"site_build/data/loading/schemas.py: {where} lacks {typed - declared}"


def test_the_open_data_tables_are_the_declared_columns():
    names = [field["name"] for field in TABLES["partenaires"][2]]
    assert names == [column.name for column in PARTNER_COLUMNS]
    assert {"voie", "code_postal", "horaires_distribution", "date_verification"} <= set(names)
    assert "description" not in names and "siret" not in names
    services = [field["name"] for field in TABLES["services"][2]]
    assert services[:3] == ["id", "partenaire_id", "nom"] and "lien_mobilisation" in services
    people = {field["name"]: field for field in TABLES["professionnels"][2]}
    assert "telephone" in people and "permanences" not in people and "visibilite" not in people


def test_a_new_field_is_published_from_its_declaration_alone():
    # a field added to a test-only copy of the partner schema and record: no other line anywhere
    schema = {**PARTNER, "properties": {**PARTNER["properties"], "champ_d_essai": {"type": "string"} | column("Bus")}}
    fields = [(f.name, f.type, f) for f in dataclasses.fields(records.Partner)]
    extended = dataclasses.make_dataclass(
        "PartnerWithOneMore",
        [(name, kind, field) for name, kind, field in fields] + [("champ_d_essai", str, dataclasses.field(default=""))],
        frozen=True,
    )
    address = records.Address("2 rue Haute", "18100", "Vierzon")
    partner = extended(id="x", nom="X", adresse=address, date_verification=date(2026, 11, 1), champ_d_essai="Ligne 2")
    table = columns(schema)
    assert table[-1].field == {"name": "champ_d_essai", "type": "string", "title": "Bus"}
    [row] = rows([partner], table)
    assert (
        row["champ_d_essai"] == "Ligne 2" and row["voie"] == "2 rue Haute" and row["date_verification"] == "2026-11-01"
    )
