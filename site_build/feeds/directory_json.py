"""The compact JSON of the directory: search, filters and "open now" in the browser, and every
partner's details offline when its page was not saved (see offline.py).

One file, `annuaire/annuaire.json`, always precached by the service worker, so the
whole directory stays searchable offline. Short keys keep it light at 10,000
partners; `libelles` gives the French label of every slug used.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from site_build.data.profile import Profile
from site_build.data.records import Partner, Records, Service
from site_build.data.vocabularies import SERVICE_FACETS, term_label, terms_text
from site_build.text.hours import describe_hours
from site_build.text.opening_schedule import Schedules
from site_build.text.safe_markdown import markdown_plain


def _drop_empty(entry: dict[str, Any]) -> dict[str, Any]:
    # not `v in (None, "", [], False)`: 0, a valid schedule number, equals False
    return {k: v for k, v in entry.items() if v is not None and v is not False and v != "" and v != []}


def _details(pairs: list[tuple[str, str, str]]) -> list[list[str]]:
    """[label, text, kind] rows for the offline partner sheet; kind: "", "tel", "mail" or "web"."""
    return [[name, text, kind] for name, text, kind in pairs if text]


def _with(extra: str, base: str) -> str:
    return f"{base} — {extra}" if extra and base else base or extra


def _hours(text: str) -> str:
    return describe_hours(text) if text else ""


def _service_details(service: Service) -> list[list[str]]:
    return _details(
        [
            ("Pour qui", _with(service.publics_precisions, terms_text("publics", service.publics)), ""),
            ("Conditions", service.conditions_acces, ""),
            ("Documents à apporter", " ; ".join(service.justificatifs), ""),
            ("Frais", _with(service.frais_precisions, terms_text("frais", service.frais)), ""),
            ("Comment faire", terms_text("modes_mobilisation", service.modes_mobilisation), ""),
            ("Langues parlées", terms_text("langues", service.langues), ""),
            ("Horaires", _hours(service.horaires_accueil), ""),
            ("Téléphone", service.telephone, "tel"),
            ("Courriel", service.courriel, "mail"),
            ("En ligne", service.lien_mobilisation, "web"),
        ]
    )


def _partner_details(partner: Partner) -> list[list[str]]:
    address = partner.adresse
    return _details(
        [
            ("Adresse", f"{address.street_line}, {address.code_postal} {address.commune}".strip(", "), ""),
            ("Téléphone", partner.telephone, "tel"),
            ("Courriel", partner.courriel, "mail"),
            ("Site web", partner.site_web, "web"),
            ("Horaires d'accueil", _hours(partner.horaires_accueil), ""),
            ("Distribution alimentaire", _hours(partner.horaires_distribution), ""),
        ]
    )


def _service(service: Service, schedules: Schedules, profile: Profile) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": service.id,
        "nom": service.nom,
        "desc": markdown_plain(service.description),
        "details": _service_details(service),
    }
    for key, (field, _) in SERVICE_FACETS.items():
        entry[key] = list(getattr(service, field))
    entry["h"] = schedules.number(service.horaires_accueil)
    if profile.has_liaison_forms:
        entry["li"] = service.orientable
    return _drop_empty(entry)


def _partner(partner: Partner, schedules: Schedules, profile: Profile) -> dict[str, Any]:
    entry = {
        "id": partner.id,
        "nom": partner.nom,
        "sigle": partner.sigle,
        "commune": partner.adresse.commune,
        "cp": partner.adresse.code_postal,
        "adresse": partner.adresse.street_line,
        "tel": partner.telephone,
        "mail": partner.courriel,
        "desc": markdown_plain(partner.description),
        "statut": partner.statut,
        "fermeture": partner.fermeture_temporaire.as_list() if partner.fermeture_temporaire else None,
        "h": schedules.number(partner.horaires_accueil),
        "hd": schedules.number(partner.horaires_distribution),
        "details": _partner_details(partner),
        "services": [_service(s, schedules, profile) for s in partner.services],
    }
    return _drop_empty(entry)


def _labels(partners: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {key: {} for key in SERVICE_FACETS}
    for partner in partners:
        for service in partner.get("services", []):
            for key, (_, vocabulary) in SERVICE_FACETS.items():
                for slug in service.get(key, []):
                    labels[key][slug] = term_label(vocabulary, slug)
    return labels


def directory_data(records: Records, profile: Profile, today: date) -> dict[str, Any]:
    schedules = Schedules(today)
    partners = [_partner(p, schedules, profile) for p in records.partners_by_name()]
    return {
        "version": 1,
        "profil": profile.name,
        "genere": today.isoformat(),
        "horizon": schedules.horizon(),
        "horaires": schedules.table,
        "libelles": _labels(partners),
        "partenaires": partners,
    }


def directory_json(records: Records, profile: Profile, today: date) -> bytes:
    return json.dumps(directory_data(records, profile, today), ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )
