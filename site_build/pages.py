"""Generated pages: HTML bodies for partners, recipes, Épi'santé months, forms and indexes.

Each page is (source path, title, HTML). The generator (MkDocs here) wraps them
in the theme; every value from data goes through `e()` or `markdown_text()`.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from . import french
from .dataset import Dataset
from .html_parts import bullet_list, partner_url, row, terms
from .occurrences import occurrences
from .safe_html import e, markdown_text
from .vocabularies import label, thematique_label


@dataclass(frozen=True)
class Page:
    src_uri: str  # e.g. "annuaire/caf-du-cher.md" → /annuaire/caf-du-cher/
    title: str
    html: str

    @property
    def title_markdown(self) -> str:
        """The title as a Markdown heading text: escaped so data never becomes markup."""
        return html.escape(self.title, quote=False).replace("*", "\\*").replace("_", "\\_")


# -- recipes ----------------------------------------------------------------

def _quantity(ingredient: dict) -> str:
    quantity = ingredient.get("quantite")
    if quantity is None:
        return ""
    number = f"{quantity:g}".replace(".", ",")
    unit = label("unites", ingredient["unite"]) if ingredient.get("unite") else ""
    return f"{number} {unit}".strip()


def cost_per_portion(recipe: dict) -> float | None:
    prices = [i.get("prix") for i in recipe.get("ingredients") or []]
    known = [p for p in prices if isinstance(p, (int, float))]
    return sum(known) / recipe["portions"] if known else None


def recipe_page(recipe_id: str, recipe: dict) -> Page:
    parts = ['<div class="gp-recette">', markdown_text(recipe.get("description"))]
    oven = "four" in (recipe.get("materiel") or [])
    parts.append("<dl>")
    parts.append(row("Recette du mois", f'<a href="../{e(recipe["mois"])}/">{e(french.month(recipe["mois"]))}</a>'
                      f" — {e(recipe['aliment_du_mois']['nom'])}"))
    parts.append(row("Portions", e(recipe["portions"])))
    parts.append(row("Préparation", f"{e(recipe['preparation_min'])} min"))
    parts.append(row("Cuisson", f"{e(recipe['cuisson_min'])} min" if recipe["cuisson_min"] else "sans cuisson"))
    parts.append(row("Difficulté", e(label("difficulte", recipe["difficulte"]))))
    parts.append(row("Matériel", terms("materiel", recipe.get("materiel")) + ("" if oven else " — <strong>sans four</strong>")))
    cost = cost_per_portion(recipe)
    if cost is not None:
        parts.append(row("Coût", f"≈ {e(french.euros(cost))} par portion (prix relevés en "
                          f"{e(french.month(recipe['prix_releves']))})" if recipe.get("prix_releves") else ""))
    parts.append("</dl><h2>Ingrédients</h2><ul>")
    for ingredient in recipe["ingredients"]:
        parts.append(f"<li>{e(_quantity(ingredient))} {e(ingredient['nom'])}</li>")
    parts.append("</ul><h2>Étapes</h2><ol>")
    parts.extend(f"<li>{e(step)}</li>" for step in recipe["etapes"])
    parts.append("</ol>")
    allergens = recipe.get("allergenes") or []
    parts.append("<h2>Allergènes</h2><p>" + (terms("allergenes", allergens) if allergens else
                                              "Aucun des 14 allergènes majeurs.") + "</p>")
    if recipe.get("traces"):
        parts.append(f"<p>Peut contenir : {terms('allergenes', recipe['traces'])}.</p>")
    if recipe.get("regimes"):
        parts.append(f"<p>Convient : {terms('regimes', recipe['regimes'])}.</p>")
    if recipe.get("astuces"):
        parts.append("<h2>Astuces</h2>" + bullet_list(recipe["astuces"]))
    if recipe.get("propose_par"):
        parts.append(f'<p class="gp-auteur">Recette proposée par {e(recipe["propose_par"])}.</p>')
    parts.append("</div>")
    return Page(f"recettes/{recipe_id}.md", recipe["titre"], "".join(parts))


def recipes_by_month(dataset: Dataset) -> dict[str, list[tuple[str, dict]]]:
    months: dict[str, list] = {}
    for recipe_id, recipe in dataset.recipes.items():
        months.setdefault(recipe["mois"], []).append((recipe_id, recipe))
    return dict(sorted(months.items()))


def month_page(month: str, recipes: list[tuple[str, dict]]) -> Page:
    food = recipes[0][1]["aliment_du_mois"]
    parts = [f"<h2>{e(food['nom'])}</h2>"]
    if food.get("atouts"):
        parts.append(f"<p><strong>Pourquoi c'est bon :</strong> {e(food['atouts'])}</p>")
    if food.get("conservation"):
        parts.append(f"<p><strong>Bien le conserver :</strong> {e(food['conservation'])}</p>")
    parts.append("<h2>Les recettes</h2><ul>")
    parts.extend(f'<li><a href="../{e(rid)}/">{e(r["titre"])}</a></li>' for rid, r in recipes)
    parts.append("</ul>")
    return Page(f"recettes/{month}.md", f"Épicé'bon — {french.month(month)}", "".join(parts))


def recipes_index(dataset: Dataset) -> Page:
    parts = ["<ul>"]
    for month, recipes in recipes_by_month(dataset).items():
        links = ", ".join(f'<a href="{e(rid)}/">{e(r["titre"])}</a>' for rid, r in recipes)
        food = recipes[0][1]["aliment_du_mois"]["nom"]
        parts.append(f'<li><a href="{e(month)}/">{e(french.month(month).capitalize())}</a> — {e(food)} : {links}</li>')
    parts.append("</ul>")
    return Page("recettes/index.md", "Recettes du mois", "".join(parts))


def featured(dataset: Dataset, today: date) -> tuple[str, dict] | None:
    """Recipe of the current month, else the next one, else the latest."""
    key = f"{today.year:04d}-{today.month:02d}"
    items = list(dataset.recipes.items())
    for wanted in (lambda r: r["mois"] == key, lambda r: r["mois"] > key):
        for recipe_id, recipe in items:
            if wanted(recipe):
                return recipe_id, recipe
    return items[-1] if items else None


# -- Épi'santé ---------------------------------------------------------------

def upcoming(dataset: Dataset, start: datetime, end: datetime) -> list[tuple[datetime, datetime, dict]]:
    found = []
    for event in dataset.interventions:
        for s, f in occurrences(event, start, end):
            found.append((s, f, event))
    return sorted(found, key=lambda x: (x[0], x[2]["id"]))


def _event_item(start: datetime, end: datetime, event: dict, dataset: Dataset, depth: int) -> str:
    place = dataset.partner_by_id.get(event["lieu"], {})
    signup = event.get("inscription") or {}
    register = ("Inscription obligatoire. " + e(signup.get("modalites", ""))) if signup.get("obligatoire") \
        else "Sans inscription."
    return (f'<li class="gp-evenement" data-debut="{start.isoformat()}"><strong>{e(event["titre"])}</strong><br>'
            f"{e(french.time_span(start, end))}<br>"
            f'{e(event["intervenant"])} — <a href="{partner_url(event["lieu"], depth)}">{e(place.get("nom", event["lieu"]))}</a><br>'
            f"{register}</li>")


def health_pages(dataset: Dataset, today: date) -> list[Page]:
    start = datetime.combine(today.replace(day=1), datetime.min.time()) - timedelta(days=180)
    end = datetime.combine(today, datetime.min.time()) + timedelta(days=366)
    events = upcoming(dataset, start, end)
    now = datetime.combine(today, datetime.min.time())
    by_month: dict[str, list] = {}
    for item in events:
        by_month.setdefault(item[0].strftime("%Y-%m"), []).append(item)
    pages = []
    index = ['<p>Des professionnels de santé viennent à l\'épicerie pendant la distribution. '
             'C\'est gratuit et ouvert à tous. <a href="epi-sante.ics">Ajouter le calendrier à mon agenda</a>.</p>',
             "<h2>Prochaines dates</h2>"]
    future_months = [m for m, items in by_month.items() if any(s >= now for s, _, _ in items)]
    for month in future_months:
        index.append(f'<h3><a href="{month}/">{e(french.month(month).capitalize())}</a></h3><ul>')
        index.extend(_event_item(s, f, ev, dataset, 1) for s, f, ev in by_month[month] if s >= now)
        index.append("</ul>")
    past = [item for item in events if item[0] < now]
    if past:
        index.append("<h2>Dates passées</h2><ul>")
        index.extend(_event_item(s, f, ev, dataset, 1) for s, f, ev in reversed(past))
        index.append("</ul>")
    pages.append(Page("sante/index.md", "Épi'santé : la santé à l'épicerie", "".join(index)))
    for month, items in by_month.items():
        body = "<ul>" + "".join(_event_item(s, f, ev, dataset, 2) for s, f, ev in items) + "</ul>"
        pages.append(Page(f"sante/{month}.md", f"Épi'santé — {french.month(month)}", body))
    return pages


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
             'action="#" autocomplete="off" onsubmit="return false">']
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
    parts = ['<div class="gp-ce-mois-ci">']
    chosen = featured(dataset, today)
    if chosen:
        recipe_id, recipe = chosen
        parts.append(f"<h2>Recette du mois : {e(recipe['aliment_du_mois']['nom'].lower())}</h2>"
                     f'<p><a href="recettes/{e(recipe_id)}/">{e(recipe["titre"])}</a> — '
                     f'{e(recipe["preparation_min"] + recipe["cuisson_min"])} minutes en tout.</p>')
    start = datetime.combine(today, datetime.min.time())
    nexts = upcoming(dataset, start, start + timedelta(days=120))[:3]
    if nexts:
        parts.append("<h2>Prochaines dates Épi'santé</h2><ul>")
        parts.extend(_event_item(s, f, ev, dataset, 0) for s, f, ev in nexts)
        parts.append('</ul><p><a href="sante/">Tout le calendrier Épi\'santé</a></p>')
    parts.append("</div>")
    return "".join(parts)
