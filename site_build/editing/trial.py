"""A change to the data tried on a copy first: the copy is checked (or imported into) where nothing an
editor relies on can break, and only a change that passes replaces the real file, in one step."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from site_build.data.loading.dataset import content_dir_of


@contextmanager
def data_copy(data_dir: Path, purpose: str) -> Iterator[Path]:
    """A copy of the data folder, beside the same content/ (photos are checked where the copy expects
    them); removed afterwards. `purpose` names the temporary folder (site-build-<purpose>-…)."""
    with tempfile.TemporaryDirectory(prefix=f"site-build-{purpose}-") as folder:
        trial = Path(folder) / "data"
        shutil.copytree(data_dir, trial)
        if content_dir_of(data_dir).is_dir():
            content_dir_of(trial).symlink_to(content_dir_of(data_dir).resolve())
        yield trial


def replace_file(target: Path, content: str | bytes, purpose: str) -> None:
    """`target` now holds `content` (text in UTF-8, or bytes as they are), swapped in at once: an
    interrupted command leaves the old file."""
    staged = target.with_name(f".{target.name}.{purpose}")
    if isinstance(content, bytes):
        staged.write_bytes(content)
    else:
        staged.write_text(content, encoding="utf-8")
    staged.replace(target)
