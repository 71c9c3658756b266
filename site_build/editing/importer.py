"""`site-build import data-inclusion`: start from the national directory instead of an empty file.

New structures of the chosen communes are appended to data/partners.yaml as drafts to
verify (marked in a comment, with their national update date so the freshness check
flags them). Structures already in the guide (same SIRET or id) are never overwritten:
their differences are reported. The file is only appended to: comments and order stay.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from site_build.data.checks.problems import one_line, unreadable_file
from site_build.data.loading.schema_messages import schema_problems
from site_build.data.loading.vocabularies import VOCABULARIES
from site_build.data.loading.yaml_loader import Document
from site_build.editing.new import append_item, fresh_id, list_records

_KNOWN = {name: {t.slug for t in terms} for name, terms in VOCABULARIES.items()}
COMPARED = {
    "nom": "nom",
    "telephone": "telephone",
    "courriel": "courriel",
    "site_web": "site_web",
    "horaires_accueil": "horaires_accueil",
}


def slugify(text: str) -> str:
    ligatures = text.lower().replace("œ", "oe").replace("æ", "ae")  # « cœur » → coeur, not « c-ur »
    plain = "".join(c for c in unicodedata.normalize("NFD", ligatures) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-") or "structure"


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)  # "id (n services)"
    differences: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # records the partners' schema refuses, and why

    def lines(self) -> list[str]:
        out = [f"ajouté (à vérifier) : {a}" for a in self.added]
        out += [f"refusé, non importé : {r}" for r in self.refused]
        out += [f"déjà dans le guide, non modifié : {d}" for d in self.differences]
        out += [f"ignoré : {s}" for s in self.skipped]
        return out or ["rien à importer pour ces communes"]


class ImportFileError(ValueError):
    """An export file that is not what `import data-inclusion` reads; the message is French."""


_EXPECTED = (
    "donnez les fichiers JSON de data·inclusion : une liste de structures et une liste de services, "
    'ou un objet {"structures": […], "services": […]}'
)


def _json(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ImportFileError(f"{path} : le fichier n'est pas du texte UTF-8 ; {_EXPECTED}.") from None
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"{path}:{error.lineno}:{error.colno}: JSON mal formé (virgule, guillemet ou crochet) ; {_EXPECTED}."
        ) from None
    except RecursionError:
        raise ImportFileError(f"{path} : trop de niveaux imbriqués ; {_EXPECTED}.") from None
    except OSError as error:
        raise ImportFileError(f"{path} : {unreadable_file(error)}.") from None


def _checked(path: Path, number: int, record: object, kind: str) -> dict[str, Any]:
    """A record with the fields the import relies on, as text; ImportFileError otherwise."""
    where = f"{path} : élément {number}"
    if not isinstance(record, dict):
        raise ImportFileError(f"{where} : un objet {{…}} est attendu ; {_EXPECTED}.")
    needed = ("id", "nom") + (("structure_id",) if kind == "service" else ())
    for key in needed:
        if not isinstance(record.get(key), str) or not record[key].strip():
            raise ImportFileError(f"{where} : le champ « {key} » (texte) manque ; {_EXPECTED}.")
    return record


def read_export(files: list[Path]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Structures and services from data·inclusion JSON files (lists, or {"structures", "services"})."""
    structures, services = [], []
    for path in files:
        data = _json(path)
        if (
            isinstance(data, dict)
            and isinstance(data.get("structures", []), list)
            and isinstance(data.get("services", []), list)
        ):
            structures += [_checked(path, n, r, "structure") for n, r in enumerate(data.get("structures", []), 1)]
            services += [_checked(path, n, r, "service") for n, r in enumerate(data.get("services", []), 1)]
            continue
        if not isinstance(data, list):
            raise ImportFileError(f"{path} : {_EXPECTED}.")
        for number, record in enumerate(data, 1):
            kind = "service" if isinstance(record, dict) and "structure_id" in record else "structure"
            (services if kind == "service" else structures).append(_checked(path, number, record, kind))
    return structures, services


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _number(value: object) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _keep(vocabulary: str, values: object) -> list[str]:
    values = values if isinstance(values, list) else [values] if values else []
    return [v for v in values if isinstance(v, str) and v in _KNOWN[vocabulary]]


def _phone(value: object) -> str | None:
    digits = re.sub(r"\D", "", str(value or ""))
    if digits.startswith("33") and len(digits) == 11:
        digits = "0" + digits[2:]
    return " ".join(digits[i : i + 2] for i in range(0, 10, 2)) if len(digits) == 10 else None


