"""The gate for the interface catalogs (locales/<code>.po): what a translator may have broken.

A catalog is read line by line here rather than by Babel, whose reader accepts an unclosed
quote, keeps the last of two equal entries and reports lines counted from 0 in English. Each
problem names the catalog and the line, in French. A translation is text: no markup, the same
placeholders as the French sentence, a header that says UTF-8 and a readable Plural-Forms.
"""

from __future__ import annotations

import functools
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

from site_build.data.checks.file_checks import MARKUP, unreadable_problems
from site_build.data.checks.problems import Problem
from site_build.data.loading.yaml_loader import forbidden_character, forbidden_message

_KEYWORD = re.compile(r'^(?P<key>msgctxt|msgid_plural|msgid|msgstr(?:\[(?P<index>[0-9])\])?)\s+(?P<text>".*)$')
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
_ESCAPE = re.compile(r"\\(.)")  # a backslash and the character it escapes
# Placeholders a sentence may hold: {name} (str.format, fill()) and %(name)s, %s, %d (Jinja's gettext).
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%\([A-Za-z_][A-Za-z0-9_]*\)[sd]|%[sd]")
_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(?P<n>[0-9]+)\s*;\s*plural\s*=\s*(?P<expr>[^;]+);?\s*$")


@dataclass
class Entry:
    line: int  # of msgid
    context: str | None = None
    msgid: str = ""
    plural: str | None = None
    strings: dict[int, str] = field(default_factory=dict)
    string_line: int = 0
    fuzzy: bool = False


