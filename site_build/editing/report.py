"""`site-build report`: which records are due for checking, as a table for people or CSV for a sheet."""

from __future__ import annotations

import csv
from datetime import date
from typing import TextIO

from site_build.data.dataset import Dataset
from site_build.data.freshness import freshness_rows


def write_report(dataset: Dataset, today: date, out: TextIO, as_csv: bool = False) -> None:
    """One line per partner, service and professional, the most overdue first."""
    writer = csv.writer(out) if as_csv else None
    if writer:
        writer.writerow(("type", "id", "nom", "verifie_le", "a_verifier_avant", "en_retard"))
    else:
        print(f"{'':9}  {'à vérifier':10}  {'type':13} id", file=out)
    for row in freshness_rows(dataset, today):
        due = row.due.isoformat() if row.due else ""
        if writer:
            writer.writerow((row.kind, row.ident, row.name, row.checked, due, "oui" if row.late(today) else "non"))
        else:
            print(f"{'EN RETARD' if row.late(today) else '':9}  {due:10}  {row.kind:13} {row.ident}", file=out)
