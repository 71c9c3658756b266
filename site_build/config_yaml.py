"""mkdocs.yml read as plain values, by every stage that reads it as a file: its tags (`!ENV`,
`!!python/name:` that a Markdown extension's settings need) are read as None, never run. libyaml
reads it: the gate reads mkdocs.yml on every build and validate."""

from __future__ import annotations

from typing import Any

import yaml


class ConfigLoader(yaml.CSafeLoader):
    """libyaml's safe loader that reads any tag as None."""


ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_settings(text: str) -> Any:
    """The settings of a mkdocs.yml's text; yaml.YAMLError when it is not YAML."""
    return yaml.load(text, Loader=ConfigLoader)  # noqa: S506 (every tag is read as None)
