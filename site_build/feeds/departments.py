"""France's départements, from a postal code: the HSDS address's `state_province`. The national table
(departements.csv, beside this module) serves any territory's guide."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

_TABLE = Path(__file__).with_name("departements.csv")


@cache
def _names() -> dict[str, str]:
    with _TABLE.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["nom"] for row in csv.DictReader(handle)}


def department_of(postal_code: str) -> str:
    """The département's name for a postal code; its first digits when the code is not French
    (or not a code): « 75011 » → « Paris », « 20090 » → « Corse-du-Sud », « 97400 » → « La Réunion »."""
    names = _names()
    if postal_code.startswith("97"):
        code = postal_code[:3]
    elif postal_code.startswith("20") and len(postal_code) == 5:
        code = "2A" if postal_code[2] in "01" else "2B"  # Ajaccio's side from 200xx and 201xx
    else:
        code = postal_code[:2]
    return names.get(code, postal_code[:2])
