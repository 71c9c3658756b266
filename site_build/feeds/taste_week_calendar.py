"""The Semaine du goût calendar of each edition (/semaine-du-gout/<année>.ics): every animation,
the forum, the Épicé'bon workshops of the week and every stop of the bus, with stable UIDs and
Europe/Paris times. DTSTAMP and SEQUENCE come from the calendars' memory (data/calendrier.json)
like Épi'santé's: an event whose time or place changes gets a new SEQUENCE, so an agenda that
took the programme weeks before the week updates it; the same data gives the same bytes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import astuple, dataclass
from datetime import date, datetime
from typing import Any

import icalendar

from site_build import urls
from site_build.data.model.editions import Edition, Place
from site_build.data.model.records import Records
from site_build.feeds.icalendar import UID_DOMAIN, calendar_file, revision
from site_build.text.occurrences import PARIS

PRODID = "-//Le guide partagé//Semaine du goût//FR"


@dataclass(frozen=True)
class EventFacts:
    """What one event of the programme says: the calendar's memory fingerprints exactly this."""

    key: str  # the UID without its domain, and the key in the calendars' memory
    title: str
    day: date
    start: str
    end: str
    where: str
    text: str

    @property
    def mark(self) -> str:
        said = json.dumps(astuple(self), default=str, ensure_ascii=False)
        return hashlib.sha256(said.encode()).hexdigest()[:16]


def _at(day: date, hhmm: str) -> datetime:
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return datetime(day.year, day.month, day.day, hours, minutes, tzinfo=PARIS)


def _event(facts: EventFacts, state: dict[str, Any], today: date) -> icalendar.Event:
    sequence, stamp = revision(facts.key, facts.mark, state, today)
    event = icalendar.Event()
    event.add("uid", f"{facts.key}@{UID_DOMAIN}")  # from the data's ids: an edited event replaces itself
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", sequence)
    event.add("summary", facts.title)
    event.add("dtstart", _at(facts.day, facts.start))
    event.add("dtend", _at(facts.day, facts.end))
    if facts.where:
        event.add("location", facts.where)
    if facts.text:
        event.add("description", facts.text)
    return event


def _place(records: Records, partner: str, address: Place | None) -> str:
    found = records.partner_by_id.get(partner)
    if found:
        a = found.adresse
        return ", ".join(x for x in (found.nom, a.voie, f"{a.code_postal} {a.commune}".strip()) if x)
    if address:
        return ", ".join(x for x in (address.nom, address.voie, address.commune) if x)
    return ""


def programme_facts(edition: Edition, records: Records) -> list[EventFacts]:
    """Every event of the edition with a time, as its calendar gives it, in order of time."""
    prefix = f"semaine-du-gout-{edition.annee}"
    facts = []
    for item in edition.evenements:
        signup = item.inscription
        text = "\n".join(
            x
            for x in (
                item.description.strip(),
                ("Sur inscription. " + signup.modalites).strip() if signup and signup.obligatoire else "",
                item.accessibilite,
            )
            if x
        )
        where = _place(records, item.lieu, item.adresse)
        facts.append(EventFacts(f"{prefix}-{item.id}", item.titre, item.jour, item.debut, item.fin, where, text))
    for recipe, session in records.epicebon_in(edition):
        key = f"{prefix}-epicebon-{recipe.id}-{session.jour.isoformat()}-{session.debut.replace(':', '')}"
        kind = "Démonstration" if session.nature == "demonstration" else "Atelier"
        text = f"{kind} Épicé'bon. L'aliment du mois : {recipe.aliment_du_mois.nom}."
        where = _place(records, session.lieu, None)
        title = f"Épicé'bon : {recipe.titre}"
        facts.append(EventFacts(key, title, session.jour, session.debut, session.fin, where, text))
    if edition.forum:
        forum = edition.forum
        stands = "\n".join(f"- {s.titre}" for s in forum.stands)
        where = _place(records, forum.lieu, forum.adresse)
        facts.append(EventFacts(f"{prefix}-forum", forum.titre, forum.jour, forum.debut, forum.fin, where, stands))
    if edition.bus:
        for tour in edition.bus.tournees:
            for passage in tour.passages:
                stop = edition.bus.stop(passage.arret)
                where = (
                    ", ".join(filter(None, [f"{stop.nom} ({stop.quartier})", edition.commune]))
                    if stop
                    else passage.arret
                )
                title = f"Bus du goût : {stop.nom if stop else passage.arret}"
                key = f"{prefix}-bus-{tour.jour.isoformat()}-{passage.arret}-{passage.arrivee.replace(':', '')}"
                facts.append(
                    EventFacts(key, title, tour.jour, passage.arrivee, passage.depart, where, passage.animation)
                )
    return sorted(facts, key=lambda f: (f.day, f.start, f.key))


def edition_marks(records: Records) -> dict[str, str]:
    """Each event's fingerprint, by key, for every edition (what the calendars' memory records)."""
    return {f.key: f.mark for edition in records.editions for f in programme_facts(edition, records)}


def edition_calendar(edition: Edition, records: Records, state: dict[str, Any], today: date) -> bytes:
    events = [_event(facts, state, today) for facts in programme_facts(edition, records)]
    return calendar_file(f"Semaine du goût {edition.annee}", events, PRODID)


def edition_calendars(records: Records, state: dict[str, Any], today: date) -> dict[str, bytes]:
    return {urls.edition_calendar(e.annee): edition_calendar(e, records, state, today) for e in records.editions}
