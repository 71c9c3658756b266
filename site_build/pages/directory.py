"""Pages of the partner directory (/annuaire/, /annuaire/<id>/) and the professionals' directory."""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import quote, urlencode

from site_build.data.cross_checks import due_date
from site_build.data.dataset import Dataset, closure_of, sorted_partners, street_line
from site_build.data.settings import SiteSettings
from site_build.data.vocabularies import SERVICE_FACETS, label, term_label, thematique_label
from site_build.pages.html_parts import bullet_list, mail_link, phone_link, row, terms, web_link
from site_build.pages.jsonld import organization, script_tag
from site_build.pages.liaison import orient_link
from site_build.pages.model import Page
from site_build.text import french
from site_build.text.french import sort_key
from site_build.text.hours import describe_hours
from site_build.text.opening_schedule import horizon, schedule
from site_build.text.safe_markdown import e, markdown_plain, markdown_text

# Above this many partners the HTML lists only the first PAGE_SIZE; the script renders the rest from the JSON.
FULL_LIST_LIMIT = 300
PAGE_SIZE = 50
VCARD_NAME = "fiche.vcf"


def status_slot(hours: str | None, partner: dict, today: date) -> str:
    """An empty status line the browser fills with "Ouvert — ferme à 12 h" (see horaires.js)."""
    if not hours and partner.get("statut") != "ferme":
        return ""
    place = {
        "horizon": horizon(today),
        "schedule": schedule(hours, today) if hours else {"semaine": [[]] * 7, "exceptions": {}},
        "closure": closure_of(partner),
        "statut": partner.get("statut", "actif"),
    }
    return f'<p class="gp-etat" data-gp-horaires="{e(json.dumps(place, separators=(",", ":")))}"></p>'


def report_href(target: str, partner: dict, page_url: str) -> str | None:
    """ "Signaler une erreur": a pre-filled e-mail or new-issue form naming the partner and its page."""
    subject = f"Erreur sur la fiche « {partner['nom']} »"
    body = (
        f"Fiche : {partner['nom']} ({partner['id']})\nPage : {page_url or 'annuaire/' + partner['id'] + '/'}\n\n"
        "Ce qui est faux ou manque :\n\nLa bonne information (et comment vous la connaissez) :\n"
    )
    if target.startswith("mailto:"):
        return f"{target}?subject={quote(subject)}&body={quote(body)}"
    if target.startswith("https://"):
        return f"{target}{'&' if '?' in target else '?'}{urlencode({'title': subject, 'body': body})}"
    return None


def _address_html(partner: dict) -> str:
    address = partner.get("adresse") or {}
    street = street_line(address)
    text = e(f"{street}, {address.get('code_postal', '')} {address.get('commune', '')}")
    lat, lon = address.get("latitude"), address.get("longitude")
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        text += (
            f'<br><a href="https://www.openstreetmap.org/?mlat={lat}&amp;mlon={lon}#map=18/{lat}/{lon}">'
            f'Voir sur la carte OpenStreetMap</a><span class="gp-carte-lien-geo"> · <a href="geo:{lat},{lon}">'
            "Ouvrir dans une application de cartes</a></span>"
        )
    return text


def _hours_html(hours: str | None, partner: dict, today: date) -> str:
    return e(describe_hours(hours)) + status_slot(hours, partner, today) if hours else ""


def _closure_banner(partner: dict, today: date) -> str:
    if partner.get("statut") == "ferme":
        return (
            '<p class="gp-alerte" role="note"><strong>Cette structure est fermée définitivement.</strong> '
            "Les informations ci-dessous ne sont gardées que pour mémoire.</p>"
        )
    closure = partner.get("fermeture_temporaire")
    if closure and date.fromisoformat(str(closure["au"])) >= today:
        start, end = date.fromisoformat(str(closure["du"])), date.fromisoformat(str(closure["au"]))
        return (
            f'<p class="gp-alerte" role="note"><strong>Fermeture temporaire du {e(french.day(start))} au '
            f"{e(french.day(end))}.</strong> {e(closure.get('message', ''))}</p>"
        )
    return ""


def _person_item(person: dict, dataset: Dataset) -> str:
    phones = ", ".join(
        phone_link(t["numero"]) + (f" ({e(label('types_telephone', t['type']))})" if t.get("type") else "")
        for t in person.get("telephones") or []
    )
    mail = mail_link(person["courriel"]) if person.get("courriel") else ""
    return (
        f"<li>{e(person['prenom'])} {e(person['nom'])}, {e(person['fonction'])}"
        f"{' — ' + phones if phones else ''}{' — ' + mail if mail else ''}</li>"
    )


