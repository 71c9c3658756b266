"""Shortcodes in hand-written pages. `{picto material/food-apple}` becomes the theme's icon, drawn
inline (no request), beside the line it illustrates (easy-to-read pages). `{chiffre services}`
becomes a figure computed from the data at build time, so that a page never quotes a stale number."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from site_build.i18n import formats
from site_build.pages.render import pictogram_markup

SHORTCODE = re.compile(r"\{picto ([a-z0-9-]+/[a-z0-9-]+)\}")
FIGURE = re.compile(r"\{chiffre ([a-z0-9-]+)\}")


def with_pictograms(markdown: str) -> tuple[str, list[tuple[int, str]]]:
    """The Markdown with its pictograms drawn, and the (line, name) of those the theme does not have."""
    unknown: list[tuple[int, str]] = []

    def draw(match: re.Match[str]) -> str:
        markup = pictogram_markup(match[1])
        if markup is None:
            unknown.append((markdown.count("\n", 0, match.start()) + 1, match[1]))
            return match[0]
        return str(markup)

    return SHORTCODE.sub(draw, markdown), unknown


def unknown_pictogram_message(source: str, line: int, name: str) -> str:
    return (
        f"{source}:{line} : le pictogramme « {name} » n'existe pas ; écrivez le nom d'une icône du "
        "thème, par exemple {picto material/food-apple} (les noms sont sur la page « Icons » de Material for MkDocs)"
    )


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


def unknown_figure_message(source: str, line: int, name: str, known: list[str]) -> str:
    return f"{source}:{line} : le chiffre « {name} » n'existe pas ; écrivez l'un de : {', '.join(known)}"


def with_shortcodes(
    markdown: str, source: str, shown: str, figures: Callable[[], Mapping[str, int]]
) -> tuple[str, list[str]]:
    """A hand-written page's Markdown with its shortcodes drawn, and a message per unknown one, at
    its line in the file `shown` (whose text is `source`: the front matter MkDocs took away counted)."""
    from site_build.pages.hand_written_checks import lines_before_body

    moved = lines_before_body(source, markdown)
    markdown, unknown_pictograms = with_pictograms(markdown)
    messages = [unknown_pictogram_message(shown, line + moved, name) for line, name in unknown_pictograms]
    markdown, unknown_figures = with_figures(markdown, figures)
    if unknown_figures:
        names = sorted(figures())
        messages += [unknown_figure_message(shown, line + moved, name, names) for line, name in unknown_figures]
    return markdown, messages
