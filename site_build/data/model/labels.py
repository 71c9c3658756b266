"""Which words the site shows for the slugs of the national lists: the everyday labels of
data/libelles.yaml on the public site, the national labels (data·inclusion) in the pro views and
the exports.

The choice holds for everything generated while `shown_labels(...)` is active (a context
variable, so one build's pages, filters and directory JSON agree without threading an argument
through every template). Outside it, labels are the national ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from site_build.data.loading.vocabularies import term_label

_everyday: ContextVar[Mapping[str, Mapping[str, str]] | None] = ContextVar("everyday_labels", default=None)


@contextmanager
def shown_labels(everyday: Mapping[str, Mapping[str, str]]) -> Iterator[None]:
    """Show `everyday` labels (vocabulary → slug → label) instead of the national ones; {} for national."""
    token = _everyday.set(everyday)
    try:
        yield
    finally:
        _everyday.reset(token)


def shown_label(vocabulary: str, slug: str) -> str:
    return (_everyday.get() or {}).get(vocabulary, {}).get(slug) or term_label(vocabulary, slug)


def shown_labels_text(vocabulary: str, slugs: Iterable[str] | None) -> str:
    """Several labels as one line: "Familles, Jeunes"."""
    return ", ".join(shown_label(vocabulary, s) for s in slugs or ())
