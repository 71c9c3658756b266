"""/tableau-de-bord/ (pro only): the territory dashboard for the analyse des besoins sociaux, computed
from the data at build time (data/analytics/territory.py): each table with its chart, what is missing called
out, and its CSV file beside the page."""

from __future__ import annotations

from datetime import date

from site_build import urls
from site_build.data.analytics.territory import CountTable
from site_build.pages.charts import Chart, bar_chart
from site_build.pages.model import Page
from site_build.pages.render import render


def chart_of(table: CountTable) -> Chart:
    return bar_chart(
        f"graphique-{table.id}",
        table.totals_title,
        table.totals_header or table.row_header,
        (table.columns[0] if table.id == "fraicheur" else "Services",),
        [(name, (float(value),)) for name, value in table.totals],
    )


def dashboard_page(tables: list[CountTable], today: date, services: int, partners: int) -> Page:
    html = render(
        "dashboard.html",
        urls.DASHBOARD,
        tables=[(table, chart_of(table) if table.totals else None, table.csv_path) for table in tables],
        today=today,
        services=services,
        partners=partners,
    )
    return Page(urls.source(urls.DASHBOARD), "Tableau de bord du territoire", html)
