"""`site-build appliquer FICHIER|-`: a proposal (from the e-mail body or the GitHub issue) written into
data/partners.yaml, its fields only (yaml_edit.py keeps everything else of the file).

A proposal is a YAML block:

    proposition:
      fiche: partenaire          # or service
      id: epicea
      avant: {telephone: "02 61 91 00 10"}   # the values it was based on
      apres: {telephone: "02 61 91 00 99"}
      # or, for « Tout est juste »: confirme: true

It is data, read by the project's YAML loader (no anchor, no tag, nothing run). When the entry has
changed since (a value of `avant` is no longer the file's), it is refused, showing both values.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from site_build.data.checks.problems import Problem
from site_build.data.loading.dataset import content_dir_of, display_path
from site_build.data.loading.yaml_loader import LoadError, load_text
from site_build.editing.yaml_edit import EditError, Key, set_value

PARTNERS_FILE = "partners.yaml"
KINDS = ("partenaire", "service")
# A fenced block in an issue or an e-mail; else the proposal starts at its own first line.
_FENCED = re.compile(r"```(?:ya?ml)?\n(.*?)```", re.S)
_START = re.compile(r"^proposition:", re.M)


class ProposalError(Exception):
    """The proposal cannot be applied (said in French, with what to do)."""


@dataclass(frozen=True)
class Proposal:
    kind: str
    ident: str
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
    confirmed: bool = False


def read_proposal(message: str) -> Proposal:
    """The proposal in a message (an e-mail body, an issue's text): its YAML block."""
    fenced = [block for block in _FENCED.findall(message) if _START.search(block)]
    start = _START.search(message)
    if fenced:
        block = fenced[0]
    elif start:
        block = message[start.start() :]
    else:
        raise ProposalError(
            "aucune proposition trouvée : le texte doit contenir un bloc qui commence par « proposition: »"
        )
    try:
        data = load_text(block.encode("utf-8"), "proposition").data
    except LoadError as error:
        raise ProposalError(f"la proposition ne se lit pas : {error.problem.message}") from None
    body = data.get("proposition") if isinstance(data, dict) else None
    if not isinstance(body, dict):
        raise ProposalError("« proposition: » doit contenir les champs fiche, id et apres (ou confirme)")
    kind, ident = body.get("fiche"), body.get("id")
    if kind not in KINDS:
        raise ProposalError(f"« fiche » doit valoir {' ou '.join(KINDS)}, pas « {kind} »")
    if not isinstance(ident, str) or not ident:
        raise ProposalError("« id » manque : c'est l'identifiant de la fiche, par exemple epicea")
    before, after = body.get("avant") or {}, body.get("apres") or {}
    if not isinstance(before, dict) or not isinstance(after, dict):
        raise ProposalError('« avant » et « apres » sont des blocs de champs : {telephone: "…"}')
    if set(before) - set(after):
        raise ProposalError(
            f"« avant » nomme des champs absents de « apres » : {', '.join(sorted(set(before) - set(after)))}"
        )
    if "id" in after:
        raise ProposalError(
            "« id » ne se change pas par une proposition : d'autres fiches y renvoient ; faites-le à la main"
        )
    confirmed = body.get("confirme") is True
    if confirmed and kind != "partenaire":
        raise ProposalError("« confirme » (Tout est juste) se dit d'une structure : écrivez fiche: partenaire")
    if not after and not confirmed:
        raise ProposalError("la proposition ne change rien : ajoutez « apres » ou « confirme: true »")
    return Proposal(kind, ident, before, after, confirmed)


def apply_proposal(text: str, proposal: Proposal, today: date) -> tuple[str, list[str]]:
    """(new text of partners.yaml, the fields written). ProposalError when the entry is missing or
    changed since the proposal was made."""
    try:
        data = load_text(text.encode("utf-8"), PARTNERS_FILE).data
    except LoadError as error:
        raise ProposalError(f"{PARTNERS_FILE} ne se lit pas : {error.problem.message}") from None
    path, entry = _entry(data, proposal)
    stale = [
        f"« {name} » : la proposition partait de « {value} », le fichier dit maintenant « {entry.get(name)} »"
        for name, value in proposal.before.items()
        if entry.get(name) != value
    ]
    if stale:
        raise ProposalError(
            f"la fiche « {proposal.ident} » a changé depuis la proposition ; vérifiez avec la personne :\n  "
            + "\n  ".join(stale)
        )
    changes = dict(proposal.after)
    if proposal.confirmed and proposal.kind == "partenaire":
        changes["date_verification"] = today.isoformat()
    written = []
    for name, value in changes.items():
        if entry.get(name) == value:
            continue
        try:
            text = set_value(text, [*path, name], value)
        except EditError as error:
            raise ProposalError(f"champ « {name} » : {error}") from None
        written.append(name)
    return text, written


def _entry(data: Any, proposal: Proposal) -> tuple[list[Key], dict[str, Any]]:
    partners = data if isinstance(data, list) else []
    for index, partner in enumerate(partners):
        if not isinstance(partner, dict):
            continue
        if proposal.kind == "partenaire" and partner.get("id") == proposal.ident:
            return [index], partner
        for number, service in enumerate(partner.get("services") or []):
            if proposal.kind == "service" and isinstance(service, dict) and service.get("id") == proposal.ident:
                return [index, "services", number], service
    raise ProposalError(f"aucune fiche {proposal.kind} « {proposal.ident} » dans {PARTNERS_FILE}")


def partners_path(data_dir: Path) -> Path:
    return data_dir / PARTNERS_FILE


def write_checked(data_dir: Path, text: str, check: Callable[[Path], list[Problem]]) -> list[Problem]:
    """Write the new partners.yaml only if `check(folder)` (the gate, on a copy of the data folder
    holding it, beside the same content/) finds no error. Returns the problems found, named at the
    real files; the file is untouched when there are errors."""
    with tempfile.TemporaryDirectory(prefix="site-build-proposition-") as temporary:
        copy = Path(temporary) / "data"
        shutil.copytree(data_dir, copy)
        (Path(temporary) / "content").symlink_to(content_dir_of(data_dir).resolve())
        (copy / PARTNERS_FILE).write_text(text, encoding="utf-8")
        problems = [
            dataclasses.replace(problem, file=problem.file.replace(display_path(copy), display_path(data_dir)))
            for problem in check(copy)
        ]
    if not any(not problem.warning for problem in problems):
        target = partners_path(data_dir)
        staged = target.with_name(f".{PARTNERS_FILE}.proposition")
        staged.write_text(text, encoding="utf-8")
        staged.replace(target)  # in one step: an interrupted command leaves the old file
    return problems
