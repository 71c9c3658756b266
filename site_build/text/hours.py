"""Opening hours (OpenStreetMap syntax): parsing, checks and plain French text.

Parsing and evaluation use `opening-hours-py` with France's public holidays;
times are naive Europe/Paris wall-clock times.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

import opening_hours

DAYS = {
    "Mo": "lundi",
    "Tu": "mardi",
    "We": "mercredi",
    "Th": "jeudi",
    "Fr": "vendredi",
    "Sa": "samedi",
    "Su": "dimanche",
}
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
            "heures sur 24 h avec deux-points)"
        ) from None


def open_throughout(text: str, start: datetime, end: datetime) -> bool:
    """True when the place is open during the whole [start, end) span."""
    hours = parse_hours(text)
    return all(state == opening_hours.State.OPEN for _, _, state, _ in hours.intervals(start, end))


_MONTHS = {
    "Jan": "janvier",
    "Feb": "février",
    "Mar": "mars",
    "Apr": "avril",
    "May": "mai",
    "Jun": "juin",
    "Jul": "juillet",
    "Aug": "août",
    "Sep": "septembre",
    "Oct": "octobre",
    "Nov": "novembre",
    "Dec": "décembre",
}
_RANKS = {1: "premier", 2: "deuxième", 3: "troisième", 4: "quatrième", 5: "cinquième", -1: "dernier"}
_DAY = "(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_SPAN = r"\d\d:\d\d-\d\d:\d\d"
_RULE = re.compile(
    rf'^(?P<dates>(?:\d{{4}} )?{_MONTH}[^A-Z"]*?(?:-(?:\d{{4}} )?{_MONTH}?[\d ]*)?'
    rf'(?:,(?:\d{{4}} )?{_MONTH}[^A-Z",]*?(?:-(?:\d{{4}} )?{_MONTH}?[\d ]*)?)* )?'
    rf"(?P<days>(?:{_DAY}|PH)[A-Za-z0-9,\-\[\]]*)?\s*"
    rf"(?P<state>off|closed|{_SPAN}(?:,{_SPAN})*)?\s*(?P<modifier>unknown|open)?\s*"
    rf'(?:"(?P<comment>[^"]*)")?$'
)
CONFIRM = "horaires à confirmer"


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
            if _ORDER.index(last) == _ORDER.index(first) + 1:  # "Mo-Tu": two days, said as two days
                parts += [f"le {DAYS[first]}", f"le {DAYS[last]}"]
            else:
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


def _date_range_fr(selector: str) -> str | None:
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


def _dates_fr(selector: str) -> str | None:
    """'Jan-Jul,Sep-Dec' → 'de janvier à juillet et de septembre à décembre'."""
    parts = [_date_range_fr(part) for part in selector.strip().split(",")]
    return None if None in parts else _and([p for p in parts if p])


def _spans_fr(times: str) -> str:
    spans = []
    for span in times.split(","):
        begin, end = span.split("-")
        if (begin, end) == ("00:00", "24:00"):
            spans.append("toute la journée")
        else:
            spans.append(f"de {_time_fr(begin)} à {_time_fr(end)}" + (" le lendemain" if end < begin else ""))
    return _and(spans)


def _note(modifier: str | None, comment: str | None) -> str:
    if modifier == "unknown":
        return f" ({CONFIRM}" + (f" : {comment})" if comment else ")")
    return f" ({comment})" if comment else ""


def _rule_fr(rule: str) -> str | None:
    if rule == "24/7":
        return "ouvert tous les jours, jour et nuit"
    if rule in ("closed", "off"):
        return "fermé"
    always = re.fullmatch(r'24/7(?: (unknown))?(?: "([^"]*)")?', rule)
    if always:  # a comment alone says how to come, not that the place is open day and night
        return always[2] if always[2] and not always[1] else CONFIRM + (f" : {always[2]}" if always[2] else "")
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
        return "fermé " + " ".join(words) + (f" ({match['comment']})" if match["comment"] else "")
    if not state and match["comment"] and not match["modifier"]:
        return ", ".join(words) + f", {match['comment']}"
    sentence = ", ".join(words) + (f", {_spans_fr(state)}" if state else "")
    return sentence + _note(match["modifier"], match["comment"])


def rules_of(text: str) -> list[str]:
    """Rules separated by ';' outside quotes (one side of a fallback "A || B")."""
    rules, current, quoted = [], "", False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            rules.append(current.strip())
            current = ""
        else:
            current += char
    return [r for r in rules + [current.strip()] if r]


@lru_cache(maxsize=1)
def _holidays(first_day: date) -> tuple[date, ...]:
    """France's public holidays over two years, as the parser knows them."""
    start = datetime.combine(first_day, datetime.min.time())
    return tuple(
        sorted(
            {
                begin.date()
                for begin, _, state, _ in opening_hours.OpeningHours("PH", country="FR").intervals(
                    start, start + timedelta(days=730)
                )
                if state == opening_hours.State.OPEN
            }
        )
    )


def _open_minutes(hours: opening_hours.OpeningHours, day: date) -> list[tuple[Any, ...]]:
    start = datetime.combine(day, datetime.min.time())
    return [(b - start, e - start, str(s)) for b, e, s, _ in hours.intervals(start, start + timedelta(days=1))]


@lru_cache(maxsize=4096)
def holiday_effect(text: str, first_day: date) -> str:
    """How public holidays really behave, whatever the order of the rules: "closed" (no opening on
    a holiday that would otherwise be open), "same" (as on any other such day) or "different"."""
    hours = parse_hours(text)
    holidays = set(_holidays(first_day))
    closed = same = compared = 0
    for holiday in holidays:
        usual = holiday - timedelta(days=7)
        if usual in holidays:
            continue
        on_holiday, on_usual = _open_minutes(hours, holiday), _open_minutes(hours, usual)
        if not any(state == "open" for *_, state in on_usual):
            continue  # a day it is closed anyway says nothing about holidays
        compared += 1
        same += on_holiday == on_usual
        closed += not any(state == "open" for *_, state in on_holiday)
    if compared and closed == compared:
        return "closed"
    if same == compared:
        return "same"
    return "different"


@lru_cache(maxsize=4096)  # thousands of partners share a few strings
def describe_hours(text: str, first_day: date | None = None) -> str:
    """Plain French of what the hours mean: the parser's normalised rules, holidays as they really
    behave, so the words never disagree with the open/closed status. Unusual shapes: the raw text."""
    try:
        normal = str(parse_hours(text).normalize())
    except HoursError:
        return text
    main, _, fallback = normal.partition(" || ")
    rules = rules_of(main)
    holidays = [r for r in rules if r.startswith("PH")]
    effect = holiday_effect(text, first_day or date.today()) if holidays else "same"
    if effect != "different":
        rules = [r for r in rules if not r.startswith("PH")] or rules
    sentences = []
    for rule in rules:
        sentence = _rule_fr(rule)
        if sentence is None:
            return text
        sentences.append(sentence)
    if holidays and effect == "closed":
        sentences.append("fermé les jours fériés")
    elif holidays and effect == "same" and rules != holidays:
        sentences.append("ouvert aussi les jours fériés")
    if fallback:
        other = rules_of(fallback)
        sentences.append("les autres jours : " + ((_rule_fr(other[0]) if other else None) or CONFIRM))
    joined = " ; ".join(sentences)
    return joined[0].upper() + joined[1:]
