"""CSV cells a spreadsheet will not run: a text that begins with =, +, -, @, a tab or a carriage
return is read by LibreOffice and Excel as a formula (OWASP, « CSV injection »). Such a cell gets
an apostrophe in front, which spreadsheets show as text. A number (-3.5, +2) and a lone dash stay
as written: they are data, not formulas, and a spreadsheet must still be able to count them."""

from __future__ import annotations

import re
from typing import Any

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?[0-9]+([.,][0-9]+)?")


def safe_cell(value: Any) -> Any:
    """The value as a CSV cell that no spreadsheet runs; anything but text is returned as it is."""
    if not isinstance(value, str) or not value.startswith(_TRIGGERS):
        return value
    if value == "-" or _NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_row(values: Any) -> list[Any]:
    return [safe_cell(value) for value in values]
