"""The one YAML loader: plain Python values plus a side table of positions.

It reads libyaml's event stream (CSafeLoader) and builds dicts, lists and
scalars itself, so it can refuse what surprises editors: duplicate keys,
anchors and aliases, YAML 1.1 booleans (yes/no/on/off), numbers with a
leading zero, tabs in indentation. Scalars follow YAML 1.2's core schema;
dates stay strings (ISO 8601) and are checked by the JSON Schema.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

from site_build.data.checks.file_checks import unreadable_problems
from site_build.data.checks.problems import FieldPath, Problem

Path_ = FieldPath  # a path into the document: keys and list indexes
Marks = dict[FieldPath, tuple[int, int]]  # (line, column) of every value, by path

# Limits that keep every file answered in well under a second (stated in CONTRIBUTING.md).
MAX_DEPTH = 12  # nesting of blocks and lists; the deepest real file uses 6
MAX_NUMBER = 1e12  # no quantity, price or coordinate comes near it
MAX_DIGITS = 15
MAX_TEXT = 10_000  # characters in one value; the schemas set the real limits (300 to 5,000)

# Characters that never belong in data text: C0/C1 controls (tab and line feed aside),
# a carriage return alone, line/paragraph separators, bidirectional overrides and
# isolates (they make text read differently than it is stored), and BOMs inside the text.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\r(?!\n)")
# Zero-width characters hidden inside a word make two equal-looking words differ (ids, search).
_HIDDEN_IN_WORD = re.compile("(?<=\\w)[\u200b\u200c\u200d\u2060](?=\\w)")
# …except the joiners a script's spelling needs: Persian and Dari write « می‌شود » with a zero-width
# non-joiner (U+200C), and Arabic-script and Indic languages use it and U+200D inside words.
_SPELLING_JOINERS = "\u200c\u200d"
_JOINING_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u0900-\u0dff]")
_CHARACTER_NAMES = {
    "\x00": "caractère nul",
    "\r": "retour chariot seul",
    "\u2028": "séparateur de ligne Unicode",
    "\u2029": "séparateur de paragraphe Unicode",
    "\ufeff": "marque d'ordre des octets (BOM)",
}


def forbidden_character(text: str) -> tuple[int, str] | None:
    """(offset, French description) of the first character data text must not hold, or None."""
    match = _FORBIDDEN.search(text) or next(
        (found for found in _HIDDEN_IN_WORD.finditer(text) if not _spelled_with_a_joiner(text, found.start())), None
    )
    if not match:
        return None
    char = match.group()[0]
    if char in _CHARACTER_NAMES:
        name = _CHARACTER_NAMES[char]
    elif "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        name = f"caractère de direction du texte invisible (U+{ord(char):04X})"
    elif char in "\u200b\u200c\u200d\u2060":
        name = f"caractère invisible au milieu d'un mot (U+{ord(char):04X})"
    else:
        name = f"caractère de contrôle invisible (U+{ord(char):04X})"
    return match.start(), name


def _spelled_with_a_joiner(text: str, offset: int) -> bool:
    return text[offset] in _SPELLING_JOINERS and bool(_JOINING_SCRIPT.match(text[offset - 1]))


def forbidden_message(name: str) -> str:
    return (
        f"{name} : ce caractère ne s'affiche pas mais change le texte ; effacez-le "
        "(retapez le mot ou la ligne à la main plutôt que de la copier-coller)."
    )


_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+")
_YAML11_BOOLEANS = {"yes", "no", "on", "off", "y", "n"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}


@dataclass
class Document:
    """A loaded file: its data and where each value starts (1-based line, column)."""

    file: str
    data: object
    marks: Marks = field(default_factory=dict)

    def mark(self, path: Path_) -> tuple[int, int]:
        """Position of the value at path, or of its nearest existing parent."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def problem(self, path: Path_, message: str, warning: bool = False) -> Problem:
        line, column = self.mark(path)
        return Problem(self.file, line, column, message, warning)


