"""`site-build report`: which records are due for checking, as a table for people or CSV for a sheet."""

from __future__ import annotations

import csv
from datetime import date
from typing import TextIO

from site_build.data.analytics.freshness import freshness_rows
from site_build.data.loading.dataset import Dataset
from site_build.i18n.review import ToReview
from site_build.text.spreadsheet import safe_row


def write_report(
    dataset: Dataset, today: date, out: TextIO, as_csv: bool = False, translations: list[ToReview] | None = None
) -> None:
    """One line per partner, service and professional, the most overdue first; then the translations
    still to check."""
    writer = csv.writer(out) if as_csv else None
    if writer:
        writer.writerow(("type", "id", "nom", "verifie_le", "a_verifier_avant", "en_retard"))
    else:
        print(f"{'':9}  {'à vérifier':10}  {'type':13} id", file=out)
    for row in freshness_rows(dataset, today):
        due = row.due.isoformat() if row.due else ""
        if writer:
            writer.writerow(
                safe_row((row.kind, row.ident, row.name, row.checked, due, "oui" if row.late(today) else "non"))
            )
        else:
            print(f"{'EN RETARD' if row.late(today) else '':9}  {due:10}  {row.kind:13} {row.ident}", file=out)
    translations = translations or []
    if writer:
        for item in translations:
            writer.writerow(safe_row(("traduction", f"{item.language}:{item.where}", item.what, "", "", "oui")))
    elif translations:
        print("\nTraductions à relire (par une personne dont c'est la langue) :", file=out)
        for item in translations:
            print(f"  {item.language}  {item.where} : {item.what}", file=out)
