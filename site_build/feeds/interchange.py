"""Exports for the national and international directories: data·inclusion v1 (JSON) and
Open Referral HSDS 3.0 (tabular CSV). Public data only; local vocabulary additions,
which have no national equivalent, are left out of the national fields."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Iterable
from typing import Any

from site_build.data.loading.vocabularies import VOCABULARIES, label
from site_build.data.model.records import Partner, Records, Service
from site_build.feeds.departments import department_of
from site_build.text.french import international_number
from site_build.text.hours import describe_hours
from site_build.text.safe_markdown import markdown_plain
from site_build.text.spreadsheet import safe_cell

SOURCE = "guide-partage"
_NATIONAL = {name: {t.slug for t in terms if not t.local} for name, terms in VOCABULARIES.items()}
_HSDS_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://guide-partage.example.org/hsds/")


def _national(vocabulary: str, slugs: Iterable[str] | None) -> list[str]:
    return [s for s in slugs or [] if s in _NATIONAL[vocabulary]]


def _publics(slugs: Iterable[str] | None) -> list[str]:
    publics = _national("publics", slugs)
    return [p for p in publics if p != "tous-publics"] if len(publics) > 1 else publics


def _drop_empty(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v not in (None, "", [])}


# -- data·inclusion v1 -----------------------------------------------------------


def di_structure(partner: Partner) -> dict[str, Any]:
    address = partner.adresse
    return _drop_empty(
        {
            "source": SOURCE,
            "id": partner.id,
            "nom": partner.nom,
            "date_maj": str(partner.date_verification),
            "description": markdown_plain(partner.description),
            "siret": partner.siret,
            "commune": address.commune,
            "code_postal": address.code_postal,
            "code_insee": address.code_insee,
            "adresse": address.voie,
            "complement_adresse": address.complement,
            "longitude": address.longitude,
            "latitude": address.latitude,
            "telephone": partner.telephone,
            "courriel": partner.courriel,
            "site_web": partner.site_web,
            "horaires_accueil": partner.horaires_accueil,
            "accessibilite_lieu": partner.accessibilite_lieu,
            "reseaux_porteurs": _national("reseaux_porteurs", partner.reseaux_porteurs),
        }
    )


def di_service(service: Service, partner: Partner) -> dict[str, Any]:
    address = partner.adresse
    types, fees = _national("types", service.types), _national("frais", service.frais)
    return _drop_empty(
        {
            "source": SOURCE,
            "structure_id": partner.id,
            "id": service.id,
            "nom": service.nom,
            "description": markdown_plain(service.description) or service.nom,
            "date_maj": str(service.date_verification or partner.date_verification),
            "type": types[0] if types else None,
            "thematiques": _national("thematiques", service.thematiques),
            "frais": fees[0] if fees else None,
            "frais_precisions": service.frais_precisions,
            "publics": _publics(service.publics),
            "publics_precisions": service.publics_precisions,
            "conditions_acces": service.conditions_acces,
            "commune": address.commune,
            "code_postal": address.code_postal,
            "code_insee": address.code_insee,
            "adresse": address.voie,
            "longitude": address.longitude,
            "latitude": address.latitude,
            "telephone": service.telephone or partner.telephone,
            "courriel": service.courriel or partner.courriel,
            "modes_accueil": _national("modes_accueil", service.modes_accueil),
            "lien_mobilisation": service.lien_mobilisation,
            "modes_mobilisation": _national("modes_mobilisation", service.modes_mobilisation),
            "mobilisable_par": _national("mobilisable_par", service.mobilisable_par),
            "horaires_accueil": service.horaires_accueil or partner.horaires_accueil,
        }
    )


def data_inclusion_files(records: Records) -> dict[str, bytes]:
    open_partners = [p for p in records.partners if not p.closed]
    structures = [di_structure(p) for p in open_partners]
    services = [di_service(s, p) for p in open_partners for s in p.services]
    return {"structures.json": _json_file(structures), "services.json": _json_file(services)}


def _json_file(items: list[dict[str, Any]]) -> bytes:
    return json.dumps(items, ensure_ascii=False, indent=1).encode("utf-8")


# -- Open Referral HSDS 3.0, tabular ------------------------------------------------

HSDS_COLUMNS = {  # the columns of each HSDS 3.0 table, in the standard's order
    "organizations": "id name alternate_name description email website tax_status tax_id year_incorporated "
    "legal_status logo uri parent_organization_id",
    "programs": "id organization_id name alternate_name description",
    "services": "id organization_id program_id name alternate_name description url email status "
    "interpretation_services application_process fees_description wait_time fees accreditations "
    "eligibility_description minimum_age maximum_age assured_date assurer_email licenses alert "
    "last_modified",
    "locations": "id location_type url organization_id name alternate_name description transportation latitude "
    "longitude external_identifier external_identifier_type",
    "service_at_location": "id service_id location_id description",
    "addresses": "id location_id attention address_1 address_2 city region state_province postal_code country "
    "address_type",
    "phones": "id location_id service_id organization_id contact_id service_at_location_id number extension type "
    "description",
    "contacts": "id organization_id service_id service_at_location_id location_id name title department email",
    "schedules": "id service_id location_id service_at_location_id valid_from valid_to dtstart timezone until count "
    "wkst freq interval byday byweekno bymonthday byyearday description opens_at closes_at "
    "schedule_link attending_type notes",
    "languages": "id service_id location_id phone_id name code note",
    "required_documents": "id service_id document uri",
}
_STATUS = {"actif": "active", "fermeture-temporaire": "temporarily closed", "ferme": "inactive"}
_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
_OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


def hsds_id(*parts: str) -> str:
    """A stable UUID for one of our records (HSDS ids are UUIDs)."""
    return str(uuid.uuid5(_HSDS_NAMESPACE, "/".join(parts)))


def _days(selector: str) -> list[str] | None:
    days = []
    for chunk in selector.split(","):
        if "-" in chunk and all(d in _OSM_DAYS for d in chunk.split("-")):
            first, last = (_OSM_DAYS.index(d) for d in chunk.split("-"))
            days += _DAYS[first : last + 1]
        elif chunk in _OSM_DAYS:
            days.append(_DAYS[_OSM_DAYS.index(chunk)])
        elif re.fullmatch(r"(Mo|Tu|We|Th|Fr|Sa|Su)\[(-1|[1-5])\]", chunk):
            days.append(chunk[3:-1] + _DAYS[_OSM_DAYS.index(chunk[:2])])
        else:
            return None
    return days


def hsds_schedules(hours: str) -> list[dict[str, Any]]:
    """OSM opening hours as HSDS schedule rows: one per rule and time range (WEEKLY, or MONTHLY for
    "Tu[2]"); what HSDS cannot say (public holidays, closed months) stays in the description."""
    text = describe_hours(hours)
    rows = []
    for rule in (r.strip() for r in hours.split(";")):
        match = re.fullmatch(r"([A-Za-z,\-\[\]0-9]+) ((?:\d\d:\d\d-\d\d:\d\d,?)+)", rule)
        days = _days(match[1]) if match else None
        if not match or not days:
            continue
        monthly = any(d[0].isdigit() or d[0] == "-" for d in days)
        for span in match[2].split(","):
            opens, closes = span.split("-")
            rows.append(
                {
                    "freq": "MONTHLY" if monthly else "WEEKLY",
                    "wkst": "MO",
                    "byday": ",".join(days),
                    "opens_at": f"{opens}:00",
                    "closes_at": "23:59:59" if closes == "24:00" else f"{closes}:00",
                    "description": text,
                    "notes": hours,
                }
            )
    return rows or [{"description": text, "notes": hours}]


def hsds_tables(records: Records) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in HSDS_COLUMNS}
    for partner in records.partners:
        pid = partner.id
        org, loc = hsds_id("organization", pid), hsds_id("location", pid)
        address = partner.adresse
        tables["organizations"].append(
            {
                "id": org,
                "name": partner.nom,
                "alternate_name": partner.sigle,
                "description": markdown_plain(partner.description) or partner.nom,
                "email": partner.courriel,
                "website": partner.site_web,
            }
        )
        tables["locations"].append(
            {
                "id": loc,
                "location_type": "physical",
                "organization_id": org,
                "name": partner.nom,
                "latitude": address.latitude,
                "longitude": address.longitude,
                "external_identifier": address.code_insee,
                "external_identifier_type": "code INSEE" if address.code_insee else None,
            }
        )
        tables["addresses"].append(
            {
                "id": hsds_id("address", pid),
                "location_id": loc,
                "address_1": address.voie,
                "address_2": address.complement,
                "city": address.commune,
                "state_province": department_of(address.code_postal),
                "postal_code": address.code_postal,
                "country": "FR",
                "address_type": "physical",
            }
        )
        if partner.telephone:
            tables["phones"].append(
                {
                    "id": hsds_id("phone", pid),
                    "organization_id": org,
                    "location_id": loc,
                    "number": international_number(partner.telephone),
                    "type": "voice",
                }
            )
        for n, row in enumerate(hsds_schedules(partner.horaires_accueil) if partner.horaires_accueil else []):
            tables["schedules"].append({"id": hsds_id("schedule", pid, str(n)), "location_id": loc, **row})
        for service in partner.services:
            _hsds_service(tables, service, partner, org, loc)
    for person in records.professionals:  # the public view: only people who agreed to be published
        tables["contacts"].append(
            {
                "id": hsds_id("contact", person.id),
                "organization_id": hsds_id("organization", person.partenaire),
                "name": person.full_name,
                "title": person.fonction,
                "email": person.courriel,
            }
        )
    return tables


def _closure_alert(partner: Partner) -> str | None:
    closure = partner.fermeture_temporaire
    return f"Fermeture du {closure.du} au {closure.au}. {closure.message}".strip() if closure else None


def _hsds_service(
    tables: dict[str, list[dict[str, Any]]], service: Service, partner: Partner, org: str, loc: str
) -> None:
    sid, ident = hsds_id("service", service.id), service.id
    eligibility = (", ".join(label("publics", p) for p in service.publics), service.publics_precisions)
    tables["services"].append(
        {
            "id": sid,
            "organization_id": org,
            "name": service.nom,
            "description": markdown_plain(service.description),
            "url": service.lien_mobilisation,
            "email": service.courriel,
            "status": _STATUS[partner.statut],
            "application_process": ", ".join(label("modes_mobilisation", m) for m in service.modes_mobilisation),
            "fees_description": ", ".join(
                [label("frais", f) for f in service.frais]
                + ([service.frais_precisions] if service.frais_precisions else [])
            ),
            "eligibility_description": "; ".join(x for x in (*eligibility, service.conditions_acces) if x),
            "assured_date": str(service.date_verification or partner.date_verification),
            "alert": _closure_alert(partner),
        }
    )
    sal = hsds_id("service_at_location", ident)
    tables["service_at_location"].append({"id": sal, "service_id": sid, "location_id": loc})
    if service.telephone:
        tables["phones"].append(
            {
                "id": hsds_id("phone", ident),
                "service_id": sid,
                "number": international_number(service.telephone),
                "type": "voice",
            }
        )
    hours = service.horaires_accueil
    for n, row in enumerate(hsds_schedules(hours) if hours else []):
        tables["schedules"].append({"id": hsds_id("schedule", ident, str(n)), "service_id": sid, **row})
    for code in service.langues:
        tables["languages"].append(
            {
                "id": hsds_id("language", ident, code),
                "service_id": sid,
                "name": label("langues", code),
                "code": code if len(code) == 2 else None,
            }
        )
    for n, document in enumerate(service.justificatifs):
        tables["required_documents"].append(
            {"id": hsds_id("document", ident, str(n)), "service_id": sid, "document": document}
        )


def hsds_files(records: Records) -> dict[str, bytes]:
    files = {}
    for name, rows in hsds_tables(records).items():
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=HSDS_COLUMNS[name].split(), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if v is None else safe_cell(v)) for k, v in row.items()})
        files[f"{name}.csv"] = out.getvalue().encode("utf-8")
    return files
