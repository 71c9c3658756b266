"""What every translatable record shares: finding its `traductions:` block for one language."""

from __future__ import annotations

from dataclasses import field
from typing import Any, TypeVar

T = TypeVar("T")


def translation_in(translations: tuple[T, ...], code: str) -> T | None:
    """The translation of a record into language `code` (its `traductions:` block), if there is one."""
    return next((t for t in translations if getattr(t, "langue", None) == code), None)


def set_by_translation(default: Any) -> Any:
    """A field of a record no data file writes: `in_language` sets it (the language of the record's
    words, whether someone fluent reviewed them). The schema has no such property."""
    return field(default=default, metadata={"set_by": "in_language"})


def words_in(record: Any, found: Any, *names: str) -> dict[str, Any]:
    """The named text fields of `record` as its translation `found` says them, French where it is silent."""
    return {name: getattr(found, name) or getattr(record, name) for name in names}


def parallel(translated: tuple[str, ...], french: tuple[str, ...]) -> tuple[str, ...]:
    """A translated list (documents, tips) when it has one line per French line, else the French one."""
    return translated if translated and len(translated) == len(french) else french
