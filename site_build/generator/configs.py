"""The generator's configuration: mkdocs.yml loaded by MkDocs, and set for one language's build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from site_build.i18n.languages import Language, theme_language


class GeneratorConfigError(Exception):
    """mkdocs.yml cannot be loaded (MkDocs has logged why)."""


def mkdocs_config(config_file: Path, site_url: str | None = None) -> Any:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    options = {"site_url": site_url} if site_url else {}
    try:
        return load_config(config_file=str(config_file), **options)
    except (Abort, ConfigurationError, OSError, ValueError) as error:  # YAML errors are ValueErrors there
        raise GeneratorConfigError(str(error)) from None


def language_config(config: Any, language: Language, site_root: Path) -> None:
    """One language's build: its folder in the site, its address, the theme's language (its
    labels, writing direction and search stemmer follow)."""
    config["site_dir"] = str(site_root / language.folder)
    if config["site_url"] and language.folder:
        config["site_url"] = config["site_url"].rstrip("/") + "/" + language.folder
    config["theme"]["language"] = theme_language(language.code) or language.code
