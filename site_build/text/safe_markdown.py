"""Escaping and the Markdown subset allowed in data: no raw HTML, only safe links."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import markdown
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = re.compile(r"^(https?:|mailto:|tel:)", re.IGNORECASE)


def safe_href(url: str) -> str | None:
    return url if isinstance(url, str) and SAFE_SCHEMES.match(url.strip()) else None


def _remove_keeping_tail(parent: ET.Element, child: ET.Element) -> None:
    tail = child.tail or ""
    index = list(parent).index(child)
    if index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(child)


ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "a", "br"}
_AS_PARAGRAPH = {"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}


class _SafeLinks(Treeprocessor):
    """Only paragraphs, emphasis, lists and http(s)/mailto/tel links; images and rules are dropped,
    headings and quotes become paragraphs, code becomes text. No attribute but a link's href."""

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag in ("img", "hr"):
                    _remove_keeping_tail(parent, child)
                    continue
                if child.tag not in ALLOWED_TAGS:
                    child.tag = "p" if child.tag in _AS_PARAGRAPH else "span"
                for name in [n for n in child.attrib if not (child.tag == "a" and n == "href")]:
                    del child.attrib[name]
                if child.tag == "a":
                    if safe_href(child.get("href", "")) is None:
                        child.attrib.pop("href", None)
                        child.tag = "span"
                    elif not child.get("href", "").startswith(("mailto:", "tel:")):
                        child.set("rel", "noopener")


class _SafeExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)


_MARKDOWN = markdown.Markdown(extensions=[_SafeExtension()])


# Text Markdown would give back as one plain paragraph: one line, none of its markup characters, no
# list or code start. Most descriptions are such sentences; templates print them without the parser
# (a quarter of the partner pages' rendering time), with the same result.
_PLAIN = re.compile(r"(?![ ]*([-+*]|[0-9]+[.)])[ ])(?![ ]{4})[^\n\t\\`*_\[\]<>#!&{}]*")


def is_plain_paragraph(source: str | None) -> bool:
    """True when Markdown would give `source` back as one paragraph of the same text."""
    return bool(source and source.strip()) and _PLAIN.fullmatch(source or "") is not None


def markdown_text(source: str | None) -> str:
    """Render editor Markdown; raw HTML is escaped before parsing so it shows as text."""
    if not source:
        return ""
    _MARKDOWN.reset()
    return _MARKDOWN.convert(html.escape(source, quote=False))


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`#>]+")


def markdown_plain(source: str | None) -> str:
    """Editor Markdown as plain text (link texts kept, targets and emphasis marks dropped), for search."""
    if not source:
        return ""
    return " ".join(_MARKUP.sub("", _LINK.sub(r"\1", source)).split())
