"""Épicé'bon pages: one recipe, the food of the month, all recipes, and the home's "Ce mois-ci"."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from site_build import urls
from site_build.data.loading.settings import SiteSettings
from site_build.data.loading.vocabularies import VOCABULARIES, label
from site_build.data.media.photos import variant_path
from site_build.data.model.records import Ingredient, Partner, Recipe, Records
from site_build.i18n import formats
from site_build.i18n.current import N_, current, gettext
from site_build.pages.images import Picture, picture
from site_build.pages.links import relative
from site_build.pages.model import Page
from site_build.pages.render import render
from site_build.text.safe_markdown import markdown_plain

# A card is a column of the grid: about 20rem wide on a wide screen, the whole width on a phone.
CARD_SIZES = "(min-width: 45em) 20rem, 100vw"

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
    "cuillere-a-soupe": N_("cuillères à soupe"),
    "cuillere-a-cafe": N_("cuillères à café"),
    "pincee": N_("pincées"),
    "gousse": N_("gousses"),
    "botte": N_("bottes"),
    "boite": N_("boîtes"),
    "tranche": N_("tranches"),
}


def _half_up(value: float) -> int:
    """Rounding as JavaScript's Math.round does (Python's round() goes to even)."""
    return math.floor(value + 0.5)


def _decimal(value: float) -> str:
    """One decimal at most, rounded as the script rounds: '1,3' in French, '1.3' in English."""
    return formats.decimal(_half_up(value * 10) / 10)


def _grouped(value: float) -> str:
    """1200 → '1 200' in French (narrow no-break space), '1,200' in English."""
    return formats.grouped(_half_up(value))


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
    return f"{number} {gettext(word)}"


def photo_of(recipe: Recipe, content_dir: Path) -> Picture | None:
    image = recipe.image
    return picture(content_dir, image.src, image.alt, image.langue) if image else None


def cost_per_portion(recipe: Recipe) -> float | None:
    known = [i.prix for i in recipe.ingredients if i.prix is not None]
    return sum(known) / recipe.portions if known else None


def _iso_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def _ingredient_line(ingredient: Ingredient) -> str:
    return " ".join(x for x in (quantity_text(ingredient.quantite, ingredient.unite), ingredient.nom) if x)


def recipe_jsonld(recipe: Recipe, settings: SiteSettings) -> dict[str, Any]:
    """schema.org Recipe with what Google requires and recommends."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Recipe",
        "name": recipe.titre,
        "recipeIngredient": [_ingredient_line(i) for i in recipe.ingredients],
        "recipeInstructions": [
            {"@type": "HowToStep", "position": n, "text": step} for n, step in enumerate(recipe.etapes, 1)
        ],
        "prepTime": _iso_duration(recipe.preparation_min),
        "cookTime": _iso_duration(recipe.cuisson_min),
        "totalTime": _iso_duration(recipe.total_minutes),
        "recipeYield": f"{recipe.portions} portions",
        "recipeCategory": "Plat",
        "recipeCuisine": "Française",
        "inLanguage": recipe.langue,
        "keywords": ", ".join(
            [recipe.aliment_du_mois.nom, "petit budget", "Épicé'bon"]
            + [label("regimes", r) for r in recipe.regimes]
            + ([] if recipe.needs_oven else ["sans four"])
        ),
    }
    url = settings.page_url(current().folder + urls.recipe(recipe.id))
    if url:
        data["url"] = url
    if recipe.description:
        data["description"] = markdown_plain(recipe.description)
    if recipe.image:
        largest = variant_path(recipe.image.src, 960, "jpg")
        data["image"] = [settings.page_url(largest) or largest]
    if recipe.propose_par:
        data["author"] = {"@type": "Organization", "name": recipe.propose_par}
    diets = [f"https://schema.org/{DIETS[r]}" for r in recipe.regimes if r in DIETS]
    if diets:
        data["suitableForDiet"] = diets
    return data


