"""Pages of the partner directory (/annuaire/, /annuaire/<id>/) and the professionals' directory."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

from site_build import urls
from site_build.data.analytics.due_dates import due_after
from site_build.data.loading.settings import PARTNER_VCARD, SiteSettings
from site_build.data.loading.vocabularies import SERVICE_FACETS, thematique_label
from site_build.data.model.profile import PUBLIC, Profile
from site_build.data.model.records import Partner, Records
from site_build.i18n import formats
from site_build.i18n.current import N_, current, gettext
from site_build.i18n.languages import DEFAULT
from site_build.pages.jsonld import organization
from site_build.pages.model import Page
from site_build.pages.proposal import PROFESSIONAL, partner_entries, propose_query, values_block
from site_build.pages.render import render, said_label
from site_build.text.french import sort_key
from site_build.text.opening_schedule import Schedules, horizon, schedule
from site_build.text.safe_markdown import markdown_plain

# Above this many partners the HTML lists only the first PAGE_SIZE; the script renders the rest from the JSON.
FULL_LIST_LIMIT = 300
PAGE_SIZE = 20  # a phone shows two or three cards: more would only slow the first load
_NO_HOURS: dict[str, Any] = {"semaine": [[]] * 7, "exceptions": {}}


def status_place(hours: str, partner: Partner | None, today: date) -> dict[str, Any] | None:
    """What horaires.js needs to write "Ouvert — ferme à 12 h"; None when there is nothing to say."""
    if not hours and not (partner and partner.closed):
        return None
    closure = partner.fermeture_temporaire if partner else None
    return {
        "horizon": horizon(today),
        "schedule": schedule(hours, today) if hours else _NO_HOURS,
        "closure": closure.as_list() if closure else None,
        "statut": partner.statut if partner else "actif",
    }


def report_href(target: str, partner: Partner, page_url: str) -> str | None:
    """ "Signaler une erreur": a pre-filled e-mail or new-issue form naming the partner and its page."""
    subject = f"Erreur sur la fiche « {partner.nom} »"
    body = (
        f"Fiche : {partner.nom} ({partner.id})\nPage : {page_url or urls.partner(partner.id)}\n\n"
        "Ce qui est faux ou manque :\n\nLa bonne information (et comment vous la connaissez) :\n"
    )
    if target.startswith("mailto:"):
        return f"{target}?subject={quote(subject)}&body={quote(body)}"
    if target.startswith("https://"):
        return f"{target}{'&' if '?' in target else '?'}{urlencode({'title': subject, 'body': body})}"
    return None


def partner_page(
    partner: Partner,
    records: Records,
    today: date,
    settings: SiteSettings = SiteSettings(),
    form_of_service: dict[str, str] | None = None,
) -> Page:
    here = urls.partner(partner.id)
    address = settings.page_url(current().folder + here)  # of this page, in its language
    closure = partner.fermeture_temporaire
    due = due_after(partner.date_verification, partner.frequence_maj)
    people = [p for p in records.professionals if p.partenaire == partner.id]
    html = render(
        "partner.html",
        here,
        partner=partner,
        closure=closure if closure and closure.au >= today else None,
        reception_status=status_place(partner.horaires_accueil, partner, today),
        distribution_status=status_place(partner.horaires_distribution, partner, today),
        service_status={s.id: status_place(s.horaires_accueil, partner, today) for s in partner.services},
        form_of_service=form_of_service or {},
        people=people,
        proposal_values=values_block(partner_entries(partner, people)),
        propose=propose_query,
        due=due,
        stale=due <= today,
        vcard=PARTNER_VCARD,
        report_href=report_href(settings.signalement, partner, address),
        organization=organization(partner, address, markdown_plain(partner.description)),
    )
    french = DEFAULT if current().code != DEFAULT else ""  # its name: French in every language
    reviewed = partner.reviewed and all(person.relu for person in people)
    return Page(urls.source(here), partner.nom, html, title_language=french, reviewed=reviewed)


@dataclass(frozen=True)
class Card:
    """One card of the directory (partner_card.html); empty, the model the page's script fills."""

    partner: Partner | None = None
    place: str = ""  # its acronym and town
    services: str = ""  # its services' names
    hours: dict[str, Any] | None = None  # its places' schedules, for the open/closed line

    @property
    def services_language(self) -> str:
        """The language of its services' names: the page's when every name is translated, else French."""
        languages = {s.langue for s in self.partner.services} if self.partner else set()
        return languages.pop() if len(languages) == 1 else "fr"


