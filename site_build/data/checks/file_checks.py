"""Checks every editable file gets before it is read: merge conflict markers and UTF-8."""

from __future__ import annotations

import re

from site_build.data.checks.problems import Problem

# What git leaves in a file when two changes to the same lines met (a merge or a rebase).
_CONFLICT = re.compile(rb"^(<{7}(?: |$)|={7}$|>{7}(?: |$)|\|{7}(?: |$))", re.MULTILINE)


def conflict_problems(raw: bytes, where: str) -> list[Problem]:
    """One problem per conflict marker line (<<<<<<<, =======, >>>>>>>)."""
    found = []
    for match in _CONFLICT.finditer(raw.replace(b"\r\n", b"\n")):
        line = raw.count(b"\n", 0, match.start()) + 1
        found.append(
            Problem(
                where,
                line,
                1,
                "marque de conflit git (« <<<<<<< », « ======= » ou « >>>>>>> ») : deux modifications se sont "
                "croisées ; gardez la bonne version des lignes entre les marques, puis effacez les trois marques.",
            )
        )
    return found


# What becomes markup where a template prints a text as it is (the theme's, autoescaping off):
# an element, an end tag, a comment or an entity. Translations and settings must be text.
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_DEEP = re.compile(r"(?:[\[{]\s*){100}")


def too_deep(text: str) -> bool:
    """A hundred brackets opened in a row: no settings file needs that, and a YAML reader would
    recurse through them for a second before it gives up."""
    return bool(_DEEP.search(text))


def utf8_problem(raw: bytes, where: str) -> Problem | None:
    """The first byte that is not UTF-8, as a problem at its line and column."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        return Problem(
            where,
            before.count(b"\n") + 1,
            error.start - (before.rfind(b"\n") + 1) + 1,
            "le fichier n'est pas enregistré en UTF-8 (accents illisibles) : "
            "enregistrez-le en UTF-8 dans votre éditeur.",
        )
    return None


def unreadable_problems(raw: bytes, where: str) -> list[Problem]:
    """Why a file cannot be read as text at all: its conflict markers, or else its first byte that
    is not UTF-8. Empty when it can be decoded."""
    markers = conflict_problems(raw, where)
    if markers:
        return markers
    bad = utf8_problem(raw, where)
    return [bad] if bad else []
