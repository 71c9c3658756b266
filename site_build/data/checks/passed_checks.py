"""Checks that passed, remembered between builds by the digest of exactly what they checked.

Decoding every photo and running Frictionless on the data package cost a third of a build of
100 partners, yet their input rarely changes. A pass is kept in .cache/ (not committed) under a
digest of the checked bytes and of the rules; a failure is never kept, so it is found again and
reported with its message on every build.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def digest(*parts: bytes) -> str:
    """One key for several byte strings (each length-prefixed, so parts cannot run into each other)."""
    sha = hashlib.sha256()
    for part in parts:
        sha.update(len(part).to_bytes(8, "big"))
        sha.update(part)
    return sha.hexdigest()


class PassedChecks:
    """The passes of one kind of check, one empty file each in `folder`."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def passed(self, key: str) -> bool:
        return (self.folder / key).is_file()

    def remember(self, key: str) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / key).touch()
        except OSError:
            pass  # a cache only: a folder that cannot be written means checking again next time
