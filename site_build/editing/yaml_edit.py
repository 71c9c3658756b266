"""A change written into a data file as text: only the lines of the changed value differ, so every
comment, blank line, quoting style, layout and key order of the file stays (a YAML round trip,
even ruamel.yaml's, rewrites this project's multi-line flow mappings and mixed indents).

The value's place comes from the YAML parser's marks; the new value is written in the style of the
old one (quotes, literal block `|`, flow `[…]`/`{…}` or block list); the result is read again and
must hold exactly the old data with that one change, or nothing is written (EditError).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

from site_build.data.loading.yaml_loader import LoadError, load_text

Key = str | int
_WIDE = 10**6
_REMOVED = object()  # never fold a line: the editor's lines stay as they are written


class EditError(Exception):
    """The change cannot be written without touching more than its value (said in French)."""


def _compose(text: str) -> yaml.Node | None:
    """The text's YAML nodes and their marks, from libyaml: the same marks as PyYAML's own parser, a
    dozen times faster, except that libyaml does not count a byte order mark."""
    return yaml.compose(text, Loader=yaml.SafeLoader if text.startswith("\ufeff") else yaml.CSafeLoader)


def set_value(text: str, path: Sequence[Key], value: Any) -> str:
    """`text` with the value at `path` (keys and list indexes) replaced by `value`, or added as the
    last key of its mapping when it is not there."""
    if not path:
        raise EditError("le chemin du champ à modifier est vide")
    root = _compose(text)
    if root is None:
        raise EditError("le fichier est vide")
    parent = _node_at(root, path[:-1])
    key = path[-1]
    if not isinstance(parent, (yaml.SequenceNode, yaml.MappingNode)):
        raise EditError(f"« {path[-2] if len(path) > 1 else path[0]} » n'est ni une liste ni un bloc de champs")
    found = _child(parent, key)
    if found is not None:
        value = _as_written(text, found, value)
        changed = _replace(text, found, value)
    elif isinstance(parent, yaml.MappingNode):
        changed = _append(text, parent, str(key), value)
    else:
        raise EditError(f"l'élément {key} de la liste n'existe pas")
    _check(text, changed, path, value)
    return changed


def remove_value(text: str, path: Sequence[Key]) -> str:
    """`text` without the field at `path` (its lines, or its place between braces); unchanged when absent."""
    root = _compose(text)
    parent = _node_at(root, path[:-1]) if root is not None else None
    if not isinstance(parent, yaml.MappingNode):
        return text
    pair = next(((k, v) for k, v in parent.value if k.value == path[-1]), None)
    if pair is None:
        return text
    key, value = pair
    start, end = key.start_mark.index, _end(text, value)
    if parent.flow_style:
        after = re.match(r"\s*,\s*", text[end:])
        before = re.search(r",\s*$", text[:start])
        if after:
            end += after.end()
        elif before:
            start = before.start()
    else:
        start = text.rfind("\n", 0, start) + 1  # the whole lines of the field, and its comment
        line_end = text.find("\n", end - 1 if text[end - 1 : end] == "\n" else end)
        end = len(text) if line_end == -1 else line_end + 1
        if len(parent.value) == 1:
            raise EditError(f"« {path[-1]} » est le seul champ de son bloc ; retirez le bloc à la main")
    changed = text[:start] + text[end:]
    _check(text, changed, path, _REMOVED)
    return changed


def _as_written(text: str, old: yaml.Node, value: Any) -> Any:
    """A text replacing a block of text ends with a line break, as the block's header `|` says:
    the header line stays."""
    header = text[old.start_mark.index : text.find("\n", old.start_mark.index)]
    clipped = isinstance(old, yaml.ScalarNode) and old.style == "|" and header.strip() == "|"
    if clipped and isinstance(value, str) and value and not value.endswith("\n"):
        return value + "\n"
    return value


def _child(node: yaml.Node, key: Key) -> yaml.Node | None:
    """The value at `key` of a block of fields or the item at `key` of a list, or None."""
    found: yaml.Node | None = None
    if isinstance(node, yaml.MappingNode):
        found = next((v for k, v in node.value if k.value == key), None)
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        found = node.value[key]
    return found


def _node_at(node: yaml.Node, path: Sequence[Key]) -> yaml.Node:
    for key in path:
        found = _child(node, key)
        if found is None:
            raise EditError(f"le champ « {key} » n'existe pas")
        node = found
    return node


def _replace(text: str, old: yaml.Node, value: Any) -> str:
    start, end = old.start_mark.index, _end(text, old)
    column = old.start_mark.column
    if isinstance(old, yaml.ScalarNode) and old.style in ("|", ">"):
        written = _literal(value, _line_indent(text, start) + 2) if _multiline(value) else _inline(value, None)
        return text[:start] + written + ("" if written.endswith("\n") else "\n") + text[end:]
    if getattr(old, "flow_style", False) or isinstance(old, yaml.ScalarNode):
        if _multiline(value):
            written = _literal(value, _line_indent(text, start) + 2)
            return text[:start] + written.rstrip("\n") + text[end:]
        style = old.style if isinstance(old, yaml.ScalarNode) and old.style in ("'", '"') else None
        return text[:start] + (_plain(value) if style is None else _inline(value, style)) + text[end:]
    # a block list or block of fields: written again at the same column
    return text[:start] + _block(value, column).strip() + text[end:]


def _append(text: str, mapping: yaml.MappingNode, key: str, value: Any) -> str:
    if mapping.flow_style:
        raise EditError(f"ajouter « {key} » dans un bloc écrit entre accolades n'est pas prévu ; écrivez-le à la main")
    if not mapping.value:
        raise EditError(f"le bloc où ajouter « {key} » est vide")
    column = mapping.value[0][0].start_mark.column
    last_end = _end(text, mapping.value[-1][1])
    line_end = text.find("\n", last_end - 1 if text[last_end - 1 : last_end] == "\n" else last_end)
    at = len(text) if line_end == -1 else line_end + 1
    if isinstance(value, (dict, list)) and value:
        written = f"{' ' * column}{key}:\n{_block(value, column + 2)}"
    elif _multiline(value):
        written = f"{' ' * column}{key}: {_literal(value, column + 2)}"
    else:
        written = f"{' ' * column}{key}: {_plain(value)}\n"
    prefix = "" if at == 0 or text[at - 1] == "\n" else "\n"
    return text[:at] + prefix + written + text[at:]


def _end(text: str, node: yaml.Node) -> int:
    """Where the value's own text ends: a block collection's end mark may lie after the comments and
    blank lines that follow it, which belong to the file, not to the value."""
    if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        return _end(text, last[1] if isinstance(last, tuple) else last)
    end = node.end_mark.index
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        while end > node.start_mark.index and text[end - 1] == "\n" and text[end - 2 : end - 1] == "\n":
            end -= 1  # the blank lines after a block of text stay where they are
    return end


def _line_indent(text: str, index: int) -> int:
    line_start = text.rfind("\n", 0, index) + 1
    line = text[line_start:index]
    return len(line) - len(line.lstrip(" "))


def _inline(value: Any, style: str | None) -> str:
    dumped = yaml.safe_dump(
        value, default_style=style, default_flow_style=True, width=_WIDE, allow_unicode=True, sort_keys=False
    )
    return dumped.removesuffix("\n...\n").rstrip("\n")


def _plain(value: Any) -> str:
    """The value as the editors write it: unquoted when this project's loader (YAML 1.2: a date is
    text) reads it back the same, as the dumper (YAML 1.1) would quote 2026-12-06."""
    if isinstance(value, str) and value == value.strip() and value and "#" not in value and ": " not in value:
        try:
            if load_text(f"x: {value}\n".encode(), "valeur").data == {"x": value}:
                return value
        except LoadError:
            pass
    return _inline(value, None)


def _literal(value: str, indent: int) -> str:
    chomp = "" if value.endswith("\n") else "-"
    lines = value.rstrip("\n").split("\n")
    return f"|{chomp}\n" + "".join(f"{' ' * indent}{line}\n" if line else "\n" for line in lines)


def _multiline(value: Any) -> bool:
    return isinstance(value, str) and "\n" in value


def _block(value: Any, column: int) -> str:
    dumped = yaml.safe_dump(value, default_flow_style=False, width=_WIDE, allow_unicode=True, sort_keys=False, indent=2)
    return "".join(f"{' ' * column}{line}\n" for line in dumped.splitlines())


def _check(before: str, after: str, path: Sequence[Key], value: Any) -> None:
    """The file read again holds the old data with this one change, or the change is refused."""
    try:
        expected = load_text(before.encode("utf-8"), "avant").data
        changed = load_text(after.encode("utf-8"), "après").data
    except LoadError as error:
        raise EditError(f"le fichier modifié ne se lit plus : {error}") from None
    target: Any = expected
    for key in path[:-1]:
        target = target[key]
    if value is _REMOVED:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    if changed != expected:
        raise EditError("la modification toucherait d'autres valeurs du fichier ; faites-la à la main")
