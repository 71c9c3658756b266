"""Liaison forms (fiches de liaison), pro profile only: an accessible form that is printed or copied,
never sent. Personal data typed into it stays on the device (see liaison.js)."""

from __future__ import annotations

import json

from site_build.data.dataset import Dataset
from site_build.data.vocabularies import VOCABULARIES, thematique_label
from site_build.pages.model import Page
from site_build.text.french import sort_key
from site_build.text.safe_markdown import e, markdown_text

DEFAULT_DRAFT_HOURS = 72
CONFIDENTIAL = (
    "Document confidentiel — à remettre en main propre ou par messagerie sécurisée de santé — à détruire après usage"
)
_INPUT_TYPES = {"texte": "text", "telephone": "tel", "courriel": "email", "date": "date"}


def accepting_services(form: dict, dataset: Dataset) -> list[str]:
    """Ids of the services that take this form: those listed, or every `orientable` service."""
    listed = form.get("services") or []
    if listed:
        return [s for s in listed if s in dataset.service_by_id]
    return [sid for sid, service in dataset.service_by_id.items() if service.get("orientable")]


def form_for_service(service_id: str, dataset: Dataset) -> str | None:
    for form_id, form in dataset.forms.items():
        if service_id in accepting_services(form, dataset):
            return form_id
    return None


def prefill_data(form: dict, dataset: Dataset) -> dict[str, dict[str, str]]:
    """What "Orienter vers ce service" fills in, per service id (kept in the page: works offline)."""
    data = {}
    for service_id in accepting_services(form, dataset):
        service, partner = dataset.service_by_id[service_id], dataset.partner_of_service[service_id]
        contact = " — ".join(
            x
            for x in (
                service.get("telephone") or partner.get("telephone"),
                service.get("courriel") or partner.get("courriel"),
            )
            if x
        )
        data[service_id] = {
            "partenaire": partner["nom"],
            "service": service["nom"],
            "contact": contact,
            "justificatifs": "\n".join(f"- {j}" for j in service.get("justificatifs") or []),
        }
    return data


def _choices(field: dict) -> list[str]:
    if field.get("choix_thematiques"):
        categories = {thematique_label(t.slug).split(" : ")[0] for t in VOCABULARIES["thematiques"]}
        return sorted(categories, key=sort_key)
    return field.get("choix") or []


def _field(field: dict) -> str:
    field_id = f"champ-{field['id']}"
    required = field.get("obligatoire", False)
    mark = ' <span class="gp-obligatoire">(obligatoire)</span>' if required else ""
    data = (
        f' data-libelle="{e(field["libelle"])}"'
        + (' data-obligatoire="1"' if required else "")
        + (f' data-prerempli="{e(field["prerempli"])}"' if field.get("prerempli") else "")
        + (' data-personnel="1"' if field.get("personnel") else "")
    )
    described = [f"{field_id}-aide"] if field.get("aide") else []
    help_text = f'<p class="gp-aide" id="{field_id}-aide">{e(field["aide"])}</p>' if field.get("aide") else ""
    error = f'<p class="gp-erreur" id="{field_id}-erreur" hidden></p>'
    kind = field["type"]
    if kind in ("choix", "choix-multiples"):
        input_type = "radio" if kind == "choix" else "checkbox"
        options = "".join(
            f'<div class="gp-option"><input type="{input_type}" id="{field_id}-{n}" name="{e(field["id"])}" '
            f'value="{e(choice)}"><label for="{field_id}-{n}">{e(choice)}</label></div>'
            for n, choice in enumerate(_choices(field))
        )
        return (
            f'<fieldset class="gp-champ" id="{field_id}"{data}><legend>{e(field["libelle"])}{mark}</legend>'
            f"{help_text}{error}{options}</fieldset>"
        )
    if kind == "case-a-cocher":
        return (
            f'<div class="gp-champ gp-option"{data}><input type="checkbox" id="{field_id}" name="{e(field["id"])}" '
            f'value="oui" aria-describedby="{" ".join(described + [field_id + "-erreur"])}">'
            f'<label for="{field_id}">{e(field["libelle"])}{mark}</label>{help_text}{error}</div>'
        )
    counter = ""
    attributes = ""
    if kind == "texte-long" and field.get("max_longueur"):
        limit = field["max_longueur"]
        counter = f'<p class="gp-compteur" id="{field_id}-compteur">0 sur {limit} caractères</p>'
        described.append(f"{field_id}-compteur")
        attributes = f' maxlength="{limit}"'
    describedby = " ".join(described + [f"{field_id}-erreur"])
    if kind == "texte-long":
        control = (
            f'<textarea id="{field_id}" name="{e(field["id"])}" rows="4" autocomplete="off" spellcheck="true" '
            f'aria-describedby="{describedby}"{attributes}></textarea>'
        )
    else:
        control = (
            f'<input type="{_INPUT_TYPES[kind]}" id="{field_id}" name="{e(field["id"])}" autocomplete="off" '
            f'aria-describedby="{describedby}">'
        )
    return (
        f'<div class="gp-champ"{data}><label for="{field_id}">{e(field["libelle"])}{mark}</label>'
        f"{help_text}{control}{counter}{error}</div>"
    )