class _Syntax(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


def _unquote(text: str, line: int) -> str:
    match = _QUOTED.fullmatch(text.strip())
    if not match:
        raise _Syntax(line, 'texte mal fermé : il doit être entre guillemets droits "…" sur la même ligne')
    body = match[1]
    if "\\" not in body:
        return body
    unknown = next((escaped for escaped in _ESCAPE.findall(body) if escaped not in _ESCAPES), None)
    if unknown is not None:
        raise _Syntax(
            line, f"« \\{unknown} » n'est pas permis ; écrivez \\\" pour un guillemet, \\n pour aller à la ligne"
        )
    return _ESCAPE.sub(lambda found: _ESCAPES[found[1]], body)


def read_entries(text: str) -> list[Entry]:
    """The catalog's entries, the header first; _Syntax at the first line that is not PO."""
    entries: list[Entry] = []
    current: Entry | None = None
    last_key = ""
    flags: set[str] = set()
    context: str | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if len(line) > MAX_TEXT:
            raise _Syntax(number, f"ligne trop longue ({len(line)} caractères, au plus {MAX_TEXT}) : coupez le texte")
        if not line:
            continue
        if line.startswith("#"):
            if line.startswith("#,"):
                flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith('"'):
            if not last_key:
                raise _Syntax(number, "texte en dehors d'une entrée : il doit suivre msgid ou msgstr")
            piece = _unquote(line, number)
            if last_key == "msgctxt":
                context = (context or "") + piece
            elif current is not None:
                if last_key == "msgid":
                    current.msgid += piece
                elif last_key == "msgid_plural":
                    current.plural = (current.plural or "") + piece
                else:
                    index = int(last_key[7:-1]) if "[" in last_key else 0
                    current.strings[index] += piece
            continue
        match = _KEYWORD.match(line)
        if not match:
            raise _Syntax(
                number,
                'ligne inconnue : une entrée s\'écrit msgid "texte français" puis msgstr "traduction" '
                "(ou un commentaire commençant par #)",
            )
        key, piece = match["key"], _unquote(match["text"], number)
        if key == "msgctxt":
            context, last_key = piece, key
            continue
        if key == "msgid":
            if current is not None and not current.strings:
                raise _Syntax(
                    current.line, 'msgid sans msgstr : ajoutez la ligne msgstr "…" (vide si pas encore traduit)'
                )
            current = Entry(number, context, piece, fuzzy="fuzzy" in flags)
            entries.append(current)
            context, flags = None, set()
        elif current is None:
            raise _Syntax(number, f"« {key} » avant tout msgid : chaque entrée commence par msgid")
        elif key == "msgid_plural":
            current.plural = piece
        else:
            index = int(match["index"] or 0)
            if index in current.strings:
                raise _Syntax(number, "deuxième msgstr pour la même entrée : gardez-en un seul")
            current.strings[index] = piece
            current.string_line = current.string_line or number
        last_key = key
    if current is not None and not current.strings:
        raise _Syntax(current.line, 'msgid sans msgstr : ajoutez la ligne msgstr "…" (vide si pas encore traduit)')
    return entries


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def _header_problems(entry: Entry, code: str, where: str) -> list[Problem]:
    header = dict(
        (name.strip().lower(), value.strip())
        for name, _, value in (line.partition(":") for line in entry.strings.get(0, "").split("\n") if ":" in line)
    )
    line = entry.string_line or entry.line
    found = []
    content_type = header.get("content-type", "")
    if "charset=utf-8" not in content_type.lower().replace(" ", ""):
        found.append(
            Problem(
                where,
                line,
                1,
                "l'en-tête doit dire « Content-Type: text/plain; charset=UTF-8 » (le catalogue est en UTF-8).",
            )
        )
    if header.get("language", code).replace("-", "_").lower() != code.replace("-", "_").lower():
        found.append(
            Problem(
                where, line, 1, f"l'en-tête dit « Language: {header.get('language')} » : écrivez « Language: {code} »."
            )
        )
    plural_forms = header.get("plural-forms")
    if plural_forms is not None:
        message = plural_forms_problem(plural_forms)
        if message:
            found.append(Problem(where, line, 1, message))
    return found


def plural_forms_problem(value: str) -> str | None:
    """What is wrong with a Plural-Forms header, in French; None when it can be used."""
    example = "par exemple « Plural-Forms: nplurals=2; plural=(n > 1); »"
    match = _PLURAL_FORMS.match(value)
    if not match:
        return f"« Plural-Forms » mal écrit : {example}."
    count = int(match["n"])
    if not 1 <= count <= 6:
        return f"« nplurals={count} » : une langue a de 1 à 6 formes du pluriel ; {example}."
    try:
        choose = gettext.c2py(match["expr"])
        wrong = next((n for n in range(1001) if not 0 <= int(choose(n)) < count), None)
    except (ValueError, SyntaxError, RecursionError, ZeroDivisionError, OverflowError, TypeError):
        return f"« plural=… » illisible dans « Plural-Forms » : recopiez la règle de votre langue, {example}."
    if wrong is not None:
        return f"« Plural-Forms » : pour n = {wrong}, la règle donne une forme qui n'existe pas (il y en a {count})."
    return None


def _entry_problems(entry: Entry, where: str, with_placeholders: bool) -> list[Problem]:
    """A fuzzy entry (not shown) may lag behind its French text; it must still be text."""
    found = []
    wanted = placeholders(entry.msgid + (entry.plural or ""))
    for index, string in sorted(entry.strings.items()):
        if not string:
            continue
        line = entry.string_line
        bad = forbidden_character(string)
        if bad:
            found.append(Problem(where, line, 1, forbidden_message(bad[1])))
        markup = MARKUP.search(string)
        if markup:
            found.append(
                Problem(
                    where,
                    line,
                    1,
                    f"« {markup[0]} » dans la traduction : une traduction est du texte, sans balise HTML ni "
                    "entité (&…;) ; écrivez les mots seulement, la mise en forme vient du modèle de page.",
                )
            )
        if not with_placeholders:
            continue
        given = placeholders(string)
        source = set(placeholders(entry.msgid)) if index == 0 or not entry.plural else set(wanted)
        missing, extra = sorted(source - set(given)), sorted(set(given) - set(wanted))
        stray = re.sub(_PLACEHOLDER, "", string) if "{" in entry.msgid else ""
        if "{" in stray or "}" in stray:
            found.append(
                Problem(
                    where,
                    line,
                    1,
                    "accolade { ou } seule dans la traduction : les accolades servent aux repères comme "
                    "{n} ; retirez-la ou recopiez le repère entier.",
                )
            )
        if missing or extra:
            said = []
            if missing:
                said.append("il manque " + ", ".join(missing))
            if extra:
                said.append(", ".join(extra) + " n'existe pas dans le texte français")
            found.append(
                Problem(
                    where,
                    line,
                    1,
                    f"les repères entre accolades doivent être recopiés tels quels : {' ; '.join(said)} "
                    f"(le texte français a : {', '.join(sorted(source)) or 'aucun repère'}).",
                )
            )
    return found


MAX_BYTES = 2 * 1024 * 1024  # the sample's catalogs are 0.1 Mo; a whole catalog, 1 Mo at most
MAX_TEXT = 5000  # characters of one msgid or msgstr line
MAX_PROBLEMS = 50


def catalog_problems(path: Path, code: str, where: str) -> list[Problem]:
    """Every problem of one catalog (the first MAX_PROBLEMS); `where` is how it is named in messages."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return [
                Problem(where, 1, 1, f"catalogue trop gros (au plus {MAX_BYTES // 1048576} Mo) : vérifiez le fichier.")
            ]
        raw = path.read_bytes()
    except OSError as error:
        return [Problem(where, 1, 1, f"catalogue illisible : {error.strerror}.")]
    return list(_problems_of(raw, code, where))


# The gate reads every catalog on each build and validate; a preview rebuilding on each saved file,
# or the tests' hundreds of builds, read the same ones again: their problems are kept by content.
@functools.lru_cache(maxsize=32)
def _problems_of(raw: bytes, code: str, where: str) -> tuple[Problem, ...]:
    return tuple(_text_problems(raw, code, where))


def _text_problems(raw: bytes, code: str, where: str) -> list[Problem]:
    unreadable = unreadable_problems(raw, where)
    if unreadable:
        return unreadable
    text = raw.decode("utf-8-sig")
    try:
        entries = read_entries(text)
    except _Syntax as error:
        return [Problem(where, error.line, 1, error.message + ".")]
    header = next((e for e in entries if e.msgid == "" and e.context is None), None)
    if header is None:
        return [
            Problem(
                where,
                1,
                1,
                'l\'en-tête manque : le catalogue commence par msgid "" puis msgstr "…" (recopiez celui de en.po).',
            )
        ]
    found = _header_problems(header, code, where)
    seen: dict[tuple[str | None, str], int] = {}
    for entry in entries:
        if entry is header:
            continue
        key = (entry.context, entry.msgid)
        if key in seen:
            found.append(
                Problem(
                    where,
                    entry.line,
                    1,
                    f"ce texte est déjà traduit ligne {seen[key]} : gardez une seule des deux entrées.",
                )
            )
            continue
        seen[key] = entry.line
        found.extend(_entry_problems(entry, where, with_placeholders=not entry.fuzzy))
        if len(found) >= MAX_PROBLEMS:
            break
    return found
