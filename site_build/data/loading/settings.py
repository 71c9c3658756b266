"""Site-wide settings the generator needs from mkdocs.yml (kept apart so site_build runs without MkDocs)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# A partner's vCard, beside its page (annuaire/<id>/fiche.vcf): the page links it, the feeds write it.
PARTNER_VCARD = "fiche.vcf"


@dataclass(frozen=True)
class SiteSettings:
    site_url: str = ""  # absolute base URL, for links that leave the site (vCard, JSON-LD, reports)
    signalement: str = ""  # where editors receive error reports: mailto:… or an https new-issue URL
    epicerie: str = ""  # id of the social grocery in partners.yaml (none: no distribution block on the home page)
    licence_title: str = "Licence Ouverte / Open Licence 2.0"  # of the open data (extra.licence in mkdocs.yml)
    licence_name: str = "etalab-2.0"
    licence_path: str = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
    langues: tuple[str, ...] | None = None  # the site's languages (extra.langues), for the data's translations
    budget_mo: float = 20  # what the service worker may save for offline use (extra.hors_ligne.budget_mo)
    site_name: str = "Le guide partagé"  # the guide's name (site_name), on what is printed for the street
    organisation: str = ""  # who runs the guide (extra.organisation)
    short_name: str = ""  # under the installed app's icon (extra.nom_court); none: « Guide partagé »
    colour: str = ""  # the guide's colour (extra.couleur, « #rrggbb »); none: the theme's green
    # Where « Proposer une modification » sends (extra.propositions): the team's address, the
    # GitHub repository if the guide is kept there, and how many days a proposal usually waits.
    proposal_email: str = ""
    proposal_github: str = ""
    proposal_days: int = 7

    @property
    def licence(self) -> dict[str, Any]:
        return {"name": self.licence_name, "title": self.licence_title, "path": self.licence_path}

    def page_url(self, path: str) -> str:
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else ""

    @classmethod
    def from_mkdocs(cls, config: Mapping[str, Any]) -> SiteSettings:
        extra = config.get("extra") or {}
        licence = extra.get("licence") or {}
        proposals = extra.get("propositions") or {}
        return cls(
            site_url=config.get("site_url") or "",
            signalement=extra.get("signalement", ""),
            epicerie=extra.get("epicerie") or "",
            langues=_codes(extra.get("langues")),
            budget_mo=(extra.get("hors_ligne") or {}).get("budget_mo", 20),
            site_name=config.get("site_name") or "Le guide partagé",
            organisation=extra.get("organisation") or "",
            colour=extra.get("couleur") or "",
            short_name=extra.get("nom_court") or "",
            proposal_email=proposals.get("courriel") or "",
            proposal_github=proposals.get("github") or "",
            proposal_days=proposals.get("delai_jours") or 7,
            **{f"licence_{k}": v for k, v in licence.items() if k in ("title", "name", "path")},
        )


def _codes(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return ("fr",)
    return tuple(value) if isinstance(value, list) and all(isinstance(c, str) for c in value) else None
