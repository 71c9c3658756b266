"""Checks of the rights helper's rules (data/droits.yaml) beyond their schema: the services they
name exist, and each rule was compared to its official source within the year."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from site_build.data.loading.dataset import Dataset
from site_build.text.french import date_or_none, numeric_date

REVIEW_DAYS = 365  # a rule whose source was read more than a year ago is to be read again
Report = Callable[..., None]


def check_rights(dataset: Dataset, today: date, report: Report, partners_ok: bool = True) -> None:
    """The services named exist (when partners.yaml could be read), and each rule's source was
    checked within the year (a warning)."""
    services = {s.get("id") for p in dataset.partners for s in p.get("services") or [] if isinstance(s, dict)}
    for j, right in enumerate(dataset.rights):
        for k, service in enumerate(right.get("aide") or []):
            if partners_ok and isinstance(service, str) and service not in services:
                report(
                    "rights",
                    (j, "aide", k),
                    f"le service « {service} » n'existe pas dans data/partners.yaml : recopiez l'« id » d'un "
                    "service (il commence par l'id de sa structure, puis --)",
                )
        checked = date_or_none(right.get("verifie_le"))
        if checked and (today - checked).days > REVIEW_DAYS:
            report(
                "rights",
                (j, "verifie_le"),
                f"règle vérifiée le {numeric_date(checked)}, il y a plus d'un an : relisez la source, "
                "corrigez la règle si besoin, puis mettez la date du jour",
                warning=True,
            )
