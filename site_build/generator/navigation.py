"""The global navigation per profile: pro-only sections vanish from the public nav."""

from __future__ import annotations

from typing import Any

PRO_ONLY_PREFIXES = ("professionnels/", "liaison/", "verification/")


def _keep(entry: object) -> bool:
    if isinstance(entry, str):
        return not entry.startswith(PRO_ONLY_PREFIXES)
    if isinstance(entry, dict):
        return all(_keep(value) for value in entry.values())
    return True  # nested lists were filtered already


def nav_for_profile(nav: Any, profile: str) -> Any:
    if nav is None or profile == "pro":
        return nav
    result = []
    for entry in nav:
        if isinstance(entry, dict):
            entry = {
                key: nav_for_profile(value, profile) if isinstance(value, list) else value
                for key, value in entry.items()
            }
        if _keep(entry):
            result.append(entry)
    return result
