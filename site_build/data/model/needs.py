"""Everyday needs (data/besoins.yaml): which thématiques each one covers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from site_build.data.loading.vocabularies import slugs


def expanded(thematiques: Iterable[str]) -> frozenset[str]:
    """The thématiques a need names, a whole category ("mobilite") standing for each of its own."""
    every = slugs("thematiques")
    found: set[str] = set()
    for slug in thematiques:
        found.add(slug)
        if "--" not in slug:
            found.update(t for t in every if t.startswith(f"{slug}--"))
    return frozenset(found)


def covered_thematiques(needs: Iterable[dict[str, Any]]) -> frozenset[str]:
    return frozenset().union(*(expanded(n.get("thematiques") or ()) for n in needs if isinstance(n, dict)))
