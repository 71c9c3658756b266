"""« En cas d'urgence »: the national numbers and the local contacts of data/urgences.yaml, as a
block (directory when nothing is open, home) and as the page /urgences/ every page links to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from site_build import urls
from site_build.data.model.records import Records
from site_build.i18n.current import N_, gettext
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
# In French; the templates show them in the page's language (N_: translated when shown).
NATIONAL_NUMBERS = (
    NationalNumber("115", N_("Samu social"), N_("Dormir ce soir, un abri pour la nuit.")),
    NationalNumber("15", N_("Samu"), N_("Une urgence médicale : malaise, blessure grave, douleur forte.")),
    NationalNumber("17", N_("Police secours"), N_("Une agression, un danger, un vol en cours.")),
    NationalNumber("18", N_("Pompiers"), N_("Un incendie, un accident, une personne en danger.")),
    NationalNumber("112", N_("Urgences en Europe"), N_("Depuis un portable, dans tous les pays d'Europe.")),
    NationalNumber(
        "114", N_("Urgences par SMS"), N_("Pour les personnes sourdes ou qui ne peuvent pas parler."), "sms"
    ),
    NationalNumber("119", N_("Enfance en danger"), N_("Un enfant maltraité ou en danger, même un doute.")),
    NationalNumber("3919", N_("Violences femmes info"), N_("Violences dans le couple ou la famille. Anonyme.")),
)


def emergency_block(
    records: Records, today: date, here: str, title: str = N_("En cas d'urgence"), in_toc: bool = True
) -> Markup:
    """The block itself, for any page at site path `here` (markup to put into other templates), in the
    language pages are being made in (`title` in French)."""
    title = gettext(title)
    local = [
        (contact, records.partner_by_id.get(contact.partenaire), status_place(contact.horaires, None, today))
        for contact in records.emergencies
    ]
    return Markup(
        render("emergency_block.html", here, national=NATIONAL_NUMBERS, local=local, title=title, in_toc=in_toc)
    )


def right_now_block(records: Records, here: str) -> Markup:
    """« Tout de suite » for each need that says what to do when nothing is open (data/besoins.yaml),
    each number named: a national number by its service, a local one by its contact of urgences.yaml."""
    names = {n.number: gettext(n.who) for n in NATIONAL_NUMBERS}
    names.update((contact.telephone, contact.nom) for contact in records.emergencies)
    needs = [
        (need, [(number, names.get(number, "")) for number in need.maintenant.appeler])
        for need in records.needs
        if need.maintenant
    ]
    return Markup(render("right_now.html", here, needs=needs)) if needs else Markup("")


def emergency_page(records: Records, today: date) -> Page:
    here = urls.EMERGENCY
    html = render("emergency.html", here, block=emergency_block(records, today, here, N_("Numéros gratuits")))
    return Page(urls.source(here), gettext("En cas d'urgence"), html)
