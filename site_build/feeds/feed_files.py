"""Every feed file of a build, made in the child process `feeds/worker.py` starts or in the build's own."""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

from site_build import urls
from site_build.data.analytics.territory import dashboard_tables
from site_build.data.checks.passed_checks import PassedChecks
from site_build.data.loading.dataset import Dataset
from site_build.data.loading.settings import PARTNER_VCARD, SiteSettings
from site_build.data.media.photos import variants
from site_build.data.model.labels import shown_labels
from site_build.data.model.profile import Profile
from site_build.data.model.records import Records
from site_build.feeds.dashboard_csv import dashboard_files
from site_build.feeds.datapackage import package_errors, package_files
from site_build.feeds.directory_json import directory_json
from site_build.feeds.feed_input import FeedInput
from site_build.feeds.icalendar import epi_sante_calendar, intervention_files, read_state
from site_build.feeds.interchange import data_inclusion_files, hsds_files
from site_build.feeds.taste_week_calendar import edition_calendars
from site_build.feeds.vcard import partner_vcard, person_vcard


def contact_cards(records: Records, profile: Profile, settings: SiteSettings) -> dict[str, bytes]:
    """vCards: one per partner and, where there is a professionals' directory, one per person."""
    cards = {
        urls.partner(p.id) + PARTNER_VCARD: partner_vcard(p, settings.page_url(urls.partner(p.id)))
        for p in records.partners
    }
    for person in records.professionals if profile.has_professionals_directory else ():
        cards[urls.professional_card(person.id)] = person_vcard(person, records.partner_by_id.get(person.partenaire))
    return cards


def recipe_photos(dataset: Dataset, records: Records) -> dict[str, bytes]:
    """Every size of every recipe photo; resized once, then taken from .cache/ (not committed)."""
    content = dataset.content_dir.resolve()
    files: dict[str, bytes] = {}
    for recipe in records.recipes:
        if recipe.image:
            files.update(variants(content, recipe.image.src, dataset.cache_dir / "images"))
    return files


def feed_files(given: FeedInput) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """(every file by site path, the data package's files by name for the Frictionless check)."""
    view, public = given.view, given.public
    records = Records.from_dataset(view)
    files: dict[str, bytes] = {}
    if records.interventions:  # no health dates: no calendar to subscribe to (features follow the data)
        files[urls.HEALTH_CALENDAR] = epi_sante_calendar(view, given.today)
        files.update(intervention_files(view, given.today))
    files.update(recipe_photos(view, records))
    with shown_labels(given.profile.labels(view)):  # the filters' labels, as the pages show them
        languages = () if given.profile.is_pro else given.settings.langues or ()  # the pro site: French only
        files[urls.DIRECTORY_DATA] = directory_json(records, given.profile, given.today, languages)
    files.update(contact_cards(records, given.profile, given.settings))
    files.update(edition_calendars(records, read_state(view.data_dir), given.today))
    if given.profile.has_dashboard:
        files.update(dashboard_files(dashboard_tables(view, records, given.today)))
    public_records = records if public is view else Records.from_dataset(public)  # typed once
    package = package_files(
        public,
        today=given.today,
        licence=given.settings.licence,
        source=given.settings.site_url,
        records=public_records,
    )
    files.update({urls.OPEN_DATA + name: content for name, content in package.items()})
    files.update({f"{urls.OPEN_DATA}data-inclusion/{n}": c for n, c in data_inclusion_files(public_records).items()})
    files.update({f"{urls.OPEN_DATA}hsds/{name}": c for name, c in hsds_files(public_records).items()})
    return files, package


def write_feed_files(given: FeedInput, out: Path) -> list[str]:
    """Every feed file written into the folder `out`; the data package's problems ([] when valid)."""
    files, package = feed_files(given)
    for name, content in files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return package_errors(package, PassedChecks(given.view.cache_dir / "paquets-valides"))


if __name__ == "__main__":  # started by the build through feeds/parent_watch.py, which watches it
    request, out = Path(sys.argv[1]), Path(sys.argv[2])
    json.dump(write_feed_files(pickle.loads(request.read_bytes()), out), sys.stdout)
