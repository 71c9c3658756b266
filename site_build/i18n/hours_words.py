"""Opening hours in words in another language than French: text/hours.py makes the sentences,
this gives them the language's words. Days, months, times and lists come from Babel's locale
data; the sentences (« du {premier} au {dernier} ») and the ranks from the language's catalog."""

from __future__ import annotations

from datetime import date, time
from functools import cache

from babel.dates import get_day_names, get_month_names
from babel.lists import format_list

from site_build.i18n.catalogs import translations
from site_build.i18n.current import current
from site_build.i18n.formats import clock_in
from site_build.i18n.languages import DEFAULT
from site_build.language_names import babel_locale
from site_build.text.hours import FRENCH, Words, describe_hours

_OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
# the comma and semicolon of the Arabic script (Babel's locale data has no such punctuation)
_ARABIC_SCRIPT = {"ar", "fa", "ps", "ur"}
_OSM_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class LanguageWords(Words):
    def __init__(self, code: str):
        self.code = code
        self._gettext = translations(code).gettext
        self.locale = babel_locale(code)
        self._days = get_day_names("wide", context="format", locale=self.locale)  # 0 = Monday
        self._months = get_month_names("wide", context="stand-alone", locale=self.locale)  # 1 = January
        arabic = self.locale.language in _ARABIC_SCRIPT
        self.comma, self.colon, self.semicolon = ("، ", ": ", "؛ ") if arabic else (", ", ": ", "; ")

    def phrase(self, french: str) -> str:
        return str(self._gettext(french))

    def day(self, osm: str) -> str:
        return str(self._days[_OSM_DAYS.index(osm)])

    def month(self, osm: str) -> str:
        return str(self._months[_OSM_MONTHS.index(osm) + 1])

    def rank(self, number: int) -> str:
        return str(self._gettext(FRENCH.rank(number)))

    def day_of_month(self, day: int) -> str:
        return str(day)

    def time(self, hhmm: str) -> str:
        if hhmm == "24:00":
            return str(self._gettext("minuit"))
        hours, minutes = (int(part) for part in hhmm.split(":"))
        return clock_in(time(hours, minutes), self.locale)

    def listing(self, parts: list[str]) -> str:
        return str(format_list(parts, locale=self.locale))


@cache
def words_of(code: str) -> Words:
    return FRENCH if code == DEFAULT else LanguageWords(code)


def hours_in_words(text: str, first_day: date | None = None) -> str:
    """The hours in words, in the language pages are being made in."""
    return describe_hours(text, first_day, words_of(current().code))
