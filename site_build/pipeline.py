"""From validated data to everything a generator publishes: pages, their assets, the feeds' input.

The gate (site_build/gate.py) validates once per build and gives a `Validated`; `prepare()` turns
it into one language's `Prepared` pages for a profile. Nothing here is kept between calls: the
build (generator/build.py) holds what it prepared and hands it to the generator adapter.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path

from site_build import urls
from site_build.data.analytics.territory import territory_figures
from site_build.data.checks.problems import UsageError
from site_build.data.loading.dataset import Dataset
from site_build.data.loading.settings import SiteSettings
from site_build.data.loading.vocabularies import translated_labels
from site_build.data.model.labels import shown_labels
from site_build.data.model.profile import PUBLIC, Profile
from site_build.data.model.records import Records
from site_build.data.model.rights import question_texts
from site_build.families import PageInput, precache_groups, published
from site_build.feeds.feed_input import FeedInput
from site_build.gate import Validated
from site_build.i18n.catalogs import has_unreviewed
from site_build.i18n.current import gettext, speaking
from site_build.i18n.languages import DEFAULT
from site_build.i18n.languages import language as named
from site_build.i18n.messages import interface_messages
from site_build.i18n.pages import NO_PAGES, Pages
from site_build.pages.home import home_page
from site_build.pages.model import Page
from site_build.pages.render import keep_compiled_templates
from site_build.pwa.service_worker import MANIFEST_NAME, THEME_COLOUR, web_manifest
from site_build.text.colours import theme_colours


@dataclass
class Prepared:
    """One language's generated content for one profile: what the generator adapter is handed."""

    profile: Profile
    today: date
    dataset: Dataset  # the profile's view
    records: Records  # the same, typed (in the page's language)
    settings: SiteSettings
    pages: list[Page] = field(default_factory=list)
    precache: dict[str, int] = field(default_factory=dict)  # page file → service worker group
    assets: dict[str, bytes] = field(default_factory=dict)  # site path → content, given to the generator
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


def interface_strings(config_file: Path, everyday: Mapping[str, Mapping[str, str]] | None = None) -> set[str]:
    """Every French string of the site's interface: what each language's catalog translates.
    `everyday`: the labels of data/libelles.yaml, shown on the public site instead of the national ones."""
    return interface_messages(config_file) | translated_labels(everyday) | question_texts()


def prepare(
    validated: Validated,
    profile: Profile,
    settings: SiteSettings = SiteSettings(),
    language: str = DEFAULT,
    own_pages: Pages = NO_PAGES,
) -> Prepared:
    """One language's generated pages for a profile (the families of site_build/families.py).
    In another language than French: the translated families only; `own_pages` are the site paths
    that language has (links to others lead to French)."""
    view = profile.view(validated.dataset)
    keep_compiled_templates(view.cache_dir / "templates")
    records = Records.from_dataset(view)
    default = language == DEFAULT
    if not default:
        records = records.in_language(language)
    prepared = Prepared(profile, validated.today, view, records, settings)
    given = PageInput(view, records, profile, validated.today, settings)
    with speaking(language, own_pages), shown_labels(profile.labels(view)):
        made = {family: family.pages(given) for family in published(profile, default)}
        prepared.home = home_page(records, profile, validated.today, settings, view.content_dir)
        name = profile.app_name if default else gettext(profile.app_name)
        manifest = web_manifest(name, named(language), gettext, settings.colour or THEME_COLOUR, settings.short_name)
        prepared.assets[MANIFEST_NAME] = manifest
        if settings.colour:  # the guide's own colour, over the theme's green
            prepared.assets[urls.OWN_COLOURS] = theme_colours(settings.colour).encode("utf-8")
    prepared.pages = [page for pages in made.values() for page in pages]
    if not default and has_unreviewed(language):  # the pages' own words are still to be checked
        prepared.pages = [replace(page, reviewed=False) for page in prepared.pages]
    prepared.precache = precache_groups(made)
    return prepared


def feeds_input(validated: Validated, profile: Profile, settings: SiteSettings) -> FeedInput:
    """What the feeds worker needs: the profile's view, and the public one for the open data."""
    lean = validated.lean().dataset
    view = profile.view(lean)
    return FeedInput(view, view if not profile.is_pro else PUBLIC.view(lean), profile, validated.today, settings)
