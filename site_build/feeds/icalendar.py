"""The Épi'santé iCalendar feeds: stable UIDs, Europe/Paris times, RRULE and EXDATE, same bytes for same data.

DTSTAMP and SEQUENCE come from `data/calendrier.json`, the calendars' memory:
for each intervention (and each event of the Semaine du goût), a fingerprint of
its data, its SEQUENCE and when it last changed. An event that differs from its
fingerprint is published with the next SEQUENCE and the build day as DTSTAMP, so
subscribed calendars update it;
`site-build calendrier` records the change (the deployment workflow runs it and
commits the file, so editors never have to).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import icalendar

from site_build import urls
from site_build.data.loading.calendar_memory import FILE_NAME, read_calendar_memory
from site_build.data.loading.dataset import Dataset
from site_build.text.occurrences import PARIS, span

UID_DOMAIN = "guide-partage.example.org"
STATE_FILE = FILE_NAME
PRODID = "-//Le guide partagé//Épi'santé//FR"


def fingerprint(intervention: dict[str, Any]) -> str:
    """What the calendar event says: the feed is in French, so a translation added or edited is
    no change for the agendas subscribed to it."""
    said = {key: value for key, value in intervention.items() if key != "traductions"}
    return hashlib.sha256(json.dumps(said, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def read_state(data_dir: Path) -> dict[str, Any]:
    """The calendars' memory; the gate has refused a damaged one before any build reads it."""
    state, _problems = read_calendar_memory(data_dir)
    return state


def revision(key: str, mark: str, state: dict[str, Any], today: date) -> tuple[int, datetime]:
    """(SEQUENCE, DTSTAMP) of the event remembered under `key`: the recorded ones when its fingerprint
    `mark` is unchanged, the next ones (stamped today) when it changed."""
    known = state.get(key)
    if known and known["empreinte"] == mark:
        return known["sequence"], datetime.fromisoformat(known["modifie"]).astimezone(UTC)
    sequence = known["sequence"] + 1 if known else 0
    return sequence, datetime.combine(today, datetime.min.time(), tzinfo=UTC)


def intervention_marks(dataset: Dataset) -> dict[str, str]:
    """Each intervention's fingerprint, by id (its key in the calendar's memory)."""
    return {i["id"]: fingerprint(i) for i in dataset.interventions}


def updated_state(marks: dict[str, str], state: dict[str, Any], today: date) -> dict[str, Any]:
    """The memory with every changed or new event recorded (what `site-build calendrier` writes)."""
    result = {}
    for key, mark in marks.items():
        sequence, stamp = revision(key, mark, state, today)
        result[key] = {"empreinte": mark, "sequence": sequence, "modifie": stamp.strftime("%Y-%m-%dT%H:%M:%SZ")}
    return result


def stale_events(marks: dict[str, str], state: dict[str, Any]) -> list[str]:
    return [key for key, mark in marks.items() if state.get(key, {}).get("empreinte") != mark]


def paris_timezone() -> icalendar.Timezone:
    """VTIMEZONE for Europe/Paris from the EU rules (last Sunday of March and October), not a list of dates."""
    zone = icalendar.Timezone()
    zone.add("tzid", "Europe/Paris")
    for kind, name, start, offsets, month in (
        (icalendar.TimezoneDaylight, "CEST", datetime(1981, 3, 29, 2), ("+0100", "+0200"), 3),
        (icalendar.TimezoneStandard, "CET", datetime(1996, 10, 27, 3), ("+0200", "+0100"), 10),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", icalendar.vUTCOffset.from_ical(offsets[0]))  # type: ignore[no-untyped-call]
        part.add("tzoffsetto", icalendar.vUTCOffset.from_ical(offsets[1]))  # type: ignore[no-untyped-call]
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def _event(dataset: Dataset, intervention: dict[str, Any], state: dict[str, Any], today: date) -> icalendar.Event:
    start, end = span(intervention)
    sequence, stamp = revision(intervention["id"], fingerprint(intervention), state, today)
    event = icalendar.Event()
    # The id never changes, so calendar apps update events instead of duplicating them.
    event.add("uid", f"{intervention['id']}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", sequence)
    event.add("summary", intervention["titre"])
    event.add("dtstart", start.replace(tzinfo=PARIS))
    event.add("dtend", end.replace(tzinfo=PARIS))
    place = dataset.partner_by_id.get(intervention["lieu"], {})
    address = place.get("adresse", {})
    event.add(
        "location",
        ", ".join(
            x
            for x in (
                place.get("nom"),
                address.get("voie"),
                f"{address.get('code_postal', '')} {address.get('commune', '')}".strip(),
            )
            if x
        ),
    )
    description = [intervention["intervenant"]]
    if intervention.get("description"):
        description.append(intervention["description"].strip())
    signup = intervention.get("inscription") or {}
    description.append(
        "Inscription obligatoire. " + signup.get("modalites", "") if signup.get("obligatoire") else "Sans inscription."
    )
    event.add("description", "\n".join(description))
    if intervention.get("recurrence"):
        event.add("rrule", icalendar.vRecur.from_ical(intervention["recurrence"]))
        for skipped in intervention.get("exceptions") or []:
            event.add("exdate", datetime.combine(date.fromisoformat(skipped), start.time()).replace(tzinfo=PARIS))
    return event


def calendar_file(name: str, events: list[icalendar.Event], prodid: str = PRODID) -> bytes:
    """A calendar of `events` in Europe/Paris time (its VTIMEZONE included), as bytes."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    calendar.add_component(paris_timezone())
    for event in events:
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def epi_sante_calendar(dataset: Dataset, today: date) -> bytes:
    state = read_state(dataset.data_dir)
    return calendar_file("Épi'santé", [_event(dataset, i, state, today) for i in dataset.interventions])


def intervention_files(dataset: Dataset, today: date) -> dict[str, bytes]:
    """One .ics per intervention, beside /sante/ (the calendar state read once for all)."""
    state = read_state(dataset.data_dir)
    return {
        urls.intervention_calendar(i["id"]): calendar_file(
            f"Épi'santé — {i['titre']}", [_event(dataset, i, state, today)]
        )
        for i in dataset.interventions
    }
