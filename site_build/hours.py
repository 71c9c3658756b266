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


_MONTHS = {"Jan": "janvier", "Feb": "février", "Mar": "mars", "Apr": "avril", "May": "mai", "Jun": "juin",
           "Jul": "juillet", "Aug": "août", "Sep": "septembre", "Oct": "octobre", "Nov": "novembre", "Dec": "décembre"}
_RANKS = {1: "premier", 2: "deuxième", 3: "troisième", 4: "quatrième", 5: "cinquième", -1: "dernier"}
_DAY = "(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_SPAN = r"\d\d:\d\d-\d\d:\d\d"
_RULE = re.compile(rf'^(?P<dates>(?:\d{{4}} )?{_MONTH}[^A-Z"]*?(?:-(?:\d{{4}} )?{_MONTH}?[\d ]*)? )?'
                   rf'(?P<days>(?:{_DAY}|PH)[A-Za-z0-9,\-\[\]]*)?\s*'
                   rf'(?P<state>off|closed|{_SPAN}(?:,{_SPAN})*)?\s*(?:"(?P<comment>[^"]*)")?$')


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " et " + parts[-1]


def _time_fr(hhmm: str) -> str:
    hours, minutes = hhmm.split(":")
    if hhmm == "24:00":
        return "minuit"
    hours = str(int(hours))
    return f"{hours} h" if minutes == "00" else f"{hours} h {minutes}"


def _days_fr(selector: str) -> str | None:
    if selector == "Mo-Su":
        return "tous les jours"
    parts = []
    for chunk in selector.split(","):
        if re.fullmatch(rf"{_DAY}-{_DAY}", chunk):
            first, last = chunk.split("-")
            parts.append(f"du {DAYS[first]} au {DAYS[last]}")
        elif chunk in DAYS:
            parts.append(f"le {DAYS[chunk]}")
        elif chunk == "PH":
            parts.append("les jours fériés")
        elif re.fullmatch(rf"{_DAY}\[(-1|[1-5])\]", chunk):
            parts.append(f"le {_RANKS[int(chunk[3:-1])]} {DAYS[chunk[:2]]} du mois")
        else:
            return None
    return _and(parts)


def _date_fr(text: str, with_year: bool) -> str | None:
    match = re.fullmatch(rf"(?:(\d{{4}}) )?({_MONTH})(?: (\d{{1,2}}))?", text.strip())
    if not match:
        return None
    year, month, day = match.groups()
    words = ("1er" if day and int(day) == 1 else str(int(day))) + " " if day else ""
    return f"{words}{_MONTHS[month]}" + (f" {year}" if year and with_year else "")


def _dates_fr(selector: str) -> str | None:
    """'Aug' → 'en août'; 'Jul-Aug' → 'de juillet à août'; 'Dec 24-Jan 01' → 'du 24 décembre au 1er janvier'."""
    first, _, last = selector.strip().partition("-")
    start = _date_fr(first, True)
    if not start:
        return None
    if not last:
        return f"le {start}" if start[0].isdigit() else f"en {start}"
    if last.strip().isdigit():  # "Dec 24-31"
        last = first.strip().rsplit(" ", 1)[0] + " " + last.strip()
    end = _date_fr(last, True)
    if not end:
        return None
    return f"du {start} au {end}" if start[0].isdigit() else f"de {start} à {end}"


def _spans_fr(times: str) -> str:
    spans = []
    for span in times.split(","):
        begin, end = span.split("-")
        if (begin, end) == ("00:00", "24:00"):
            spans.append("toute la journée")
        else:
            spans.append(f"de {_time_fr(begin)} à {_time_fr(end)}" + (" le lendemain" if end < begin else ""))
    return _and(spans)


def _rule_fr(rule: str) -> str | None:
    if rule == "24/7":
        return "ouvert tous les jours, jour et nuit"
    match = _RULE.match(rule)
    if not match or not (match["days"] or match["dates"]):
        return None
    words = []
    if match["dates"]:
        dates = _dates_fr(match["dates"])
        if not dates:
            return None
        words.append(dates)
    if match["days"]:
        days = _days_fr(match["days"])
        if not days:
            return None
        words.append(days)
    state = match["state"] or ""
    if state in ("off", "closed"):
        sentence = "fermé " + " ".join(words)
    else:
        sentence = ", ".join(words) + (f", {_spans_fr(state)}" if state else "")
    if match["comment"]:
        sentence += f" ({match['comment']})"
    return sentence


def describe_hours(text: str) -> str:
    """Plain French for the usual shapes; the raw text when a rule has an unusual shape."""
    sentences = []
    for rule in (r.strip() for r in text.split(";")):
        if not rule:
            continue
        sentence = _rule_fr(rule)
        if sentence is None:
            return text
        sentences.append(sentence)
    if not sentences:
        return text
    joined = " ; ".join(sentences)
    return joined[0].upper() + joined[1:]
