"""Opening hours (OpenStreetMap syntax): parsing, checks and plain French text.

Parsing and evaluation use `opening-hours-py` with France's public holidays;
times are naive Europe/Paris wall-clock times.
"""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

import opening_hours

DAYS = {"Mo": "lundi", "Tu": "mardi", "We": "mercredi", "Th": "jeudi", "Fr": "vendredi",
        "Sa": "samedi", "Su": "dimanche"}
_ORDER = list(DAYS)


class HoursError(ValueError):
    pass


@lru_cache(maxsize=4096)
def parse_hours(text: str) -> opening_hours.OpeningHours:
    """Parsed hours; HoursError with a French hint when the syntax is wrong."""
    try:
        return opening_hours.OpeningHours(text, country="FR")
    except Exception:  # the library raises SyntaxError-like errors of its own types
        raise HoursError(
            f"horaires « {text} » illisibles : utilisez le format OpenStreetMap, par exemple "
            "« Mo-Fr 08:30-12:00,13:30-16:30; PH off » (jours en anglais abrégés Mo Tu We Th Fr Sa Su, "
            "heures sur 24 h avec deux-points)") from None


def open_throughout(text: str, start: datetime, end: datetime) -> bool:
    """True when the place is open during the whole [start, end) span."""
    hours = parse_hours(text)
    return all(state == opening_hours.State.OPEN for _, _, state, _ in hours.intervals(start, end))


def _time_fr(hhmm: str) -> str:
    hours, minutes = hhmm.split(":")
    hours = str(int(hours))
    return f"{hours} h" if minutes == "00" else f"{hours} h {minutes}"


def _days_fr(selector: str) -> str | None:
    parts = []
    for chunk in selector.split(","):
        if re.fullmatch(r"(Mo|Tu|We|Th|Fr|Sa|Su)-(Mo|Tu|We|Th|Fr|Sa|Su)", chunk):
            first, last = chunk.split("-")
            parts.append(f"du {DAYS[first]} au {DAYS[last]}")
        elif chunk in DAYS:
            parts.append(f"le {DAYS[chunk]}")
        elif re.fullmatch(r"(Mo|Tu|We|Th|Fr|Sa|Su)\[(-?[1-5])\]", chunk):
            day, nth = chunk[:2], int(chunk[3:-1])
            rank = {1: "premier", 2: "deuxième", 3: "troisième", 4: "quatrième", 5: "cinquième", -1: "dernier"}[nth]
            parts.append(f"le {rank} {DAYS[day]} du mois")
        else:
            return None
    return " et ".join(parts)


def _spans_fr(times: str) -> str | None:
    spans = []
    for span in times.split(","):
        match = re.fullmatch(r"(\d\d:\d\d)-(\d\d:\d\d)", span.strip())
        if not match:
            return None
        spans.append(f"de {_time_fr(match[1])} à {_time_fr(match[2])}")
    return " et ".join(spans)


def describe_hours(text: str) -> str:
    """Plain French for the usual shapes; the raw text when the shape is unusual."""
    sentences = []
    for rule in (r.strip() for r in text.split(";")):
        if not rule:
            continue
        if rule in ("PH off", "PH closed"):
            sentences.append("fermé les jours fériés")
            continue
        if rule == "24/7":
            sentences.append("ouvert tous les jours, jour et nuit")
            continue
        match = re.fullmatch(r"([A-Za-z,\-\[\]0-9]+) (off|closed|[\d:,\- ]+)", rule)
        days = _days_fr(match[1]) if match else None
        if not days:
            return text
        if match[2] in ("off", "closed"):
            sentences.append(f"fermé {days}")
            continue
        spans = _spans_fr(match[2])
        if not spans:
            return text
        sentences.append(f"{days}, {spans}")
    if not sentences:
        return text
    joined = " ; ".join(sentences)
    return joined[0].upper() + joined[1:]
