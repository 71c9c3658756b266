"""The generated page model, and the pages without a module of their own: liaison forms, open data, home.

Each page is (source path, title, HTML). The generator (MkDocs here) wraps them
in the theme; every value from data goes through `e()` or `markdown_text()`.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from .dataset import Dataset
from .safe_html import e


@dataclass(frozen=True)
class Page:
    src_uri: str  # e.g. "annuaire/caf-du-cher.md" → /annuaire/caf-du-cher/
    title: str
    html: str
    searchable: bool = True  # in the site search index

    @property
    def markdown_stub(self) -> str:
        """What the generator is given as the page's Markdown: its title (the body is added as HTML)."""
        front = "---\nsearch:\n  exclude: true\n---\n" if not self.searchable else ""
        return f"{front}# {self.title_markdown}\n"

    @property
    def title_markdown(self) -> str:
        """The title as a Markdown heading text: escaped so data never becomes markup."""
        return html.escape(self.title, quote=False).replace("*", "\\*").replace("_", "\\_")


# -- open data -----------------------------------------------------------------

def data_page(licence_title: str) -> Page:
    from .datapackage import TABLES

    rows = "".join(f'<li><a href="{e(name)}.csv">{e(title)}</a> ({e(name)}.csv) — {e(description)}</li>'
                   for name, (title, description, *_rest) in TABLES.items())
    body = ("<p>Les informations publiques du guide sont des données ouvertes : vous pouvez les "
            f"réutiliser librement, en citant la source. Licence : {e(licence_title)}.</p>"
            '<p>Description complète (Data Package, tables et champs) : '
            '<a href="datapackage.json">datapackage.json</a>.</p>'
            f"<h2>Fichiers</h2><ul>{rows}</ul>"
            "<p>Les coordonnées réservées aux professionnels ne sont jamais publiées.</p>")
    return Page("donnees/index.md", "Données ouvertes", body)


def home_section(dataset: Dataset, today: date) -> str:
    """'Ce mois-ci' block for the home page: recipe of the month and next Épi'santé dates."""
    from .health_pages import next_dates
    from .recipe_pages import recipe_of_the_month

    return f'<div class="gp-ce-mois-ci">{recipe_of_the_month(dataset, today)}{next_dates(dataset, today)}</div>'
