"""`site-build appliquer FICHIER|-`: a proposal (from the e-mail body or the GitHub issue) written into
its data file, its fields only (yaml_edit.py keeps everything else of the file).

A proposal is a YAML block, as the form « Proposer une modification » writes it (proposer.js):

    proposition:
      fiche: partenaire          # or service, professionnel, animation (pages/proposal.py: KINDS)
      id: mission-locale
      avant: {telephone: "02 61 91 00 10"}   # the values it was based on (null: it had none)
      apres: {telephone: "02 61 91 00 99"}   # null: remove the field; a block: only its keys given
      confirme: true                          # « Tout est juste »: verified today

It is data, read by the project's YAML loader (no anchor, no tag, nothing run), and may only touch
the fields the form offers. When the entry has changed since (a value of `avant` is no longer the
file's), it is refused, showing both values.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from site_build.data.checks.problems import Problem
from site_build.data.loading.dataset import EDITIONS_FOLDER, display_path
from site_build.data.loading.schemas import SLUG
from site_build.data.loading.yaml_loader import LoadError, load_text
from site_build.editing.trial import data_copy, replace_file
from site_build.editing.yaml_edit import EditError, Key, remove_value, set_value
from site_build.pages.proposal import KIND_BY_NAME, EntryKind, offered_names

PARTNERS_FILE = "partners.yaml"
PROFESSIONALS_FILE = "professionals.yaml"
# A fenced block in an issue or an e-mail; else the proposal starts at its own first line.
# Its fence is longer than any run of backticks in it (proposer.js), so a value cannot close it.
_FENCED = re.compile(r"^(`{3,})(?:ya?ml)?[ \t]*\n(.*?)^\1[ \t]*$", re.S | re.M)
_START = re.compile(r"^proposition:", re.M)
_IDENT = re.compile(SLUG["pattern"])


class ProposalError(Exception):
    """The proposal cannot be applied (said in French, with what to do)."""


@dataclass(frozen=True)
class Proposal:
    kind: str
    ident: str
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
    confirmed: bool = False


@dataclass(frozen=True)
class Applied:
    file: Path  # the data file changed
    before: str  # its text as read
    text: str  # its new text
    written: list[str]  # the fields written


def read_proposal(message: str) -> Proposal:
    """The proposal in a message (an e-mail body, an issue's text): its YAML block."""
    message = message.replace("\r\n", "\n")  # an issue's text comes with Windows line ends
    fenced = [block for _fence, block in _FENCED.findall(message) if _START.search(block)]
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
    kind, ident = KIND_BY_NAME.get(str(body.get("fiche"))), body.get("id")
    if kind is None:
        raise ProposalError(f"« fiche » doit valoir {', '.join(KIND_BY_NAME)}, pas « {body.get('fiche')} »")
    if not isinstance(ident, str) or not ident:
        raise ProposalError("« id » manque : c'est l'identifiant de la fiche, par exemple mission-locale")
    if not _IDENT.fullmatch(ident):
        raise ProposalError("« id » s'écrit en minuscules sans accents, avec des tirets, par exemple mission-locale")
    before, after = body.get("avant") or {}, body.get("apres") or {}
    if not isinstance(before, dict) or not isinstance(after, dict):
        raise ProposalError('« avant » et « apres » sont des blocs de champs : {telephone: "…"}')
    if set(before) - set(after):
        raise ProposalError(
            f"« avant » nomme des champs absents de « apres » : {', '.join(sorted(set(before) - set(after)))}"
        )
    _check_fields(kind, after)
    confirmed = body.get("confirme") is True
    if confirmed and not kind.confirmable:
        raise ProposalError(f"« confirme » (Tout est juste) ne se dit pas d'une fiche {kind.name}")
    if not after and not confirmed:
        raise ProposalError("la proposition ne change rien : ajoutez « apres » ou « confirme: true »")
    return Proposal(kind.name, ident, before, after, confirmed)


def _check_fields(kind: EntryKind, after: dict[str, Any]) -> None:
    """Only what the form offers: an id, a verification date or a pro-only field is changed by hand."""
    if "id" in after:
        raise ProposalError(
            "« id » ne se change pas par une proposition : d'autres fiches y renvoient ; faites-le à la main"
        )
    allowed = offered_names(kind)
    unknown = sorted(set(after) - allowed)
    if unknown:
        raise ProposalError(
            f"« {', '.join(unknown)} » ne se change pas par une proposition de fiche {kind.name} ; "
            f"les champs possibles : {', '.join(sorted(allowed))}"
        )
    if "statut" in after and after["statut"] != "ferme":
        raise ProposalError("« statut » ne peut être proposé que pour dire qu'une structure a fermé : statut: ferme")


def apply_proposal(data_dir: Path, proposal: Proposal, today: date) -> Applied:
    """The proposal written into its data file's text (not saved). ProposalError when the entry is
    missing or changed since the proposal was made."""
    file, before, path, entry = _entry(data_dir, proposal)
    stale = [
        f"« {name} » : la proposition partait de « {_shown(was)} », le fichier dit maintenant « {_shown(now)} »"
        for name, was, now in _differences(entry, proposal.before)
    ]
    if stale:
        raise ProposalError(
            f"la fiche « {proposal.ident} » a changé depuis la proposition ; vérifiez avec la personne :\n  "
            + "\n  ".join(stale)
        )
    changes = dict(proposal.after)
    if proposal.confirmed:
        changes["date_verification"] = today.isoformat()
    text, written = before, []
    for keys, value in _leaves(changes, entry):
        name = ".".join(str(k) for k in keys)
        try:
            text = remove_value(text, [*path, *keys]) if value is None else set_value(text, [*path, *keys], value)
        except EditError as error:
            raise ProposalError(f"champ « {name} » : {error}") from None
        written.append(name)
    return Applied(file, before, text, written)


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _same(a: Any, b: Any) -> bool:
    if _blank(a) and _blank(b):
        return True
    if isinstance(a, str) and isinstance(b, str):
        return a.rstrip() == b.rstrip()  # a block of text ends with a line break the form does not keep
    return bool(a == b)


def _differences(entry: dict[str, Any], before: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any, Any]]:
    for name, was in before.items():
        now = entry.get(name)
        if isinstance(was, dict) and isinstance(now, dict):
            yield from _differences(now, was, f"{prefix}{name}.")
        elif not _same(was, now):
            yield prefix + name, was, now


