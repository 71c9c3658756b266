"""The generated page model, and the pages without a module of their own: liaison forms, open data, home.

Each page is (source path, title, HTML). The generator (MkDocs here) wraps them
in the theme; every value from data goes through `e()` or `markdown_text()`.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from .dataset import Dataset
from .safe_html import e, markdown_text
from .vocabularies import thematique_label


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


# -- liaison forms ------------------------------------------------------------

_INPUT_TYPES = {"texte": "text", "telephone": "tel", "courriel": "email", "date": "date"}


def _field(champ: dict) -> str:
    field_id = f"champ-{champ['id']}"
    required = " required" if champ.get("obligatoire") else ""
    mark = ' <span class="gp-obligatoire">(obligatoire)</span>' if champ.get("obligatoire") else ""
    help_id = f"{field_id}-aide"
    described = f' aria-describedby="{help_id}"' if champ.get("aide") else ""
    help_text = f'<p class="gp-aide" id="{help_id}">{e(champ["aide"])}</p>' if champ.get("aide") else ""
    kind = champ["type"]
    if kind in ("choix", "choix-multiples"):
        choices = champ.get("choix") or []
        if champ.get("choix_thematiques"):
            from .vocabularies import VOCABULARIES
            choices = sorted({thematique_label(t.slug).split(" : ")[0] for t in VOCABULARIES["thematiques"]})
        input_type = "radio" if kind == "choix" else "checkbox"
        options = "".join(f'<label><input type="{input_type}" name="{e(champ["id"])}" value="{e(c)}"'
                          f'{required if input_type == "radio" else ""}> {e(c)}</label><br>' for c in choices)
        return f'<fieldset><legend>{e(champ["libelle"])}{mark}</legend>{help_text}{options}</fieldset>'
    if kind == "case-a-cocher":
        return (f'<p><input type="checkbox" id="{field_id}" name="{e(champ["id"])}"{required}{described}> '
                f'<label for="{field_id}">{e(champ["libelle"])}{mark}</label></p>{help_text}')
    label_html = f'<label for="{field_id}">{e(champ["libelle"])}{mark}</label>'
    if kind == "texte-long":
        limit = f' maxlength="{champ["max_longueur"]}"' if champ.get("max_longueur") else ""
        control = f'<textarea id="{field_id}" name="{e(champ["id"])}" rows="4" autocomplete="off"{limit}{required}{described}></textarea>'
    else:
        control = (f'<input type="{_INPUT_TYPES[kind]}" id="{field_id}" name="{e(champ["id"])}" '
                   f'autocomplete="off"{required}{described}>')
    return f"<p>{label_html}<br>{control}</p>{help_text}"


def form_page(form_id: str, form: dict) -> Page:
    parts = [markdown_text(form.get("description")), f'<form class="gp-liaison" id="liaison-{e(form_id)}" '
             'action="#" autocomplete="off">']
    for section in form["sections"]:
        parts.append(f'<fieldset><legend>{e(section["titre"])}</legend>')
        if section.get("aide"):
            parts.append(f"<p>{e(section['aide'])}</p>")
        parts.extend(_field(champ) for champ in section["champs"])
        parts.append("</fieldset>")
    parts.append(f'<p class="gp-consentement">{e(form["consentement"])}</p>')
    parts.append(f'<p class="gp-engagement">{e(form["engagement"])}</p>')
    parts.append("</form><p>Rien de ce que vous saisissez ne quitte cet appareil. Imprimez la fiche "
                 "(Ctrl + P) ou copiez son texte.</p>")
    return Page(f"liaison/{form_id}.md", form["titre"], "".join(parts))


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
