"""The Semaine du goût calendar of each edition (/semaine-du-gout/<année>.ics): every animation,
the forum, the school workshops open to the public and every stop of the bus, with stable UIDs
and Europe/Paris times. The same data gives the same bytes: DTSTAMP is the edition's first day
(an edition is published once, before its week; calendar apps refresh a subscription whole)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar

from site_build.data.editions import Edition, Place
from site_build.data.records import Records
from site_build.feeds.icalendar import UID_DOMAIN, calendar_file
from site_build.text.occurrences import PARIS

PRODID = "-//Le guide partagé//Semaine du goût//FR"


def _at(day: date, hhmm: str) -> datetime:
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return datetime(day.year, day.month, day.day, hours, minutes, tzinfo=PARIS)


def _event(
    uid: str, stamp: datetime, title: str, day: date, start: str, end: str, where: str, text: str
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")  # from the data's ids: an edited event replaces itself
    event.add("dtstamp", stamp)
    event.add("summary", title)
    event.add("dtstart", _at(day, start))
    event.add("dtend", _at(day, end))
    if where:
        event.add("location", where)
    if text:
        event.add("description", text)
    return event


def _place(records: Records, partner: str, address: Place | None) -> str:
    found = records.partner_by_id.get(partner)
    if found:
        a = found.adresse
        return ", ".join(x for x in (found.nom, a.voie, f"{a.code_postal} {a.commune}".strip()) if x)
    if address:
        return ", ".join(x for x in (address.nom, address.voie, address.commune) if x)
    return ""


def edition_calendar(edition: Edition, records: Records) -> bytes:
    stamp = datetime.combine(edition.du, datetime.min.time(), tzinfo=UTC)
    prefix = f"semaine-du-gout-{edition.annee}"
    events = []
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
        events.append(
            _event(
                f"{prefix}-{item.id}",
                stamp,
                item.titre,
                item.jour,
                item.debut,
                item.fin,
                _place(records, item.lieu, item.adresse),
                text,
            )
        )
    if edition.forum:
        forum = edition.forum
        stands = "\n".join(f"- {s.titre}" for s in forum.stands)
        where = _place(records, forum.lieu, forum.adresse)
        events.append(_event(f"{prefix}-forum", stamp, forum.titre, forum.jour, forum.debut, forum.fin, where, stands))
    if edition.bus:
        for tour in edition.bus.tournees:
            for passage in tour.passages:
                stop = edition.bus.stop(passage.arret)
                where = f"{stop.nom} ({stop.quartier}), Vierzon" if stop else passage.arret
                title = f"Bus du goût : {stop.nom if stop else passage.arret}"
                uid = f"{prefix}-bus-{tour.jour.isoformat()}-{passage.arret}-{passage.arrivee.replace(':', '')}"
                events.append(
                    _event(uid, stamp, title, tour.jour, passage.arrivee, passage.depart, where, passage.animation)
                )
    events.sort(key=lambda e: (e.decoded("dtstart"), str(e["uid"])))
    return calendar_file(f"Semaine du goût {edition.annee}", events, PRODID)


def edition_calendars(records: Records) -> dict[str, bytes]:
    return {f"semaine-du-gout/{e.annee}.ics": edition_calendar(e, records) for e in records.editions}
