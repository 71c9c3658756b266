"""The Semaine du goût pages: the edition under way or to come (/semaine-du-gout/), each edition
(/semaine-du-gout/<année>/) with its programme day by day, its bus timetable (…/bus/), its forum
(…/forum/) and its poster (…/affiche/). The pro build adds the working groups and workshop details."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from site_build import urls
from site_build.data.loading.settings import SiteSettings
from site_build.data.model.editions import PUBLICS, Answers, BusStop, Edition, Place, Question, Questionnaire, featured
from site_build.data.model.records import Recipe, RecipeWorkshop, Records
from site_build.i18n.current import N_, gettext
from site_build.pages.charts import Chart, bar_chart
from site_build.pages.model import Page
from site_build.pages.proposal import TASTE_EVENT, propose_query, values_block
from site_build.pages.qr import qr_svg
from site_build.pages.render import render
from site_build.text.french import sort_key

SECTION = urls.TASTE_WEEK
# PUBLICS's labels marked for the catalogs (the data stage does not know of languages)
PUBLICS_SAID = (N_("Tout public"), N_("Familles"), N_("Seniors"), N_("Scolaires"))


@dataclass(frozen=True)
class Slot:
    """One line of a day's programme: an animation, a stop of the bus, the forum or a school workshop."""

    kind: str  # "animation", "bus", "forum", "ecole"
    start: str
    end: str
    title: str
    place_id: str = ""  # a partner of the directory, or
    place: Place | BusStop | None = None
    publics: tuple[str, ...] = ("tout-public",)
    organisers: tuple[str, ...] = ()
    text: str = ""
    signup: bool = False  # registration needed
    how_to_sign_up: str = ""
    access: str = ""
    event_id: str = ""  # an animation's id: « Proposer une modification »
    language: str = "fr"  # the language of its title and texts
    text_language: str = ""  # of `text` when it differs (an Épicé'bon recipe's food of the month)


def programme(
    edition: Edition, sessions: Sequence[tuple[Recipe, RecipeWorkshop]] = ()
) -> list[tuple[date, list[Slot]]]:
    """Each day of the edition with what happens, in order of time; the Épicé'bon workshops of the
    week among them."""
    slots: dict[date, list[Slot]] = {day: [] for day in edition.days}
    for recipe, session in sessions:
        slots[session.jour].append(
            Slot(
                "epicebon",
                session.debut,
                session.fin,
                recipe.titre,
                session.lieu,
                publics=("tout-public",),
                text=recipe.aliment_du_mois.nom,
                organisers=(session.lieu,),
                language=recipe.langue,
                text_language="fr",
            )
        )
    for event in edition.evenements:
        signup = event.inscription or None
        slots.setdefault(event.jour, []).append(
            Slot(
                "animation",
                event.debut,
                event.fin,
                event.titre,
                event.lieu,
                event.adresse,
                event.publics,
                event.organisateurs,
                event.description,
                bool(signup and signup.obligatoire),
                signup.modalites if signup else "",
                event.accessibilite,
                event.id,
                event.langue,
            )
        )
    if edition.bus:
        for tour in edition.bus.tournees:
            for passage in tour.passages:
                stop = edition.bus.stop(passage.arret)
                slots.setdefault(tour.jour, []).append(
                    Slot(
                        "bus",
                        passage.arrivee,
                        passage.depart,
                        stop.nom if stop else passage.arret,
                        place=stop,
                        text=passage.animation,
                        organisers=edition.bus.partenaires,
                    )
                )
    if edition.forum:
        forum = edition.forum
        slots.setdefault(forum.jour, []).append(
            Slot(
                "forum",
                forum.debut,
                forum.fin,
                forum.titre,
                forum.lieu,
                forum.adresse,
                ("tout-public",),
                tuple(s.partenaire for s in forum.stands),
                forum.description,
            )
        )
    for workshop in edition.ateliers_scolaires:
        slots.setdefault(workshop.jour, []).append(
            Slot(
                "ecole",
                workshop.debut,
                workshop.fin,
                workshop.titre,
                publics=("scolaires",),
                organisers=(workshop.partenaire,),
                text=f"{workshop.ecole}, {workshop.niveau}",
            )
        )
    return [(day, sorted(items, key=lambda s: (s.start or "99", s.title))) for day, items in sorted(slots.items())]


