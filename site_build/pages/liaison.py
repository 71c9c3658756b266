"""Liaison forms (fiches de liaison), pro profile only: an accessible form that is printed or copied,
never sent. Personal data typed into it stays on the device (see liaison.js)."""

from __future__ import annotations

from site_build import urls
from site_build.data.loading.vocabularies import VOCABULARIES, thematique_label
from site_build.data.model.records import Form, Records
from site_build.pages.model import Page
from site_build.pages.render import render
from site_build.text.french import sort_key

CONFIDENTIAL = (
    "Document confidentiel — à remettre en main propre ou par messagerie sécurisée de santé — à détruire après usage"
)
_INPUT_TYPES = {"texte": "text", "telephone": "tel", "courriel": "email", "date": "date"}


def accepting_services(form: Form, records: Records) -> list[str]:
    """Ids of the services that take this form: those listed, or every `orientable` service."""
    if form.services:
        return [s for s in form.services if s in records.service_by_id]
    return [sid for sid, service in records.service_by_id.items() if service.orientable]


def form_of_service(records: Records) -> dict[str, str]:
    """The form "Orienter vers ce service" opens, per service id (the first form that takes it)."""
    chosen: dict[str, str] = {}
    for form in records.forms:
        for service_id in accepting_services(form, records):
            chosen.setdefault(service_id, form.id)
    return chosen


def prefill_data(form: Form, records: Records) -> dict[str, dict[str, str]]:
    """What "Orienter vers ce service" fills in, per service id (kept in the page: works offline)."""
    data = {}
    for service_id in accepting_services(form, records):
        service, partner = records.service_by_id[service_id], records.partner_of_service[service_id]
        contact = " — ".join(
            x for x in (service.telephone or partner.telephone, service.courriel or partner.courriel) if x
        )
        data[service_id] = {
            "partenaire": partner.nom,
            "service": service.nom,
            "contact": contact,
            "justificatifs": "\n".join(f"- {j}" for j in service.justificatifs),
            "conditions": service.conditions_acces.strip(),
        }
    return data


def _theme_categories() -> list[str]:
    return sorted({thematique_label(t.slug).split(" : ")[0] for t in VOCABULARIES["thematiques"]}, key=sort_key)


def _needs_to_choose(records: Records) -> list[str]:
    """The needs a professional ticks: the everyday needs of the guide (« Manger », « Se loger »…), the same
    words as the tiles; without any, the categories of the national vocabulary."""
    return [need.nom for need in records.needs] or _theme_categories()


def form_page(form: Form, records: Records) -> Page:
    choices = {
        field.id: _needs_to_choose(records) if field.choix_thematiques else list(field.choix)
        for section in form.sections
        for field in section.champs
    }
    html = render(
        "liaison.html",
        urls.form(form.id),
        form=form,
        choices=choices,
        input_types=_INPUT_TYPES,
        confidential=CONFIDENTIAL,
        prefill=prefill_data(form, records),
    )
    return Page(urls.source(urls.form(form.id)), form.titre, html)
