"""The generated page model, and the pages without a module of their own: liaison forms, open data, home.

Each page is (source path, title, HTML). The generator (MkDocs here) wraps them
in the theme; the HTML comes from the templates in pages/templates/ (autoescaped).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import cached_property

from site_build.i18n.pages import page_url
from site_build.pages.headings import Heading, headings

# Python-Markdown's backslash escapes (markdown.Markdown.ESCAPED_CHARS): a backslash before
# any other character would be shown.
_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_{}\[\]()>#+\-.!]")


@dataclass(frozen=True)
class Page:
    src_uri: str  # e.g. "annuaire/mission-locale.md" → /annuaire/mission-locale/
    title: str
    html: str
    searchable: bool = True  # in the site search index
    wide: bool = False  # a tool page (the directory): no table of contents beside it, the content gets the room
    read_aloud: bool = False  # an « Écouter » button reads it with the device's own voice
    reviewed: bool = True  # False: its translation is still to be checked (the theme says so)
    title_language: str = ""  # the title's language when it is not the page's (a French name in an English page)

    @property
    def markdown_stub(self) -> str:
        """What the generator is given as the page's Markdown: its title (the body is added as HTML).
        The theme prints the page title unescaped (header, <title>, navigation): it is given
        HTML-escaped in the front matter, so data can never become markup there either."""
        meta: dict[str, object] = {"title": html.escape(self.one_line_title, quote=True)}
        if not self.searchable:
            meta["search"] = {"exclude": True}
        if self.wide:
            meta["hide"] = ["toc"]
        if self.read_aloud:
            meta["ecouter"] = True
        if not self.reviewed:
            meta["relu"] = False
        marked = f' {{: lang="{self.title_language}" }}' if self.title_language else ""  # attr_list
        return f"---\n{json.dumps(meta, ensure_ascii=False)}\n---\n# {self.title_markdown}{marked}\n"

    @property
    def site_path(self) -> str:
        """Where the page is in the site: 'annuaire/mission-locale/'."""
        return page_url(self.src_uri)

    @cached_property
    def headings(self) -> list[Heading]:
        return headings(self.html)

    @property
    def one_line_title(self) -> str:
        return " ".join(self.title.split())

    @property
    def title_markdown(self) -> str:
        """The title as a Markdown heading text that shows exactly as written: HTML is escaped and
        every character Markdown or its extensions could read (links, images, {: attributes},
        emphasis, code) is backslash-escaped; one line, so nothing starts a new block."""
        text = html.escape(self.one_line_title, quote=False)
        return _MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", text)
