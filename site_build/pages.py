"""Generated pages: HTML bodies for partners, recipes, Épi'santé months, forms and indexes.

Each page is (source path, title, HTML). The generator (MkDocs here) wraps them
in the theme; every value from data goes through `e()` or `markdown_text()`.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from . import french
from .checks import due_date
from .dataset import Dataset
from .hours import describe_hours
from .occurrences import occurrences
from .safe_html import e, markdown_text, safe_href
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


def _list(items, render=e) -> str:
    return "<ul>" + "".join(f"<li>{render(i)}</li>" for i in items) + "</ul>" if items else ""


def _terms(vocabulary: str, slugs) -> str:
    render = thematique_label if vocabulary == "thematiques" else (lambda s: label(vocabulary, s))
    return ", ".join(e(render(s)) for s in slugs or [])


def _row(name: str, value_html: str) -> str:
    return f"<dt>{e(name)}</dt><dd>{value_html}</dd>" if value_html else ""


def _phone(number: str) -> str:
    return f'<a href="{e(french.tel_uri(number))}">{e(number)}</a>'


def _mail(address: str) -> str:
    return f'<a href="mailto:{e(address)}">{e(address)}</a>'


def _link(url: str, text: str | None = None) -> str:
    href = safe_href(url)
    return f'<a href="{e(href)}" rel="noopener">{e(text or url)}</a>' if href else e(text or url)


def partner_url(partner_id: str, depth: int) -> str:
    return "../" * depth + f"annuaire/{partner_id}/"


# -- directory ---------------------------------------------------------------

def partner_page(partner: dict, dataset: Dataset, today: date) -> Page:
    address = partner.get("adresse", {})
    street = ", ".join(x for x in (address.get("voie"), address.get("complement")) if x)
    place = f"{street}, {address.get('code_postal', '')} {address.get('commune', '')}"
    parts = [f'<div class="gp-fiche" data-partenaire="{e(partner["id"])}">']
    status = partner.get("statut", "actif")
    closure = partner.get("fermeture_temporaire")
    if status == "ferme":
        parts.append('<p class="gp-alerte"><strong>Cette structure est fermée définitivement.</strong></p>')
    elif closure:
        start, end = date.fromisoformat(closure["du"]), date.fromisoformat(closure["au"])
        if end >= today:
            parts.append(f'<p class="gp-alerte"><strong>Fermeture temporaire du {e(french.day(start))} au '
                         f'{e(french.day(end))}.</strong> {e(closure.get("message", ""))}</p>')
    if partner.get("sigle"):
        parts.append(f'<p class="gp-sigle">{e(partner["sigle"])}</p>')
    parts.append(markdown_text(partner.get("description")))
    lat, lon = address.get("latitude"), address.get("longitude")
    map_links = ""
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        map_links = (f' — <a href="https://www.openstreetmap.org/?mlat={lat}&amp;mlon={lon}#map=18/{lat}/{lon}">'
                     f'voir sur la carte</a> (<a href="geo:{lat},{lon}">ouvrir dans une application</a>)')
    parts.append("<h2>Contact</h2><dl>")
    parts.append(_row("Adresse", e(place) + map_links))
    parts.append(_row("Téléphone", _phone(partner["telephone"]) if partner.get("telephone") else ""))
    parts.append(_row("Courriel", _mail(partner["courriel"]) if partner.get("courriel") else ""))
    parts.append(_row("Site web", _link(partner["site_web"]) if partner.get("site_web") else ""))
    parts.append(_row("Horaires d'accueil", e(describe_hours(partner["horaires_accueil"]))
                      if partner.get("horaires_accueil") else ""))
    parts.append(_row("Distribution alimentaire", e(describe_hours(partner["horaires_distribution"]))
                      if partner.get("horaires_distribution") else ""))
    parts.append(_row("Accessibilité", _link(partner["accessibilite_lieu"], "Informations sur l'accessibilité du lieu")
                      if partner.get("accessibilite_lieu") else ""))
    parts.append("</dl>")
    services = partner.get("services") or []
    if services:
        parts.append(f"<h2>Services ({len(services)})</h2>")
        for service in services:
            parts.append(service_block(service))
    people = [p for p in dataset.professionals if p.get("partenaire") == partner["id"]]
    if people:
        parts.append("<h2>Contacts</h2><ul>")
        for person in people:
            phones = ", ".join(_phone(t["numero"]) for t in person.get("telephones") or [])
            mail = _mail(person["courriel"]) if person.get("courriel") else ""
            parts.append(f"<li>{e(person['prenom'])} {e(person['nom'])}, {e(person['fonction'])}"
                         f"{' — ' + phones if phones else ''}{' — ' + mail if mail else ''}</li>")
        parts.append("</ul>")
    checked = date.fromisoformat(partner["date_verification"])
    due = due_date(partner)
    notice = ' <strong class="gp-a-verifier">À vérifier : ces informations sont anciennes.</strong>' \
        if due and due < today else ""
    parts.append(f'<p class="gp-verification">Informations vérifiées le {e(french.day(checked))}.{notice}</p>')
    parts.append("</div>")
    return Page(f"annuaire/{partner['id']}.md", partner["nom"], "".join(parts))


def service_block(service: dict) -> str:
    parts = [f'<section class="gp-service" id="{e(service["id"])}"><h3>{e(service["nom"])}</h3>',
             markdown_text(service.get("description")), "<dl>"]
    parts.append(_row("Pour qui", _terms("publics", service.get("publics"))
                      + (f" — {e(service['publics_precisions'])}" if service.get("publics_precisions") else "")))
    parts.append(_row("Type d'aide", _terms("types", service.get("types"))))
    parts.append(_row("Thèmes", _terms("thematiques", service.get("thematiques"))))
    parts.append(_row("Conditions", e(service.get("conditions_acces", ""))))
    parts.append(_row("Documents à apporter", _list(service.get("justificatifs"))))
    parts.append(_row("Frais", _terms("frais", service.get("frais"))
                      + (f" — {e(service['frais_precisions'])}" if service.get("frais_precisions") else "")))
    parts.append(_row("Accueil", _terms("modes_accueil", service.get("modes_accueil"))))
    parts.append(_row("Comment faire", _terms("modes_mobilisation", service.get("modes_mobilisation"))))
    parts.append(_row("Qui peut faire la démarche", _terms("mobilisable_par", service.get("mobilisable_par"))))
    parts.append(_row("Langues", _terms("langues", service.get("langues"))))
    parts.append(_row("Horaires", e(describe_hours(service["horaires_accueil"])) if service.get("horaires_accueil") else ""))
    parts.append(_row("Téléphone", _phone(service["telephone"]) if service.get("telephone") else ""))
    parts.append(_row("Courriel", _mail(service["courriel"]) if service.get("courriel") else ""))
    parts.append(_row("En ligne", _link(service["lien_mobilisation"]) if service.get("lien_mobilisation") else ""))
    parts.append(_row("Fiche de liaison", "Ce service accepte une fiche de liaison." if service.get("orientable") else ""))
    parts.append("</dl></section>")
    return "".join(parts)


def directory_page(dataset: Dataset) -> Page:
    partners = sorted(dataset.partners, key=lambda p: p["nom"].lower())
    items = []
    for partner in partners:
        services = ", ".join(e(s["nom"]) for s in partner.get("services") or [])
        commune = partner.get("adresse", {}).get("commune", "")
        sigle = f" ({e(partner['sigle'])})" if partner.get("sigle") else ""
        items.append(f'<li><a href="{e(partner["id"])}/">{e(partner["nom"])}</a>{sigle} — {e(commune)}'
                     + (f'<br><small>{services}</small>' if services else "") + "</li>")
    count = sum(len(p.get("services") or []) for p in partners)
    body = (f'<p>{len(partners)} partenaires et {count} services.</p><ul class="gp-annuaire">'
            + "".join(items) + "</ul>")
    return Page("annuaire/index.md", "Annuaire des partenaires", body)


def professionals_page(dataset: Dataset) -> Page:
    rows = []
    for person in sorted(dataset.professionals, key=lambda p: (p["nom"], p["prenom"])):
        partner = dataset.partner_by_id.get(person["partenaire"], {})
        phones = "<br>".join(_phone(t["numero"]) + (f" ({e(label('types_telephone', t['type']))})" if t.get("type") else "")
                             for t in person.get("telephones") or [])
        permanences = "<br>".join(e(describe_hours(s["horaires"])) + " — " + e(dataset.partner_by_id.get(s["lieu"], {}).get("nom", s["lieu"]))
                                  for s in person.get("permanences") or [])
        rows.append(f"<tr><td>{e(person['prenom'])} {e(person['nom'])}</td><td>{e(person['fonction'])}</td>"
                    f'<td><a href="../annuaire/{e(person["partenaire"])}/">{e(partner.get("nom", person["partenaire"]))}</a></td>'
                    f"<td>{phones}</td><td>{_mail(person['courriel']) if person.get('courriel') else ''}</td>"
                    f"<td>{permanences}</td></tr>")
    body = ('<p>Annuaire réservé aux professionnels du réseau. Ne le diffusez pas.</p>'
            '<table><thead><tr><th scope="col">Nom</th><th scope="col">Fonction</th><th scope="col">Structure</th>'
            '<th scope="col">Téléphone</th><th scope="col">Courriel</th><th scope="col">Permanences</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>")
    return Page("professionnels/index.md", "Annuaire des professionnels", body)


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
    parts.append(_row("Recette du mois", f'<a href="../{e(recipe["mois"])}/">{e(french.month(recipe["mois"]))}</a>'
                      f" — {e(recipe['aliment_du_mois']['nom'])}"))
    parts.append(_row("Portions", e(recipe["portions"])))
    parts.append(_row("Préparation", f"{e(recipe['preparation_min'])} min"))
    parts.append(_row("Cuisson", f"{e(recipe['cuisson_min'])} min" if recipe["cuisson_min"] else "sans cuisson"))
    parts.append(_row("Difficulté", e(label("difficulte", recipe["difficulte"]))))
    parts.append(_row("Matériel", _terms("materiel", recipe.get("materiel")) + ("" if oven else " — <strong>sans four</strong>")))
    cost = cost_per_portion(recipe)
    if cost is not None:
        parts.append(_row("Coût", f"≈ {e(french.euros(cost))} par portion (prix relevés en "
                          f"{e(french.month(recipe['prix_releves']))})" if recipe.get("prix_releves") else ""))
    parts.append("</dl><h2>Ingrédients</h2><ul>")
    for ingredient in recipe["ingredients"]:
        parts.append(f"<li>{e(_quantity(ingredient))} {e(ingredient['nom'])}</li>")
    parts.append("</ul><h2>Étapes</h2><ol>")
    parts.extend(f"<li>{e(step)}</li>" for step in recipe["etapes"])
    parts.append("</ol>")
    allergens = recipe.get("allergenes") or []
    parts.append("<h2>Allergènes</h2><p>" + (_terms("allergenes", allergens) if allergens else
                                              "Aucun des 14 allergènes majeurs.") + "</p>")
    if recipe.get("traces"):
        parts.append(f"<p>Peut contenir : {_terms('allergenes', recipe['traces'])}.</p>")
    if recipe.get("regimes"):
        parts.append(f"<p>Convient : {_terms('regimes', recipe['regimes'])}.</p>")
    if recipe.get("astuces"):
        parts.append("<h2>Astuces</h2>" + _list(recipe["astuces"]))
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


# -- all pages ----------------------------------------------------------------

def all_pages(dataset: Dataset, profile: str, today: date) -> list[Page]:
    from .datapackage import LICENCE

    pages = [directory_page(dataset), recipes_index(dataset), data_page(LICENCE["title"])]
    pages += [partner_page(p, dataset, today) for p in dataset.partners]
    pages += [recipe_page(rid, r) for rid, r in dataset.recipes.items()]
    pages += [month_page(m, rs) for m, rs in recipes_by_month(dataset).items()]
    pages += health_pages(dataset, today)
    if profile == "pro":
        pages.append(professionals_page(dataset))
        pages += [form_page(fid, f) for fid, f in dataset.forms.items()]
    return pages


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
