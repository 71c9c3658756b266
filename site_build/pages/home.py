"""The home page's "Ce mois-ci" block: the recipe of the month and the next Épi'santé dates."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from site_build.data.records import Records
from site_build.pages.health import next_dates
from site_build.pages.recipes import recipe_of_the_month
from site_build.pages.render import render


def home_section(records: Records, today: date) -> str:
    # both blocks come from templates of ours: already escaped
    return render(
        "home_month.html",
        "",
        recipe_block=Markup(recipe_of_the_month(records, today)),
        dates_block=Markup(next_dates(records, today)),
    )
