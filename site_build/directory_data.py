"""The compact JSON of the directory that drives search, filters and "open now" in the browser.

One file, `annuaire/annuaire.json`, always precached by the service worker, so the
whole directory stays searchable offline. Short keys keep it light at 10,000
partners; `libelles` gives the French label of every slug used.
"""
from __future__ import annotations

import json
import unicodedata
from datetime import date

from .dataset import Dataset
from .opening_schedule import Schedules
from .safe_html import markdown_plain
from .vocabularies import label, thematique_label

# facet key in the JSON → (service field, vocabulary)
SERVICE_FACETS = {"th": ("thematiques", "thematiques"), "pu": ("publics", "publics"),
                  "fr": ("frais", "frais"), "ac": ("modes_accueil", "modes_accueil")}


def sort_key(text: str) -> str:
    """Accent- and case-insensitive order, as French readers expect."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def sorted_partners(dataset: Dataset) -> list[dict]:
    return sorted(dataset.partners, key=lambda p: sort_key(p["nom"]))


def closure_of(partner: dict) -> list[str] | None:
    closure = partner.get("fermeture_temporaire")
    if not closure:
        return None
    return [str(closure["du"]), str(closure["au"]), closure.get("message", "")]


def _drop_empty(entry: dict) -> dict:
    # not `v in (None, "", [], False)`: 0, a valid schedule number, equals False
    return {k: v for k, v in entry.items() if v is not None and v is not False and v != "" and v != []}


def _service(service: dict, schedules: Schedules, profile: str) -> dict:
    entry = {"id": service["id"], "nom": service["nom"], "desc": markdown_plain(service.get("description"))}
    for key, (field, _) in SERVICE_FACETS.items():
        entry[key] = service.get(field) or []
    entry["h"] = schedules.number(service.get("horaires_accueil"))
    if profile == "pro":
        entry["li"] = bool(service.get("orientable"))
    return _drop_empty(entry)


def _partner(partner: dict, schedules: Schedules, profile: str) -> dict:
    address = partner.get("adresse") or {}
    entry = {"id": partner["id"], "nom": partner["nom"], "sigle": partner.get("sigle"),
             "commune": address.get("commune"), "cp": address.get("code_postal"),
             "adresse": ", ".join(x for x in (address.get("voie"), address.get("complement")) if x),
             "tel": partner.get("telephone"), "mail": partner.get("courriel"),
             "desc": markdown_plain(partner.get("description")),
             "statut": partner.get("statut", "actif"), "fermeture": closure_of(partner),
             "h": schedules.number(partner.get("horaires_accueil")),
             "hd": schedules.number(partner.get("horaires_distribution")),
             "services": [_service(s, schedules, profile) for s in partner.get("services") or []]}
    return _drop_empty(entry)


def _labels(partners: list[dict]) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {key: {} for key in SERVICE_FACETS}
    for partner in partners:
        for service in partner.get("services", []):
            for key, (_, vocabulary) in SERVICE_FACETS.items():
                for slug in service.get(key, []):
                    labels[key][slug] = thematique_label(slug) if key == "th" else label(vocabulary, slug)
    return labels


def directory_data(dataset: Dataset, profile: str, today: date) -> dict:
    schedules = Schedules(today)
    partners = [_partner(p, schedules, profile) for p in sorted_partners(dataset)]
    return {"version": 1, "profil": profile, "genere": today.isoformat(), "horizon": schedules.horizon(),
            "horaires": schedules.table, "libelles": _labels(partners), "partenaires": partners}


def directory_json(dataset: Dataset, profile: str, today: date) -> bytes:
    return json.dumps(directory_data(dataset, profile, today), ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")
