"""Which pages axe-core must see: one of each structure, not every page.

axe judges structure and style: which elements, their classes (hence colours and sizes), roles,
languages, labels and whether a text or an alternative is there. Two pages that differ only in their
words give it the same answer: 38 partner pages with the same blocks, 12 month pages of recipes.
So a page is checked when its main content (`<article>`) has a shape no page checked before had, or
its surroundings (header, menus, footer) have a shape not yet checked in its profile. The shape keeps
every element with these attributes, writes whether each text, link, image or id is there rather
than what it says, and counts a run of identical siblings once (three services read like two).

What the shape leaves out is checked on every page elsewhere: duplicate and dangling ids by the Nu
Html Checker (`test_every_generated_page_is_valid_html`), links and texts by the gate.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path

SHAPED = (
    "class", "role", "lang", "dir", "type", "tabindex", "hidden", "for", "href", "src", "alt", "id", "title",
    "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
)  # fmt: skip
# Attributes whose value is words or an address: only whether they are there counts.
PRESENCE_ONLY = {"for", "href", "src", "alt", "id", "title", "aria-label", "aria-labelledby", "aria-describedby"}
# Where the page is in the menus (the active tab), not a structure.
STATE = re.compile(r"\S*--active\b")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TEXT = "T"


class _Shape(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list = ["document"]
        self.open: list[list] = [self.root]
        self.article: list | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        parts = [tag]
        for name in SHAPED:
            if name in values:
                value = values[name] or ""
                shown = "" if name in PRESENCE_ONLY else STATE.sub("", value).strip()
                parts.append(f"{name}={shown}{'+' if value else '-'}")
        node = [" ".join(parts)]
        self.open[-1].append(node)
        if tag == "article" and self.article is None:
            self.article = node
        if tag not in VOID:
            self.open.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and len(self.open) > 1:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        current = self.open[-1]
        if data.strip() and current[-1] != TEXT:
            current.append(TEXT)


def _written(node: list | str, hole: list | None = None) -> str:
    """The shape as text; `hole` (the article) written as one mark, so the rest is the surroundings."""
    if isinstance(node, str):
        return node
    if node is hole:
        return "ARTICLE"
    head, *children = node
    kept: list[str] = []
    for child in children:
        text = _written(child, hole)
        if not kept or kept[-1] != text:  # a run of identical siblings counts once
            kept.append(text)
    return f"{head}({','.join(kept)})"


def shapes(html: str) -> tuple[str, str]:
    """(surroundings, article) shapes of a page, as short digests."""
    parser = _Shape()
    parser.feed(html)
    digest = lambda text: hashlib.sha1(text.encode()).hexdigest()  # noqa: E731
    article = _written(parser.article) if parser.article else ""
    return digest(_written(parser.root, parser.article)), digest(article)


def one_of_each_shape(pages: Mapping[str, tuple[Path, list[str]]]) -> dict[str, list[str]]:
    """profile → its pages to check: `pages` gives each profile's site folder and every page path,
    in order. An article shape seen in one profile is not checked again in the other."""
    seen: set[tuple[str, ...]] = set()
    chosen: dict[str, list[str]] = {}
    for profile, (site, paths) in pages.items():
        chosen[profile] = []
        for path in paths:
            around, article = shapes((site / path.lstrip("/") / "index.html").read_text(encoding="utf-8"))
            keys = {(profile, "around", around), ("article", article)}
            if not keys <= seen:
                seen |= keys
                chosen[profile].append(path)
    return chosen
