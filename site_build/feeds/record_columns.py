"""The open-data columns of partners, services and people, read from the one declaration of each
field: its JSON Schema property (data/loading/schemas.py) says `column(…)` or `unpublished(…)`.

From it come both the Table Schema field (name, title, type, constraints) and the value of each
row, read from the typed records. A field added to the schema with `column(…)` is published
without another line anywhere; one that says neither fails tests/test_fields.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from site_build.data.loading.schemas import PARTNER, PROFESSIONAL, SERVICE

COLUMN, UNPUBLISHED = "x-colonne", "x-hors-donnees-ouvertes"


def joined(values: Iterable[str] | None) -> str:
    """A list in one cell: its values separated by commas (the open data's rule for lists)."""
    return ",".join(values or [])


def list_field(name: str, title: str, words: Iterable[str] | None = None) -> dict[str, Any]:
    """The Table Schema field of a list cell; with `words`, only those may appear in it."""
    found: dict[str, Any] = {"name": name, "type": "string", "title": title}
    found["description"] = "Valeurs séparées par des virgules."
    if words:
        either = "|".join(words)
        found["constraints"] = {"pattern": f"^(({either})(,({either}))*)?$"}
    return found


@dataclass(frozen=True)
class Column:
    name: str  # in the CSV
    title: str
    path: tuple[str, ...]  # the attributes that lead to the value in a record: ("adresse", "voie")
    schema: dict[str, Any]  # the property's JSON Schema
    required: bool
    first: str = ""  # of a list: the attribute of its first item

    def value(self, record: Any) -> Any:
        for name in self.path:
            record = getattr(record, name, None)
        if self.first:
            return getattr(record[0], self.first) if record else None
        if isinstance(record, tuple):
            return joined(record)
        if isinstance(record, date):
            return record.isoformat()
        return None if record == "" else record

    @property
    def field(self) -> dict[str, Any]:
        """The Table Schema field (Frictionless checks every published row against it)."""
        schema = self.schema
        if self.first:
            schema = schema["items"]["properties"][self.first]
        if schema.get("type") == "array":
            return list_field(self.name, self.title, schema["items"].get("enum"))
        kind = {"number": "number", "integer": "integer", "boolean": "boolean"}.get(schema.get("type", ""), "string")
        if schema.get("format") == "date":
            kind = "date"
        constraints: dict[str, Any] = {"required": True} if self.required else {}
        if "enum" in schema:
            constraints["enum"] = schema["enum"]
        if "pattern" in schema and kind == "string" and not schema.get("x-texte-simple"):
            constraints["pattern"] = schema["pattern"]
        constraints |= {k: schema[k] for k in ("minimum", "maximum") if k in schema}
        return {"name": self.name, "type": kind, "title": self.title} | (
            {"constraints": constraints} if constraints else {}
        )


def columns(schema: dict[str, Any], path: tuple[str, ...] = ()) -> list[Column]:
    """The published columns of a record's schema, in its properties' order (an object without a
    column of its own, such as the address, gives its properties' columns in place)."""
    found = []
    required = set(schema.get("required", ()))
    for name, prop in schema["properties"].items():
        spec = prop.get(COLUMN)
        if spec:
            is_list = prop.get("type") == "array" and not spec.get("premier")
            found.append(
                Column(
                    spec.get("nom", name),
                    spec["titre"],
                    (*path, name),
                    prop,
                    name in required and not path and not is_list,
                    spec.get("premier", ""),
                )
            )
        elif prop.get("type") == "object" and UNPUBLISHED not in prop:
            found += columns(prop, (*path, name))
    return found


def undeclared(schema: dict[str, Any], where: str) -> list[str]:
    """The properties that say neither under which column they are published nor why not."""
    missing = []
    for name, prop in schema["properties"].items():
        if COLUMN in prop or UNPUBLISHED in prop:
            continue
        if prop.get("type") == "object" and "properties" in prop:
            missing += undeclared(prop, f"{where}.{name}")
        else:
            missing.append(f"{where}.{name}")
    return missing


PARTNER_COLUMNS = columns(PARTNER)
SERVICE_COLUMNS = columns(SERVICE)
PROFESSIONAL_COLUMNS = columns(PROFESSIONAL)
# A service row names its partner: the one column that is not a field of the service
PARTNER_KEY = Column("partenaire_id", "Partenaire", ("partenaire_id",), {"type": "string"}, True)


def rows(records: Iterable[Any], table: list[Column]) -> list[dict[str, Any]]:
    return [{column.name: column.value(record) for column in table} for record in records]