def _partner(
    structure: dict[str, Any], ident: str, services: list[dict[str, Any]], taken: set[str], report: ImportReport
) -> dict[str, Any]:
    record = {"id": ident, "nom": structure["nom"]}
    if _text(structure.get("siret")):
        record["siret"] = structure["siret"]
    if _keep("reseaux_porteurs", structure.get("reseaux_porteurs")):
        record["reseaux_porteurs"] = _keep("reseaux_porteurs", structure.get("reseaux_porteurs"))
    if _text(structure.get("description")):
        record["description"] = structure["description"]
    address = {
        "voie": _text(structure.get("adresse")) or "à compléter",
        "code_postal": _text(structure.get("code_postal")),
        "commune": _text(structure.get("commune")),
        "code_insee": _text(structure.get("code_insee")),
        "latitude": _number(structure.get("latitude")),
        "longitude": _number(structure.get("longitude")),
    }
    record["adresse"] = {k: v for k, v in address.items() if v is not None}
    for key in ("telephone", "courriel", "site_web", "horaires_accueil", "accessibilite_lieu"):
        value = _phone(structure.get(key)) if key == "telephone" else _text(structure.get(key))
        if value:
            record[key] = value
    updated = str(structure.get("date_maj") or "")[:10]
    record["date_verification"] = (
        updated if re.fullmatch(r"20[0-9]{2}-[0-9]{2}-[0-9]{2}", updated) else date.today().isoformat()
    )
    record["frequence_maj"] = 1  # a draft: due for a check at once
    record["services"] = []
    for service in services:
        kept = {
            "types": _keep("types", service.get("type")),
            "thematiques": _keep("thematiques", service.get("thematiques")),
            "publics": _keep("publics", service.get("publics")),
        }
        if not all(kept.values()):
            report.skipped.append(
                f"service « {service.get('nom')} » de {ident} : type, thématiques ou publics "
                "absents dans data·inclusion"
            )
            continue
        sid = fresh_id(f"{ident}--{slugify(service['nom'])}", taken)
        taken.add(sid)
        entry = {"id": sid, "nom": service["nom"], **kept}
        if _text(service.get("description")):
            entry["description"] = service["description"]
        for key, vocabulary in (
            ("frais", "frais"),
            ("modes_accueil", "modes_accueil"),
            ("modes_mobilisation", "modes_mobilisation"),
            ("mobilisable_par", "mobilisable_par"),
        ):
            if _keep(vocabulary, service.get(key)):
                entry[key] = _keep(vocabulary, service.get(key))
        for key in ("conditions_acces", "publics_precisions", "frais_precisions", "lien_mobilisation"):
            if _text(service.get(key)):
                entry[key] = service[key]
        record["services"].append(entry)
    return record


_MARK = "importé de data·inclusion"


_PLAIN = re.compile(r"[A-Za-z0-9._:-]+")
_ORIGIN_PART = r'("(?:[^"\\]|\\.)*"|[^,"()]+)'
_ORIGIN = re.compile(rf"{_MARK} \({_ORIGIN_PART}, {_ORIGIN_PART}\)")


def _comment_value(value: object) -> str:
    """A value of the source record as the comment shows it: as it is when plain, otherwise a YAML
    double-quoted scalar on one line (a line break in it cannot start a new entry of the file)."""
    text = str(value)
    if _PLAIN.fullmatch(text):
        return text
    dumped = yaml.safe_dump(text, allow_unicode=True, default_style='"', width=1_000_000_000)
    return dumped.removesuffix("\n...\n").strip()


def _origin_value(written: str) -> str:
    loaded = yaml.safe_load(written) if written.startswith('"') else written
    return str(loaded)


def imported_origins(text: str) -> set[tuple[str, str]]:
    """(source, id) of every record an earlier import wrote into partners.yaml."""
    return {(_origin_value(a), _origin_value(b)) for a, b in _ORIGIN.findall(text)}


def _block(record: dict[str, Any], structure: dict[str, Any], today: date) -> str:
    """The partner as YAML text, after a comment naming its national record (found again at the next import)."""
    text = yaml.safe_dump([record], allow_unicode=True, sort_keys=False, width=110, default_flow_style=None)
    source, ident = _comment_value(structure.get("source", "source inconnue")), _comment_value(structure.get("id"))
    return f"# À vérifier : {_MARK} ({source}, {ident}) le {today.isoformat()}.\n{text}"


def _refusal(record: dict[str, Any], structure: dict[str, Any]) -> str | None:
    """Why the partners' schema refuses the new partner (its name, its source and the field), or None."""
    found = schema_problems(Document("partners.yaml", [record]), "partners")
    if not found:
        return None
    said = "; ".join(one_line(problem.message).removeprefix(f"[{record['id']}] ") for problem in found[:3])
    return f"« {one_line(str(structure.get('nom')))[:80]} » ({_comment_value(structure.get('id'))}) : {said}"


def import_data_inclusion(
    data_dir: Path, files: list[Path], communes: list[str], today: date, dry_run: bool = False
) -> ImportReport:
    structures, services = read_export(files)
    partners, _ = list_records(data_dir / "partners.yaml")
    path = data_dir / "partners.yaml"
    imported = imported_origins(path.read_text(encoding="utf-8")) if path.is_file() else set()
    by_siret = {p.get("siret"): p for p in partners if isinstance(p, dict) and p.get("siret")}
    by_id = {p.get("id"): p for p in partners if isinstance(p, dict)}
    taken: set[str] = {str(k) for k in by_id} | {
        str(s.get("id")) for p in by_id.values() for s in p.get("services") or []
    }
    report, blocks = ImportReport(), []
    for structure in structures:
        if communes and _text(structure.get("code_insee")) not in communes:
            continue
        if (structure.get("source"), structure.get("id")) in imported:
            report.skipped.append(f"« {structure['nom']} » : déjà importé, à vérifier dans data/partners.yaml")
            continue
        existing = by_siret.get(structure.get("siret")) or by_id.get(structure.get("id"))
        if existing:
            for ours, theirs in COMPARED.items():
                value = _phone(structure.get(theirs)) if ours == "telephone" else structure.get(theirs)
                if value and existing.get(ours) and value != existing.get(ours):
                    report.differences.append(
                        f"{existing['id']} : « {ours} » ici « {existing[ours]} », data·inclusion « {value} »"
                    )
            continue
        ident = fresh_id(slugify(structure["nom"]), taken)
        taken.add(ident)
        own = [s for s in services if s.get("structure_id") == structure.get("id")]
        record = _partner(structure, ident, own, taken, report)
        refusal = _refusal(record, structure)
        if refusal:
            report.refused.append(refusal)
            continue
        blocks.append(_block(record, structure, today))
        report.added.append(f"{ident} ({len(record['services'])} service{'s' if len(record['services']) != 1 else ''})")
    if blocks and not dry_run:
        append_item(data_dir / "partners.yaml", "\n".join(blocks), "partners")
    return report