class LoadError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.format())
        self.problem = problem


def _position(event: Any) -> tuple[int, int]:
    """(line, column) from 1 of a YAML event."""
    return event.start_mark.line + 1, event.start_mark.column + 1


def describe_path(path: Path_) -> str:
    """'élément 3, champ « services[2].telephone »' for messages raised while loading."""
    if not path:
        return "document"
    head, rest = ("", path)
    if isinstance(path[0], int):
        head, rest = f"élément {path[0] + 1}", path[1:]
    text = ""
    for step in rest:
        text += f"[{step + 1}]" if isinstance(step, int) else ("." if text else "") + str(step)
    field = f"champ « {text} »" if text else ""
    return ", ".join(x for x in (head, field) if x)


class PositionLoader(yaml.CSafeLoader):
    """CSafeLoader that builds plain values from events, recording positions."""

    def __init__(self, text: str, file: str):
        super().__init__(text)
        self.file = file
        self.marks: Marks = {}

    def _fail(self, mark: Any, message: str, path: Path_ | None = None) -> NoReturn:
        """Stop at mark; the path, when given, names the field (worked out only now: it is costly)."""
        where = "" if path is None else describe_path(path) + " : "
        raise LoadError(Problem(self.file, mark.line + 1, mark.column + 1, where + message))

    def build(self) -> object:
        self.get_event()  # StreamStart
        if self.check_event(yaml.StreamEndEvent):
            return None
        self.get_event()  # DocumentStart
        value = self._node(self.get_event(), ())
        self.get_event()  # DocumentEnd
        if not self.check_event(yaml.StreamEndEvent):
            extra: Any = self.get_event()
            self._fail(
                extra.start_mark,
                "le fichier contient plusieurs documents (une ligne « --- » en trop) : "
                "gardez un seul document par fichier.",
            )
        return value

    def _node(self, event: Any, path: Path_) -> object:
        if len(path) > MAX_DEPTH:
            self._fail(
                event.start_mark,
                f"trop de niveaux imbriqués (au plus {MAX_DEPTH}) : "
                "vérifiez l'indentation et les crochets, un bloc est sans doute décalé vers la droite.",
                path,
            )
        if isinstance(event, yaml.AliasEvent):
            self._fail(
                event.start_mark,
                f"les alias YAML (« *{event.anchor} ») ne sont pas acceptés : recopiez la valeur en entier.",
                path,
            )
        if getattr(event, "anchor", None):
            self._fail(
                event.start_mark,
                f"les ancres YAML (« &{event.anchor} ») ne sont pas acceptées : "
                "retirez « &" + event.anchor + " » et écrivez chaque valeur en entier.",
                path,
            )
        if event.tag not in (None, "!"):
            self._fail(
                event.start_mark,
                f"l'étiquette YAML « {event.tag} » n'est pas acceptée : retirez-la et écrivez la valeur simplement.",
                path,
            )
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, path)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[object] = []
            while not self.check_event(yaml.SequenceEndEvent):
                child: Any = self.get_event()
                item_path = path + (len(items),)
                self.marks[item_path] = _position(child)
                items.append(self._node(child, item_path))
            self.get_event()
            return items
        if isinstance(event, yaml.MappingStartEvent):
            mapping: dict[str, object] = {}
            while not self.check_event(yaml.MappingEndEvent):
                key_event: Any = self.get_event()
                if not isinstance(key_event, yaml.ScalarEvent):
                    self._fail(
                        key_event.start_mark, "un nom de champ doit être un simple mot, pas une liste ni un bloc."
                    )
                key = key_event.value
                self._check_text(key_event, path)
                if key in mapping:
                    first = self.marks.get(path + (key,), (0, 0))[0]
                    self._fail(
                        key_event.start_mark,
                        f"le champ « {key} » est écrit deux fois (déjà à la ligne {first}) : gardez-en un seul.",
                        path + (key,),
                    )
                key_path = path + (key,)
                self.marks[key_path] = _position(key_event)
                mapping[key] = self._node(self.get_event(), key_path)
            self.get_event()
            return mapping
        self._fail(event.start_mark, "structure YAML inattendue.")

    def _check_text(self, event: Any, path: Path_) -> None:
        if len(event.value) > MAX_TEXT:  # before any pattern runs over it
            self._fail(
                event.start_mark,
                f"texte trop long ({len(event.value)} caractères, au plus {MAX_TEXT}) : raccourcissez-le.",
                path,
            )
        # Escapes in double quotes ("\u202e") can produce what the raw-text scan cannot see; other
        # styles hold only characters of the file, which load_text() has already scanned.
        found = forbidden_character(event.value) if event.style == '"' else None
        if found:
            self._fail(event.start_mark, forbidden_message(found[1]), path)

    def _scalar(self, event: Any, path: Path_) -> object:
        text = event.value
        self._check_text(event, path)
        if event.style:  # quoted or block scalar: always text (plain style is "")
            return text
        if text in _NULL:
            return None
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        if text.lower() in _YAML11_BOOLEANS:
            self._fail(
                event.start_mark,
                f"« {text} » est ambigu (oui/non selon les logiciels) : "
                f'écrivez true ou false, ou "{text}" entre guillemets si c\'est du texte.',
                path,
            )
        if _INT.fullmatch(text):
            digits = text.lstrip("+-")
            if len(digits) > 1 and digits.startswith("0"):
                self._fail(
                    event.start_mark,
                    f"« {text} » commence par un zéro et serait lu comme un nombre "
                    f'(le zéro serait perdu) : écrivez-le entre guillemets, "{text}".',
                    path,
                )
            if len(digits) > MAX_DIGITS:
                self._fail(
                    event.start_mark,
                    f"nombre trop long ({len(digits)} chiffres) : "
                    "écrivez un nombre réaliste, ou mettez le texte entre guillemets.",
                    path,
                )
            return int(text)
        if _FLOAT.fullmatch(text):
            number = float(text)
            if not abs(number) <= MAX_NUMBER:  # also catches 1e999 (infinite)
                self._fail(
                    event.start_mark,
                    f"nombre hors limites « {text} » : écrivez un nombre réaliste, "
                    "sans puissance de dix (par exemple 0.5 ou 250).",
                    path,
                )
            return number
        return text


