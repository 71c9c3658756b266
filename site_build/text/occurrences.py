"""Dates of Épi'santé interventions: start, end, recurrence (RRULE) and exceptions."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

MAX_OCCURRENCES = 400
PARIS = ZoneInfo("Europe/Paris")  # every time in the data is local to the épicerie


def span(intervention: dict[str, Any]) -> tuple[datetime, datetime]:
    """First start and end, naive Europe/Paris times. ValueError when unusable."""
    start = datetime.fromisoformat(intervention["debut"])
    if "duree" in intervention:
        return start, start + timedelta(minutes=int(intervention["duree"]))
    end_time = time.fromisoformat(intervention["fin"])
    return start, datetime.combine(start.date(), end_time)


def occurrences(intervention: dict[str, Any], after: datetime, before: datetime) -> list[tuple[datetime, datetime]]:
    """Every (start, end) that starts in [after, before), exceptions removed."""
    start, end = span(intervention)
    length = end - start
    skipped = {date.fromisoformat(d) for d in intervention.get("exceptions") or []}
    if intervention.get("recurrence"):
        rule = rrulestr("RRULE:" + intervention["recurrence"], dtstart=start)
        starts = []
        for moment in rule.xafter(max(after, start) - timedelta(seconds=1), count=MAX_OCCURRENCES, inc=True):
            if moment >= before:
                break
            starts.append(moment)
    else:
        starts = [start] if after <= start < before else []
    return [(s, s + length) for s in starts if s.date() not in skipped]
