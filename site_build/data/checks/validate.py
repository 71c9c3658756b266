"""Validation entry point: load, check the schemas, then the cross-record rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from site_build.data.checks.cross_checks import cross_problems
from site_build.data.checks.problems import Problem
from site_build.data.loading.dataset import Dataset, display_path, load_dataset


def validate(
    data_dir: Path, today: date | None = None, strict: bool = False, languages: tuple[str, ...] | None = None
) -> tuple[Dataset, list[Problem]]:
    """Every problem in the data, sorted by file and line. Never raises on bad data. `languages`: the
    site's (mkdocs.yml), for the translations in the data; None when unknown."""
    dataset, problems = load_dataset(Path(data_dir))
    partners_ok = not partners_refused(data_dir, problems)
    problems += cross_problems(dataset, today or date.today(), strict, languages, partners_ok)
    return dataset, sorted(set(problems))


def partners_refused(data_dir: Path, problems: list[Problem]) -> bool:
    """partners.yaml could not be read or its schema refused it: a reference into it cannot be
    judged, and reporting each one would bury the partners' own mistake under its consequences."""
    partners_file = display_path(Path(data_dir) / "partners.yaml")
    return any(p.file == partners_file and not p.warning for p in problems)


def has_errors(problems: list[Problem]) -> bool:
    return any(not p.warning for p in problems)
