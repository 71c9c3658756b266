"""JSON Schema validation with French messages placed at the right line."""

from __future__ import annotations

import difflib
import re
from functools import cache
from typing import Any

import jsonschema_rs

from site_build.data.checks.problems import FieldPath, Problem, sentence
from site_build.data.loading.schemas import SCHEMAS
from site_build.data.loading.yaml_loader import Document

_TYPES = {
    "string": "du texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "true ou false",
    "array": "une liste",
    "object": "un bloc de champs",
    "null": "rien",
}


_DOLLAR = re.compile(r"(?<!\\)\$")


@cache
def _ecma_pattern(pattern: str) -> re.Pattern[str]:
    """A schema pattern as JSON Schema means it (ECMA-262): « $ » is the end of the text, where
    Python's « $ » also matches before a final line break ("caf\n" would pass as an id)."""
    return re.compile(_DOLLAR.sub(r"\\Z", pattern))


def _pattern(validator: Any, pattern: str, instance: object, schema: Any) -> Any:
    import jsonschema

    if validator.is_type(instance, "string") and not _ecma_pattern(pattern).search(str(instance)):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def validator(name: str) -> Any:
    import jsonschema  # only needed for files with errors

    # Compiled once per process; the format checker makes "date" mean a real date.
    checker = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})
    return checker(SCHEMAS[name], format_checker=jsonschema.FormatChecker(["date"]))


@cache
def fast_validator(name: str) -> Any:
    # The Rust validator answers "valid or not" ~40x faster; the Python one,
    # run only on invalid files, gives the error details the messages need.
    return jsonschema_rs.Draft202012Validator(SCHEMAS[name], validate_formats=True)


def field_path(path: FieldPath, data: object) -> str:
    """'[mission-locale] services[2].publics[1]': record id, then 1-based item numbers."""
    text, prefix, node = "", "", data
    for depth, step in enumerate(path):
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and step < len(node) else None
            if depth == 0 and isinstance(item, dict) and isinstance(item.get("id"), str):
                prefix = f"[{item['id']}] "
            elif depth == 0 and isinstance(item, dict) and isinstance(item.get("nom"), str):
                prefix = f"[{item['nom'][:40]}] "  # records without an id (urgences.yaml)
            elif depth == 0:
                prefix = f"[élément {step + 1}] "
            else:
                text += f"[{step + 1}]"
        else:
            text += ("." if text else "") + str(step)
        node = node[step] if isinstance(node, (dict, list)) and _has(node, step) else None  # type: ignore[index]
    return prefix + (f"champ « {text} »" if text else "élément")


def _has(node: object, step: str | int) -> bool:
    if isinstance(node, dict):
        return step in node
    return isinstance(node, list) and isinstance(step, int) and step < len(node)


def _suggest(value: object, choices: list[str]) -> str:
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" ; vouliez-vous dire « {close[0]} » ?" if close else ""


def _describe(value: object) -> str:
    text = " ".join(str(value).split())  # a message stays on one line
    return text if len(text) <= 40 else text[:37] + "…"


