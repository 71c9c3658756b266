"""Translations an editor should have checked: pages marked `relu: false` (or not marked), and
interface strings a language's catalog does not translate yet (they show in French); the data's
come from data/loading/translations.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from site_build.i18n.catalogs import catalog_file, unreviewed, untranslated
from site_build.i18n.languages import Language
from site_build.i18n.pages import original_uri, page_meta


@dataclass(frozen=True)
class ToReview:
    language: str
    where: str  # a file of the project
    what: str  # in French, for the editor


def is_reviewed(page: Path) -> bool:
    """A hand-written translation whose front matter says `relu: true`."""
    return page_meta(page).get("relu") is True


def from_project(path: Path, project: Path) -> str:
    """A path from the project's folder when it is inside; whole otherwise (a package installed
    elsewhere holds the catalogs)."""
    whole, root = Path(path).resolve(), Path(project).resolve()
    return whole.relative_to(root).as_posix() if whole.is_relative_to(root) else str(path)


def translations_to_review(
    content_dir: Path,
    languages: tuple[Language, ...],
    interface: set[str],
    project: Path,
    data: Iterable[ToReview] = (),
) -> list[ToReview]:
    """`data`: the data's own translations still to review (data/loading/translations.py finds them)."""
    codes = {language.code for language in languages if not language.is_default}
    found = list(data)
    for page in sorted(Path(content_dir).rglob("*.md")):
        relative = page.relative_to(content_dir).as_posix()
        pair = original_uri(relative, codes)
        if pair and not is_reviewed(page):
            where = from_project(page, project)
            found.append(ToReview(pair[1], where, "page pas encore relue (relu: false)"))
    for code in sorted(codes):
        missing = untranslated(code, interface)
        where = from_project(catalog_file(code), project)
        pending = unreviewed(code, interface)
        if pending:
            several = "s" if len(pending) > 1 else ""
            what = f"{_plural(len(pending), 'mot')} du site pas encore relu{several} (#, a-relire)"
            found.append(ToReview(code, where, what))
        if missing:
            found.append(
                ToReview(
                    code,
                    where,
                    f"{_plural(len(missing), 'mot')} du site sans traduction, affiché"
                    + ("s" if len(missing) > 1 else "")
                    + " en français",
                )
            )
    return found


def _plural(count: int, words: str) -> str:
    """'15 besoins traduits', '1 mot': every word of `words` takes the plural's s."""
    return f"{count} " + (" ".join(w + "s" for w in words.split()) if count > 1 else words)
