"""Épicé'bon pages: one recipe, the food of the month, all recipes, and the home's "Ce mois-ci"."""

from __future__ import annotations

import json
import math
from datetime import date
from fractions import Fraction
from pathlib import Path

from site_build.data.dataset import Dataset
from site_build.data.settings import SiteSettings
from site_build.data.vocabularies import VOCABULARIES, label
from site_build.pages.html_parts import bullet_list, row, terms
from site_build.pages.images import dimensions, picture_html, variant_path
from site_build.pages.jsonld import script_tag
from site_build.pages.model import Page
from site_build.text import french
from site_build.text.french import sort_key
from site_build.text.safe_markdown import e, markdown_plain, markdown_text

QUICK_MINUTES = 30
# schema.org diets for our diet tags (https://schema.org/RestrictedDiet)
DIETS = {
    "vegetarien": "VegetarianDiet",
    "vegetalien": "VeganDiet",
    "sans-gluten": "GlutenFreeDiet",
    "sans-lactose": "LowLactoseDiet",
    "halal-possible": "HalalDiet",
}
_FRACTIONS = {Fraction(1, 4): "¼", Fraction(1, 2): "½", Fraction(3, 4): "¾"}
_UNIT_PLURALS = {
    "cuillere-a-soupe": "cuillères à soupe",
    "cuillere-a-cafe": "cuillères à café",
    "pincee": "pincées",
    "gousse": "gousses",
    "botte": "bottes",
    "boite": "boîtes",
    "tranche": "tranches",
}


def _half_up(value: float) -> int:
    """Rounding as JavaScript's Math.round does (Python's round() goes to even)."""
    return math.floor(value + 0.5)


def _decimal(value: float) -> str:
    return f"{_half_up(value * 10) / 10:g}".replace(".", ",")


def _grouped(value: float) -> str:
    """1200 → '1 200' (French thousands, narrow no-break space)."""
    return f"{_half_up(value):,}".replace(",", "\u202f")


def quantity_text(quantity: float | None, unit: str | None) -> str:
    """How a quantity reads: '1,2 kg', '1 ½ cuillères à soupe', '2 pincées'. Mirrors recettes.js."""
    if quantity is None:
        return ""
    if unit in ("g", "ml"):
        if quantity >= 1000:
            return f"{_decimal(quantity / 1000)} {'kg' if unit == 'g' else 'l'}"
        step = 5 if quantity >= 50 else 1
        return f"{_grouped(_half_up(quantity / step) * step)} {unit}"
    if unit in ("kg", "l", "cl"):
        return f"{_decimal(quantity)} {unit}"
    quarters = Fraction(max(1, _half_up(quantity * 4)), 4)
    whole, rest = int(quarters), quarters - int(quarters)
    number = " ".join(x for x in (str(whole) if whole else "", _FRACTIONS.get(rest, "")) if x)
    if not unit or unit == "piece":
        return number
    word = _UNIT_PLURALS.get(unit, label("unites", unit)) if quarters > 1 else label("unites", unit)
    return f"{number} {word}"


def cost_per_portion(recipe: dict) -> float | None:
    prices = [i.get("prix") for i in recipe.get("ingredients") or []]
    known = [p for p in prices if isinstance(p, (int, float))]
    return sum(known) / recipe["portions"] if known else None


def total_minutes(recipe: dict) -> int:
    return recipe["preparation_min"] + recipe["cuisson_min"]


def needs_oven(recipe: dict) -> bool:
    return "four" in (recipe.get("materiel") or [])


def _iso_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def _ingredient_line(ingredient: dict) -> str:
    return " ".join(
        x for x in (quantity_text(ingredient.get("quantite"), ingredient.get("unite")), ingredient["nom"]) if x
    )


