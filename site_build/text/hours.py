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
_MONTH_ORDER = list(_MONTHS)
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


class Words:
    """How hours are said in one language. This one says them in French; another language (see
    site_build/i18n/hours_words.py) gives its own names of days, months and times, and its own
    sentences for the French ones below, which are written with {holes} for that purpose."""

    code = "fr"

    def phrase(self, french: str) -> str:
        return french

    def day(self, osm: str) -> str:
        return DAYS[osm]

    def month(self, osm: str) -> str:
        return _MONTHS[osm]

    def rank(self, number: int) -> str:
        return _RANKS[number]

    def day_of_month(self, day: int) -> str:
        return "1er" if day == 1 else str(day)

    def time(self, hhmm: str) -> str:
        hours, minutes = hhmm.split(":")
        if hhmm == "24:00":
            return "minuit"
        hours = str(int(hours))
        return f"{hours} h" if minutes == "00" else f"{hours} h {minutes}"

    def listing(self, parts: list[str]) -> str:
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " et " + parts[-1]

    # the punctuation between the parts of a sentence, and between sentences
    comma, colon, semicolon = ", ", " : ", " ; "

    def sentence(self, text: str) -> str:
        """The first letter in capitals."""
        return text[:1].upper() + text[1:]


FRENCH = Words()
# Words another language's catalog translates besides the sentences of _say() (its days, months
# and times come from its locale data).
TRANSLATED_WORDS = (*_RANKS.values(), "minuit", CONFIRM)


def _say(words: Words, french: str, **values: str) -> str:
    return words.phrase(french).format(**values)


def _days(selector: str, words: Words) -> str | None:
    if selector == "Mo-Su":
        return _say(words, "tous les jours")
    parts = []
    for chunk in selector.split(","):
        if re.fullmatch(rf"{_DAY}-{_DAY}", chunk):
            first, last = chunk.split("-")
            if _ORDER.index(last) == _ORDER.index(first) + 1:  # "Mo-Tu": two days, said as two days
                parts += [_say(words, "le {jour}", jour=words.day(d)) for d in (first, last)]
            else:
                parts.append(
                    _say(words, "du {premier} au {dernier}", premier=words.day(first), dernier=words.day(last))
                )
        elif chunk in DAYS:
            parts.append(_say(words, "le {jour}", jour=words.day(chunk)))
        elif chunk == "PH":
            parts.append(_say(words, "les jours fériés"))
        elif re.fullmatch(rf"{_DAY}\[(-1|[1-5])\]", chunk):
            rank = words.rank(int(chunk[3:-1]))
            parts.append(_say(words, "le {rang} {jour} du mois", rang=rank, jour=words.day(chunk[:2])))
        else:
            return None
    return words.listing(parts)


def _date(text: str, with_year: bool, words: Words) -> tuple[str, bool] | None:
    """(the date in words, whether it names a day) for 'Dec 24', 'Aug', '2027 Jan 01'."""
    match = re.fullmatch(rf"(?:(\d{{4}}) )?({_MONTH})(?: (\d{{1,2}}))?", text.strip())
    if not match:
        return None
    year, month, day = match.groups()
    year_words = year if year and with_year else ""
    if day:
        said = _say(words, "{jour} {mois}", jour=words.day_of_month(int(day)), mois=words.month(month))
    else:
        said = words.month(month)
    return (f"{said} {year_words}" if year_words else said), bool(day)


def _date_range(selector: str, words: Words) -> str | None:
    """'Aug' → 'en août'; 'Jul-Aug' → 'de juillet à août'; 'Dec 24-Jan 01' → 'du 24 décembre au 1er janvier'."""
    first, _, last = selector.strip().partition("-")
    start = _date(first, True, words)
    if not start:
        return None
    if not last:
        return _say(words, "le {date}", date=start[0]) if start[1] else _say(words, "en {mois}", mois=start[0])
    if last.strip().isdigit():  # "Dec 24-31"
        last = first.strip().rsplit(" ", 1)[0] + " " + last.strip()
    end = _date(last, True, words)
    if not end:
        return None
    if start[1]:
        return _say(words, "du {debut} au {fin}", debut=start[0], fin=end[0])
    return _say(words, "de {debut} à {fin}", debut=start[0], fin=end[0])


def _dates(selector: str, words: Words) -> str | None:
    """'Jan-Jul,Sep-Dec' → 'de janvier à juillet et de septembre à décembre'."""
    parts = [_date_range(part, words) for part in selector.strip().split(",")]
    return None if None in parts else words.listing([p for p in parts if p])


def _spans(times: str, words: Words) -> str:
    spans = []
    for span in times.split(","):
        begin, end = span.split("-")
        if (begin, end) == ("00:00", "24:00"):
            spans.append(_say(words, "toute la journée"))
        else:
            said = _say(words, "de {debut} à {fin}", debut=words.time(begin), fin=words.time(end))
            spans.append(_say(words, "{plage} le lendemain", plage=said) if end < begin else said)
    return words.listing(spans)


def _note(modifier: str | None, comment: str | None, words: Words) -> str:
    if modifier == "unknown":
        confirm = _say(words, CONFIRM)
        return f" ({confirm}" + (f"{words.colon}{comment})" if comment else ")")
    return f" ({comment})" if comment else ""


def _rule(rule: str, words: Words) -> str | None:
    if rule == "24/7":
        return _say(words, "ouvert tous les jours, jour et nuit")
    if rule in ("closed", "off"):
        return _say(words, "fermé")
    always = re.fullmatch(r'24/7(?: (unknown))?(?: "([^"]*)")?', rule)
    if always:  # a comment alone says how to come, not that the place is open day and night
        if always[2] and not always[1]:
            return always[2]
        return _say(words, CONFIRM) + (f"{words.colon}{always[2]}" if always[2] else "")
    match = _RULE.match(rule)
    if not match or not (match["days"] or match["dates"]):
        return None
    parts = []
    if match["dates"]:
        dates = _dates(match["dates"], words)
        if not dates:
            return None
        parts.append(dates)
    if match["days"]:
        days = _days(match["days"], words)
        if not days:
            return None
        parts.append(days)
    state = match["state"] or ""
    if state in ("off", "closed"):
        closed = _say(words, "fermé {quand}", quand=" ".join(parts))
        return closed + (f" ({match['comment']})" if match["comment"] else "")
    if not state and match["comment"] and not match["modifier"]:
        return words.comma.join([*parts, match["comment"]])
    sentence = words.comma.join(parts + ([_spans(state, words)] if state else []))
    return sentence + _note(match["modifier"], match["comment"], words)


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


def public_holidays(first_day: date) -> tuple[date, ...]:
    """France's public holidays over the two years from `first_day`."""
    return _holidays(first_day)


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
def describe_hours(text: str, first_day: date | None = None, words: Words = FRENCH) -> str:
    """Plain words (French, unless `words` says another language) of what the hours mean: the
    parser's normalised rules, holidays as they really behave, so the words never disagree with
    the open/closed status. Unusual shapes: the raw text."""
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
        sentence = _rule(rule, words)
        if sentence is None:
            return text
        sentences.append(sentence)
    if holidays and effect == "closed":
        sentences.append(_say(words, "fermé les jours fériés"))
    elif holidays and effect == "same" and rules != holidays:
        sentences.append(_say(words, "ouvert aussi les jours fériés"))
    if fallback:
        other = rules_of(fallback)
        said = (_rule(other[0], words) if other else None) or _say(words, CONFIRM)
        sentences.append(_say(words, "les autres jours : {regle}", regle=said))
    return words.sentence(words.semicolon.join(sentences))
