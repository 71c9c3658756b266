"""MkDocs's global navigation for a profile or a language: the pages it does not publish vanish
from it, and so does a section left empty."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import partial
from pathlib import Path
from typing import Any

from site_build.data.model.profile import Profile
from site_build.families import publishes_path


def _same(title: str) -> str:
    return title


def _keep(entry: object, keep: Callable[[str], bool]) -> bool:
    if isinstance(entry, str):
        return keep(entry)
    if isinstance(entry, dict):
        return all(_keep(value, keep) for value in entry.values())
    if isinstance(entry, list):  # a section whose pages were all filtered out vanishes too
        return bool(entry)
    return True


def filtered_nav(nav: Any, keep: Callable[[str], bool], title: Callable[[str], str] = _same) -> Any:
    """The entries whose pages `keep` accepts, with their titles passed through `title`."""
    if nav is None:
        return nav
    result = []
    for entry in nav:
        if isinstance(entry, dict):
            entry = {
                title(key): filtered_nav(value, keep, title) if isinstance(value, list) else value
                for key, value in entry.items()
            }
        if _keep(entry, keep):
            result.append(entry)
    return result


def nav_for_profile(nav: Any, profile: Profile) -> Any:
    """The navigation without the entries of the families this profile does not publish."""
    return filtered_nav(nav, partial(publishes_path, profile))


def nav_of_made_pages(nav: Any, generated: Collection[str], docs_dir: Path) -> Any:
    """The navigation without the entries whose page this build does not make: a feature whose data
    is absent (no Semaine du goût edition, no rights) has no page, so no menu entry either; adding
    its first file brings both back. An address outside the site stays."""

    def made(path: str) -> bool:
        return "://" in path or path in generated or (docs_dir / path).is_file()

    return filtered_nav(nav, made)
