"""« En cas d'urgence »: the national numbers and the local contacts of data/urgences.yaml, as a
block (directory when nothing is open, home) and as the page /urgences/ every page links to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from site_build.data.records import Records
from site_build.pages.directory import status_place
from site_build.pages.model import Page
from site_build.pages.render import render


@dataclass(frozen=True)
class NationalNumber:
    number: str
    who: str
    why: str
    scheme: str = "tel"  # "sms" for the number that takes text messages


# Free numbers, every day and night, from any phone (even without credit); 114 by text message.
NATIONAL_NUMBERS = (
    NationalNumber("115", "Samu social", "Dormir ce soir, un abri pour la nuit."),
    NationalNumber("15", "Samu", "Une urgence médicale : malaise, blessure grave, douleur forte."),
    NationalNumber("17", "Police secours", "Une agression, un danger, un vol en cours."),
    NationalNumber("18", "Pompiers", "Un incendie, un accident, une personne en danger."),
    NationalNumber("112", "Urgences en Europe", "Depuis un portable, dans tous les pays d'Europe."),
    NationalNumber("114", "Urgences par SMS", "Pour les personnes sourdes ou qui ne peuvent pas parler.", "sms"),
    NationalNumber("119", "Enfance en danger", "Un enfant maltraité ou en danger, même un doute."),
    NationalNumber("3919", "Violences femmes info", "Violences dans le couple ou la famille. Anonyme."),
)


def emergency_block(
    records: Records, today: date, here: str, title: str = "En cas d'urgence", in_toc: bool = True
) -> Markup:
    """The block itself, for any page at site path `here` (markup to put into other templates)."""
    local = [
        (contact, records.partner_by_id.get(contact.partenaire), status_place(contact.horaires, None, today))
        for contact in records.emergencies
    ]
    return Markup(
        render("emergency_block.html", here, national=NATIONAL_NUMBERS, local=local, title=title, in_toc=in_toc)
    )


def emergency_page(records: Records, today: date) -> Page:
    here = "urgences/"
    html = render("emergency.html", here, block=emergency_block(records, today, here, "Numéros gratuits"))
    return Page("urgences/index.md", "En cas d'urgence", html)
