"""The Épi'santé iCalendar feed: stable UIDs, Europe/Paris times, RRULE and EXDATE."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import icalendar

from .dataset import Dataset
from .occurrences import span

PARIS = ZoneInfo("Europe/Paris")
UID_DOMAIN = "guide-partage.example.org"


def epi_sante_calendar(dataset: Dataset, stamp: datetime) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Le guide partagé//Épi'santé//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Épi'santé")
    calendar.add("x-wr-timezone", "Europe/Paris")
    for intervention in dataset.interventions:
        start, end = span(intervention)
        event = icalendar.Event()
        # The id never changes, so calendar apps update events instead of duplicating them.
        event.add("uid", f"{intervention['id']}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", intervention["titre"])
        event.add("dtstart", start.replace(tzinfo=PARIS))
        event.add("dtend", end.replace(tzinfo=PARIS))
        place = dataset.partner_by_id.get(intervention["lieu"], {})
        address = place.get("adresse", {})
        event.add("location", ", ".join(x for x in (place.get("nom"), address.get("voie"),
                                                    f"{address.get('code_postal', '')} {address.get('commune', '')}".strip()) if x))
        description = [intervention["intervenant"]]
        if intervention.get("description"):
            description.append(intervention["description"].strip())
        signup = intervention.get("inscription") or {}
        description.append("Inscription obligatoire. " + signup.get("modalites", "") if signup.get("obligatoire")
                           else "Sans inscription.")
        event.add("description", "\n".join(description))
        if intervention.get("recurrence"):
            event.add("rrule", icalendar.vRecur.from_ical(intervention["recurrence"]))
            for skipped in intervention.get("exceptions") or []:
                event.add("exdate", datetime.combine(date.fromisoformat(skipped), start.time()).replace(tzinfo=PARIS))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