def _answer_rows(question: Question, counts: dict[str, int], handed_back: int) -> list[tuple[str, float]]:
    """Each box's share of the questionnaires handed back; for a one-box question, those left blank too."""
    rows = [(box.libelle, counts.get(box.id, 0) / handed_back) for box in question.choix]
    blank = handed_back - sum(counts.values())
    if not question.plusieurs and blank > 0:
        rows.append((gettext("Sans réponse"), blank / handed_back))
    return rows


def _question_chart(chart_id: str, question: Question, answered: list[tuple[str, Answers]], note: str) -> Chart:
    """One question's answers, a bar per year that asked it, as shares of the questionnaires handed back
    (years with more questionnaires then weigh the same)."""
    shares: dict[str, list[float | None]] = {}
    for position, (_, answers) in enumerate(answered):
        for label, share in _answer_rows(question, answers.reponses[question.id], answers.rendus):
            shares.setdefault(label, [None] * len(answered))[position] = share
    years = tuple(year for year, _ in answered)
    rows = [(label, tuple(values)) for label, values in shares.items()]
    # the questionnaire is printed and counted in French: its questions and boxes stay French
    answer = gettext("Réponse")
    return bar_chart(chart_id, question.question, answer, years, rows, shares=True, note=note, language="fr")


def review_charts(edition: Edition, questionnaire: Questionnaire | None) -> list[Chart]:
    """The charts of an edition's review: participants by public, then one per question answered."""
    review = edition.bilan
    if not review:
        return []
    charts = []
    if review.participants:
        people = [
            (gettext(name), (float(review.participants[slug]),))
            for slug, name in PUBLICS.items()
            if slug in review.participants
        ]
        title = gettext("Participants par public en {annee}").format(annee=edition.annee)
        charts.append(bar_chart("bilan-participants", title, gettext("Public"), (gettext("Participants"),), people))
    answers = review.questionnaire
    if answers and questionnaire and answers.rendus:
        several = " " + gettext("Plusieurs cases possibles : le total dépasse 100 %.")
        handed_back = gettext("Part des {n} questionnaires rendus.").format(n=answers.rendus)
        for question in questionnaire.questions:
            if question.id in answers.reponses:
                note = handed_back + (several if question.plusieurs else "")
                charts.append(_question_chart(f"bilan-{question.id}", question, [(edition.annee, answers)], note))
    return charts


def comparison_charts(editions: tuple[Edition, ...], questionnaire: Questionnaire | None) -> list[Chart]:
    """Editions side by side: participants by public, then each question's answers year by year."""
    reviews = [(e.annee, e.bilan) for e in editions if e.bilan]
    counted = [(year, review.participants) for year, review in reviews if review.participants]
    charts = []
    if counted:
        rows = [
            (gettext(name), tuple(float(people[slug]) if slug in people else None for _, people in counted))
            for slug, name in PUBLICS.items()
        ]
        years = tuple(year for year, _ in counted)
        charts.append(bar_chart("participants", gettext("Participants par public"), gettext("Public"), years, rows))
    asked = [(year, r.questionnaire) for year, r in reviews if r.questionnaire and r.questionnaire.rendus]
    for question in questionnaire.questions if questionnaire else ():
        answered = [(year, answers) for year, answers in asked if question.id in answers.reponses]
        if answered:
            note = gettext("Part des questionnaires rendus chaque année.") + (
                " " + gettext("Plusieurs cases possibles.") if question.plusieurs else ""
            )
            charts.append(_question_chart(f"question-{question.id}", question, answered, note))
    return charts


def _edition_page(edition: Edition, records: Records, here: str, src_uri: str, current: bool, searchable: bool) -> Page:
    html = render(
        "taste_week.html",
        here,
        edition=edition,
        records=records,
        days=programme(edition, records.epicebon_in(edition)),
        publics=PUBLICS,
        current=current,
        folder=urls.edition(edition.annee),
        proposal_values=values_block((TASTE_EVENT, event) for event in edition.evenements),
        propose=lambda kind, ident: propose_query(kind, ident, here),
    )
    title = gettext("Semaine du goût {annee} : {theme}").format(annee=edition.annee, theme=edition.theme)
    return Page(src_uri, title, html, searchable=searchable, reviewed=edition.reviewed)