_YAML_ERRORS = [
    ("found character '\\t'", "tabulation dans l'indentation : remplacez-la par des espaces (2 espaces par niveau)."),
    (
        "mapping values are not allowed",
        "deux-points « : » inattendu : si la valeur contient « : », "
        'mettez-la entre guillemets, par exemple titre: "Atelier : cuisine".',
    ),
    ("could not find expected ':'", "il manque « : » après le nom du champ, ou l'indentation est décalée."),
    ("did not find expected key", "indentation incorrecte : alignez ce champ avec les autres champs du même bloc."),
    (
        "did not find expected '-' indicator",
        "indentation incorrecte dans la liste : chaque élément commence par « - » aligné avec les autres.",
    ),
    ("found unexpected end of stream", "guillemet ou crochet non fermé : vérifiez qu'il est bien refermé."),
    ("found undefined alias", "les alias YAML (« * ») ne sont pas acceptés : recopiez la valeur en entier."),
    ("did not find expected node content", "valeur manquante ou caractère mal placé : vérifiez la ponctuation."),
    (
        "found unknown escape character",
        "barre oblique inverse « \\ » inattendue entre guillemets doubles : "
        "utilisez des guillemets simples ou doublez la barre.",
    ),
    ("while scanning an alias", "« * » en début de valeur : mettez la valeur entre guillemets."),
    ("while scanning an anchor", "« & » en début de valeur : mettez la valeur entre guillemets."),
    ("found character '@' that cannot start", "« @ » en début de valeur : mettez la valeur entre guillemets."),
    ("found character '`' that cannot start", "« ` » en début de valeur : mettez la valeur entre guillemets."),
]


