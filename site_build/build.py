"""Atomic builds: MkDocs writes into a temporary folder that replaces the site only on success."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .pipeline import validated

PROFILE_VARIABLE = "SITE_BUILD_PROFILE"


def mkdocs_config(config_file: Path, site_dir: Path | None = None):
    from mkdocs.config import load_config

    options = {"site_dir": str(site_dir)} if site_dir else {}
    return load_config(config_file=str(config_file), **options)


def build_site(config_file: Path, profile: str, site_dir: Path, data_dir: Path) -> Path:
    """Validate, build into a temporary sibling folder, then swap it in. Raises on any failure
    (DataError for bad data) and leaves an existing site_dir untouched."""
    from mkdocs.commands.build import build

    validated(data_dir)  # raises DataError before anything is written
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    previous_profile = os.environ.get(PROFILE_VARIABLE)
    os.environ[PROFILE_VARIABLE] = profile
    try:
        build(mkdocs_config(config_file, temporary))
        _swap(temporary, site_dir)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    finally:
        if previous_profile is None:
            os.environ.pop(PROFILE_VARIABLE, None)
        else:
            os.environ[PROFILE_VARIABLE] = previous_profile
    return site_dir


def _swap(new: Path, target: Path):
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
    os.rename(new, target)
    if old:
        shutil.rmtree(old, ignore_errors=True)
