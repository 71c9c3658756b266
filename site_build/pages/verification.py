"""/verification/ (pro only): which records are due for checking, most overdue first."""

from __future__ import annotations

from datetime import date

from site_build.data.dataset import Dataset
from site_build.data.freshness import freshness_rows
from site_build.pages.html_parts import partner_url
from site_build.pages.model import Page
from site_build.text import french
from site_build.text.safe_markdown import e

KIND_LABELS = {"partenaire": "Structure", "service": "Service", "professionnel": "Professionnel"}


def verification_page(dataset: Dataset, today: date) -> Page:
    rows = freshness_rows(dataset, today)
    late = [r for r in rows if r.late(today)]
    body = [
        f"<p>État au {e(french.day(today))} : <strong>{len(late)} fiche{'s' if len(late) > 1 else ''} à "
        f"vérifier</strong> sur {len(rows)}. Les plus en retard sont en haut. Après vérification, mettez la "
        "date du jour dans « date_verification » (voir le guide de contribution).</p>",
        '<table><thead><tr><th scope="col">État</th><th scope="col">Type</th><th scope="col">Nom</th>'
        '<th scope="col">Vérifié le</th><th scope="col">À vérifier avant</th></tr></thead><tbody>',
    ]
    for row in rows:
        checked = french.day(date.fromisoformat(row.checked)) if len(row.checked) == 10 else row.checked
        body.append(
            f"<tr><td>{'<strong>En retard</strong>' if row.late(today) else 'À jour'}</td>"
            f"<td>{e(KIND_LABELS[row.kind])}</td>"
            f'<td><a href="{partner_url(row.partner, 1)}">{e(row.name)}</a></td><td>{e(checked)}</td>'
            f"<td>{e(french.day(row.due)) if row.due else ''}</td></tr>"
        )
    body.append("</tbody></table>")
    return Page("verification/index.md", "Vérification des fiches", "".join(body))
