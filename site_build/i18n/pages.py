"""Pages in each language. A hand-written page is translated by a file beside it: content/aide.en.md
is the English content/aide.md. French has every page; another language has the pages translated
into it, and its switcher leads from an untranslated page to that language's home, with a notice."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from site_build.i18n.languages import Language

UNTRANSLATED_ANCHOR = "non-traduit"  # the id of the notice on each language's home


def translation_uri(src_uri: str, code: str) -> str:
    """'guide/epicerie.md' → 'guide/epicerie.en.md'."""
    return f"{src_uri[:-3]}.{code}.md"


def without_home(languages: tuple[Language, ...], docs_dir: Path) -> list[Language]:
    """The languages (French aside) whose home page, content/index.<code>.md, is not written yet."""
    return [
        language
        for language in languages
        if not language.is_default and not (docs_dir / translation_uri("index.md", language.code)).is_file()
    ]


def no_home_message(code: str) -> str:
    return (
        f"la langue « {code} » n'a pas encore de page d'accueil ; traduisez content/index.md dans "
        f"content/{translation_uri('index.md', code)}, ou retirez « {code} » de « langues »"
    )


def _split(src_uri: str) -> tuple[str, str] | None:
    """('guide/epicerie.md', 'en') for 'guide/epicerie.en.md', whatever 'en' is; None for 'aide.md'."""
    stem, _, suffix = src_uri.rpartition(".")
    base, dot, code = stem.rpartition(".")
    return (f"{base}.md", code) if suffix == "md" and dot else None


def original_uri(src_uri: str, codes: set[str]) -> tuple[str, str] | None:
    """('guide/epicerie.md', 'en') for 'guide/epicerie.en.md'; None for a French page."""
    pair = _split(src_uri)
    return pair if pair and pair[1] in codes else None


LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?")


def is_translation(src_uri: str, sources: Collection[str]) -> bool:
    """'index.ar.md' beside 'index.md': a page translated into a language, whether or not this build
    has that language (the professionals' site is French only and must not publish it as a page)."""
    pair = _split(src_uri)
    return pair is not None and pair[0] in sources and LANGUAGE_TAG.fullmatch(pair[1]) is not None


@dataclass(frozen=True)
class Pages:
    """The pages one language has: its hand-written translations (src_uri) and the sections the
    generator makes in every language ('recettes/': the recipes, their index and month pages)."""

    sources: frozenset[str] = frozenset()
    sections: tuple[str, ...] = ()

    def __contains__(self, src_uri: object) -> bool:
        return isinstance(src_uri, str) and (src_uri in self.sources or self.has_path(page_url(src_uri)))

    def has_path(self, path: str) -> bool:
        """`path`: a site path ('recettes/', '' for the home). A file ('sante/x.ics') is never the
        language's own: only pages are made in every language."""
        is_page = path == "" or path.endswith("/")
        return is_page and (path.startswith(self.sections) or path in self._paths)

    @cached_property
    def _paths(self) -> frozenset[str]:
        return frozenset(page_url(source) for source in self.sources)


NO_PAGES = Pages()
Translated = Mapping[str, Pages]  # language code → its pages (French has every page)


def translated_pages(
    docs_dir: Path, languages: tuple[Language, ...], sections: tuple[str, ...] = (), generated: tuple[str, ...] = ()
) -> Translated:
    """For each language but French: the pages it has. `sections` (site paths) and `generated`
    (single pages, src_uri) are made in every language."""
    codes = {language.code for language in languages if not language.is_default}
    found: dict[str, set[str]] = {code: set(generated) for code in codes}
    for path in sorted(Path(docs_dir).rglob("*.md")):
        pair = original_uri(path.relative_to(docs_dir).as_posix(), codes)
        if pair and (Path(docs_dir) / pair[0]).exists():
            found[pair[1]].add(pair[0])
    return {code: Pages(frozenset(sources), sections) for code, sources in found.items()}


def page_url(src_uri: str) -> str:
    """The URL of a page inside its language's site (directory URLs): 'guide/epicerie.md' → 'guide/epicerie/'."""
    stem = src_uri[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def to_root(here: str, folder: str) -> str:
    """From the page at site path `here` of the language in `folder`, the way up to the French
    root, where every language's folder starts: '../../' from 'aide/' in English."""
    return "../" * (here.count("/") + folder.count("/"))


@dataclass(frozen=True)
class Alternate:
    """The same page in another language, or that language's home when it has no such page."""

    language: Language
    href: str  # relative to the current page
    translated: bool
    current: bool


def alternates(
    src_uri: str, current: Language, languages: tuple[Language, ...], translated: Translated
) -> list[Alternate]:
    here = page_url(src_uri)
    up = to_root(here, current.folder)
    result = []
    for language in languages:
        exists = language.is_default or src_uri in translated.get(language.code, NO_PAGES)
        target = language.folder + (here if exists else f"#{UNTRANSLATED_ANCHOR}")
        result.append(Alternate(language, (up + target) or "./", exists, language == current))
    return result


def href_to(target_uri: str, from_uri: str, current: Language, translated: Translated) -> str:
    """A link from page `from_uri` to page `target_uri`: in the current language when it has
    that page, else to the French one (the footer's legal pages, say, before they are translated)."""
    here = page_url(from_uri)
    if current.is_default or target_uri in translated.get(current.code, NO_PAGES):
        return to_root(here, "") + page_url(target_uri) or "./"
    return to_root(here, current.folder) + page_url(target_uri)


# A page's settings: between a first line « --- » and the next « --- » (or « ... »). MkDocs's own
# rule for a front matter (mkdocs.utils.meta): what it does not read, it publishes as text.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def page_meta(path: Path) -> dict[str, Any]:
    """A hand-written page's settings (its front matter between two « --- » lines); {} when it has
    none or they cannot be read (the gate reports those, at their line)."""
    try:
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        meta = yaml.safe_load(match[1]) if match else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return meta if isinstance(meta, dict) else {}