def _message(error: Any) -> list[tuple[FieldPath, str]]:
    """(path, what is wrong and what to write) pairs for one schema error."""
    path = tuple(error.absolute_path)
    schema, value, kind = error.schema, error.instance, error.validator
    hint = schema.get("x-erreur")
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        out = []
        for key in value:
            if key not in allowed:
                suggestion = _suggest(key, allowed)
                expected = "" if suggestion else " ; champs possibles : " + ", ".join(allowed)
                out.append((path + (key,), f"champ inconnu « {key} »{suggestion or expected}"))
        return out
    if kind == "required":
        missing = error.validator_value
        name = next((m for m in missing if m not in value), missing[0])
        described = schema.get("properties", {}).get(name, {}).get("description", "")
        return [
            (path, f"il manque le champ obligatoire « {name} »" + (f" ({described.rstrip('.')})" if described else ""))
        ]
    if kind == "enum":
        choices = error.validator_value
        suggestion = _suggest(value, choices)
        listed = "" if suggestion or len(choices) > 10 else " ; valeurs possibles : " + ", ".join(map(str, choices))
        more = (
            " (voir la liste proposée par l'éditeur ou CONTRIBUTING.md)" if not suggestion and len(choices) > 10 else ""
        )
        return [(path, f"valeur « {_describe(value)} » inconnue{suggestion}{listed}{more}")]
    if kind == "type":
        expected = error.validator_value
        if value is None:
            return [(path, f"valeur vide : écrivez {_TYPES.get(expected, expected)} ou retirez la ligne")]
        if expected == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return [
                (
                    path,
                    f'« {value} » est lu comme un nombre : écrivez-le entre guillemets, "{value}"'
                    + (f" ({hint})" if hint else ""),
                )
            ]
        if expected == "array" and not isinstance(value, (list, dict)):
            return [(path, f"une liste est attendue : écrivez [{_describe(value)}] ou une ligne « - » par élément")]
        if expected == "string" and isinstance(value, dict) and len(value) == 1:
            before, after = next(iter(value.items()))
            return [
                (
                    path,
                    f"le texte contient « : » suivi d'une espace (après « {_describe(before)} »), et YAML l'a lu "
                    f'comme un champ : mettez tout le texte entre guillemets, "{_describe(before)} : '
                    f'{_describe(after)}"',
                )
            ]
        if expected == "boolean" and isinstance(value, str):
            return [(path, f"« {_describe(value)} » : écrivez true (oui) ou false (non), sans guillemets")]
        return [
            (
                path,
                f"{_TYPES.get(expected, expected)} est attendu, pas « {_describe(value)} »"
                + (f" ; {hint}" if hint else ""),
            )
        ]
    if kind in ("pattern", "format"):
        if schema.get("x-texte-simple"):
            hint = (
                "écrivez ce texte sur une seule ligne"
                if "\n" in str(value).rstrip("\n")
                else "ne commencez pas le texte par =, + ou @ (un tableur le prendrait pour une formule)"
            )
        return [(path, f"valeur « {_describe(value)} » mal écrite : {hint or 'format incorrect'}")]
    if kind == "minLength":
        return [(path, "texte vide : écrivez le texte ou retirez la ligne")]
    if kind == "maxLength":
        return [(path, f"texte trop long ({len(value)} caractères, au plus {error.validator_value})")]
    if kind == "minItems":
        return [(path, "liste vide : ajoutez au moins un élément")]
    if kind == "uniqueItems":
        seen, duplicate = set(), None
        for item in value:
            key = repr(item)
            if key in seen:
                duplicate = item
                break
            seen.add(key)
        return [(path, f"« {_describe(duplicate)} » est écrit deux fois dans la liste : gardez-en un seul")]
    if kind in ("minimum", "exclusiveMinimum"):
        return [(path, f"{value} est trop petit (au moins {error.validator_value})" + (f" ; {hint}" if hint else ""))]
    if kind in ("maximum", "exclusiveMaximum"):
        return [(path, f"{value} est trop grand (au plus {error.validator_value})" + (f" ; {hint}" if hint else ""))]
    return [(path, f"valeur incorrecte ({error.message})")]


def schema_problems(document: Document, schema_name: str) -> list[Problem]:
    if fast_validator(schema_name).is_valid(document.data):
        return []
    found = [pair for error in validator(schema_name).iter_errors(document.data) for pair in _message(error)]
    problems = []
    for path, message in _without_misspelt_required(found):
        problems.append(document.problem(path, sentence(f"{field_path(path, document.data)} : {message}")))
    if not problems:  # the two validators disagree: never let the file pass unexplained
        problems.append(
            document.problem((), "le fichier ne suit pas son modèle : comparez-le avec un exemple de CONTRIBUTING.md.")
        )
    return sorted(set(problems))


def _suggested(message: str) -> str:
    match = re.search(r"vouliez-vous dire « ([^»]+) »", message)
    return match[1] if match else ""


def _without_misspelt_required(found: list[tuple[FieldPath, str]]) -> list[tuple[FieldPath, str]]:
    """ "adress:" gives both "unknown field adress, did you mean adresse?" and "adresse is missing":
    one mistake, one message: the first says it all."""
    suggested = {
        (path[:-1], _suggested(message))
        for path, message in found
        if "champ inconnu" in message and "vouliez-vous dire" in message
    }
    return [
        (path, message)
        for path, message in found
        if not any(
            message.startswith(f"il manque le champ obligatoire « {name} »") and path == parent
            for parent, name in suggested
        )
    ]