_OPENING_QUOTE = re.compile(r"""(?:^\s*(?:-\s+)?[^\s#:"'][^:#]*:\s+|^\s*-\s+)(["'])""")


def unclosed_quote(lines: list[str], last: int) -> tuple[int, int, str] | None:
    """(line, column, quote) of the first value opened with a quote that its own line does not close,
    up to line `last`. A quoted text may span lines in YAML, but editors never mean it: when the
    parser fails further down, the quote left open is the mistake."""
    for number, content in enumerate(lines[:last], 1):
        match = _OPENING_QUOTE.match(content)
        if not match:
            continue
        quote, rest = match.group(1), content[match.end() :]
        if quote == '"':
            closed = re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
        else:
            closed = "'" in rest.replace("''", "")
        if not closed:
            return number, match.start(1) + 1, quote
    return None


def _translate_yaml_error(error: yaml.MarkedYAMLError, file: str, lines: list[str]) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    opened = unclosed_quote(lines, line)
    if opened:
        at, where, quote = opened
        return Problem(
            file,
            at,
            where,
            f"guillemet {quote} ouvert ici et jamais refermé : ajoutez {quote} à la fin du texte, sur la même ligne.",
        )
    english = f"{error.context or ''} {error.problem or ''}"
    for needle, french in _YAML_ERRORS:
        if needle in english:
            return Problem(file, line, column, french)
    return Problem(
        file,
        line,
        column,
        "erreur de syntaxe YAML : vérifiez l'indentation (des espaces, pas de "
        "tabulation), les deux-points après chaque nom de champ et les guillemets.",
    )


def load_text(raw: bytes, file: str) -> Document:
    """Parse raw bytes of one YAML file; raise LoadError with a French message."""
    parsed = _parsed(raw, file)
    return Document(file, _fresh(parsed.data), parsed.marks)


def _fresh(value: object) -> object:
    """A copy of loaded values that the caller may change: the dicts and lists are new, the scalars shared."""
    if isinstance(value, dict):
        return {key: _fresh(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_fresh(child) for child in value]
    return value


# The same bytes read again in one process (the check and the build, a preview's rebuilds) are not
# parsed again: copying what was built takes a thirtieth of the time (partners.yaml: 0.7 ms, not 25).
# Refusals are not kept.
@functools.lru_cache(maxsize=256)
def _parsed(raw: bytes, file: str) -> Document:
    unreadable = unreadable_problems(raw, file)
    if unreadable:
        raise LoadError(unreadable[0])
    text = raw.decode("utf-8-sig")
    found = forbidden_character(text)
    if found:
        offset, name = found
        before = text[:offset]
        raise LoadError(
            Problem(file, before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1, forbidden_message(name))
        )
    lines = text.split("\n")  # not splitlines(): it also breaks at characters YAML keeps in a line
    for number, content in enumerate(lines, 1):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            raise LoadError(
                Problem(
                    file,
                    number,
                    indent.index("\t") + 1,
                    "tabulation dans l'indentation : remplacez-la par des espaces (2 espaces par niveau).",
                )
            )
    loader = PositionLoader(text, file)
    try:
        data = loader.build()
    except yaml.MarkedYAMLError as error:
        raise LoadError(_translate_yaml_error(error, file, lines)) from None
    except yaml.YAMLError:
        raise LoadError(
            Problem(
                file,
                1,
                1,
                "fichier YAML illisible : vérifiez qu'il s'agit bien d'un fichier "
                "texte YAML (voir CONTRIBUTING.md pour un modèle).",
            )
        ) from None
    finally:
        loader.dispose()
    if data is None:
        raise LoadError(
            Problem(
                file, 1, 1, "le fichier est vide : ajoutez au moins un élément (voir CONTRIBUTING.md pour un modèle)."
            )
        )
    marks = loader.marks
    marks[()] = (1, 1)
    return Document(file, data, marks)


def load_file(path: Path, display: str | None = None) -> Document:
    return load_text(Path(path).read_bytes(), display or str(path))
