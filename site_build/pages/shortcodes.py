"""Shortcodes in hand-written pages. `{picto material/food-apple}` becomes the theme's icon, drawn
inline (no request), beside the line it illustrates (easy-to-read pages). `{chiffre services}`
becomes a figure computed from the data at build time, so that a page never quotes a stale number."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

from site_build.i18n import formats
from site_build.pages.hand_written_checks import (
    FIGURE,
    PICTOGRAM,
    lines_before_body,
    unknown_figure_text,
    unknown_pictogram_text,
)
from site_build.pages.render import pictogram_markup


def with_pictograms(markdown: str) -> tuple[str, list[tuple[int, str]]]:
    """The Markdown with its pictograms drawn, and the (line, name) of those the theme does not have."""
    unknown: list[tuple[int, str]] = []

    def draw(match: re.Match[str]) -> str:
        markup = pictogram_markup(match[1])
        if markup is None:
            unknown.append((markdown.count("\n", 0, match.start()) + 1, match[1]))
            return match[0]
        return str(markup)

    return PICTOGRAM.sub(draw, markdown), unknown


def with_figures(markdown: str, figures: Callable[[], Mapping[str, int]]) -> tuple[str, list[tuple[int, str]]]:
    """The Markdown with its `{chiffre …}` replaced, and the (line, name) of the unknown ones. The
    figures are computed only for a page that quotes one."""
    if "{chiffre " not in markdown:
        return markdown, []
    known = figures()
    unknown: list[tuple[int, str]] = []

    def quote(match: re.Match[str]) -> str:
        if match[1] not in known:
            unknown.append((markdown.count("\n", 0, match.start()) + 1, match[1]))
            return match[0]
        return formats.grouped(known[match[1]])

    return FIGURE.sub(quote, markdown), unknown


def with_shortcodes(
    markdown: str, source: Path, shown: str, figures: Callable[[], Mapping[str, int]]
) -> tuple[str, list[str]]:
    """A hand-written page's Markdown with its shortcodes drawn, and a message per unknown one, at
    its line in the file `shown` (`source`, read only then: the front matter MkDocs took away is
    counted)."""
    drawn, unknown_pictograms = with_pictograms(markdown)
    drawn, unknown_figures = with_figures(drawn, figures)
    if not unknown_pictograms and not unknown_figures:
        return drawn, []
    text = source.read_text(encoding="utf-8-sig") if source.is_file() else markdown
    moved = lines_before_body(text, markdown)
    messages = [f"{shown}:{line + moved} : {unknown_pictogram_text(name)}" for line, name in unknown_pictograms]
    messages += [f"{shown}:{line + moved} : {unknown_figure_text(name)}" for line, name in unknown_figures]
    return drawn, messages
