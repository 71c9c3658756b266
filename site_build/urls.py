"""Where everything lives in the site: the site path of each page family and of each page or file
made from data (site paths: no leading slash, directory URLs, 'annuaire/mission-locale/').

Every stage asks here rather than writing a path itself; `pages/links.py` turns a site path into
a relative link from the page being drawn. Changing a family's address is a change of this file.
"""

from __future__ import annotations

# The sections, one per page family (site_build/families.py says what each one is).
HOME = ""
DIRECTORY = "annuaire/"
EMERGENCY = "urgences/"
RECIPES = "recettes/"
HEALTH = "sante/"
TASTE_WEEK = "semaine-du-gout/"
RIGHTS = "mes-droits/"
OPEN_DATA = "donnees/"
OFFLINE_CARD = "hors-ligne/fiche/"
PROFESSIONALS = "professionnels/"
LIAISON = "liaison/"
VERIFICATION = "verification/"
DASHBOARD = "tableau-de-bord/"
PROPOSE = "proposer/"

DIRECTORY_DATA = DIRECTORY + "annuaire.json"  # every partner, for the directory's search offline
HEALTH_CALENDAR = HEALTH + "epi-sante.ics"
OWN_COLOURS = "assets/stylesheets/couleurs.css"  # the guide's colour (extra.couleur), when it has one


def partner(partner_id: str) -> str:
    return f"{DIRECTORY}{partner_id}/"


def recipe(recipe_id: str) -> str:
    return f"{RECIPES}{recipe_id}/"


def recipes_of_month(month: str) -> str:
    return f"{RECIPES}{month}/"


def health_month(month: str) -> str:
    return f"{HEALTH}{month}/"


def intervention_calendar(intervention_id: str) -> str:
    return f"{HEALTH}{intervention_id}.ics"


def edition(year: int | str) -> str:
    return f"{TASTE_WEEK}{year}/"


def edition_calendar(year: int | str) -> str:
    return f"{TASTE_WEEK}{year}.ics"


def form(form_id: str) -> str:
    return f"{LIAISON}{form_id}/"


def professional_card(person_id: str) -> str:
    return f"{PROFESSIONALS}{person_id}.vcf"


def source(path: str) -> str:
    """The generator's source path of the page at site path `path`: 'annuaire/caf/' → 'annuaire/caf.md',
    'annuaire/' → 'annuaire/index.md'."""
    if path.count("/") <= 1:
        return path + "index.md"
    return path.removesuffix("/") + ".md"


def html_file(path: str) -> str:
    """The file a site path is written to: 'annuaire/caf/' → 'annuaire/caf/index.html'."""
    return path + "index.html" if path == "" or path.endswith("/") else path
