"""The languages of the public site, listed in mkdocs.yml (`extra.langues`), French first.

French is at the site's root, as it always was; every other language is a site of its own in a
folder named by its code (/en/, /ar/): its own pages, search index, sitemap and offline copy.
Names and writing direction come from Babel's locale data (CLDR), not from a list of ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from babel import UnknownLocaleError

from site_build.language_names import babel_locale, name_of
from site_build.theme_location import theme_templates

DEFAULT = "fr"


class LanguageSettingError(ValueError):
    """`extra.langues` in mkdocs.yml cannot be used; the message is French and names the line.
    `reason` is the message without its place (the gate names the place its own way)."""

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where} : {reason}")
        self.reason = reason


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself: "English", "العربية"
    direction: str  # "ltr" or "rtl"

    @property
    def is_default(self) -> bool:
        return self.code == DEFAULT

    @property
    def folder(self) -> str:
        return folder_of(self.code)


def folder_of(code: str) -> str:
    """Where a language's pages live in the site: "" for French, "en/" for English."""
    return "" if code == DEFAULT else f"{code}/"


@cache  # asked for each text of a page marked in another language
def language(code: str) -> Language:
    locale = babel_locale(code)
    name = name_of(code, locale)
    return Language(code, name[:1].upper() + name[1:], "rtl" if locale.text_direction == "rtl" else "ltr")


FRENCH = language(DEFAULT)


def theme_language(code: str) -> str | None:
    """The theme's translation for a language: its own ("ar"), else its base language's ("fa" for
    Dari, "fa-AF"); None when the theme has neither. Without the theme's files (the seam's other
    generator), the code itself."""
    templates = theme_templates()
    if not templates:
        return code
    for candidate in (code, code.split("-")[0]):
        if (templates / "partials" / "languages" / f"{candidate}.html").exists():
            return candidate
    return None


def _line_of(config_file: Path | None, key: str) -> str:
    if config_file:
        try:
            for number, text in enumerate(config_file.read_text(encoding="utf-8").splitlines(), 1):
                if text.strip().startswith(f"{key}:"):
                    return f"{config_file.name}:{number}"
        except OSError:
            pass
    return config_file.name if config_file else "mkdocs.yml"


def configured_languages(extra: dict[str, Any], config_file: Path | None = None) -> tuple[Language, ...]:
    """The languages of `extra.langues`; French alone when the list is absent."""
    codes = extra.get("langues")
    if codes is None:
        return (FRENCH,)
    where = _line_of(config_file, "langues")
    example = "par exemple langues: [fr, en, ar]"
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise LanguageSettingError(where, f"« langues » doit être une liste de codes de langue, {example}")
    if not codes or codes[0] != DEFAULT:
        raise LanguageSettingError(where, f"le français (fr) doit venir en premier dans « langues », {example}")
    seen: set[str] = set()
    languages = []
    for code in codes:
        if code in seen:
            raise LanguageSettingError(where, f"la langue « {code} » est écrite deux fois dans « langues »")
        seen.add(code)
        try:
            found = language(code)
        except (UnknownLocaleError, ValueError):
            raise LanguageSettingError(
                where,
                f"« {code} » n'est pas un code de langue connu ; écrivez le code à deux lettres, "
                "par exemple en (anglais), ar (arabe), es (espagnol)",
            ) from None
        if theme_language(code) is None:
            raise LanguageSettingError(where, f"le thème du site n'a pas de traduction pour « {code} »")
        languages.append(found)
    return tuple(languages)


def languages_in_config(config_file: Path) -> tuple[Language, ...] | None:
    """The languages of a mkdocs.yml read as a file (commands without a build: validate, report);
    None when the file cannot tell (missing, unreadable, or a list the build itself will refuse
    with a message)."""
    import yaml

    from site_build.config_yaml import read_settings

    try:
        extra = (read_settings(config_file.read_text(encoding="utf-8")) or {}).get("extra") or {}
        return configured_languages(extra, config_file)
    except (OSError, yaml.YAMLError, AttributeError, LanguageSettingError):
        return None


def codes_in_config(config_file: Path) -> tuple[str, ...] | None:
    """The language codes of a mkdocs.yml, for checking the translations in the data."""
    languages = languages_in_config(config_file)
    return tuple(language.code for language in languages) if languages else None
