"""The registry of page families: one line per kind of generated page.

A family says where its pages live (a section of `urls.py`), which function draws them, its main
template, and what the rest of the build does with them: which profile publishes them, whether
every language of the site has them, whether the site search indexes them and how eagerly the
service worker saves them for offline use. The pipeline, the navigation, the languages and the
service worker read this list; none of them names a section.

Adding a family: a module in pages/ with its builder, a template, and one line below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from site_build import urls
from site_build.data.analytics.territory import active_services, dashboard_tables
from site_build.data.loading.dataset import Dataset
from site_build.data.loading.settings import SiteSettings
from site_build.data.model.profile import Profile
from site_build.data.model.records import Records
from site_build.feeds.datapackage import TABLES
from site_build.feeds.interchange import HSDS_COLUMNS
from site_build.pages.dashboard import dashboard_page
from site_build.pages.directory import (
    FULL_LIST_LIMIT,
    directory_page,
    offline_partner_page,
    partner_page,
    professionals_page,
)
from site_build.pages.emergency import emergency_block, emergency_page, right_now_block
from site_build.pages.health import health_pages
from site_build.pages.liaison import form_of_service, form_page
from site_build.pages.model import Page
from site_build.pages.open_data import data_page
from site_build.pages.proposal import proposal_page
from site_build.pages.recipes import month_page, recipe_page, recipes_by_month, recipes_index
from site_build.pages.rights import rights_page
from site_build.pages.taste_week import taste_week_pages
from site_build.pages.verification import verification_page
from site_build.pwa.service_worker import ALWAYS, PAGES, PARTNERS


@dataclass(frozen=True)
class PageInput:
    """What every family's builder is given: one profile's view of the validated data, typed."""

    dataset: Dataset
    records: Records
    profile: Profile
    today: date
    settings: SiteSettings

    @property
    def content_dir(self) -> Path:
        return self.dataset.content_dir


@dataclass(frozen=True)
class Family:
    name: str  # the code's name for it (README's glossary)
    section: str  # its site path, from urls.py
    build: Callable[[PageInput], list[Page]]
    template: str  # its main template, in pages/templates/
    pro_only: bool = False  # only the professionals' site publishes it
    translated: bool = False  # every language of the public site has it
    searchable: bool = True  # the site search indexes it
    precache: int = PAGES  # the service worker's group for its pages (pwa/service_worker.py)

    def pages(self, given: PageInput) -> list[Page]:
        made = self.build(given)
        return made if self.searchable else [replace(page, searchable=False) for page in made]


def _directory(given: PageInput) -> list[Page]:
    block = emergency_block(given.records, given.today, urls.DIRECTORY, in_toc=False)
    right_now = right_now_block(given.records, urls.DIRECTORY)
    return [directory_page(given.records, given.today, given.profile, block, right_now)]


def _partners(given: PageInput) -> list[Page]:
    # A large directory has its own search (annuaire.json): partner pages would swell the site
    # search index past the offline budget (24 MB at 10,000 partners).
    searchable = len(given.records.partners) <= FULL_LIST_LIMIT
    forms = form_of_service(given.records)
    return [
        replace(partner_page(p, given.records, given.today, given.settings, forms), searchable=searchable)
        for p in given.records.partners
    ]


def _recipes(given: PageInput) -> list[Page]:
    records, content = given.records, given.content_dir
    if not records.recipes:  # no recipe yet: no recipe pages, no menu entry (features follow the data)
        return []
    pages = [recipes_index(records, given.today, content)]
    pages += [recipe_page(r, content, given.settings, records.partner_by_id) for r in records.recipes]
    return pages + [month_page(month, recipes) for month, recipes in recipes_by_month(records).items()]


def _open_data(given: PageInput) -> list[Page]:
    tables = [(name, title, description) for name, (title, description, *_rest) in TABLES.items()]
    return [data_page(given.records, given.settings, given.today, tables, list(HSDS_COLUMNS))]


def _rights(given: PageInput) -> list[Page]:
    return [rights_page(given.records)] if given.records.rights else []


def _dashboard(given: PageInput) -> list[Page]:
    active = active_services(given.records)
    partners = len({partner.id for partner, _ in active})
    tables = dashboard_tables(given.dataset, given.records, given.today)
    return [dashboard_page(tables, given.today, len(active), partners)]


def _emergency(given: PageInput) -> list[Page]:
    return [emergency_page(given.records, given.today)]


def _offline_card(given: PageInput) -> list[Page]:
    return [offline_partner_page()]


def _health(given: PageInput) -> list[Page]:
    return health_pages(given.records, given.today, given.settings) if given.records.interventions else []


def _taste_week(given: PageInput) -> list[Page]:
    return taste_week_pages(given.records, given.today, given.settings)


def _professionals(given: PageInput) -> list[Page]:
    return [professionals_page(given.records)] if given.records.professionals else []


def _verification(given: PageInput) -> list[Page]:
    return [verification_page(given.dataset, given.today)]


def _proposal(given: PageInput) -> list[Page]:
    return [proposal_page(given.records, given.settings)]


def _liaison(given: PageInput) -> list[Page]:
    return [form_page(form, given.records) for form in given.records.forms]


# One line per family. Order: the order of their pages in the build.
FAMILIES = (
    Family("directory", urls.DIRECTORY, _directory, "directory.html", translated=True, precache=ALWAYS),
    Family("emergency", urls.EMERGENCY, _emergency, "emergency.html", translated=True),
    Family("recipes", urls.RECIPES, _recipes, "recipe.html", translated=True),
    Family("open_data", urls.OPEN_DATA, _open_data, "open_data.html", translated=True),
    Family("offline_card", urls.OFFLINE_CARD, _offline_card, "offline_partner.html", translated=True, precache=ALWAYS),
    Family("partner", urls.DIRECTORY, _partners, "partner.html", translated=True, precache=PARTNERS),
    Family("health", urls.HEALTH, _health, "health.html", translated=True),
    Family("taste_week", urls.TASTE_WEEK, _taste_week, "taste_week.html", translated=True),
    Family("rights", urls.RIGHTS, _rights, "rights.html", translated=True),
    # Offline too: a proposal is written where the entry was read, and waits on the device.
    Family("proposal", urls.PROPOSE, _proposal, "proposal.html", translated=True, searchable=False, precache=ALWAYS),
    Family("professionals", urls.PROFESSIONALS, _professionals, "professionals.html", pro_only=True),
    Family("verification", urls.VERIFICATION, _verification, "verification.html", pro_only=True),
    Family("dashboard", urls.DASHBOARD, _dashboard, "dashboard.html", pro_only=True),
    Family("liaison", urls.LIAISON, _liaison, "liaison.html", pro_only=True),
)


def published(profile: Profile, language_is_default: bool = True) -> tuple[Family, ...]:
    """The families a profile's site has, in one language (another language: the translated ones)."""
    return tuple(
        family
        for family in FAMILIES
        if (profile.is_pro or not family.pro_only) and (language_is_default or family.translated)
    )


def publishes_path(profile: Profile, path: str) -> bool:
    """Whether a page of the site (its source path, or a site path) belongs in this profile's site."""
    pro_only = tuple(family.section for family in FAMILIES if family.pro_only)
    return profile.is_pro or not path.startswith(pro_only)


def translated_sections() -> tuple[str, ...]:
    """The sections every language has (a section's single page, such as the offline card, too)."""
    return tuple(dict.fromkeys(family.section for family in FAMILIES if family.translated))


def precache_groups(pages_by_family: dict[Family, list[Page]]) -> dict[str, int]:
    """Site file of each generated page → its service worker group."""
    return {
        urls.html_file(page.site_path): family.precache for family, pages in pages_by_family.items() for page in pages
    }