def _poster_page(edition: Edition, records: Records, settings: SiteSettings) -> Page:
    """The programme on one A4 poster or an A5 flyer, with a QR code to the edition's page."""
    here = f"{SECTION}{edition.annee}/affiche/"
    address = settings.page_url(urls.edition(edition.annee))
    names = [records.partner_by_id[p] for p in edition.partners if p in records.partner_by_id]
    html = render(
        "taste_week_poster.html",
        here,
        edition=edition,
        days=[(day, slots) for day, slots in programme(edition, records.epicebon_in(edition)) if slots],
        address=address,
        qr=Markup(qr_svg(address, gettext("Code QR de l'adresse du programme"))) if address else "",
        partners=sorted((p.sigle or p.nom for p in names), key=sort_key),
        guide=" · ".join(x for x in (settings.site_name, settings.organisation) if x),
    )
    title = gettext("Affiche de la Semaine du goût {annee}").format(annee=edition.annee)
    return Page(f"{SECTION}{edition.annee}/affiche.md", title, html, searchable=False, reviewed=edition.reviewed)


def _review_page(edition: Edition, records: Records) -> Page:
    """One edition's review: its figures, what went well or not, the questionnaires' answers."""
    here = f"{urls.edition(edition.annee)}bilan/"
    html = render("taste_week_review.html", here, edition=edition, charts=review_charts(edition, records.questionnaire))
    title = gettext("Le bilan de la Semaine du goût {annee}").format(annee=edition.annee)
    return Page(f"{SECTION}{edition.annee}/bilan.md", title, html, searchable=False)


def _reviews_page(records: Records) -> Page:
    """The editions compared, year by year."""
    html = render(
        "taste_week_reviews.html",
        f"{SECTION}bilans/",
        editions=[e for e in reversed(records.editions) if e.bilan],
        charts=comparison_charts(records.editions, records.questionnaire),
    )
    return Page(f"{SECTION}bilans.md", gettext("Les bilans de la Semaine du goût, année par année"), html)


def _questionnaire_page(questionnaire: Questionnaire) -> Page:
    """The anonymous paper questionnaire, to print on A4."""
    html = render("taste_week_questionnaire.html", f"{SECTION}questionnaire/", questionnaire=questionnaire)
    # a sheet to print: the site search answering « manger » with it first sent people away from help
    return Page(f"{SECTION}questionnaire.md", gettext("Le questionnaire de la Semaine du goût"), html, searchable=False)


def taste_week_pages(records: Records, today: date, settings: SiteSettings = SiteSettings()) -> list[Page]:
    chosen = featured(records.editions, today)
    if not chosen:
        return []
    # In the site search: the featured edition's own page only. /semaine-du-gout/ repeats it, and
    # the archive would fill every visitor's first download with past programmes.
    pages = [_edition_page(chosen, records, SECTION, f"{SECTION}index.md", chosen.au >= today, False)]
    if any(e.bilan for e in records.editions):
        pages.append(_reviews_page(records))
    if records.questionnaire:
        pages.append(_questionnaire_page(records.questionnaire))
    for edition in records.editions:
        here = urls.edition(edition.annee)
        current, searchable = edition.au >= today, edition == chosen
        pages.append(_edition_page(edition, records, here, f"{SECTION}{edition.annee}.md", current, searchable))
        if edition.bus:
            html = render("taste_week_bus.html", f"{here}bus/", edition=edition, bus=edition.bus, records=records)
            title = gettext("Le bus du goût {annee}").format(annee=edition.annee)
            pages.append(Page(f"{SECTION}{edition.annee}/bus.md", title, html, reviewed=edition.reviewed))
        if edition.bilan:
            pages.append(_review_page(edition, records))
        if edition.forum:
            html = render("taste_week_forum.html", f"{here}forum/", edition=edition, records=records)
            title = f"{edition.forum.titre} {edition.annee}"
            pages.append(Page(f"{SECTION}{edition.annee}/forum.md", title, html, reviewed=edition.reviewed))
        pages.append(_poster_page(edition, records, settings))
    return pages
