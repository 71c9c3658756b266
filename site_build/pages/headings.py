"""The headings of generated HTML, for the page's table of contents."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# Our templates write headings as <h2 id="…">…</h2> (see pages/templates/): a pattern is enough,
# and an HTML parser over every page cost a quarter of the build at 1,000 partners.
_HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Heading:
    level: int
    id: str
    text: str
    children: list[Heading] = field(default_factory=list)


def headings(page_html: str) -> list[Heading]:
    """h2 (with their h3 as children) that have an id: the ones a reader can jump to."""
    tree: list[Heading] = []
    for level, ident, inner in _HEADING.findall(page_html):
        text = " ".join(html.unescape(_TAG.sub("", inner)).split())
        heading = Heading(int(level), html.unescape(ident), text)
        if heading.level == 3 and tree:
            tree[-1].children.append(heading)
        else:
            tree.append(heading)
    return tree