def _leaves(changes: dict[str, Any], entry: dict[str, Any]) -> Iterator[tuple[list[Key], Any]]:
    """(keys, new value) of what differs from the file; inside a block of fields, key by key (only
    those lines change); None: the field is removed."""
    for name, value in changes.items():
        now = entry.get(name)
        if isinstance(value, dict) and isinstance(now, dict):
            yield from (([name, *keys], inner) for keys, inner in _leaves(value, now))
        elif isinstance(now, list) and _same_shape_list(value, now):  # a phone number changed: that line only
            for number, (item, old) in enumerate(zip(value, now, strict=True)):
                yield from (([name, number, *keys], inner) for keys, inner in _leaves(item, old))
        elif not _same(value, now):
            yield [name], None if _blank(value) else value


def _same_shape_list(value: Any, now: Any) -> bool:
    return (
        isinstance(value, list)
        and isinstance(now, list)
        and len(value) == len(now)
        and all(isinstance(x, dict) for x in value + now)
    )


def _shown(value: Any) -> str:
    return "(rien)" if _blank(value) else str(value)


def _entry(data_dir: Path, proposal: Proposal) -> tuple[Path, str, list[Key], dict[str, Any]]:
    """The file holding the entry, its text, the entry's place in it and the entry."""
    for file in _files_of(data_dir, proposal.kind):
        text = file.read_text(encoding="utf-8")
        try:
            data = load_text(text.encode("utf-8"), display_path(file)).data
        except LoadError as error:
            raise ProposalError(f"{display_path(file)} ne se lit pas : {error.problem.message}") from None
        for path, entry in _entries(data, proposal.kind):
            if entry.get("id") == proposal.ident:
                return file, text, path, entry
    raise ProposalError(f"aucune fiche {proposal.kind} « {proposal.ident} » dans {display_path(data_dir)}")


def _files_of(data_dir: Path, kind: str) -> list[Path]:
    if kind in ("partenaire", "service"):
        return [data_dir / PARTNERS_FILE]
    if kind == "professionnel":
        return [data_dir / PROFESSIONALS_FILE]
    return sorted((data_dir / EDITIONS_FOLDER).glob("*.yaml"))


def _entries(data: Any, kind: str) -> Iterator[tuple[list[Key], dict[str, Any]]]:
    if kind == "animation":
        events = data.get("evenements") if isinstance(data, dict) else None
        for number, event in enumerate(events or []):
            if isinstance(event, dict):
                yield ["evenements", number], event
        return
    for index, item in enumerate(data if isinstance(data, list) else []):
        if not isinstance(item, dict):
            continue
        if kind in ("partenaire", "professionnel"):
            yield [index], item
        elif kind == "service":
            for number, service in enumerate(item.get("services") or []):
                if isinstance(service, dict):
                    yield [index, "services", number], service


def write_checked(data_dir: Path, applied: Applied, check: Callable[[Path], list[Problem]]) -> list[Problem]:
    """Write the changed file only if `check(folder)` (the gate, on a copy of the data folder holding
    it) finds no error. Returns the problems found, named at the real files; the file is untouched
    when there are errors."""
    with data_copy(data_dir, "proposition") as copy:
        (copy / applied.file.relative_to(data_dir)).write_text(applied.text, encoding="utf-8")
        problems = [
            dataclasses.replace(problem, file=problem.file.replace(display_path(copy), display_path(data_dir)))
            for problem in check(copy)
        ]
    if not any(not problem.warning for problem in problems):
        replace_file(applied.file, applied.text, "proposition")
    return problems


def pull_request_body(proposal: Proposal, applied: Applied, data_dir: Path, ticket: int) -> str:
    """The pull request's text (Markdown, French): what the proposal changes, the diff, and the line
    that closes the issue when the request is merged. The changed values only appear inside the diff's
    fenced block, so nothing in them becomes a link, a mention or markup."""
    file = f"{data_dir.name}/{applied.file.relative_to(data_dir)}"
    diff = "".join(
        difflib.unified_diff(
            applied.before.splitlines(keepends=True), applied.text.splitlines(keepends=True), file, file, n=1
        )
    )
    longest = max((len(run) for run in re.findall(r"`+", diff)), default=0)
    fence = "`" * max(3, longest + 1)
    confirmed = " et la confirme (« Tout est juste »)" if proposal.confirmed else ""
    return (
        f"Proposition reçue dans le ticket #{ticket} : elle modifie la fiche {proposal.kind} "
        f"« {proposal.ident} »{confirmed}.\n\n"
        f"Champs écrits dans `{file}` : {', '.join(f'`{name}`' for name in applied.written)}.\n\n"
        "La vérification des données est passée. Relisez la modification ci-dessous, puis les captures "
        "d'écran ; fusionnez si tout est juste. Le ticket sera fermé à la fusion.\n\n"
        f"{fence}diff\n{diff}{fence}\n\nCloses #{ticket}\n"
    )
