"""Opening hours made evaluable in the browser, offline, without an opening_hours parser in JS.

The Python parser (the one validation uses, with French public holidays) expands
each hours string over a horizon of days after the build. The result is sent as a
weekly pattern plus the days that differ from it (holidays, "Tu[2]" rules…), in
Europe/Paris wall-clock minutes. `horaires.js` reads it; past the horizon it
shows nothing rather than a guess. The weekly rebuild keeps the horizon ahead.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import opening_hours

from .hours import parse_hours

HORIZON_DAYS = 400
DAY_MINUTES = 24 * 60


def _minutes(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def day_ranges(text: str, first_day: date, days: int = HORIZON_DAYS) -> dict[date, list[list[int]]]:
    """Open [start, end) minute ranges of every day of the horizon; days without any are absent."""
    start = datetime.combine(first_day, time())
    ranges: dict[date, list[list[int]]] = defaultdict(list)
    for begin, end, state, _ in parse_hours(text).intervals(start, start + timedelta(days=days)):
        if state != opening_hours.State.OPEN:
            continue
        while begin < end:  # split at midnight: the browser reasons day by day
            midnight = datetime.combine(begin.date() + timedelta(days=1), time())
            stop = min(end, midnight)
            ranges[begin.date()].append([_minutes(begin), _minutes(stop) if stop < midnight else DAY_MINUTES])
            begin = stop
    return ranges


@lru_cache(maxsize=1024)  # partners share a few strings; callers must not mutate the result
def schedule(text: str, first_day: date, days: int = HORIZON_DAYS) -> dict:
    """{"semaine": ranges for Monday…Sunday, "exceptions": {"YYYY-MM-DD": ranges}}."""
    ranges = day_ranges(text, first_day, days)
    all_days = [first_day + timedelta(days=n) for n in range(days)]
    weekly = []
    for weekday in range(7):
        seen = Counter(tuple(map(tuple, ranges.get(d, []))) for d in all_days if d.weekday() == weekday)
        weekly.append([list(r) for r in seen.most_common(1)[0][0]] if seen else [])
    exceptions = {d.isoformat(): ranges.get(d, []) for d in all_days if ranges.get(d, []) != weekly[d.weekday()]}
    return {"semaine": weekly, "exceptions": exceptions}


class Schedules:
    """Distinct hours strings numbered once, so thousands of partners share a few schedules."""

    def __init__(self, first_day: date, days: int = HORIZON_DAYS):
        self.first_day, self.days = first_day, days
        self._index: dict[str, int] = {}
        self.table: list[dict] = []

    def number(self, text: str | None) -> int | None:
        if not text:
            return None
        if text not in self._index:
            self._index[text] = len(self.table)
            self.table.append(schedule(text, self.first_day, self.days))
        return self._index[text]

    def horizon(self) -> list[str]:
        return horizon(self.first_day, self.days)


def horizon(first_day: date, days: int = HORIZON_DAYS) -> list[str]:
    """First and last day (inclusive) the schedules are exact for."""
    return [first_day.isoformat(), (first_day + timedelta(days=days - 1)).isoformat()]
