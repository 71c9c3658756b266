"""The home page's "Ce mois-ci" block."""

from __future__ import annotations

from datetime import date

from site_build.data.dataset import Dataset
from site_build.pages.health import next_dates
from site_build.pages.recipes import recipe_of_the_month


def home_section(dataset: Dataset, today: date) -> str:
    """'Ce mois-ci' block for the home page: recipe of the month and next Épi'santé dates."""
    return f'<div class="gp-ce-mois-ci">{recipe_of_the_month(dataset, today)}{next_dates(dataset, today)}</div>'
