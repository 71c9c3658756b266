"""/donnees/: the open data, its licence and freshness, and every download."""

from __future__ import annotations

from datetime import date

from site_build import urls
from site_build.data.loading.settings import SiteSettings
from site_build.data.model.records import Records
from site_build.i18n.current import gettext
from site_build.pages.model import Page
from site_build.pages.render import render


def data_page(
    records: Records, settings: SiteSettings, today: date, tables: list[tuple[str, str, str]], hsds_tables: list[str]
) -> Page:
    """What is published, under which licence, how fresh, and the downloads (`tables`: name, title, description)."""
    html = render(
        "open_data.html",
        urls.OPEN_DATA,
        licence=settings.licence,
        today=today,
        latest_check=max((p.date_verification for p in records.partners), default=None),
        tables=tables,
        hsds_tables=hsds_tables,
    )
    return Page(urls.source(urls.OPEN_DATA), gettext("Données ouvertes"), html)
