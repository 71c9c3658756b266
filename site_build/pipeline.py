"""From data folder to everything a generator publishes: pages, feeds, data package.

`prepare()` validates once and caches by file fingerprint, so the CLI's
pre-check and the MkDocs hooks share one load per build.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from site_build.data.dataset import Dataset
from site_build.data.labels import shown_labels
from site_build.data.problems import DataError, Problem, UsageError
from site_build.data.profile import Profile
from site_build.data.records import Records
from site_build.data.settings import SiteSettings
from site_build.data.territory import active_services, dashboard_tables, territory_figures
from site_build.data.validate import has_errors, validate
from site_build.data.vocabularies import translated_labels
from site_build.feeds.datapackage import TABLES
from site_build.feeds.interchange import HSDS_COLUMNS
from site_build.feeds.worker import FeedInput, FeedsBuild
from site_build.i18n.catalogs import has_unreviewed
from site_build.i18n.current import gettext, speaking
from site_build.i18n.languages import DEFAULT
from site_build.i18n.languages import language as named
from site_build.i18n.messages import interface_messages
from site_build.i18n.pages import NO_PAGES, Pages
from site_build.pages.dashboard import dashboard_page
from site_build.pages.directory import (
    FULL_LIST_LIMIT,
    directory_page,
    offline_partner_page,
    partner_page,
    professionals_page,
)
from site_build.pages.emergency import emergency_block, emergency_page
from site_build.pages.health import health_pages
from site_build.pages.home import home_page
from site_build.pages.liaison import form_of_service, form_page
from site_build.pages.model import Page
from site_build.pages.open_data import data_page
from site_build.pages.recipes import month_page, recipe_page, recipes_by_month, recipes_index
from site_build.pages.render import keep_compiled_templates
from site_build.pages.rights import rights_page
from site_build.pages.taste_week import taste_week_pages
from site_build.pages.verification import verification_page
from site_build.pwa.service_worker import MANIFEST_NAME, web_manifest


@dataclass
class Prepared:
    profile: Profile
    today: date
    dataset: Dataset  # the profile's view
    records: Records  # the same, typed
    problems: list[Problem]  # warnings only (errors raise)
    settings: SiteSettings
    pages: list[Page] = field(default_factory=list)
    assets: dict[str, bytes] = field(default_factory=dict)  # site path → content, given to the generator
    feeds: FeedsBuild | None = None  # the data files, made beside the generator: finish() before publishing
    home: Page = field(default_factory=lambda: Page("index.md", "", ""))  # content/index.md's marker → this

    @cached_property
    def html_by_uri(self) -> dict[str, Page]:
        return {page.src_uri: page for page in self.pages}

    @cached_property
    def figures(self) -> dict[str, int]:
        """What hand-written pages may quote as `{chiffre …}`."""
        return territory_figures(self.dataset, self.records, self.today)


def build_day() -> date:
    """The day pages are computed for; SITE_BUILD_TODAY=YYYY-MM-DD pins it (tests, reproducible builds)."""
    pinned = os.environ.get("SITE_BUILD_TODAY")
    if not pinned:
        return date.today()
    try:
        return date.fromisoformat(pinned)
    except ValueError:
        raise UsageError(
            f"SITE_BUILD_TODAY=« {pinned} » : écrivez une date AAAA-MM-JJ, par exemple 2026-11-26, "
            "ou retirez cette variable"
        ) from None


def partner_pages(
    records: Records, today: date, settings: SiteSettings, forms: dict[str, str] | None = None
) -> list[Page]:
    # A large directory has its own search (annuaire.json): partner pages would swell the site
    # search index past the offline budget (24 MB at 10,000 partners).
    searchable = len(records.partners) <= FULL_LIST_LIMIT
    return [replace(partner_page(p, records, today, settings, forms), searchable=searchable) for p in records.partners]


def all_pages(
    dataset: Dataset, records: Records, profile: Profile, today: date, settings: SiteSettings = SiteSettings()
) -> list[Page]:
    tables = [(name, title, description) for name, (title, description, *_rest) in TABLES.items()]
    pages = [
        directory_page(records, today, profile, emergency_block(records, today, "annuaire/", in_toc=False)),
        emergency_page(records, today),
        recipes_index(records, today, dataset.content_dir),
        data_page(records, settings, today, tables, list(HSDS_COLUMNS)),
        offline_partner_page(),
    ]
    pages += partner_pages(records, today, settings, form_of_service(records))
    pages += [recipe_page(r, dataset.content_dir, settings, records.partner_by_id) for r in records.recipes]
    pages += [month_page(m, rs) for m, rs in recipes_by_month(records).items()]
    pages += health_pages(records, today, settings)
    pages += taste_week_pages(records, today, settings)
    if records.rights:
        pages.append(rights_page(records))
    if profile.has_professionals_directory:
        pages.append(professionals_page(records))
    if profile.has_verification_page:
        pages.append(verification_page(dataset, today))
    if profile.has_dashboard:
        active = active_services(records)
        partners = len({partner.id for partner, _ in active})
        pages.append(dashboard_page(dashboard_tables(dataset, records, today), today, len(active), partners))
    if profile.has_liaison_forms:
        pages += [form_page(f, records) for f in records.forms]
    return pages


def interface_strings(config_file: Path) -> set[str]:
    """Every French string of the site's interface: what each language's catalog translates."""
    return interface_messages(config_file) | translated_labels()


def translated_pages(
    records: Records, profile: Profile, today: date, settings: SiteSettings, content_dir: Path
) -> list[Page]:
    """The generated pages of another language than French: TRANSLATED_SECTIONS and TRANSLATED_PAGES."""
    pages = [
        emergency_page(records, today),
        directory_page(records, today, profile, emergency_block(records, today, "annuaire/", in_toc=False)),
        offline_partner_page(),
        recipes_index(records, today, content_dir),
    ]
    pages += partner_pages(records, today, settings)
    pages += [recipe_page(r, content_dir, settings, records.partner_by_id) for r in records.recipes]
    pages += [month_page(m, rs) for m, rs in recipes_by_month(records).items()]
    return pages + health_pages(records, today, settings)


def _fingerprint(data_dir: Path) -> tuple[Any, ...]:
    return tuple(
        sorted(
            (str(p), p.stat().st_mtime_ns, p.stat().st_size)
            for p in data_dir.rglob("*")
            if p.suffix in (".yaml", ".yml", ".json")
        )
    )


def _validation_key(data_dir: Path, today: date, languages: tuple[str, ...] | None) -> tuple[Any, ...]:
    return (str(data_dir), today, languages, _fingerprint(data_dir))


_validated: dict[tuple[Any, ...], tuple[Dataset, list[Problem]]] = {}
_prepared: dict[tuple[Any, ...], Prepared] = {}


def validated(
    data_dir: Path, today: date | None = None, languages: tuple[str, ...] | None = None
) -> tuple[Dataset, list[Problem]]:
    """The whole dataset and its warnings, cached by file fingerprint; DataError when it has errors.
    The CLI's pre-check and the MkDocs hook share one validation per build. `languages`: the site's."""
    data_dir = Path(data_dir).resolve()
    today = today or build_day()
    key = _validation_key(data_dir, today, languages)
    if key not in _validated:
        dataset, problems = validate(data_dir, today, languages=languages)
        if has_errors(problems):
            raise DataError(problems)
        _validated.clear()
        _validated[key] = (dataset, problems)
    return _validated[key]


def remember_validated(
    data_dir: Path, today: date, languages: tuple[str, ...] | None, dataset: Dataset, problems: list[Problem]
) -> None:
    """The gate has validated this data (site_build.gate): the build's pages use that result."""
    data_dir = Path(data_dir).resolve()
    _validated.clear()
    _validated[_validation_key(data_dir, today, languages)] = (dataset, problems)


