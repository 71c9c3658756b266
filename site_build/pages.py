"""The generated page model, and the pages without a module of their own: liaison forms, open data, home.

Each page is (source path, title, HTML). The generator (MkDocs here) wraps them
in the theme; every value from data goes through `e()` or `markdown_text()`.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date

from .dataset import Dataset
from .safe_html import e

# Python-Markdown's backslash escapes (markdown.Markdown.ESCAPED_CHARS): a backslash before
# any other character would be shown.
_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_{}\[\]()>#+\-.!]")


@dataclass(frozen=True)
class Page:
    src_uri: str  # e.g. "annuaire/caf-du-cher.md" → /annuaire/caf-du-cher/
    title: str
    html: str
    searchable: bool = True  # in the site search index

    @property
    def markdown_stub(self) -> str:
        """What the generator is given as the page's Markdown: its title (the body is added as HTML).
        The theme prints the page title unescaped (header, <title>, navigation): it is given
        HTML-escaped in the front matter, so data can never become markup there either."""
        meta = {"title": html.escape(self.one_line_title, quote=True)}
        if not self.searchable:
            meta["search"] = {"exclude": True}
        return f"---\n{json.dumps(meta, ensure_ascii=False)}\n---\n# {self.title_markdown}\n"

    @property
    def one_line_title(self) -> str:
        return " ".join(self.title.split())

    @property
    def title_markdown(self) -> str:
        """The title as a Markdown heading text that shows exactly as written: HTML is escaped and
        every character Markdown or its extensions could read (links, images, {: attributes},
        emphasis, code) is backslash-escaped; one line, so nothing starts a new block."""
        text = html.escape(self.one_line_title, quote=False)
        return _MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", text)


# -- open data -----------------------------------------------------------------

def data_page(dataset: Dataset, settings, today: date) -> Page:
    """/donnees/: what is published, under which licence, how fresh, and the downloads."""
    from . import french
    from .datapackage import TABLES
    from .interchange import HSDS_COLUMNS

    checked = max((str(p.get("date_verification", "")) for p in dataset.partners), default="")
    licence = settings.licence
    rows = "".join(f'<li><a href="{e(name)}.csv" download>{e(title)}</a> ({e(name)}.csv) — {e(description)}</li>'
                   for name, (title, description, *_rest) in TABLES.items())
    hsds = "".join(f'<li><a href="hsds/{e(name)}.csv" download>{e(name)}.csv</a></li>' for name in HSDS_COLUMNS)
    body = ("<p>Les informations publiques du guide sont des <strong>données ouvertes</strong> : vous pouvez "
            "les copier, les modifier et les réutiliser, même commercialement, en citant la source "
            "« Le guide partagé — CCAS et partenaires ».</p>"
            f'<p>Licence : <a href="{e(licence["path"])}">{e(licence["title"])}</a>.</p>'
            f"<p>Fraîcheur : données publiées le {e(french.day(today))}. Chaque fiche porte sa date de "
            "vérification"
            + (f" (la plus récente : {e(french.day(date.fromisoformat(checked)))})" if len(checked) == 10 else "")
            + ". Le site est reconstruit chaque semaine.</p>"
            "<p>Ce qui n'est jamais publié : les coordonnées réservées aux professionnels, les fiches de liaison, "
            "et aucune donnée sur les personnes accompagnées.</p>"
            "<h2>Paquet de données (Frictionless Data Package)</h2>"
            '<p>Tables CSV (UTF-8, virgule) décrites par <a href="datapackage.json" download>datapackage.json</a> : '
            "types, valeurs permises, clés et liens entre tables. Vérifié à chaque publication.</p>"
            f"<ul>{rows}</ul>"
            "<h2>Format national data·inclusion</h2>"
            "<p>Pour les annuaires nationaux de l'inclusion (schéma data·inclusion, version 1) : "
            '<a href="data-inclusion/structures.json" download>structures.json</a> et '
            '<a href="data-inclusion/services.json" download>services.json</a>.</p>'
            "<h2>Format international Open Referral (HSDS 3.0)</h2>"
            "<p>Les mêmes informations au format tabulaire de la Human Services Data Specification 3.0, "
            f"horaires compris :</p><ul>{hsds}</ul>")
    return Page("donnees/index.md", "Données ouvertes", body)


def home_section(dataset: Dataset, today: date) -> str:
    """'Ce mois-ci' block for the home page: recipe of the month and next Épi'santé dates."""
    from .health_pages import next_dates
    from .recipe_pages import recipe_of_the_month

    return f'<div class="gp-ce-mois-ci">{recipe_of_the_month(dataset, today)}{next_dates(dataset, today)}</div>'