def recipe_jsonld(recipe_id: str, recipe: dict, settings: SiteSettings) -> dict:
    """schema.org Recipe with what Google requires and recommends."""
    data = {
        "@context": "https://schema.org",
        "@type": "Recipe",
        "name": recipe["titre"],
        "recipeIngredient": [_ingredient_line(i) for i in recipe["ingredients"]],
        "recipeInstructions": [
            {"@type": "HowToStep", "position": n, "text": step} for n, step in enumerate(recipe["etapes"], 1)
        ],
        "prepTime": _iso_duration(recipe["preparation_min"]),
        "cookTime": _iso_duration(recipe["cuisson_min"]),
        "totalTime": _iso_duration(total_minutes(recipe)),
        "recipeYield": f"{recipe['portions']} portions",
        "recipeCategory": "Plat",
        "recipeCuisine": "Française",
        "inLanguage": "fr",
        "keywords": ", ".join(
            [recipe["aliment_du_mois"]["nom"], "petit budget", "Épicé'bon"]
            + [label("regimes", r) for r in recipe.get("regimes") or []]
            + ([] if needs_oven(recipe) else ["sans four"])
        ),
    }
    url = settings.page_url(f"recettes/{recipe_id}/")
    if url:
        data["url"] = url
    if recipe.get("description"):
        data["description"] = markdown_plain(recipe["description"])
    image = recipe.get("image")
    if image:
        data["image"] = [
            settings.page_url(variant_path(image["src"], 960, "jpg")) or variant_path(image["src"], 960, "jpg")
        ]
    if recipe.get("propose_par"):
        data["author"] = {"@type": "Organization", "name": recipe["propose_par"]}
    diets = [f"https://schema.org/{DIETS[r]}" for r in recipe.get("regimes") or [] if r in DIETS]
    if diets:
        data["suitableForDiet"] = diets
    return data


def _portions_control(portions: int) -> str:
    return (
        '<div class="gp-portions gp-avec-js"><label for="gp-portions">Nombre de portions</label> '
        '<button type="button" class="md-button" data-pas="-1" aria-label="Une portion de moins">−</button> '
        f'<input type="number" id="gp-portions" min="1" max="40" value="{portions}" inputmode="numeric"> '
        '<button type="button" class="md-button" data-pas="1" aria-label="Une portion de plus">+</button>'
        f'<p class="gp-portions__etat" role="status">Quantités pour {portions} portions.</p></div>'
    )


def _ingredients(recipe: dict) -> str:
    items = []
    for ingredient in recipe["ingredients"]:
        quantity, unit = ingredient.get("quantite"), ingredient.get("unite")
        data = (
            ""
            if quantity is None
            else (
                f' data-quantite="{e(quantity)}" data-unite="{e(unit or "")}"'
                f' data-ajustable="{"0" if ingredient.get("ajustable") is False else "1"}"'
            )
        )
        shown = quantity_text(quantity, unit)
        items.append(
            f'<li class="gp-ingredient"{data}>'
            + (f'<span class="gp-quantite">{e(shown)}</span> ' if shown else "")
            + f"{e(ingredient['nom'])}</li>"
        )
    return '<ul class="gp-ingredients">' + "".join(items) + "</ul>"