def close_checks() -> None:
    """Stop the feeds workers still running (a failed or interrupted build): no orphan process."""
    unfinished = [p.feeds for p in _prepared.values() if p.feeds and not p.feeds.finished]
    for feeds in unfinished:
        feeds.close()
    if unfinished:
        _prepared.clear()  # its worker was stopped: a later build prepares anew


# The generated sections every language of the site has (site paths), and its single generated
# pages; the others (the open data page, the pro site's pages) are French only.
TRANSLATED_SECTIONS = ("urgences/", "annuaire/", "recettes/", "sante/")
TRANSLATED_PAGES = ("hors-ligne/fiche.md",)


def prepare(
    data_dir: Path,
    profile: Profile,
    today: date | None = None,
    settings: SiteSettings = SiteSettings(),
    language: str = DEFAULT,
    own_pages: Pages = NO_PAGES,
) -> Prepared:
    """Validated data and generated content for one profile; DataError when the data has errors.
    In another language than French: its generated pages (TRANSLATED_PAGES), no data files;
    `own_pages` are the site paths that language has (links to others lead to French)."""
    data_dir = Path(data_dir).resolve()
    today = today or build_day()
    key = (str(data_dir), profile, today, _fingerprint(data_dir), settings, language)
    if key in _prepared:
        return _prepared[key]
    dataset, problems = validated(data_dir, today, settings.langues)
    keep_compiled_templates(dataset.cache_dir / "templates")
    published = profile.view(dataset)
    records = Records.from_dataset(published)
    if language != DEFAULT:
        translated = Prepared(profile, today, published, records.in_language(language), problems, settings)
        with speaking(language, own_pages), shown_labels(profile.labels(published)):
            translated.pages = translated_pages(translated.records, profile, today, settings, published.content_dir)
            if has_unreviewed(language):  # the pages' own words are still to be checked
                translated.pages = [replace(page, reviewed=False) for page in translated.pages]
            translated.home = home_page(translated.records, profile, today, settings, published.content_dir)
            translated.assets[MANIFEST_NAME] = web_manifest(gettext(profile.app_name), named(language), gettext)
        _prepared[key] = translated
        return translated
    prepared = Prepared(profile, today, published, records, problems, settings)
    with shown_labels(profile.labels(published)):
        prepared.pages = all_pages(published, records, profile, today, settings)
        prepared.home = home_page(records, profile, today, settings, published.content_dir)
    prepared.assets[MANIFEST_NAME] = web_manifest(profile.app_name)
    close_checks()
    prepared.feeds = FeedsBuild(FeedInput(dataset, profile, today, settings))
    _prepared.clear()
    _prepared[key] = prepared
    return prepared
