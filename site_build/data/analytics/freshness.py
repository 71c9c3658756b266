"""Freshness of the directory: when each partner, service and professional was last checked, and
when it is due again. Feeds `site-build report` and the pro page /verification/."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from site_build.data.analytics.due_dates import due_date
from site_build.data.loading.dataset import Dataset


@dataclass(frozen=True)
class Freshness:
    kind: str  # partenaire | service | professionnel
    ident: str
    name: str
    partner: str  # the partner whose page shows it
    checked: str
    due: date | None

    def late(self, today: date) -> bool:
        return self.due is not None and self.due < today


def freshness_rows(dataset: Dataset, today: date) -> list[Freshness]:
    """Overdue first, then by due date; a service without its own date inherits its partner's."""
    rows = []
    for partner in dataset.partners:
        rows.append(
            Freshness(
                "partenaire",
                partner["id"],
                partner["nom"],
                partner["id"],
                str(partner.get("date_verification", "")),
                due_date(partner),
            )
        )
        for service in partner.get("services") or []:
            source = service if service.get("date_verification") else partner
            rows.append(
                Freshness(
                    "service",
                    service["id"],
                    service["nom"],
                    partner["id"],
                    str(source.get("date_verification", "")),
                    due_date(source),
                )
            )
    for person in dataset.professionals:
        rows.append(
            Freshness(
                "professionnel",
                person["id"],
                f"{person['prenom']} {person['nom']}",
                person.get("partenaire", ""),
                str(person.get("date_verification", "")),
                due_date(person),
            )
        )
    return sorted(rows, key=lambda r: (r.due is None, r.due or today, r.kind, r.ident))
