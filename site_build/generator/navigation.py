"""MkDocs's global navigation for a profile: the sections it does not publish vanish from it."""

from __future__ import annotations

from typing import Any

from site_build.data.profile import Profile


def _keep(entry: object, profile: Profile) -> bool:
    if isinstance(entry, str):
        return profile.publishes_path(entry)
    if isinstance(entry, dict):
        return all(_keep(value, profile) for value in entry.values())
    if isinstance(entry, list):  # a section whose pages were all filtered out vanishes too
        return bool(entry)
    return True


def nav_for_profile(nav: Any, profile: Profile) -> Any:
    if nav is None:
        return nav
    result = []
    for entry in nav:
        if isinstance(entry, dict):
            entry = {
                key: nav_for_profile(value, profile) if isinstance(value, list) else value
                for key, value in entry.items()
            }
        if _keep(entry, profile):
            result.append(entry)
    return result
