"""When a record is due for checking again: every `frequence_maj` months after its
`date_verification` (12 when not given). One rule for validation's warnings, the freshness
report, the pro page /verification/ and the « à vérifier » line of a partner page."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

DEFAULT_FREQUENCY_MONTHS = 12


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(record: dict[str, Any]) -> date | None:
    """Date by which a record should be checked again, or None if its date is unusable."""
    try:
        checked = date.fromisoformat(record["date_verification"])
    except (KeyError, TypeError, ValueError):
        return None
    return due_after(checked, record.get("frequence_maj"))


def due_after(checked: date, frequency_months: object) -> date:
    """When a record checked on `checked` is due again (every `frequence_maj` months, default 12)."""
    months = frequency_months if isinstance(frequency_months, int) else DEFAULT_FREQUENCY_MONTHS
    return add_months(checked, months)
