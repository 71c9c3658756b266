"""The calendars' memory (data/calendrier.json): for each published event, the fingerprint of what
it said, its iCalendar SEQUENCE and the day it last changed. `site-build calendrier` writes it and
the deployment workflow commits it, so a merge can leave conflict markers or a hand edit a wrong
value: it is read here, checked, and refused at its line in French."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from site_build.data.checks.file_checks import unreadable_problems
from site_build.data.checks.problems import Problem

FILE_NAME = "calendrier.json"
MAX_BYTES = 5 * 1024 * 1024
_FINGERPRINT = re.compile(r"[0-9a-f]{16}")
_STAMP = re.compile(r"20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_FIELDS = {"empreinte", "sequence", "modifie"}
_FIX = "remettez la version du dépôt (git checkout data/calendrier.json) puis lancez : site-build calendrier"


def _line_of(text: str, needle: str) -> int:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _entry_problem(key: str, entry: Any) -> str | None:
    if not isinstance(entry, dict):
        return 'doit être un bloc { "empreinte": …, "sequence": …, "modifie": … }'
    if set(entry) != _FIELDS:
        missing, extra = sorted(_FIELDS - set(entry)), sorted(set(entry) - _FIELDS)
        return "champs attendus : empreinte, sequence, modifie" + (
            f" (en trop : {', '.join(extra)})" if extra else f" (il manque : {', '.join(missing)})"
        )
    if not isinstance(entry["empreinte"], str) or not _FINGERPRINT.fullmatch(entry["empreinte"]):
        return "« empreinte » doit être 16 caractères 0-9 a-f"
    sequence = entry["sequence"]
    if isinstance(sequence, bool) or not isinstance(sequence, int) or not 0 <= sequence < 2**31:
        return "« sequence » doit être un nombre entier de 0 à 2147483647"
    stamp = entry["modifie"]
    if not isinstance(stamp, str) or not _STAMP.fullmatch(stamp):
        return "« modifie » doit être une date AAAA-MM-JJTHH:MM:SSZ"
    try:
        datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return f"« modifie » : « {stamp} » n'est pas une vraie date"
    return None


def read_calendar_memory(data_dir: Path, where: str | None = None) -> tuple[dict[str, Any], list[Problem]]:
    """(the memory, its problems); an empty memory when the file is absent or refused."""
    path = Path(data_dir) / FILE_NAME
    where = where or str(path)
    if not path.is_file():
        return {}, []
    if path.stat().st_size > MAX_BYTES:
        return {}, [Problem(where, 1, 1, f"fichier trop gros (au plus {MAX_BYTES // 1048576} Mo) : {_FIX}.")]
    raw = path.read_bytes()
    unreadable = unreadable_problems(raw, where)
    if unreadable:
        return {}, unreadable
    text = raw.decode("utf-8")
    try:
        state = json.loads(text)
    except json.JSONDecodeError as error:
        return {}, [
            Problem(where, error.lineno, error.colno, f"JSON mal formé (virgule, guillemet ou accolade) : {_FIX}.")
        ]
    except RecursionError:
        return {}, [Problem(where, 1, 1, f"trop de niveaux d'accolades imbriquées : {_FIX}.")]
    if not isinstance(state, dict):
        return {}, [Problem(where, 1, 1, f"le fichier doit être un bloc {{ … }} d'événements : {_FIX}.")]
    found = []
    for key, entry in state.items():
        message = _entry_problem(key, entry)
        if message:
            found.append(
                Problem(
                    where,
                    _line_of(text, json.dumps(key, ensure_ascii=False)),
                    1,
                    f"événement « {key} » : {message} ; {_FIX}.",
                )
            )
    return ({} if found else state), found
