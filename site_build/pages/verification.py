"""/verification/ (pro only): which records are due for checking, most overdue first."""

from __future__ import annotations

from datetime import date

from site_build import urls
from site_build.data.analytics.freshness import freshness_rows
from site_build.data.loading.dataset import Dataset
from site_build.pages.model import Page
from site_build.pages.render import render

KIND_LABELS = {"partenaire": "Structure", "service": "Service", "professionnel": "Professionnel"}


def verification_page(dataset: Dataset, today: date) -> Page:
    rows = freshness_rows(dataset, today)
    late = sum(1 for r in rows if r.late(today))
    html = render("verification.html", urls.VERIFICATION, rows=rows, late=late, today=today, kinds=KIND_LABELS)
    return Page(urls.source(urls.VERIFICATION), "Vérification des fiches", html)
