"""Épi'santé pages: upcoming and past interventions by month, how to subscribe, Event JSON-LD."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from markupsafe import Markup

from site_build import urls
from site_build.data.loading.settings import SiteSettings
from site_build.data.model.records import Intervention, Records
from site_build.i18n import formats
from site_build.i18n.current import current, gettext
from site_build.pages.model import Page
from site_build.pages.qr import qr_svg
from site_build.pages.render import render
from site_build.text.occurrences import PARIS, occurrences

PAST_DAYS = 180
AHEAD_DAYS = 366
JSONLD_EVENTS = 30  # the next occurrences described on /sante/; each month page describes all of its own

Occurrence = tuple[datetime, datetime, Intervention]


def upcoming(records: Records, start: datetime, end: datetime) -> list[Occurrence]:
    found = [(s, f, event) for event in records.interventions for s, f in occurrences(event.timing, start, end)]
    return sorted(found, key=lambda x: (x[0], x[2].id))


def event_jsonld(
    start: datetime, end: datetime, event: Intervention, records: Records, settings: SiteSettings
) -> dict[str, Any]:
    place = records.partner_by_id.get(event.lieu)
    name = records.partner_name(event.lieu)
    address = place.adresse if place else None
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.titre,
        "startDate": start.replace(tzinfo=PARIS).isoformat(),
        "endDate": end.replace(tzinfo=PARIS).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "isAccessibleForFree": True,
        "inLanguage": event.langue,
        "location": {
            "@type": "Place",
            "name": name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": address.voie if address else "",
                "postalCode": address.code_postal if address else "",
                "addressLocality": address.commune if address else "",
                "addressCountry": "FR",
            },
        },
        "organizer": {"@type": "Organization", "name": name},
        "performer": {"@type": "Person", "jobTitle": event.intervenant},
    }
    if event.description:
        data["description"] = event.description
    url = settings.page_url(current().folder + urls.HEALTH)
    if url:
        data["url"] = url
    return data


def health_pages(records: Records, today: date, settings: SiteSettings) -> list[Page]:
    midnight = datetime.combine(today, datetime.min.time())
    events = upcoming(records, midnight - timedelta(days=PAST_DAYS), midnight + timedelta(days=AHEAD_DAYS))
    by_month: dict[str, list[Occurrence]] = {}
    for item in events:
        by_month.setdefault(item[0].strftime("%Y-%m"), []).append(item)
    coming_by_month = [(m, [x for x in items if x[1] > midnight]) for m, items in by_month.items()]
    feed = settings.page_url(urls.HEALTH_CALENDAR)
    index = render(
        "health.html",
        urls.HEALTH,
        records=records,
        coming_by_month=[(m, items) for m, items in coming_by_month if items],
        past=[x for x in reversed(events) if x[1] <= midnight],
        feed=feed,
        webcal=feed.replace("https://", "webcal://").replace("http://", "webcal://") if feed else "",
        qr=Markup(qr_svg(feed)) if feed else "",  # SVG drawn by segno from the feed address
        schemas=[event_jsonld(s, f, ev, records, settings) for s, f, ev in events if f > midnight][:JSONLD_EVENTS],
    )
    pages = [Page(urls.source(urls.HEALTH), gettext("Épi'santé : la santé à l'épicerie"), index)]
    for month, items in by_month.items():
        html = render(
            "health_month.html",
            urls.health_month(month),
            records=records,
            items=items,
            schemas=[event_jsonld(s, f, ev, records, settings) for s, f, ev in items if f > midnight],
        )
        pages.append(Page(urls.source(urls.health_month(month)), f"Épi'santé — {formats.month(month)}", html))
    return pages


def next_dates(records: Records, today: date, count: int = 3) -> str:
    """The next Épi'santé dates for the home page."""
    start = datetime.combine(today, datetime.min.time())
    nexts = upcoming(records, start, start + timedelta(days=120))[:count]
    return render("next_dates.html", "", records=records, items=nexts) if nexts else ""