def recipe_page(recipe_id: str, recipe: dict, content_dir: Path, settings: SiteSettings = SiteSettings()) -> Page:
    parts = [f'<article class="gp-recette" data-portions="{e(recipe["portions"])}">']
    image = recipe.get("image")
    if image:
        parts.append(picture_html(image["src"], image["alt"], "../../", dimensions(content_dir, image["src"])))
    parts.append(markdown_text(recipe.get("description")))
    if not needs_oven(recipe):
        parts.append('<p class="gp-badge">Sans four</p>')
    parts.append('<dl class="gp-recette__infos">')
    parts.append(
        row(
            "Recette du mois",
            f'<a href="../{e(recipe["mois"])}/">{e(french.month(recipe["mois"]))}</a>'
            f" — {e(recipe['aliment_du_mois']['nom'])}",
        )
    )
    parts.append(row("Préparation", f"{e(recipe['preparation_min'])} min"))
    parts.append(row("Cuisson", f"{e(recipe['cuisson_min'])} min" if recipe["cuisson_min"] else "Sans cuisson"))
    parts.append(row("Difficulté", e(label("difficulte", recipe["difficulte"]))))
    parts.append(row("Matériel", terms("materiel", recipe.get("materiel"))))
    cost = cost_per_portion(recipe)
    if cost is not None and recipe.get("prix_releves"):
        parts.append(
            row(
                "Coût",
                f"≈ {e(french.euros(cost))} par portion (prix relevés en {e(french.month(recipe['prix_releves']))})",
            )
        )
    parts.append("</dl>")
    parts.append(
        f'<h2>Ingrédients <span class="gp-pour">pour <span class="gp-nombre-portions">{e(recipe["portions"])}'
        "</span> portions</span></h2>"
    )
    parts.append(_portions_control(recipe["portions"]) + _ingredients(recipe))
    parts.append(
        '<h2>Étapes</h2><ol class="gp-etapes">' + "".join(f"<li>{e(s)}</li>" for s in recipe["etapes"]) + "</ol>"
    )
    allergens = recipe.get("allergenes") or []
    parts.append(
        '<h2>Allergènes</h2><p class="gp-allergenes">'
        + ("Contient : " + terms("allergenes", allergens) + "." if allergens else "Aucun des 14 allergènes à déclarer.")
        + "</p>"
    )
    if recipe.get("traces"):
        parts.append(f"<p>Peut contenir : {terms('allergenes', recipe['traces'])}.</p>")
    if recipe.get("regimes"):
        parts.append(f"<p>Convient : {terms('regimes', recipe['regimes'])}.</p>")
    if recipe.get("astuces"):
        parts.append("<h2>Astuces</h2>" + bullet_list(recipe["astuces"]))
    if recipe.get("propose_par"):
        parts.append(f'<p class="gp-auteur">Recette proposée par {e(recipe["propose_par"])}.</p>')
    parts.append(
        '<p class="gp-actions"><button type="button" class="md-button gp-imprimer gp-avec-js">Imprimer la '
        "recette (format A5)</button></p>"
    )
    parts.append(script_tag(recipe_jsonld(recipe_id, recipe, settings)))
    parts.append("</article>")
    return Page(f"recettes/{recipe_id}.md", recipe["titre"], "".join(parts))


def recipes_by_month(dataset: Dataset) -> dict[str, list[tuple[str, dict]]]:
    months: dict[str, list] = {}
    for recipe_id, recipe in dataset.recipes.items():
        months.setdefault(recipe["mois"], []).append((recipe_id, recipe))
    return dict(sorted(months.items()))


def _card(recipe_id: str, recipe: dict, prefix: str) -> str:
    ingredients = sort_key(" ".join(i["nom"] for i in recipe["ingredients"]))
    facts = [f"{total_minutes(recipe)} min", label("difficulte", recipe["difficulte"])]
    if not needs_oven(recipe):
        facts.append("sans four")
    allergens = recipe.get("allergenes") or []
    return (
        f'<li class="gp-carte" data-allergenes="{e(" ".join(allergens + (recipe.get("traces") or [])))}" '
        f'data-four="{"1" if needs_oven(recipe) else "0"}" data-minutes="{total_minutes(recipe)}" '
        f'data-ingredients="{e(ingredients)}">'
        f'<h2 class="gp-carte__titre"><a href="{prefix}{e(recipe_id)}/">{e(recipe["titre"])}</a></h2>'
        f"<p>{e(french.month(recipe['mois']).capitalize())} · {e(' · '.join(facts))}</p>"
        f"<p>Allergènes : {terms('allergenes', allergens) if allergens else 'aucun'}.</p></li>"
    )


def month_page(month: str, recipes: list[tuple[str, dict]]) -> Page:
    food = recipes[0][1]["aliment_du_mois"]
    parts = [f"<h2>{e(food['nom'])}</h2>"]
    if food.get("atouts"):
        parts.append(f"<p><strong>Pourquoi c'est bon :</strong> {e(food['atouts'])}</p>")
    if food.get("conservation"):
        parts.append(f"<p><strong>Bien le conserver :</strong> {e(food['conservation'])}</p>")
    parts.append('<h2>Les recettes</h2><ul class="gp-cartes">')
    parts.extend(_card(rid, r, "../") for rid, r in recipes)
    parts.append('</ul><p><a href="../">Toutes les recettes</a></p>')
    return Page(f"recettes/{month}.md", f"Épicé'bon — {french.month(month)}", "".join(parts))


