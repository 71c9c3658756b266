"""Dates, times, prices and phone numbers written the French way, without locale support."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def day(value: date) -> str:
    """'15 octobre 2026' ('1er' for the first of the month)."""
    number = "1er" if value.day == 1 else str(value.day)
    return f"{number} {MONTHS[value.month - 1]} {value.year}"


def weekday_day(value: date) -> str:
    return f"{WEEKDAYS[value.weekday()]} {day(value)}"


# The abbreviations of the Imprimerie nationale, for date badges.
MONTHS_SHORT = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]


def numeric_date(value: date) -> str:
    """« 02/11/2026 »: a date as an editor writes it, in messages and tables."""
    return value.strftime("%d/%m/%Y")


def date_or_none(value: object) -> date | None:
    """A date written as YYYY-MM-DD, or None (the schema says what is wrong with it)."""
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def month_short(value: date) -> str:
    return MONTHS_SHORT[value.month - 1]


def month(key: str) -> str:
    """'2026-12' → 'décembre 2026'."""
    year, number = key.split("-")
    return f"{MONTHS[int(number) - 1]} {year}"


def of_month(key: str) -> str:
    """'2027-04' → "d'avril 2027", '2027-03' → 'de mars 2027'."""
    name = month(key)
    return f"d'{name}" if name[0] in "aeiouy" else f"de {name}"


def clock(value: datetime | time) -> str:
    return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"


def time_span(start: datetime, end: datetime) -> str:
    """'mardi 8 décembre 2026, de 14 h à 16 h'."""
    return f"{weekday_day(start.date())}, de {clock(start)} à {clock(end)}"


def euros(amount: float) -> str:
    return f"{amount:.2f}".replace(".", ",") + "\u00a0€"


def international_number(number: str) -> str:
    """ "02 61 91 00 30" → "+33261910030" (other numbers: their digits), for links, vCards, exports."""
    digits = "".join(c for c in number if c.isdigit() or c == "+")
    if len(digits) == 10 and digits.startswith("0"):
        return "+33" + digits[1:]
    return digits


def tel_uri(number: str) -> str:
    """tel: link target in international form when the number is a 10-digit French one."""
    return "tel:" + international_number(number)


def sort_key(text: str) -> str:
    """Accent- and case-insensitive order, as French readers expect."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
