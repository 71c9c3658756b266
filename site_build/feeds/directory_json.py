"""The compact JSON of the directory: search, filters and "open now" in the browser, and every
partner's details offline when its page was not saved (see offline.py).

One file, `annuaire/annuaire.json`, always precached by the service worker, so the
whole directory stays searchable offline. Short keys keep it light at 10,000
partners; `libelles` gives the French label of every slug used.
"""

from __future__ import annotations

import json
from datetime import date

from site_build.data.dataset import Dataset, closure_of, sorted_partners, street_line
from site_build.data.vocabularies import SERVICE_FACETS, term_label
from site_build.text.hours import describe_hours
from site_build.text.opening_schedule import Schedules
from site_build.text.safe_markdown import markdown_plain


def _drop_empty(entry: dict) -> dict:
    # not `v in (None, "", [], False)`: 0, a valid schedule number, equals False
    return {k: v for k, v in entry.items() if v is not None and v is not False and v != "" and v != []}


def _terms_text(vocabulary: str, slugs) -> str:
    return ", ".join(term_label(vocabulary, s) for s in slugs or [])


def _details(pairs: list[tuple]) -> list[list[str]]:
    """[label, text, kind] rows for the offline partner sheet; kind: "", "tel", "mail" or "web"."""
    return [[name, text, kind] for name, text, kind in pairs if text]


def _with(extra: str | None, base: str) -> str:
    return f"{base} — {extra}" if extra and base else base or extra or ""


def _service_details(service: dict) -> list[list[str]]:
    return _details(
        [
            ("Pour qui", _with(service.get("publics_precisions"), _terms_text("publics", service.get("publics"))), ""),
            ("Conditions", service.get("conditions_acces"), ""),
            ("Documents à apporter", " ; ".join(service.get("justificatifs") or []), ""),
            ("Frais", _with(service.get("frais_precisions"), _terms_text("frais", service.get("frais"))), ""),
            ("Comment faire", _terms_text("modes_mobilisation", service.get("modes_mobilisation")), ""),
            ("Langues parlées", _terms_text("langues", service.get("langues")), ""),
            ("Horaires", describe_hours(service["horaires_accueil"]) if service.get("horaires_accueil") else "", ""),
            ("Téléphone", service.get("telephone"), "tel"),
            ("Courriel", service.get("courriel"), "mail"),
            ("En ligne", service.get("lien_mobilisation"), "web"),
        ]
    )


def _partner_details(partner: dict) -> list[list[str]]:
    address = partner.get("adresse") or {}
    street = street_line(address)
    return _details(
        [
            ("Adresse", f"{street}, {address.get('code_postal', '')} {address.get('commune', '')}".strip(", "), ""),
            ("Téléphone", partner.get("telephone"), "tel"),
            ("Courriel", partner.get("courriel"), "mail"),
            ("Site web", partner.get("site_web"), "web"),
            (
                "Horaires d'accueil",
                describe_hours(partner["horaires_accueil"]) if partner.get("horaires_accueil") else "",
                "",
            ),
            (
                "Distribution alimentaire",
                describe_hours(partner["horaires_distribution"]) if partner.get("horaires_distribution") else "",
                "",
            ),
        ]
    )


def _service(service: dict, schedules: Schedules, profile: str) -> dict:
    entry = {
        "id": service["id"],
        "nom": service["nom"],
        "desc": markdown_plain(service.get("description")),
        "details": _service_details(service),
    }
    for key, (field, _) in SERVICE_FACETS.items():
        entry[key] = service.get(field) or []
    entry["h"] = schedules.number(service.get("horaires_accueil"))
    if profile == "pro":
        entry["li"] = bool(service.get("orientable"))
    return _drop_empty(entry)


def _partner(partner: dict, schedules: Schedules, profile: str) -> dict:
    address = partner.get("adresse") or {}
    entry = {
        "id": partner["id"],
        "nom": partner["nom"],
        "sigle": partner.get("sigle"),
        "commune": address.get("commune"),
        "cp": address.get("code_postal"),
        "adresse": street_line(address),
        "tel": partner.get("telephone"),
        "mail": partner.get("courriel"),
        "desc": markdown_plain(partner.get("description")),
        "statut": partner.get("statut", "actif"),
        "fermeture": closure_of(partner),
        "h": schedules.number(partner.get("horaires_accueil")),
        "hd": schedules.number(partner.get("horaires_distribution")),
        "details": _partner_details(partner),
        "services": [_service(s, schedules, profile) for s in partner.get("services") or []],
    }
    return _drop_empty(entry)


def _labels(partners: list[dict]) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {key: {} for key in SERVICE_FACETS}
    for partner in partners:
        for service in partner.get("services", []):
            for key, (_, vocabulary) in SERVICE_FACETS.items():
                for slug in service.get(key, []):
                    labels[key][slug] = term_label(vocabulary, slug)
    return labels


def directory_data(dataset: Dataset, profile: str, today: date) -> dict:
    schedules = Schedules(today)
    partners = [_partner(p, schedules, profile) for p in sorted_partners(dataset)]
    return {
        "version": 1,
        "profil": profile,
        "genere": today.isoformat(),
        "horizon": schedules.horizon(),
        "horaires": schedules.table,
        "libelles": _labels(partners),
        "partenaires": partners,
    }


def directory_json(dataset: Dataset, profile: str, today: date) -> bytes:
    return json.dumps(directory_data(dataset, profile, today), ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )
