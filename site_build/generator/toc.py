"""Generated headings in MkDocs's table of contents (MkDocs only sees the headings of the Markdown)."""

from __future__ import annotations

import html

from mkdocs.structure.toc import AnchorLink, TableOfContents

from site_build.pages.headings import Heading


def _link(heading: Heading) -> AnchorLink:
    # MkDocs keeps titles as HTML and the theme prints them unescaped
    link = AnchorLink(html.escape(heading.text), heading.id, heading.level)
    link.children = [_link(child) for child in heading.children]
    return link


def with_headings(toc: TableOfContents, headings: list[Heading]) -> TableOfContents:
    """The page's TOC with `headings` under its title (the h1 MkDocs found), or at the top level."""
    links = [_link(h) for h in headings]
    items = list(toc)
    if items and items[0].level == 1:
        items[0].children = [*items[0].children, *links]
    else:
        items += links
    return TableOfContents(items)