def partner_page(partner: dict, dataset: Dataset, today: date, settings: SiteSettings = SiteSettings()) -> Page:
    page_path = f"annuaire/{partner['id']}/"
    parts = [f'<div class="gp-fiche" data-partenaire="{e(partner["id"])}">', _closure_banner(partner, today)]
    if partner.get("sigle"):
        parts.append(f'<p class="gp-sigle">{e(partner["sigle"])}</p>')
    parts.append(markdown_text(partner.get("description")))
    parts.append("<h2>Contact</h2><dl>")
    parts.append(row("Adresse", _address_html(partner)))
    parts.append(row("Téléphone", phone_link(partner["telephone"]) if partner.get("telephone") else ""))
    parts.append(row("Courriel", mail_link(partner["courriel"]) if partner.get("courriel") else ""))
    parts.append(row("Site web", web_link(partner["site_web"]) if partner.get("site_web") else ""))
    parts.append(row("Horaires d'accueil", _hours_html(partner.get("horaires_accueil"), partner, today)))
    parts.append(row("Distribution alimentaire", _hours_html(partner.get("horaires_distribution"), partner, today)))
    parts.append(
        row(
            "Accessibilité",
            web_link(partner["accessibilite_lieu"], "Accessibilité du lieu (acceslibre)")
            if partner.get("accessibilite_lieu")
            else "",
        )
    )
    parts.append("</dl>")
    services = partner.get("services") or []
    if services:
        parts.append(f"<h2>Services ({len(services)})</h2>")
        parts.extend(service_block(service, partner, today, dataset) for service in services)
    people = [p for p in dataset.professionals if p.get("partenaire") == partner["id"]]
    if people:
        parts.append("<h2>Personnes à contacter</h2><ul>")
        parts.extend(_person_item(person, dataset) for person in people)
        parts.append("</ul>")
    checked = date.fromisoformat(str(partner["date_verification"]))
    due = due_date(partner)
    stale = due is not None and due <= today
    parts.append(
        f'<p class="gp-verification" data-gp-a-verifier-le="{e(due.isoformat() if due else "")}">'
        f"Informations vérifiées le {e(french.day(checked))}."
        f' <strong class="gp-a-verifier"{"" if stale else " hidden"}>À vérifier : ces informations '
        "datent. Appelez avant de vous déplacer.</strong></p>"
    )
    actions = [f'<a href="{VCARD_NAME}" download="{e(partner["id"])}.vcf">Ajouter aux contacts (vCard)</a>']
    href = report_href(settings.signalement, partner, settings.page_url(page_path))
    if href:
        actions.append(f'<a href="{e(href)}">Signaler une erreur</a>')
    parts.append(
        '<p class="gp-actions">'
        + " · ".join(actions)
        + ' <button type="button" class="md-button gp-imprimer gp-avec-js">Imprimer la fiche</button></p>'
    )
    parts.append(
        script_tag(organization(partner, settings.page_url(page_path), markdown_plain(partner.get("description"))))
    )
    parts.append("</div>")
    return Page(f"annuaire/{partner['id']}.md", partner["nom"], "".join(parts))


def service_block(service: dict, partner: dict, today: date, dataset: Dataset | None = None) -> str:
    parts = [
        f'<section class="gp-service" id="{e(service["id"])}"><h3>{e(service["nom"])}</h3>',
        markdown_text(service.get("description")),
        "<dl>",
    ]
    parts.append(
        row(
            "Pour qui",
            terms("publics", service.get("publics"))
            + (f" — {e(service['publics_precisions'])}" if service.get("publics_precisions") else ""),
        )
    )
    parts.append(row("Type d'aide", terms("types", service.get("types"))))
    parts.append(row("Thèmes", terms("thematiques", service.get("thematiques"))))
    parts.append(row("Conditions", e(service.get("conditions_acces", ""))))
    parts.append(row("Documents à apporter", bullet_list(service.get("justificatifs"))))
    parts.append(
        row(
            "Frais",
            terms("frais", service.get("frais"))
            + (f" — {e(service['frais_precisions'])}" if service.get("frais_precisions") else ""),
        )
    )
    parts.append(row("Accueil", terms("modes_accueil", service.get("modes_accueil"))))
    parts.append(row("Comment faire", terms("modes_mobilisation", service.get("modes_mobilisation"))))
    parts.append(row("Qui peut faire la démarche", terms("mobilisable_par", service.get("mobilisable_par"))))
    parts.append(row("Langues parlées", terms("langues", service.get("langues"))))
    parts.append(row("Horaires", _hours_html(service.get("horaires_accueil"), partner, today)))
    parts.append(row("Téléphone", phone_link(service["telephone"]) if service.get("telephone") else ""))
    parts.append(row("Courriel", mail_link(service["courriel"]) if service.get("courriel") else ""))
    parts.append(row("En ligne", web_link(service["lien_mobilisation"]) if service.get("lien_mobilisation") else ""))
    parts.append(
        row("Fiche de liaison", "Ce service accepte une fiche de liaison." if service.get("orientable") else "")
    )
    parts.append("</dl>")
    if dataset is not None and dataset.forms:  # pro profile only: the public view has no forms
        parts.append(orient_link(service["id"], dataset))
    parts.append("</section>")
    return "".join(parts)


