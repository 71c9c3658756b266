"""The Jinja environment that renders every generated page and fragment, autoescaping on.

It belongs to site_build, not to the generator (MkDocs's own environment has autoescape
off): a value from data is always text unless a filter below says it is safe HTML.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import jinja2.ext
from markupsafe import Markup

from site_build import urls
from site_build.data.loading.vocabularies import TRANSLATED_VOCABULARIES, label
from site_build.data.media.pictograms import pictogram_svg
from site_build.data.model.labels import shown_label, shown_labels_text
from site_build.i18n import formats
from site_build.i18n.current import current, gettext, is_translated
from site_build.i18n.hours_words import hours_in_words
from site_build.i18n.languages import DEFAULT, language
from site_build.pages.links import relative
from site_build.text import french
from site_build.text.folding import fold
from site_build.text.safe_markdown import is_plain_paragraph, markdown_text, safe_href


def script_json(data: Any) -> Markup:
    """JSON inside <script>: '<', '>' and '&' escaped so data can never close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def pictogram(name: str) -> Markup:
    """The SVG of a pictogram of the theme's icon sets (checked: no script, no link); see the picto macro."""
    return Markup(pictogram_svg(name) or "")


def compact_json(data: Any) -> str:
    """JSON for a data-* attribute (autoescaping quotes it)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def day_or_text(value: str) -> str:
    """An ISO date written in the page's language; anything else as it is (a date an editor mistyped)."""
    try:
        return formats.day(date.fromisoformat(value))
    except ValueError:
        return value


def of_month(key: str) -> str:
    """« d'avril 2027 » in French; the month alone in a language without such a contraction."""
    return french.of_month(key) if current().code == DEFAULT else formats.month(key)


@jinja2.pass_context  # never folded at compile time: the answer depends on the page's language
def lang_attr(_context: jinja2.runtime.Context, code: str) -> Markup:
    return language_mark(code)


def language_mark(code: str) -> Markup:
    """` lang="fr"` on an element whose text is in another language than the page's (a partner's
    description in an English page), with its direction when it differs (French in an Arabic page
    reads left to right, isolated from the text around it; guide.css lays its lists out so)."""
    page = current().code
    if code == page:
        return Markup("")
    direction = language(code).direction
    if direction != language(page).direction:
        return Markup(' lang="{}" dir="{}"').format(code, direction)
    return Markup(' lang="{}"').format(code)


def fill(text: str, **values: Any) -> Markup:
    """A translated sentence with HTML in its {holes} (a <span> the script updates): the sentence
    is escaped, and so is every value that is not markup already."""
    return Markup.escape(text).format(**values)


def in_language(vocabulary: str, text: str) -> str:
    """A label of a vocabulary the site translates (allergens, publics…) in the page's language."""
    return gettext(text) if vocabulary in TRANSLATED_VOCABULARIES else text


def said_label(vocabulary: str, slug: str) -> str:
    """A slug's label as the public site shows it (data/libelles.yaml's words), in the page's language."""
    return in_language(vocabulary, shown_label(vocabulary, slug))