def card_place(partner: Partner) -> str:
    return " · ".join(x for x in (partner.sigle, partner.adresse.commune) if x)


def card_hours(partner: Partner, schedules: Schedules) -> dict[str, Any]:
    """What annuaire.js needs to write a drawn card's open/closed line before it reads annuaire.json:
    the numbers of its schedules (reception, distribution, services) in the page's table."""
    texts = [partner.horaires_accueil, partner.horaires_distribution, *(s.horaires_accueil for s in partner.services)]
    closure = partner.fermeture_temporaire
    return {
        "h": [n for n in map(schedules.number, texts) if n is not None],
        "statut": partner.statut,
        "fermeture": closure.as_list() if closure else None,
    }


def _facet_options(partners: list[Partner], field: str, vocabulary: str) -> list[tuple[str, str]]:
    slugs = {slug for p in partners for s in p.services for slug in getattr(s, field)}
    return sorted(((slug, said_label(vocabulary, slug)) for slug in slugs), key=lambda pair: sort_key(pair[1]))


_FACET_TITLES = {
    "th": ("thematique", N_("Thème"), N_("Tous les thèmes")),
    "pu": ("public", N_("Pour qui"), N_("Tous les publics")),
    "fr": ("frais", N_("Frais"), N_("Gratuit ou payant")),
    "ac": ("accueil", N_("Sur place ou à distance"), N_("Toutes les façons")),
}


def directory_page(
    records: Records,
    today: date,
    profile: Profile = PUBLIC,
    emergency: Markup | None = None,
    right_now: Markup | None = None,
) -> Page:
    """/annuaire/; `emergency` is the « En cas d'urgence » block shown when nothing is open, `right_now`
    what to do at once for a need none of whose places is open (the script shows the need's part)."""
    partners = records.partners_by_name()
    shown = partners if len(partners) <= FULL_LIST_LIMIT else partners[:PAGE_SIZE]
    facets = [
        (name, title, everything, _facet_options(partners, *SERVICE_FACETS[key]))
        for key, (name, title, everything) in _FACET_TITLES.items()
    ]
    communes = sorted({p.adresse.commune for p in partners} - {""}, key=sort_key)
    schedules = Schedules(today)
    cards = [
        Card(p, card_place(p), formats.listing([s.nom for s in p.services]), card_hours(p, schedules)) for p in shown
    ]
    html = render(
        "directory.html",
        urls.DIRECTORY,
        partners=partners,
        shown=shown,
        cards=cards,
        empty_card=Card(),
        card_schedules={"horizon": schedules.horizon(), "horaires": schedules.table},
        service_count=sum(len(p.services) for p in partners),
        facets=facets,
        communes=[(c, c) for c in communes],
        profile=profile,
        page_size=max(PAGE_SIZE, len(shown)),  # a small directory is shown whole, as its HTML is
        needs=records.needs,
        emergency=emergency or Markup(""),
        right_now=right_now or Markup(""),
    )
    return Page(urls.source(urls.DIRECTORY), gettext("Annuaire des partenaires"), html, wide=True)


def professionals_page(records: Records) -> Page:
    people = sorted(records.professionals, key=lambda p: sort_key(f"{p.nom} {p.prenom}"))
    structures = sorted({p.partenaire for p in people}, key=lambda i: sort_key(records.partner_name(i)))
    themes = sorted({t for p in people for t in p.thematiques}, key=lambda t: sort_key(thematique_label(t)))
    searchable = [
        (
            person,
            sort_key(
                " ".join(
                    [
                        person.prenom,
                        person.nom,
                        person.fonction,
                        records.partner_name(person.partenaire),
                        getattr(records.partner_by_id.get(person.partenaire), "sigle", ""),
                        *map(thematique_label, person.thematiques),
                    ]
                )
            ),
        )
        for person in people
    ]
    html = render(
        "professionals.html",
        urls.PROFESSIONALS,
        people=searchable,
        records=records,
        proposal_values=values_block((PROFESSIONAL, person) for person in people),
        propose=propose_query,
        themes=[(t, thematique_label(t)) for t in themes],
        structures=[(i, records.partner_name(i)) for i in structures],
    )
    return Page(urls.source(urls.PROFESSIONALS), "Annuaire des professionnels", html)


def offline_partner_page() -> Page:
    """Served by the service worker for a partner page that was not saved: drawn from the directory JSON.
    At the same depth as /annuaire/<id>/, so its relative links work at either address."""
    here = urls.OFFLINE_CARD
    return Page(urls.source(here), gettext("Fiche partenaire"), render("offline_partner.html", here))