# -- /annuaire/ ------------------------------------------------------------------


def _card(partner: dict) -> str:
    commune = (partner.get("adresse") or {}).get("commune", "")
    where = " · ".join(e(x) for x in (partner.get("sigle"), commune) if x)
    services = ", ".join(e(s["nom"]) for s in partner.get("services") or [])
    closed = '<p class="gp-carte__alerte">Fermé définitivement</p>' if partner.get("statut") == "ferme" else ""
    # the status line is filled in by annuaire.js; kept in the HTML so the card does not grow then
    return (
        f'<li class="gp-carte"><h2 class="gp-carte__titre"><a href="{e(partner["id"])}/">{e(partner["nom"])}</a>'
        f'</h2><p class="gp-carte__lieu">{where}</p>{closed}<p class="gp-etat"></p>'
        + (f'<p class="gp-carte__services">Services : {services}</p>' if services else "")
        + "</li>"
    )


def _select(name: str, title: str, everything: str, options: list[tuple[str, str]]) -> str:
    items = "".join(f'<option value="{e(v)}">{e(text)}</option>' for v, text in options)
    return (
        f'<div class="gp-filtre"><label for="gp-{name}">{e(title)}</label>'
        f'<select id="gp-{name}" name="{name}"><option value="">{e(everything)}</option>{items}</select></div>'
    )


def _facet_options(partners: list[dict], field: str, vocabulary: str) -> list[tuple[str, str]]:
    slugs = {slug for p in partners for s in p.get("services") or [] for slug in s.get(field) or []}
    return sorted(((slug, term_label(vocabulary, slug)) for slug in slugs), key=lambda pair: sort_key(pair[1]))


def _filters(partners: list[dict], profile: str) -> str:
    communes = sorted({(p.get("adresse") or {}).get("commune", "") for p in partners} - {""}, key=sort_key)
    facet_titles = {
        "th": ("thematique", "Thème", "Tous les thèmes"),
        "pu": ("public", "Pour qui", "Tous les publics"),
        "fr": ("frais", "Frais", "Gratuit ou payant"),
        "ac": ("accueil", "Accueil", "Toutes les façons"),
    }
    # Shown at once (no layout shift when the script starts); hidden without JavaScript (no .gp-js, set
    # in the page head), where it cannot work.
    parts = [
        '<form class="gp-filtres" role="search" aria-label="Filtrer l\'annuaire">',
        '<div class="gp-filtre gp-filtre--texte"><label for="gp-q">Rechercher un nom, un service, une commune'
        '</label><input type="search" id="gp-q" name="q" autocomplete="off"></div>',
    ]
    for key, (name, title, everything) in facet_titles.items():
        field, vocabulary = SERVICE_FACETS[key]
        parts.append(_select(name, title, everything, _facet_options(partners, field, vocabulary)))
    parts.append(_select("commune", "Commune", "Toutes les communes", [(c, c) for c in communes]))
    parts.append(
        '<div class="gp-filtre gp-filtre--case"><input type="checkbox" id="gp-ouvert" name="ouvert" '
        'value="1"><label for="gp-ouvert">Ouvert maintenant</label></div>'
    )
    if profile == "pro":
        parts.append(
            '<div class="gp-filtre gp-filtre--case"><input type="checkbox" id="gp-liaison" name="liaison" '
            'value="1"><label for="gp-liaison">Accepte une fiche de liaison</label></div>'
        )
    parts.append(
        '<div class="gp-filtre gp-filtre--boutons"><button type="reset" class="md-button">Effacer les '
        "filtres</button></div></form>"
    )
    return "".join(parts)


def directory_page(dataset: Dataset, profile: str = "public") -> Page:
    partners = sorted_partners(dataset)
    services = sum(len(p.get("services") or []) for p in partners)
    shown = partners if len(partners) <= FULL_LIST_LIMIT else partners[:PAGE_SIZE]
    partial = (
        ""
        if shown is partners
        else f"<noscript><p>Seuls les {PAGE_SIZE} premiers partenaires sont affichés. Activez JavaScript pour "
        "chercher dans toute la liste, ou utilisez la recherche du site.</p></noscript>"
    )
    body = (
        f'<div class="gp-annuaire" data-gp-annuaire="annuaire.json" data-page="{PAGE_SIZE}">'
        f"<p>{len(partners)} partenaires et {services} services. Cherchez par nom ou par thème, ou "
        "parcourez la liste.</p>"
        + _filters(partners, profile)
        + f'<p class="gp-compte" role="status">{len(partners)} partenaires</p>'
        + partial
        + '<ul class="gp-cartes">'
        + "".join(_card(p) for p in shown)
        + "</ul>"
        '<button type="button" class="md-button gp-plus" hidden>Afficher plus de résultats</button></div>'
    )
    return Page("annuaire/index.md", "Annuaire des partenaires", body)


