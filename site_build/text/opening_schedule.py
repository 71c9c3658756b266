"""Opening hours made evaluable in the browser, offline, without an opening_hours parser in JS.

The Python parser (the one validation uses, with French public holidays) expands
each hours string over a horizon of days after the build. The result is sent as a
weekly pattern plus the days that differ from it (holidays, "Tu[2]" rules…), in
Europe/Paris wall-clock minutes. `horaires.js` reads it; past the horizon it
shows nothing rather than a guess. The weekly rebuild keeps the horizon ahead.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

import opening_hours

from site_build.text.hours import parse_hours, rules_of

HORIZON_DAYS = 400
DAY_MINUTES = 24 * 60


def _minutes(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


_CLOCK = re.compile(r"(?<![0-9])([0-9]{2}):([0-9]{2})(?![0-9])")
_VARIABLE_TIMES = re.compile(r"sunrise|sunset|dawn|dusk")


def _intervals(text: str, start: datetime, end: datetime) -> Iterator[tuple[datetime, datetime, Any, str]]:
    """(begin, end, state, comment) over [start, end). The parser's own intervals() stop early on
    fallback rules ("A || B"): those are read instant by instant (intervals_by_state); the others, and
    times that move with the sun, with intervals(), five times faster and the same ranges
    (tests/test_hours.py)."""
    if "||" in text and not _VARIABLE_TIMES.search(text):
        return intervals_by_state(text, start, end)
    return (
        (begin, end, state, comment or "") for begin, end, state, comment in parse_hours(text).intervals(start, end)
    )


def intervals_by_state(text: str, start: datetime, end: datetime) -> Iterator[tuple[datetime, datetime, Any, str]]:
    """The ranges as the parser's state() answers instant by instant, which is right on fallback rules.
    Between two clock times written in the text (and midnight) the state cannot change, so asking at
    each of them is exact."""
    hours = parse_hours(text)
    marks = sorted({0} | {(int(h) * 60 + int(m)) % DAY_MINUTES for h, m in _CLOCK.findall(text)})
    current: tuple[datetime, Any, str | None] | None = None  # (since, state, comment)
    day = start
    while day < end:
        for minute in marks:
            moment = day + timedelta(minutes=minute)
            state, comment = hours.state(moment)
            if current and (state, comment) == current[1:]:
                continue
            if current:
                yield current[0], moment, current[1], current[2] or ""
            current = (moment, state, comment)
        day += timedelta(days=1)
    if current:
        yield current[0], end, current[1], current[2] or ""


def comment_only(text: str) -> set[str]:
    """Comments of rules that give no time ("sur rendez-vous"): the parser calls them open all day,
    but they say how to come, not when; they are shown as « horaires à confirmer »."""
    rules = [rule for side in str(parse_hours(text).normalize()).split(" || ") for rule in rules_of(side)]
    return {m[1] for rule in rules if not _CLOCK.search(rule) for m in [re.search(r'"([^"]*)"', rule)] if m}


def day_ranges(
    text: str, first_day: date, days: int = HORIZON_DAYS
) -> tuple[dict[date, list[list[Any]]], list[dict[str, Any]]]:
    """Ranges [start, end) in minutes of every day of the horizon when the place is open or its state
    unknown (closed is the default: days without any are absent), and the notes they point to.
    A range is [start, end] (open) or [start, end, n]: notes[n] = {"etat": "ouvert"|"inconnu", "texte"}."""
    start = datetime.combine(first_day, time())
    unsure = comment_only(text)
    notes: list[dict[str, Any]] = []
    ranges: dict[date, list[list[Any]]] = defaultdict(list)
    for begin, end, state, comment in _intervals(text, start, start + timedelta(days=days)):
        if state == opening_hours.State.CLOSED:
            continue
        known = state == opening_hours.State.OPEN and comment not in unsure
        extra = []
        if not known or comment:  # a plain open range needs no note
            note = {"etat": "ouvert" if known else "inconnu", "texte": comment or ""}
            if note not in notes:
                notes.append(note)
            extra = [notes.index(note)]
        while begin < end:  # split at midnight: the browser reasons day by day
            midnight = datetime.combine(begin.date() + timedelta(days=1), time())
            stop = min(end, midnight)
            ranges[begin.date()].append([_minutes(begin), _minutes(stop) if stop < midnight else DAY_MINUTES] + extra)
            begin = stop
    return ranges, notes


@lru_cache(maxsize=1024)  # partners share a few strings; callers must not mutate the result
def schedule(text: str, first_day: date, days: int = HORIZON_DAYS) -> dict[str, Any]:
    """{"semaine": ranges for Monday…Sunday, "exceptions": {"YYYY-MM-DD": ranges}, "notes": […]}."""
    ranges, notes = day_ranges(text, first_day, days)
    all_days = [first_day + timedelta(days=n) for n in range(days)]
    weekly: list[list[list[Any]]] = []
    for weekday in range(7):
        seen = Counter(tuple(map(tuple, ranges.get(d, []))) for d in all_days if d.weekday() == weekday)
        weekly.append([list(r) for r in seen.most_common(1)[0][0]] if seen else [])
    exceptions = {d.isoformat(): ranges.get(d, []) for d in all_days if ranges.get(d, []) != weekly[d.weekday()]}
    result: dict[str, Any] = {"semaine": weekly, "exceptions": exceptions}
    if notes:
        result["notes"] = notes
    return result


class Schedules:
    """Distinct hours strings numbered once, so thousands of partners share a few schedules."""

    def __init__(self, first_day: date, days: int = HORIZON_DAYS):
        self.first_day, self.days = first_day, days
        self._index: dict[str, int] = {}
        self.table: list[dict[str, Any]] = []

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
