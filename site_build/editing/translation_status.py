"""`site-build traductions [--ajouter]`: for a volunteer translator, what each language of the site still
lacks or has not had checked, one line per thing with its file (and line): the site's words (the
language's catalog), the hand-written pages of content/, and the `traductions:` blocks of the data.
`--ajouter` writes the missing words into the catalog, empty and flagged `#, a-relire`, at its end, so
the translator only fills in the `msgstr ""` lines (the file is otherwise left as it is).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.pofile import escape

from site_build.data.loading.dataset import Dataset
from site_build.data.loading.translations import translated_files
from site_build.i18n.catalogs import REVIEW_FLAG, catalog, catalog_file, unreviewed, untranslated
from site_build.i18n.languages import Language
from site_build.i18n.pages import original_uri
from site_build.i18n.review import from_project, is_reviewed

_HEADER = """# Interface strings of the guide in {code}. The French text is the message id.
# Each entry left empty shows in French. See CONTRIBUTING.md, « Traduire le guide ».
msgid ""
msgstr ""
"Language: {code}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"""


@dataclass(frozen=True)
class Pending:
    language: str
    kind: str  # "mot", "page" or "donnée": what the summary counts
    place: str  # file, or file:line
    what: str  # in French


def _words(code: str, interface: set[str], project: Path) -> Iterator[Pending]:
    po = from_project(catalog_file(code), project)
    for text in untranslated(code, interface):
        yield Pending(code, "mot", po, f"à traduire : « {text} »")
    lines: dict[str, int] = {}
    if catalog_file(code).exists():
        lines = {str(message.id): message.lineno or 1 for message in catalog(code)}
    for text in sorted(unreviewed(code, interface), key=lambda text: lines.get(text, 1)):  # in the file's order
        yield Pending(code, "mot", f"{po}:{lines.get(text, 1)}", f"à relire : « {text} »")


def _pages(content: Path, codes: set[str], code: str, project: Path) -> Iterator[Pending]:
    pages = sorted(content.rglob("*.md"))
    translated = {original_uri(p.relative_to(content).as_posix(), codes) for p in pages} - {None}
    for page in pages:
        relative = page.relative_to(content).as_posix()
        pair = original_uri(relative, codes)
        if pair is None and (relative, code) not in translated:
            target = page.with_name(f"{page.stem}.{code}.md")
            yield Pending(
                code, "page", from_project(page, project), f"page à traduire : écrivez {from_project(target, project)}"
            )
        elif pair and pair[1] == code and not is_reviewed(page):
            yield Pending(
                code, "page", f"{from_project(page, project)}:1", "page à relire, puis écrivez « relu: true » en tête"
            )


def _name(record: dict[str, Any]) -> str:
    """What names a record to a translator: a partner's or a need's name, a title, a theme, a bus stop's animation."""
    keys = ("nom", "titre", "theme", "animation", "fonction", "id")
    return str(next((record[key] for key in keys if record.get(key)), ""))


def _data(dataset: Dataset, code: str, project: Path) -> Iterator[Pending]:
    for file in translated_files(dataset):
        document = dataset.documents.get(file.kind)
        if document is None:
            continue
        place = from_project(Path(document.file), project)
        for path, record in file.records.items():
            block = (record.get("traductions") or {}).get(code)
            if not isinstance(block, dict):
                line = document.mark(path)[0]
                yield Pending(code, "donnée", f"{place}:{line}", f"{file.one} « {_name(record)} » à traduire")
            elif block.get("relu") is not True:
                line = document.mark((*path, "traductions", code))[0]
                yield Pending(
                    code, "donnée", f"{place}:{line}", f"{file.one} « {_name(record)} » : traduction à relire"
                )


def translation_status(
    languages: tuple[Language, ...], interface: set[str], dataset: Dataset, project: Path
) -> list[Pending]:
    """Everything each language other than French lacks or has not had checked, language by language."""
    codes = {language.code for language in languages if not language.is_default}
    found: list[Pending] = []
    for code in sorted(codes):
        found += _words(code, interface, project)
        found += _pages(dataset.content_dir, codes, code, project)
        found += _data(dataset, code, project)
    return found


def add_missing_words(code: str, interface: set[str]) -> int:
    """Append the words the catalog lacks, empty and flagged to review; how many were added."""
    missing = [text for text in untranslated(code, interface) if not _in_catalog(code, text)]
    if not missing:
        return 0
    path = catalog_file(code)
    if not path.exists():  # a new language: the catalog's header first
        path.write_text(_HEADER.format(code=code), encoding="utf-8")
    entries = "".join(f'\n#, {REVIEW_FLAG}\nmsgid {escape(text)}\nmsgstr ""\n' for text in missing)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(entries)
    catalog.cache_clear()
    return len(missing)


def _in_catalog(code: str, text: str) -> bool:
    """Already in the file, even empty (added before and not yet translated): not added twice."""
    return catalog_file(code).exists() and catalog(code).get(text) is not None
