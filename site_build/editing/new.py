"""`site-build new …`: valid skeletons written where they belong, as text, so the existing file keeps
its comments, order and layout (a YAML round trip would reformat it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from site_build.data.loading.dataset import SCHEMA_COMMENT
from site_build.data.loading.yaml_loader import Document, load_file
from site_build.text.opening_schedule import day_ranges

KINDS = ("partner", "service", "professional", "recipe", "intervention")
TODO = "À compléter"


class ScaffoldError(ValueError):
    pass


def fresh_id(base: str, taken: Collection[str]) -> str:
    """base, base-2, base-3…: the first id nobody uses."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def list_records(path: Path) -> tuple[list[Any], Document | None]:
    if not path.is_file():
        return [], None
    document = load_file(path, str(path))
    return (document.data if isinstance(document.data, list) else []), document


def append_item(path: Path, block: str, schema: str) -> None:
    """Add a list item at the end of a list file (created with its schema line when missing)."""
    if not path.is_file():
        path.write_text(f"{SCHEMA_COMMENT}../site_build/schemas/{schema}.schema.json\n", encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    separator = "" if text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    path.write_text(text + separator + block, encoding="utf-8")


def _all_ids(data_dir: Path) -> set[str]:
    partners, _ = list_records(data_dir / "partners.yaml")
    ids = {str(p.get("id")) for p in partners if isinstance(p, dict)}
    ids |= {
        str(s.get("id"))
        for p in partners
        if isinstance(p, dict)
        for s in p.get("services") or []
        if isinstance(s, dict)
    }
    return ids


def _usual_town(data_dir: Path) -> tuple[str, str]:
    """(postal code, town) most partners of the guide have: the likeliest for a new one; a value to
    write when the guide has none yet (the gate then asks for it at its line)."""
    partners, _ = list_records(data_dir / "partners.yaml")
    towns = Counter(
        (str(address.get("code_postal")), str(address.get("commune")))
        for p in partners
        if isinstance(p, dict) and isinstance(address := p.get("adresse"), dict)
        if address.get("code_postal") and address.get("commune")
    )
    return towns.most_common(1)[0][0] if towns else (TODO, TODO)


def new_partner(data_dir: Path, today: date) -> str:
    ident = fresh_id("nouvelle-structure", _all_ids(data_dir))
    postal_code, town = _usual_town(data_dir)
    append_item(
        data_dir / "partners.yaml",
        f"""- id: {ident}  # à changer : minuscules, tirets ; jamais réutilisé
  nom: {TODO}
  adresse: {{voie: {TODO}, code_postal: "{postal_code}", commune: {town}}}
  telephone: "02 61 91 00 00"
  horaires_accueil: "Mo-Fr 09:00-12:00,14:00-17:00; PH off"
  date_verification: {today.isoformat()}
  frequence_maj: 12
  services: []
""",
        "partners",
    )
    return ident


def _service_block(ident: str, indent: str) -> str:
    lines = [
        f"- id: {ident}",
        f"  nom: {TODO}",
        "  types: [information]",
        "  thematiques: [difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits]",
        "  publics: [tous-publics]",
        "  frais: [gratuit]",
        "  modes_accueil: [en-presentiel]",
    ]
    return "".join(f"{indent}{line}\n" for line in lines)


def new_service(data_dir: Path, partner_id: str) -> str:
    path = data_dir / "partners.yaml"
    partners, document = list_records(path)
    index = next((i for i, p in enumerate(partners) if isinstance(p, dict) and p.get("id") == partner_id), None)
    if index is None:
        raise ScaffoldError(f"la structure « {partner_id} » n'existe pas dans {path} : donnez son « id »")
    ident = fresh_id(f"{partner_id}--nouveau-service", _all_ids(data_dir))
    assert document is not None  # the partner was found in it
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    partner_line = document.marks[(index,)][0]  # 1-based line of the partner's "- id:"
    key_column = document.marks[(index, "id")][1]  # column of the partner's keys
    end = document.marks[(index + 1,)][0] - 1 if index + 1 < len(partners) else len(lines)
    while end > partner_line and not lines[end - 1].strip():
        end -= 1  # keep the blank lines that separate partners
    services = partners[index].get("services")
    pad = " " * (key_column - 1)
    if services:  # block list: add after the last service, with the same indentation
        item_column = document.marks[(index, "services", 0)][1]
        lines[end:end] = [_service_block(ident, " " * (item_column - 3))]  # the "- " sits before the keys
    else:
        key_line = document.marks.get((index, "services"))
        block = _service_block(ident, pad + "  ")
        if key_line:  # "services: []" becomes a block list
            number = key_line[0] - 1
            lines[number] = lines[number].split("services:")[0] + "services:\n" + block
        else:
            lines[end:end] = [f"{pad}services:\n{block}"]
    path.write_text("".join(lines), encoding="utf-8")
    return ident


def new_professional(data_dir: Path, partner_id: str, today: date) -> str:
    partners, _ = list_records(data_dir / "partners.yaml")
    if partner_id not in {p.get("id") for p in partners if isinstance(p, dict)}:
        raise ScaffoldError(f"la structure « {partner_id} » n'existe pas dans data/partners.yaml : donnez son « id »")
    people, _ = list_records(data_dir / "professionals.yaml")
    ident = fresh_id("nouvelle-personne", {str(p.get("id")) for p in people if isinstance(p, dict)})
    append_item(
        data_dir / "professionals.yaml",
        f"""- id: {ident}  # à changer : nom-prenom, sans accents
  nom: {TODO}
  prenom: {TODO}
  fonction: {TODO}
  partenaire: {partner_id}
  telephones:
    - {{numero: "06 39 98 00 00", type: cell}}
  visibilite: pro  # « public » seulement avec l'accord écrit de la personne
  date_verification: {today.isoformat()}
""",
        "professionals",
    )
    return ident


def _next_distribution_slot(data_dir: Path, today: date) -> tuple[str, datetime, datetime]:
    """The first distribution opening after today: an intervention must fall inside distribution hours."""
    partners, _ = list_records(data_dir / "partners.yaml")
    for partner in partners:
        hours = partner.get("horaires_distribution") if isinstance(partner, dict) else None
        if not isinstance(hours, str):
            continue
        days, _ = day_ranges(hours, today + timedelta(days=7), 60)
        for day, ranges in sorted(days.items()):
            start, end = ranges[0][:2]
            if len(ranges[0]) == 2 and end - start >= 60:  # a plain open range, not « à confirmer »
                begin = datetime.combine(day, datetime.min.time()) + timedelta(minutes=start)
                return partner["id"], begin, begin + timedelta(hours=1)
    raise ScaffoldError(
        "aucune structure n'a d'heures de distribution (« horaires_distribution ») : "
        "Épi'santé a lieu pendant la distribution"
    )


def new_intervention(data_dir: Path, today: date) -> str:
    place, start, end = _next_distribution_slot(data_dir, today)
    events, _ = list_records(data_dir / "interventions.yaml")
    ident = fresh_id("nouvelle-intervention", {str(e.get("id")) for e in events if isinstance(e, dict)})
    append_item(
        data_dir / "interventions.yaml",
        f"""- id: {ident}  # à changer ; ne plus le changer ensuite (agendas)
  titre: {TODO}
  intervenant: {TODO}  # un métier (« Diététicienne »), pas un nom
  partenaire: {place}
  lieu: {place}
  debut: {start:%Y-%m-%dT%H:%M}  # pendant la distribution
  fin: "{end:%H:%M}"
  inscription: {{obligatoire: false}}
""",
        "interventions",
    )
    return ident


def _month_of(recipe: object) -> str:
    return str(recipe.get("mois", "")) if isinstance(recipe, dict) else ""


def new_recipe(data_dir: Path, today: date) -> str:
    folder = data_dir / "recipes"
    folder.mkdir(exist_ok=True)
    ident = fresh_id("nouvelle-recette", {p.stem for p in folder.glob("*.yaml")})
    months = [_month_of(load_file(p, str(p)).data) for p in folder.glob("*.yaml")]
    latest = max([m for m in months if len(m) == 7] + [f"{today:%Y-%m}"])  # after every featured month
    year, number = int(latest[:4]), int(latest[5:])
    month = f"{year + number // 12}-{number % 12 + 1:02d}"
    (folder / f"{ident}.yaml").write_text(
        f"""{SCHEMA_COMMENT}../../site_build/schemas/recipe.schema.json
# Renommez ce fichier avec le nom de la recette (minuscules, tirets), par exemple soupe-de-potiron.yaml.
titre: {TODO}
mois: "{month}"  # le mois où elle est mise en avant
aliment_du_mois:
  nom: {TODO}
  atouts: {TODO}
  conservation: {TODO}
portions: 4
preparation_min: 15
cuisson_min: 20
difficulte: facile
materiel: [plaque]
ingredients:
  - {{nom: {TODO}, quantite: 500, unite: g, prix: 1.00}}
  - {{nom: sel, quantite: 1, unite: pincee, ajustable: false}}
prix_releves: "{today:%Y-%m}"
etapes:
  - {TODO}
allergenes: []
regimes: []
propose_par: {TODO}
""",
        encoding="utf-8",
    )
    return ident
