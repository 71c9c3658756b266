"""The headings of generated HTML, for the page's table of contents."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Heading:
    level: int
    id: str
    text: str
    children: list[Heading] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Heading] = []
        self._open: Heading | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id")
        if tag in ("h2", "h3") and ident:
            self._open = Heading(int(tag[1]), ident, "")

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == f"h{self._open.level}":
            self._open.text = " ".join(self._open.text.split())
            self.found.append(self._open)
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open.text += data


def headings(html: str) -> list[Heading]:
    """h2 (with their h3 as children) that have an id: the ones a reader can jump to."""
    collector = _Collector()
    collector.feed(html)
    tree: list[Heading] = []
    for heading in collector.found:
        if heading.level == 3 and tree:
            tree[-1].children.append(heading)
        else:
            tree.append(heading)
    return tree
