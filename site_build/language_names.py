"""Languages as CLDR (through Babel) knows them: a code as the web writes it and its names. A leaf:
the data checks name a language in their messages, the site names it in its menu."""

from __future__ import annotations

from functools import cache

from babel import Locale


@cache
def babel_locale(code: str) -> Locale:
    """Babel's locale for a code as the web writes it: "en", "ar", or with its region, "fa-AF" (Dari),
    which Babel spells fa_AF."""
    return Locale.parse(code, sep="-")


def name_of(code: str, in_language: str | Locale) -> str:
    """A language's name in a language: CLDR's name for the whole code when it has one (fa-AF is
    « دری », « dari » in French, not « Persian (Afghanistan) »), else the language and its region."""
    locale = babel_locale(code)
    reader = in_language if isinstance(in_language, Locale) else babel_locale(in_language)
    return reader.languages.get(str(locale)) or locale.get_display_name(reader) or code