def recipes_index(dataset: Dataset) -> Page:
    allergens = "".join(f'<option value="{e(t.slug)}">{e(t.label)}</option>' for t in VOCABULARIES["allergenes"])
    months = "".join(
        f'<li><a href="{e(m)}/">{e(french.month(m).capitalize())}</a> — {e(rs[0][1]["aliment_du_mois"]["nom"])}</li>'
        for m, rs in recipes_by_month(dataset).items()
    )
    body = (
        "<p>Chaque mois, un aliment de saison pas cher et des recettes simples, testées à l'épicerie.</p>"
        '<div class="gp-recettes" data-gp-recettes>'
        '<form class="gp-filtres" role="search" aria-label="Filtrer les recettes">'
        '<div class="gp-filtre"><label for="gp-sans">Sans cet allergène</label><select id="gp-sans" name="sans">'
        f'<option value="">Pas de restriction</option>{allergens}</select></div>'
        '<div class="gp-filtre"><label for="gp-ingredient">Avec l\'ingrédient</label>'
        '<input type="search" id="gp-ingredient" name="ingredient" autocomplete="off"></div>'
        '<div class="gp-filtre gp-filtre--case"><input type="checkbox" id="gp-sans-four" name="sans-four" '
        'value="1"><label for="gp-sans-four">Sans four</label></div>'
        '<div class="gp-filtre gp-filtre--case"><input type="checkbox" id="gp-rapide" name="rapide" value="1">'
        f'<label for="gp-rapide">{QUICK_MINUTES} minutes ou moins</label></div>'
        '<div class="gp-filtre gp-filtre--boutons"><button type="reset" class="md-button">Effacer les filtres'
        "</button></div></form>"
        f'<p class="gp-compte" role="status">{len(dataset.recipes)} recettes</p><ul class="gp-cartes">'
        + "".join(_card(rid, r, "") for rid, r in dataset.recipes.items())
        + f"</ul></div><h2>Les aliments du mois</h2><ul>{months}</ul>"
    )
    return Page("recettes/index.md", "Recettes du mois", body)


def featured(dataset: Dataset, today: date) -> tuple[str, dict] | None:
    """Recipe of the current month, else the next one, else the latest. Mirrors recettes.js."""
    key = f"{today.year:04d}-{today.month:02d}"
    items = list(dataset.recipes.items())
    for wanted in (lambda r: r["mois"] == key, lambda r: r["mois"] > key):
        for recipe_id, recipe in items:
            if wanted(recipe):
                return recipe_id, recipe
    return items[-1] if items else None


def month_block(recipe_id: str, recipe: dict) -> str:
    return (
        f"<h2>Recette du mois : {e(recipe['aliment_du_mois']['nom'].lower())}</h2>"
        f'<p><a href="recettes/{e(recipe_id)}/">{e(recipe["titre"])}</a> — '
        f"{e(total_minutes(recipe))} minutes en tout.</p>"
    )


def recipe_of_the_month(dataset: Dataset, today: date) -> str:
    """Home block computed for the build day, with every month's choice for the browser to pick from."""
    chosen = featured(dataset, today)
    if not chosen:
        return ""
    choices = [
        {
            "mois": r["mois"],
            "id": rid,
            "titre": r["titre"],
            "aliment": r["aliment_du_mois"]["nom"],
            "minutes": total_minutes(r),
        }
        for rid, r in dataset.recipes.items()
    ]
    payload = json.dumps(choices, ensure_ascii=False).replace("<", "\\u003c")
    return (
        f'<div class="gp-recette-du-mois" data-gp-mois>{month_block(*chosen)}'
        f'<script type="application/json" class="gp-mois-choix">{payload}</script></div>'
    )
