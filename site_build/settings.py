"""Site-wide settings the generator needs from mkdocs.yml (kept apart so site_build runs without MkDocs)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteSettings:
    site_url: str = ""  # absolute base URL, for links that leave the site (vCard, JSON-LD, reports)
    signalement: str = ""  # where editors receive error reports: mailto:… or an https new-issue URL

    def page_url(self, path: str) -> str:
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else ""

    @classmethod
    def from_mkdocs(cls, config) -> "SiteSettings":
        return cls(site_url=config.get("site_url") or "", signalement=(config.get("extra") or {}).get("signalement", ""))
