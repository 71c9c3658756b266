"""The territory dashboard's tables as CSV files (/tableau-de-bord/<table>.csv), for a spreadsheet:
semicolons and a byte-order mark, as French spreadsheets expect, the same numbers as the page."""

from __future__ import annotations

import csv
import io

from site_build.data.analytics.territory import CountTable
from site_build.text.spreadsheet import safe_row


def table_csv(table: CountTable) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(safe_row([table.row_header, *table.columns]))
    for row, values in table.rows:
        writer.writerow(safe_row([row, *values]))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def dashboard_files(tables: list[CountTable]) -> dict[str, bytes]:
    return {table.csv_path: table_csv(table) for table in tables}