def recipe_page(
    recipe: Recipe, content_dir: Path, settings: SiteSettings, partners: dict[str, Partner] | None = None
) -> Page:
    photo: Picture | None = photo_of(recipe, content_dir)
    html = render(
        "recipe.html",
        urls.recipe(recipe.id),
        recipe=recipe,
        photo=photo,
        cost=cost_per_portion(recipe),
        ingredients=[(i, quantity_text(i.quantite, i.unite)) for i in recipe.ingredients],
        schema=recipe_jsonld(recipe, settings),
        records_partner=(partners or {}).get,
        grocery=(partners or {}).get(settings.epicerie),
    )
    return Page(urls.source(urls.recipe(recipe.id)), recipe.titre, html, read_aloud=True, reviewed=recipe.relu)


def recipes_by_month(records: Records) -> dict[str, list[Recipe]]:
    months: dict[str, list[Recipe]] = {}
    for recipe in records.recipes:
        months.setdefault(recipe.mois, []).append(recipe)
    return dict(sorted(months.items()))


@dataclass(frozen=True)
class RecipeCard:
    """One card of /recettes/ (recipe_card.html)."""

    recipe: Recipe
    photo: Picture | None = None  # at the card's sizes
    cost: str = ""  # per portion, in words ("0,85 €"); "" when a price is missing


def month_page(month: str, recipes: list[Recipe]) -> Page:
    cards = [RecipeCard(recipe) for recipe in recipes]  # without photos or prices: the month's short list
    html = render("recipe_month.html", urls.recipes_of_month(month), recipes=recipes, cards=cards)
    return Page(urls.source(urls.recipes_of_month(month)), f"Épicé'bon — {formats.month(month)}", html)


def recipes_index(records: Records, today: date, content_dir: Path) -> Page:
    """/recettes/: photo cards, the month of the build marked (recettes.js marks the device's month)."""
    current = featured(records, today)
    cards = [
        RecipeCard(
            recipe,
            replace(photo, sizes=CARD_SIZES) if (photo := photo_of(recipe, content_dir)) else None,
            euros_per_portion(recipe),
        )
        for recipe in records.recipes
    ]
    html = render(
        "recipes.html",
        urls.RECIPES,
        recipes=records.recipes,
        cards=cards,
        current_month=current.mois if current else "",
        allergens=VOCABULARIES["allergenes"],
        quick_minutes=QUICK_MINUTES,
        months=[(month, recipes[0]) for month, recipes in recipes_by_month(records).items()],
    )
    return Page(urls.source(urls.RECIPES), gettext("Recettes du mois"), html)


def featured(records: Records, today: date) -> Recipe | None:
    """Recipe of the current month, else the next one, else the latest. Mirrors recettes.js."""
    key = f"{today.year:04d}-{today.month:02d}"
    for recipe in records.recipes:
        if recipe.mois == key:
            return recipe
    for recipe in records.recipes:
        if recipe.mois > key:
            return recipe
    return records.recipes[-1] if records.recipes else None


def recipe_of_the_month(records: Records, today: date, content_dir: Path) -> str:
    """Home card computed for the build day, with every month's choice for the browser to pick from
    (a device whose month differs shows its own month's recipe, offline too)."""
    chosen = featured(records, today)
    if not chosen:
        return ""
    choices = [
        {
            "mois": r.mois,
            "id": r.id,
            "titre": r.titre,
            "aliment": r.aliment_du_mois.nom,
            "minutes": r.total_minutes,
            "cout": euros_per_portion(r),
            "photo": relative(variant_path(r.image.src, 320, "jpg"), "") if r.image else "",  # from the home
            "alt": r.image.alt if r.image else "",
        }
        for r in records.recipes
    ]
    photo = photo_of(chosen, content_dir)
    return render(
        "recipe_of_the_month.html", "", recipe=chosen, choices=choices, photo=photo, cost=euros_per_portion(chosen)
    )


def euros_per_portion(recipe: Recipe) -> str:
    cost = cost_per_portion(recipe)
    return formats.euros(cost) if cost is not None else ""
