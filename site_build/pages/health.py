"""Épi'santé pages: upcoming and past interventions by month, how to subscribe, Event JSON-LD."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from site_build.data.dataset import Dataset
from site_build.data.settings import SiteSettings
from site_build.pages.html_parts import partner_url, terms
from site_build.pages.jsonld import script_tag
from site_build.pages.model import Page
from site_build.pages.qr import qr_svg
from site_build.text import french
from site_build.text.occurrences import PARIS, occurrences
from site_build.text.safe_markdown import e

PAST_DAYS = 180
AHEAD_DAYS = 366
JSONLD_EVENTS = 30  # the next occurrences described on /sante/; each month page describes all of its own


def upcoming(dataset: Dataset, start: datetime, end: datetime) -> list[tuple[datetime, datetime, dict]]:
    found = [(s, f, event) for event in dataset.interventions for s, f in occurrences(event, start, end)]
    return sorted(found, key=lambda x: (x[0], x[2]["id"]))


def event_item(start: datetime, end: datetime, event: dict, dataset: Dataset, depth: int) -> str:
    place = dataset.partner_by_id.get(event["lieu"], {})
    signup = event.get("inscription") or {}
    register = (
        ("<strong>Inscription obligatoire.</strong> " + e(signup.get("modalites", "")))
        if signup.get("obligatoire")
        else "Sans inscription, c'est gratuit."
    )
    theme = terms("thematiques", event.get("thematiques"))
    return (
        f'<li class="gp-evenement" data-debut="{start.isoformat()}" data-fin="{end.isoformat()}">'
        f"<strong>{e(event['titre'])}</strong><br>"
        f'<span class="gp-quand">{e(french.time_span(start, end))}</span><br>'
        f'{e(event["intervenant"])} — <a href="{partner_url(event["lieu"], depth)}">'
        f"{e(place.get('nom', event['lieu']))}</a><br>"
        + (f"Thème : {theme}<br>" if theme else "")
        + (f"{e(event['description'])}<br>" if event.get("description") else "")
        + f'{register} <a href="{"../" * (depth - 1) if depth else "sante/"}{e(event["id"])}.ics" download>'
        "Ajouter à mon agenda</a></li>"
    )


def event_jsonld(start: datetime, end: datetime, event: dict, dataset: Dataset, settings: SiteSettings) -> dict:
    place = dataset.partner_by_id.get(event["lieu"], {})
    address = place.get("adresse") or {}
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event["titre"],
        "startDate": start.replace(tzinfo=PARIS).isoformat(),
        "endDate": end.replace(tzinfo=PARIS).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "isAccessibleForFree": True,
        "inLanguage": "fr",
        "location": {
            "@type": "Place",
            "name": place.get("nom", event["lieu"]),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": address.get("voie", ""),
                "postalCode": address.get("code_postal", ""),
                "addressLocality": address.get("commune", ""),
                "addressCountry": "FR",
            },
        },
        "organizer": {"@type": "Organization", "name": place.get("nom", event["lieu"])},
        "performer": {"@type": "Person", "jobTitle": event["intervenant"]},
    }
    if event.get("description"):
        data["description"] = event["description"]
    url = settings.page_url("sante/")
    if url:
        data["url"] = url
    return data


def _subscribe(settings: SiteSettings) -> str:
    feed = settings.page_url("sante/epi-sante.ics")
    shown = feed or "sante/epi-sante.ics"
    webcal = feed.replace("https://", "webcal://").replace("http://", "webcal://") if feed else ""
    qr = (
        (
            f'<figure class="gp-qr">{qr_svg(feed)}<figcaption>Scannez ce code avec le téléphone pour '
            "copier l'adresse du calendrier.</figcaption></figure>"
        )
        if feed
        else ""
    )
    return (
        "<h2>Recevoir les dates dans mon agenda</h2>"
        "<p>Abonnez-vous une fois : les nouvelles dates et les changements arrivent tout seuls dans votre "
        f"agenda. Adresse du calendrier : <code>{e(shown)}</code></p>{qr}"
        "<details><summary>Sur iPhone</summary><ol>"
        + (
            f'<li>Touchez <a href="{e(webcal)}">ce lien d\'abonnement</a>, ou ouvrez Réglages, puis Calendrier, '
            "Comptes, Ajouter un compte, Autre, « Ajouter un calendrier avec abonnement ».</li>"
            if webcal
            else "<li>Ouvrez Réglages, puis Calendrier, Comptes, Ajouter un compte, Autre, « Ajouter un calendrier "
            "avec abonnement ».</li>"
        )
        + "<li>Collez l'adresse du calendrier, puis touchez « Suivant » et « Enregistrer ».</li></ol></details>"
        "<details><summary>Sur Android</summary><ol><li>Installez l'application libre ICSx⁵ (Play Store ou "
        "F-Droid).</li><li>Touchez « + », collez l'adresse du calendrier, puis « Suivant ».</li>"
        "<li>Les dates apparaissent dans l'agenda du téléphone (Google Agenda, Samsung Agenda…).</li></ol></details>"
        "<details><summary>Dans Outlook</summary><ol><li>Ouvrez le calendrier, puis « Ajouter un calendrier », "
        "« À partir d'Internet » (ou « S'abonner à partir du web »).</li><li>Collez l'adresse du calendrier et "
        "validez.</li></ol></details>"
        "<details><summary>Dans Thunderbird</summary><ol><li>Ouvrez l'agenda, puis « Nouvel agenda », « Sur le "
        "réseau ».</li><li>Collez l'adresse du calendrier, puis « Rechercher des agendas » et « S'abonner ».</li>"
        "</ol></details>"
        '<p>Vous pouvez aussi <a href="epi-sante.ics" download>télécharger le fichier</a> une fois : il ne '
        "se mettra pas à jour.</p>"
    )


def health_pages(dataset: Dataset, today: date, settings: SiteSettings = SiteSettings()) -> list[Page]:
    midnight = datetime.combine(today, datetime.min.time())
    events = upcoming(dataset, midnight - timedelta(days=PAST_DAYS), midnight + timedelta(days=AHEAD_DAYS))
    by_month: dict[str, list] = {}
    for item in events:
        by_month.setdefault(item[0].strftime("%Y-%m"), []).append(item)
    index = [
        '<div class="gp-sante" data-gp-sante>'
        "<p>Des professionnels de santé viennent à l'épicerie pendant la distribution. C'est gratuit et "
        'ouvert à tous. <a href="#recevoir-les-dates-dans-mon-agenda">Recevoir les dates dans mon agenda</a>.</p>'
        '<h2 id="a-venir">Prochaines dates</h2><div class="gp-a-venir">'
    ]
    for month, items in by_month.items():
        coming = [item for item in items if item[1] > midnight]
        if coming:
            index.append(
                f'<section class="gp-mois" data-mois="{month}"><h3><a href="{month}/">'
                f'{e(french.month(month).capitalize())}</a></h3><ul class="gp-evenements">'
            )
            index.extend(event_item(s, f, ev, dataset, 1) for s, f, ev in coming)
            index.append("</ul></section>")
    index.append('</div><h2 id="passees">Dates passées</h2><ul class="gp-passees gp-evenements">')
    index.extend(event_item(s, f, ev, dataset, 1) for s, f, ev in reversed(events) if f <= midnight)
    index.append("</ul></div>")
    index.append(_subscribe(settings))
    index.extend(
        script_tag(event_jsonld(s, f, ev, dataset, settings))
        for s, f, ev in [x for x in events if x[1] > midnight][:JSONLD_EVENTS]
    )
    pages = [Page("sante/index.md", "Épi'santé : la santé à l'épicerie", "".join(index))]
    for month, items in by_month.items():
        body = (
            '<ul class="gp-evenements">'
            + "".join(event_item(s, f, ev, dataset, 2) for s, f, ev in items)
            + '</ul><p><a href="../">Tout le calendrier Épi\'santé</a></p>'
            + "".join(script_tag(event_jsonld(s, f, ev, dataset, settings)) for s, f, ev in items if f > midnight)
        )
        pages.append(Page(f"sante/{month}.md", f"Épi'santé — {french.month(month)}", body))
    return pages


def next_dates(dataset: Dataset, today: date, count: int = 3) -> str:
    """The next Épi'santé dates for the home page."""
    start = datetime.combine(today, datetime.min.time())
    nexts = upcoming(dataset, start, start + timedelta(days=120))[:count]
    if not nexts:
        return ""
    return (
        '<h2>Prochaines dates Épi\'santé</h2><ul class="gp-evenements">'
        + "".join(event_item(s, f, ev, dataset, 0) for s, f, ev in nexts)
        + '</ul><p><a href="sante/">Tout le calendrier Épi\'santé</a></p>'
    )
