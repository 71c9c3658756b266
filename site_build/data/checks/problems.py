"""Problems found in data files, and how they are printed for editors and CI."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Where a value sits in a loaded document: keys and list indexes from the top, e.g. (3, "services", 0).
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    warning: bool = False

    def format(self) -> str:
        """One line: a line break or a control character quoted from the data is shown as « \\n »."""
        prefix = "attention : " if self.warning else ""
        return f"{self.file}:{self.line}:{self.column}: {prefix}{one_line(self.message)}"

    def github_annotation(self) -> str:
        kind = "warning" if self.warning else "error"
        # Workflow commands need %, CR and LF escaped in the message.
        text = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.file},line={self.line},col={self.column}::{text}"


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` with its line breaks and control characters written visibly (\\n, \\u2028…)."""
    return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def count_line(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if not p.warning)
    warnings = len(problems) - errors
    parts = []
    parts.append(f"{errors} erreur{'s' if errors > 1 else ''}")
    parts.append(f"{warnings} avertissement{'s' if warnings > 1 else ''}")
    return " et ".join(parts) + "."


class UsageError(ValueError):
    """The command was given something it cannot use (exit code 2); the message is French."""


class DataError(Exception):
    """Raised when data cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems


def sentence(text: str) -> str:
    """A message ends with one punctuation mark: "… ?" stays, anything else gets its full stop."""
    return text if text.endswith(("?", ".", "!")) else text + "."


def unreadable_file(error: OSError) -> str:
    """Why a file cannot be read, in French: the system's own words are English."""
    if isinstance(error, FileNotFoundError):
        return "fichier introuvable : vérifiez son nom et son dossier"
    if isinstance(error, IsADirectoryError):
        return "c'est un dossier, pas un fichier"
    if isinstance(error, PermissionError):
        return "fichier illisible : vous n'avez pas le droit de le lire"
    return f"fichier illisible (message du système : {error.strerror or error})"