# -- /professionnels/ (pro only) ------------------------------------------------------


def _person_card(person: dict, dataset: Dataset) -> str:
    partner = dataset.partner_by_id.get(person["partenaire"], {})
    partner_name = partner.get("nom", person["partenaire"])
    phones = "".join(
        f"<li>{phone_link(t['numero'])}"
        + (f" ({e(label('types_telephone', t['type']))})" if t.get("type") else "")
        + "</li>"
        for t in person.get("telephones") or []
    )
    permanences = "".join(
        f"<li>{e(describe_hours(s['horaires']))} — "
        f"{e(dataset.partner_by_id.get(s['lieu'], {}).get('nom', s['lieu']))}"
        + (f" ({e(s['precisions'])})" if s.get("precisions") else "")
        + "</li>"
        for s in person.get("permanences") or []
    )
    themes = terms("thematiques", person.get("thematiques"))
    search = sort_key(
        " ".join(
            [
                person["prenom"],
                person["nom"],
                person["fonction"],
                partner_name,
                partner.get("sigle", ""),
                *map(thematique_label, person.get("thematiques") or []),
            ]
        )
    )
    return (
        f'<li class="gp-carte" data-recherche="{e(search)}" data-partenaire="{e(person["partenaire"])}" '
        f'data-thematiques="{e(" ".join(person.get("thematiques") or []))}">'
        f'<h2 class="gp-carte__titre">{e(person["prenom"])} {e(person["nom"])}</h2>'
        f'<p>{e(person["fonction"])} — <a href="../annuaire/{e(person["partenaire"])}/">{e(partner_name)}</a></p>'
        + (f'<ul class="gp-telephones" aria-label="Téléphones">{phones}</ul>' if phones else "")
        + (f"<p>{mail_link(person['courriel'])}</p>" if person.get("courriel") else "")
        + (f"<p>Thèmes : {themes}</p>" if themes else "")
        + (f"<p>Permanences :</p><ul>{permanences}</ul>" if permanences else "")
        + f'<p><a href="{e(person["id"])}.vcf" download>Ajouter {e(person["prenom"])} {e(person["nom"])} '
        "aux contacts (vCard)</a></p></li>"
    )


def professionals_page(dataset: Dataset) -> Page:
    people = sorted(dataset.professionals, key=lambda p: sort_key(f"{p['nom']} {p['prenom']}"))
    partners = sorted(
        {p["partenaire"] for p in people}, key=lambda i: sort_key(dataset.partner_by_id.get(i, {}).get("nom", i))
    )
    themes = sorted(
        {t for p in people for t in p.get("thematiques") or []}, key=lambda t: sort_key(thematique_label(t))
    )
    body = (
        "<p>Annuaire réservé aux professionnels du réseau. Ne le diffusez pas.</p>"
        '<div class="gp-pros" data-gp-pros>'
        '<form class="gp-filtres" role="search" aria-label="Filtrer l\'annuaire des professionnels">'
        '<div class="gp-filtre gp-filtre--texte"><label for="gp-pq">Rechercher un nom, une fonction, une '
        'structure</label><input type="search" id="gp-pq" name="q" autocomplete="off"></div>'
        + _select("thematique", "Thème", "Tous les thèmes", [(t, thematique_label(t)) for t in themes])
        + _select(
            "structure",
            "Structure",
            "Toutes les structures",
            [(i, dataset.partner_by_id.get(i, {}).get("nom", i)) for i in partners],
        )
        + '<div class="gp-filtre gp-filtre--boutons"><button type="reset" class="md-button">Effacer les '
        "filtres</button></div></form>"
        f'<p class="gp-compte" role="status">{len(people)} professionnels</p>'
        '<ul class="gp-cartes">' + "".join(_person_card(p, dataset) for p in people) + "</ul></div>"
    )
    return Page("professionnels/index.md", "Annuaire des professionnels", body)


def offline_partner_page() -> Page:
    """Served by the service worker for a partner page that was not saved: drawn from the directory JSON.
    At the same depth as /annuaire/<id>/, so its relative links work at either address."""
    body = (
        "<div data-gp-fiche-hors-ligne><p>Cette fiche n'est pas enregistrée sur cet appareil. Si vous êtes "
        "hors ligne, elle s'affiche ici à partir de l'annuaire enregistré.</p></div>"
        '<p><a href="../../annuaire/">Retour à l\'annuaire</a></p>'
    )
    return Page("hors-ligne/fiche.md", "Fiche partenaire", body)
