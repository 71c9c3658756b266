"""Dates, times, numbers and prices in the language pages are being made in.

French keeps its own rules (text/french.py: « 1er décembre », « 14 h 30 »). The other languages
take theirs from Babel's CLDR data, with Latin digits: the numbers on a page in Arabic are the
ones written on the épicerie's door, its tickets and its phone. Times use the 24-hour clock in
every language (« 14:00 », never « 2:00 م »): the hours on the door, the bus timetable and a
French appointment letter are written so.
"""

from __future__ import annotations

from datetime import date, datetime, time

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

from site_build.i18n.current import current, gettext
from site_build.i18n.languages import DEFAULT
from site_build.language_names import babel_locale
from site_build.text import french


def _code() -> str:
    return current().code


def _locale() -> Locale:
    return babel_locale(_code())


def _french() -> bool:
    return _code() == DEFAULT


def day(value: date) -> str:
    """'1er décembre 2026', 'December 1, 2026', '1 ديسمبر 2026'."""
    return french.day(value) if _french() else format_date(value, "long", locale=_locale())


def weekday_day(value: date) -> str:
    return french.weekday_day(value) if _french() else format_date(value, "full", locale=_locale())


def month(key: str) -> str:
    """'2026-12' → 'décembre 2026', 'December 2026'."""
    if _french():
        return french.month(key)
    year, number = key.split("-")
    return format_date(date(int(year), int(number), 1), "LLLL y", locale=_locale())


def month_short(value: date) -> str:
    return french.month_short(value) if _french() else format_date(value, "LLL", locale=_locale())


def clock(value: datetime | time) -> str:
    return french.clock(value) if _french() else clock_in(value, _locale())


def clock_in(value: datetime | time, locale: Locale) -> str:
    """« 14:05 »: the 24-hour clock, with the language's own separator where it has one."""
    return str(format_skeleton("Hm", value, locale=locale))


def clock_text(value: str) -> str:
    """A time written « HH:MM » in the data, said the page's way: « 14:30 » → « 14 h 30 » in French."""
    hour, minute = (int(part) for part in value.split(":"))
    return clock(datetime(2000, 1, 3, hour, minute))


def time_span(start: datetime, end: datetime) -> str:
    """'mardi 8 décembre 2026, de 14 h à 16 h'; in another language the sentence is its catalog's."""
    if _french():
        return french.time_span(start, end)
    return gettext("{jour}, de {debut} à {fin}").format(
        jour=weekday_day(start.date()), debut=clock(start), fin=clock(end)
    )


def euros(amount: float) -> str:
    if _french():
        return french.euros(amount)
    return format_currency(amount, "EUR", locale=_locale(), numbering_system="latn")


def decimal(value: float) -> str:
    """At most one decimal: '1,5' in French, '1.5' in English."""
    return format_decimal(value, format="#,##0.#", locale=_locale(), numbering_system="latn")


def grouped(value: int) -> str:
    """'1 200' in French, '1,200' in English."""
    return format_decimal(value, format="#,##0", locale=_locale(), numbering_system="latn")


def percent(share: float) -> str:
    """A share as a whole percentage: '21 %' in French (narrow no-break space), '21%' in English."""
    return format_percent(share, locale=_locale(), numbering_system="latn")


def listing(parts: list[str]) -> str:
    """'a, b et c' / 'a, b, and c'."""
    return format_list(parts, locale=_locale()) if parts else ""
