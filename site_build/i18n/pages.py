"""Pages in each language. A hand-written page is translated by a file beside it: content/aide.en.md
is the English content/aide.md. French has every page; another language has the pages translated
into it, and its switcher leads from an untranslated page to that language's home, with a notice."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from site_build.i18n.languages import Language

UNTRANSLATED_ANCHOR = "non-traduit"  # the id of the notice on each language's home


def translation_uri(src_uri: str, code: str) -> str:
    """'guide/epicerie.md' → 'guide/epicerie.en.md'."""
    return f"{src_uri[:-3]}.{code}.md"


def original_uri(src_uri: str, codes: set[str]) -> tuple[str, str] | None:
    """('guide/epicerie.md', 'en') for 'guide/epicerie.en.md'; None for a French page."""
    stem, _, suffix = src_uri.rpartition(".")
    if suffix != "md":
        return None
    base, dot, code = stem.rpartition(".")
    return (f"{base}.md", code) if dot and code in codes else None


def translated_pages(
    docs_dir: Path, languages: tuple[Language, ...], generated: tuple[str, ...] = ()
) -> dict[str, set[str]]:
    """For each language but French: the French pages (src_uri) it has a translation of, the
    `generated` ones (made in every language) included."""
    codes = {language.code for language in languages if not language.is_default}
    found: dict[str, set[str]] = {code: set(generated) for code in codes}
    for path in sorted(Path(docs_dir).rglob("*.md")):
        pair = original_uri(path.relative_to(docs_dir).as_posix(), codes)
        if pair and (Path(docs_dir) / pair[0]).exists():
            found[pair[1]].add(pair[0])
    return found


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
    src_uri: str, current: Language, languages: tuple[Language, ...], translated: dict[str, set[str]]
) -> list[Alternate]:
    here = page_url(src_uri)
    up = to_root(here, current.folder)
    result = []
    for language in languages:
        exists = language.is_default or src_uri in translated.get(language.code, set())
        target = language.folder + (here if exists else f"#{UNTRANSLATED_ANCHOR}")
        result.append(Alternate(language, (up + target) or "./", exists, language == current))
    return result


def href_to(target_uri: str, from_uri: str, current: Language, translated: dict[str, set[str]]) -> str:
    """A link from page `from_uri` to page `target_uri`: in the current language when it has
    that page, else to the French one (the footer's legal pages, say, before they are translated)."""
    here = page_url(from_uri)
    if current.is_default or target_uri in translated.get(current.code, set()):
        return to_root(here, "") + page_url(target_uri) or "./"
    return to_root(here, current.folder) + page_url(target_uri)
