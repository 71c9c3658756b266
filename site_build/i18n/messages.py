"""Every interface string the site shows, in French: what each language's catalog must translate.

Taken from where they are written, so a string added to a template or to the navigation is
never forgotten: `_()` in the theme's templates, `gettext()` in the code, the scripts' sentences
(textes.js), the navigation's titles and the site's name and description in mkdocs.yml.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from babel.messages.extract import extract
from jinja2.ext import babel_extract

from site_build.config_yaml import read_settings
from site_build.i18n.script_texts import SCRIPT_TEXTS
from site_build.text.hours import TRANSLATED_WORDS

PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATES = (PACKAGE / "theme", PACKAGE / "pages" / "templates")


# The package's own templates and code: read once per process (the reports and the tests ask again).
@cache
def _from_templates() -> frozenset[str]:
    found = set()
    for path in sorted(p for folder in TEMPLATES for p in folder.rglob("*.html")):
        with path.open("rb") as handle:
            for _line, _function, message, _comments in babel_extract(
                handle, ("_", "gettext"), [], {"extensions": "jinja2.ext.i18n"}
            ):
                if isinstance(message, str):
                    found.add(message)
    return frozenset(found)


@cache
def _from_code() -> frozenset[str]:
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        with path.open("rb") as handle:
            marks = {"gettext": None, "N_": None, "_say": (2,)}  # _say(words, "sentence"): text/hours.py
            for _line, message, _comments, _context in extract("python", handle, keywords=marks):
                if isinstance(message, str):
                    found.add(message)
    return frozenset(found)


def _nav_titles(entries: Any) -> set[str]:
    found = set()
    for entry in entries or []:
        if isinstance(entry, dict):
            for title, value in entry.items():
                found.add(title)
                if isinstance(value, list):
                    found |= _nav_titles(value)
    return found


def interface_messages(config_file: Path) -> set[str]:
    config = read_settings(config_file.read_text(encoding="utf-8"))
    # the description is the territory's words: translated on each language's home page (description:)
    from_config = {config.get("site_name") or ""} - {""}
    found = set(_from_templates()) | _from_code() | _nav_titles(config.get("nav")) | from_config | set(TRANSLATED_WORDS)
    return found | set(SCRIPT_TEXTS.values())
