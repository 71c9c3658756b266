"""Freshness of the directory: when each partner, service and professional was last checked, and
when it is due again. Feeds `site-build report` and the pro page /verification/."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import french
from .checks import due_date
from .dataset import Dataset
from .html_parts import partner_url
from .pages import Page
from .safe_html import e

KIND_LABELS = {"partenaire": "Structure", "service": "Service", "professionnel": "Professionnel"}


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
        rows.append(Freshness("partenaire", partner["id"], partner["nom"], partner["id"],
                              str(partner.get("date_verification", "")), due_date(partner)))
        for service in partner.get("services") or []:
            source = service if service.get("date_verification") else partner
            rows.append(Freshness("service", service["id"], service["nom"], partner["id"],
                                  str(source.get("date_verification", "")), due_date(source)))
    for person in dataset.professionals:
        rows.append(Freshness("professionnel", person["id"], f"{person['prenom']} {person['nom']}",
                              person.get("partenaire", ""), str(person.get("date_verification", "")), due_date(person)))
    return sorted(rows, key=lambda r: (r.due is None, r.due or today, r.kind, r.ident))


def verification_page(dataset: Dataset, today: date) -> Page:
    rows = freshness_rows(dataset, today)
    late = [r for r in rows if r.late(today)]
    body = [f"<p>État au {e(french.day(today))} : <strong>{len(late)} fiche{'s' if len(late) > 1 else ''} à "
            f"vérifier</strong> sur {len(rows)}. Les plus en retard sont en haut. Après vérification, mettez la "
            "date du jour dans « date_verification » (voir le guide de contribution).</p>",
            '<table><thead><tr><th scope="col">État</th><th scope="col">Type</th><th scope="col">Nom</th>'
            '<th scope="col">Vérifié le</th><th scope="col">À vérifier avant</th></tr></thead><tbody>']
    for row in rows:
        checked = french.day(date.fromisoformat(row.checked)) if len(row.checked) == 10 else row.checked
        body.append(f'<tr><td>{"<strong>En retard</strong>" if row.late(today) else "À jour"}</td>'
                    f"<td>{e(KIND_LABELS[row.kind])}</td>"
                    f'<td><a href="{partner_url(row.partner, 1)}">{e(row.name)}</a></td><td>{e(checked)}</td>'
                    f"<td>{e(french.day(row.due)) if row.due else ''}</td></tr>")
    body.append("</tbody></table>")
    return Page("verification/index.md", "Vérification des fiches", "".join(body))
