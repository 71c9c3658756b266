"""From data folder to everything a generator publishes: pages, feeds, data package.

`prepare()` validates once and caches by file fingerprint, so the CLI's
pre-check and the MkDocs hooks share one load per build.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime, timezone
from pathlib import Path

from .calendar_feed import epi_sante_calendar
from .datapackage import PackageCheck, package_files
from .dataset import Dataset
from .pages import Page, all_pages, home_section
from .problems import DataError, Problem
from .profiles import PROFILES, view
from .validate import has_errors, validate


@dataclass
class Prepared:
    profile: str
    today: date
    dataset: Dataset  # the profile's view
    problems: list[Problem]  # warnings only (errors raise)
    pages: list[Page] = field(default_factory=list)
    assets: dict[str, bytes] = field(default_factory=dict)  # site path → content
    package_check: PackageCheck | None = None  # confirm() before publishing

    @cached_property
    def html_by_uri(self) -> dict[str, Page]:
        return {page.src_uri: page for page in self.pages}

    def home(self) -> str:
        return home_section(self.dataset, self.today)


def build_day() -> date:
    """The day pages are computed for; SITE_BUILD_TODAY=YYYY-MM-DD pins it (tests, reproducible builds)."""
    pinned = os.environ.get("SITE_BUILD_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


def _fingerprint(data_dir: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in data_dir.rglob("*.y*ml")))


_cache: dict[tuple, Prepared] = {}


def prepare(data_dir: Path, profile: str, today: date | None = None) -> Prepared:
    """Validated data and generated content for one profile; DataError when the data has errors."""
    if profile not in PROFILES:
        raise ValueError(f"profil inconnu « {profile} » : public ou pro")
    data_dir = Path(data_dir).resolve()
    today = today or build_day()
    key = (str(data_dir), profile, today, _fingerprint(data_dir))
    if key in _cache:
        return _cache[key]
    dataset, problems = validate(data_dir, today)
    if has_errors(problems):
        raise DataError(problems)
    published = view(dataset, profile)
    prepared = Prepared(profile, today, published, problems)
    prepared.pages = all_pages(published, profile, today)
    stamp = datetime.combine(today, datetime.min.time(), tzinfo=timezone.utc)
    prepared.assets["sante/epi-sante.ics"] = epi_sante_calendar(published, stamp)
    public_tables = view(dataset, "public")  # open data is always the public view
    files = package_files(public_tables)
    prepared.assets.update({f"donnees/{name}": content for name, content in files.items()})
    prepared.package_check = PackageCheck(files)
    _cache.clear()
    _cache[key] = prepared
    return prepared