def form_page(form_id: str, form: dict, dataset: Dataset) -> Page:
    hours = form.get("brouillon_heures", DEFAULT_DRAFT_HOURS)
    prefill = json.dumps(prefill_data(form, dataset), ensure_ascii=False).replace("<", "\\u003c")
    parts = [
        markdown_text(form.get("description")),
        '<p class="gp-confidentiel-ecran"><strong>Rien de ce que vous saisissez ne quitte cet appareil.</strong> '
        "Il n'y a pas de bouton « Envoyer » : imprimez la fiche ou copiez son texte dans une messagerie "
        "sécurisée de santé.</p>",
        f'<form class="gp-liaison" id="liaison-{e(form_id)}" data-gp-liaison="{e(form_id)}" '
        f'data-brouillon-heures="{e(hours)}" action="#" autocomplete="off">',
        '<div class="gp-erreurs" role="alert" tabindex="-1" hidden></div>',
        '<div class="gp-impression-entete" aria-hidden="true"></div>',
    ]
    for section in form["sections"]:
        parts.append(f'<fieldset class="gp-section"><legend>{e(section["titre"])}</legend>')
        if section.get("aide"):
            parts.append(f'<p class="gp-aide">{e(section["aide"])}</p>')
        parts.extend(_field(field) for field in section["champs"])
        parts.append("</fieldset>")
    parts.append(f'<p class="gp-consentement"><strong>Accord de la personne :</strong> {e(form["consentement"])}</p>')
    parts.append(f'<p class="gp-engagement"><strong>Engagement du professionnel :</strong> {e(form["engagement"])}</p>')
    parts.append(
        '<div class="gp-liaison-actions gp-avec-js">'
        '<button type="button" class="md-button md-button--primary" data-action="imprimer">Imprimer / PDF</button> '
        '<button type="button" class="md-button" data-action="copier">Copier le texte</button> '
        '<button type="button" class="md-button" data-action="verifier">Vérifier la fiche</button>'
        '<p class="gp-statut" role="status"></p></div>'
    )
    parts.append(
        '<fieldset class="gp-brouillon gp-avec-js"><legend>Brouillon</legend>'
        '<div class="gp-option"><input type="checkbox" id="gp-garder-brouillon">'
        f'<label for="gp-garder-brouillon">Garder un brouillon sur cet appareil pendant {e(hours)} heures'
        '</label></div><p class="gp-aide">Désactivé par défaut. Le brouillon reste sur cet appareil '
        "seulement ; il s'efface tout seul à la fin du délai. N'activez pas sur un ordinateur partagé.</p>"
        '<p class="gp-brouillon-etat" role="status"></p>'
        '<button type="button" class="md-button" data-action="effacer" hidden>Effacer le brouillon</button>'
        "</fieldset>"
    )
    parts.append(f'<p class="gp-impression-pied" aria-hidden="true">{e(CONFIDENTIAL)}</p>')
    parts.append(f'<script type="application/json" class="gp-prerempli">{prefill}</script></form>')
    parts.append("<noscript><p>Sans JavaScript, remplissez la fiche puis imprimez la page (Ctrl + P).</p></noscript>")
    return Page(f"liaison/{form_id}.md", form["titre"], "".join(parts))


def orient_link(service_id: str, dataset: Dataset, depth: int = 2) -> str:
    """ "Orienter vers ce service", on a service that accepts a form (pro profile: public has no forms)."""
    form_id = form_for_service(service_id, dataset)
    if not form_id:
        return ""
    return (
        f'<p><a class="md-button" href="{"../" * depth}liaison/{e(form_id)}/?service={e(service_id)}">'
        "Orienter vers ce service</a></p>"
    )