def terms(slugs: Iterable[str] | None, vocabulary: str) -> str:
    """Several labels as one line, in the page's language; in another language, a label the catalog
    does not have yet (a new everyday label) stays French and says so (lang="fr")."""
    if vocabulary not in TRANSLATED_VOCABULARIES or current().code == DEFAULT:
        return shown_labels_text(vocabulary, slugs)
    french = [shown_label(vocabulary, s) for s in slugs or ()]
    if all(is_translated(label) for label in french):
        return formats.listing([gettext(label) for label in french])
    own_words = environment().get_template("_macros.html").module.own_words  # type: ignore[attr-defined]
    return Markup(", ").join(gettext(label) if is_translated(label) else own_words(label, DEFAULT) for label in french)


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, target: str) -> str:
    return relative(target, context["here"])


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """A cache only: a folder that cannot be read or written (removed, read-only) just means compiling."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


_compiled: dict[str, jinja2.BytecodeCache] = {}


def keep_compiled_templates(folder: Path) -> None:
    """Keep the compiled templates in `folder` (.cache/ beside content/), as the photo sizes are:
    a build then skips parsing them (a tenth of a build of 100 partners). Keyed by each template's
    source, so an edited template is compiled anew, and kept apart per version of this module and
    of Jinja: compiling folds constant filters, so a changed filter must not reuse old code."""
    environment().bytecode_cache = _kept_in(folder, _own_versions())


def compiled_theme_templates(folder: Path) -> jinja2.BytecodeCache:
    """Where the generator's theme (mkdocs-material's templates and site_build/theme's) keeps its
    compiled templates: each build, and each language's child process, otherwise parses the same
    forty templates again (two fifths of a small build). Kept apart per version of Jinja, MkDocs and
    the theme, as keep_compiled_templates does; the generator's adapter gives it to the theme's
    environment once its extensions are in place, before any template is compiled."""
    return _kept_in(folder, _theme_versions())


def _kept_in(folder: Path, versions: bytes) -> jinja2.BytecodeCache:
    """The compiled templates kept in `folder`, apart for each set of `versions` they depend on."""
    folder = folder / hashlib.sha256(versions).hexdigest()[:12]
    folder.mkdir(parents=True, exist_ok=True)
    return _compiled.setdefault(str(folder), _CompiledTemplates(str(folder)))


@cache  # read once per process, not once per build
def _own_versions() -> bytes:
    return Path(__file__).read_bytes() + jinja2.__version__.encode()


@cache
def _theme_versions() -> bytes:
    from importlib.metadata import version

    return "".join(version(name) for name in ("jinja2", "mkdocs", "mkdocs-material")).encode()


# A template whose first line says this is written one element per line for reading, and drawn
# as one line: its line breaks and indentation are not output (a script that reads the drawn
# element's first child, as annuaire-carte.js does, gets the element and not a blank).
JOINED_LINES = "{#- lines joined"
_LINE_BREAK = re.compile(r"\n[ \t]*")


class JoinedLines(jinja2.ext.Extension):
    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if not source.startswith(JOINED_LINES):
            return source
        comment_end = source.index("-#}") + 3
        return source[:comment_end] + _LINE_BREAK.sub("", source[comment_end:]).strip("\n") + "\n"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        extensions=[JoinedLines],
        loader=jinja2.PackageLoader("site_build.pages", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # templates do not change during a build: no stat() per include
    )
    env.filters.update(
        day=formats.day,
        weekday_day=formats.weekday_day,
        month=formats.month,
        of_month=of_month,
        month_short=formats.month_short,
        euros=formats.euros,
        grouped=formats.grouped,
        time_span=formats.time_span,
        clock=formats.clock_text,
        tel_uri=french.tel_uri,
        sort_key=french.sort_key,
        fold=fold,
        hours=hours_in_words,
        label=lambda slug, vocabulary: in_language(vocabulary, label(vocabulary, slug)),
        term=lambda slug, vocabulary: in_language(vocabulary, shown_label(vocabulary, slug)),
        terms=terms,
        thematique=lambda slug: shown_label("thematiques", slug),
        markdown=lambda source: Markup(markdown_text(source)),
        safe_href=safe_href,
        script_json=script_json,
        compact_json=compact_json,
        day_or_text=day_or_text,
        pictogram=pictogram,
        lang_attr=lang_attr,
        fill=fill,
        # Jinja's own lowers the rest: « Monday, october 12 » in English
        capitalize=lambda text: str(text)[:1].upper() + str(text)[1:],
    )
    env.globals.update(url=_url, paths=urls, _=gettext, page_language=lambda: current().code)
    env.tests.update(plain_paragraph=is_plain_paragraph)
    return env


def render(template: str, here: str, **context: Any) -> str:
    """A template rendered for the page at site path `here` (its links are relative to it)."""
    html = environment().get_template(template).render(here=here, **context)
    return html.strip()


def pictogram_markup(name: str) -> Markup | None:
    """A pictogram as the picto macro draws it (decorative, inline SVG), or None when the theme has none."""
    if not pictogram_svg(name):
        return None
    return Markup(environment().get_template("_macros.html").module.picto(name))  # type: ignore[attr-defined]
