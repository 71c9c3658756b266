"""One language's MkDocs build: its pages, navigation, switcher and interface strings."""

from __future__ import annotations

import posixpath
import re
import shutil
from collections.abc import Callable, Iterator, MutableMapping
from functools import partial
from pathlib import Path
from typing import Any, Self

from markupsafe import Markup

from site_build import urls
from site_build.generator.navigation import filtered_nav
from site_build.i18n.catalogs import translations
from site_build.i18n.languages import Language
from site_build.i18n.pages import (
    NO_PAGES,
    Pages,
    alternates,
    href_to,
    is_translation,
    original_uri,
    page_meta,
    page_url,
    translated_pages,
)
from site_build.i18n.script_texts import SCRIPT_TEXTS

# Data files the French build makes that another language's pages read too (the directory's
# search): copied into the language's folder, so its own worker saves them for offline use.
SHARED_FILES = (urls.DIRECTORY_DATA,)

# [text](target.md) or [text](target.md#part) in a page's Markdown
_PAGE_LINK = re.compile(r"\]\((?P<target>[^()\s#]+\.md)(?P<anchor>#[^()\s]*)?\)")


class OwnSwitcher:
    """Set as `extra.alternate`: the theme then draws its language menu (partials/alternate.html,
    ours, with per-page links) but writes no <link rel=alternate> of its own. Those would make its
    script fetch a sitemap for each of them on every page load."""

    def __bool__(self) -> bool:
        return True

    def __iter__(self) -> Iterator[Any]:
        return iter(())


class ThemeText(Markup):
    """A translation as the theme prints it: escaped text. Jinja's gettext always applies « % » to
    it, with the template's values; the theme's templates give none, so « 100 % » stays as written
    instead of being read as a format (or failing the build)."""

    def __mod__(self, values: Any) -> Self:
        return self if not values else super().__mod__(values)


class EscapedTranslations:
    """The catalog as the theme's templates get it: MkDocs renders them with autoescaping off, so
    every translation is handed over as escaped text (a translation is never markup)."""

    def __init__(self, translations: Any):
        self._translations = translations

    def gettext(self, message: str) -> Markup:
        return ThemeText(Markup.escape(self._translations.gettext(message)))

    def ngettext(self, singular: str, plural: str, count: int) -> Markup:
        return ThemeText(Markup.escape(self._translations.ngettext(singular, plural, count)))

    def pgettext(self, context: str, message: str) -> Markup:
        return ThemeText(Markup.escape(self._translations.pgettext(context, message)))

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> Markup:
        return ThemeText(Markup.escape(self._translations.npgettext(context, singular, plural, count)))


class LanguageBuild:
    def __init__(
        self,
        language: Language,
        languages: tuple[Language, ...],
        docs_dir: Path,
        sections: tuple[str, ...] = (),
        generated: tuple[str, ...] = (),
    ):
        self.language, self.languages = language, languages
        self.docs_dir = Path(docs_dir)
        self.translated = translated_pages(docs_dir, languages, sections, generated)
        self.translations = translations(language.code)
        self.gettext: Callable[[str], str] = self.translations.gettext
        self.theme_translations = EscapedTranslations(self.translations)  # for the theme's templates
        self.others = {other.code for other in languages if not other.is_default}
        self.root_url = ""  # the French site's address (translate_site)

    @property
    def own_pages(self) -> Pages:
        return self.translated.get(self.language.code, NO_PAGES)

    def has_page(self, src_uri: str) -> bool:
        return self.language.is_default or src_uri in self.own_pages

    def translate_site(self, config: Any) -> None:
        """The site's name and description in this language (mkdocs.yml has them in French). The
        description is the territory's own words: its translation is the `description:` of the
        language's home page (content/index.en.md), not an entry of the package's catalogs."""
        self.root_url = (config["site_url"] or "").removesuffix(self.language.folder)
        # the theme prints both as they are: handed over escaped, in every language
        config["site_name"] = self.theme_translations.gettext(config["site_name"])
        if not self.language.is_default:
            home = self.docs_dir / f"index.{self.language.code}.md"
            description = page_meta(home).get("description")
            if isinstance(description, str) and description.strip():
                config["site_description"] = Markup.escape(description.strip())

    def nav(self, nav: Any) -> Any:
        """The navigation of this language: the pages it has, under translated titles."""
        if self.language.is_default:
            return nav
        return filtered_nav(nav, self.has_page, self.theme_translations.gettext)

    def select_files(self, files: Any, config: Any) -> Any:
        """French: every page but the translations. Another language: its translations, each at the
        address of the French page, and no recipe photos (only the French recipe pages show them)."""
        from mkdocs.structure.files import File

        added = []
        sources = {file.src_uri for file in files}
        for file in list(files):
            pair = original_uri(file.src_uri, self.others)
            if self.language.is_default:
                if pair or is_translation(file.src_uri, sources):
                    files.remove(file)
            elif file.is_documentation_page():
                files.remove(file)
                if pair and pair[1] == self.language.code:
                    added.append(File.generated(config, pair[0], abs_src_path=file.abs_src_path))
            elif file.src_uri.startswith("images/"):
                files.remove(file)
        for file in added:
            files.append(file)
        return files

    def copy_shared_files(self, site_dir: Path) -> None:
        """Once this language's pages are written: SHARED_FILES from the French site, built first."""
        if not self.language.is_default:
            copy_shared_files(site_dir.parents[self.language.folder.count("/") - 1], site_dir)

    def mark_review(self, meta: MutableMapping[str, Any]) -> None:
        """A hand-written translation says it is not reviewed unless its front matter says `relu: true`."""
        if not self.language.is_default and meta.get("relu") is not True:
            meta["relu"] = False

    def versions(self, src_uri: str) -> list[tuple[str, str]]:
        """(language, address) of every version of a page, when it has more than one (the sitemap)."""
        found = [
            (other.code, self.root_url + other.folder + page_url(src_uri))
            for other in self.languages
            if other.is_default or src_uri in self.translated.get(other.code, NO_PAGES)
        ]
        return found if len(found) > 1 and self.root_url else []

    def page_context(self, src_uri: str) -> dict[str, Any]:
        return {
            # the scripts' sentences in this language (French pages: the scripts have them)
            "gp_textes_js": {} if self.language.is_default else {k: self.gettext(v) for k, v in SCRIPT_TEXTS.items()},
            "gp_langue": self.language,
            "gp_langues": alternates(src_uri, self.language, self.languages, self.translated),
            "gp_lien": partial(self._link, src_uri),
        }

    def _link(self, from_uri: str, target_uri: str) -> str:
        return href_to(target_uri, from_uri, self.language, self.translated)

    def links_in(self, markdown: str, src_uri: str) -> str:
        """A translated page links to the French page when its language has no such page yet
        (a link MkDocs would otherwise leave broken)."""
        if self.language.is_default:
            return markdown

        def relink(match: re.Match[str]) -> str:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), match["target"]))
            if self.has_page(target):
                return match[0]
            return f"]({href_to(target, src_uri, self.language, self.translated)}{match['anchor'] or ''})"

        return _PAGE_LINK.sub(relink, markdown)


def copy_shared_files(french_root: Path, language_dir: Path) -> None:
    """SHARED_FILES from the French site into another language's folder (its pages read them)."""
    for name in SHARED_FILES:
        if (french_root / name).is_file() and (language_dir / name).parent.is_dir():
            shutil.copyfile(french_root / name, language_dir / name)
