"""Every published file that is not a page (iCalendar, directory JSON, vCards, the sizes of the
recipe photos, data package, data·inclusion, HSDS), made and checked in a child process while
the generator renders the pages.

On a two-core machine this takes the feeds (a quarter of the build at 10,000 partners) and
the Frictionless check off the generator's path. A plain subprocess, not multiprocessing:
no resource tracker or pool outlives the build. The child reads its input from a temporary
file, writes the files into a temporary folder, answers on stdout and exits; `finish()`
waits, raises PackageError when the data package is invalid, then moves the files into
the site.
"""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from site_build.data.dataset import Dataset
from site_build.data.photos import variants
from site_build.data.profile import PUBLIC, Profile
from site_build.data.records import Records
from site_build.data.settings import PARTNER_VCARD, SiteSettings
from site_build.feeds.datapackage import package_errors, package_files, raise_for
from site_build.feeds.directory_json import directory_json
from site_build.feeds.icalendar import epi_sante_calendar, intervention_files
from site_build.feeds.interchange import data_inclusion_files, hsds_files
from site_build.feeds.vcard import partner_vcard, person_vcard

TIMEOUT_S = 600


@dataclass(frozen=True)
class FeedInput:
    dataset: Dataset  # the full validated data (the open data is always its public view)
    profile: Profile
    today: date
    settings: SiteSettings


def contact_cards(records: Records, profile: Profile, settings: SiteSettings) -> dict[str, bytes]:
    """vCards: one per partner and, where there is a professionals' directory, one per person."""
    cards = {
        f"annuaire/{p.id}/{PARTNER_VCARD}": partner_vcard(p, settings.page_url(f"annuaire/{p.id}/"))
        for p in records.partners
    }
    for person in records.professionals if profile.has_professionals_directory else ():
        cards[f"professionnels/{person.id}.vcf"] = person_vcard(person, records.partner_by_id.get(person.partenaire))
    return cards


def recipe_photos(dataset: Dataset) -> dict[str, bytes]:
    """Every size of every recipe photo; resized once, then taken from .cache/ (not committed)."""
    content = dataset.content_dir.resolve()
    files: dict[str, bytes] = {}
    for recipe in dataset.recipes.values():
        if recipe.get("image"):
            files.update(variants(content, recipe["image"]["src"], dataset.cache_dir / "images"))
    return files


def feed_files(given: FeedInput) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """(every file by site path, the data package's files by name for the Frictionless check)."""
    view = given.profile.view(given.dataset)
    public = PUBLIC.view(given.dataset)
    files: dict[str, bytes] = {"sante/epi-sante.ics": epi_sante_calendar(view, given.today)}
    files.update(intervention_files(view, given.today))
    files.update(recipe_photos(view))
    records = Records.from_dataset(view)
    files["annuaire/annuaire.json"] = directory_json(records, given.profile, given.today)
    files.update(contact_cards(records, given.profile, given.settings))
    package = package_files(public, today=given.today, licence=given.settings.licence, source=given.settings.site_url)
    files.update({f"donnees/{name}": content for name, content in package.items()})
    files.update({f"donnees/data-inclusion/{name}": c for name, c in data_inclusion_files(public).items()})
    files.update({f"donnees/hsds/{name}": c for name, c in hsds_files(public).items()})
    return files, package


def _lean(dataset: Dataset) -> Dataset:
    """The records without the loader's documents (line maps): what the feeds read, cheaper to send."""
    return Dataset(
        dataset.data_dir,
        dataset.partners,
        dataset.professionals,
        dataset.interventions,
        dataset.recipes,
        dataset.forms,
    )


class FeedsBuild:
    """The child process making the feeds; `finish(site_dir)` before the site is published."""

    def __init__(self, given: FeedInput):
        self.folder = Path(tempfile.mkdtemp(prefix="site-build-flux-"))
        request = self.folder / "demande.pickle"
        lean = FeedInput(_lean(given.dataset), given.profile, given.today, given.settings)
        request.write_bytes(pickle.dumps(lean, protocol=pickle.HIGHEST_PROTOCOL))
        self._result: list[str] | None = None
        self._process = subprocess.Popen(
            [sys.executable, "-m", "site_build.feeds.worker", str(request), str(self.folder / "site")],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    @property
    def finished(self) -> bool:
        return self._result is not None

    def finish(self, site_dir: Path) -> None:
        """Wait for the child; PackageError if the data package is invalid; else the files join the site."""
        try:
            out, _ = self._process.communicate(timeout=TIMEOUT_S)
            self._result = (
                json.loads(out)
                if self._process.returncode == 0
                else ["la préparation des fichiers de données s'est arrêtée avant la fin"]
            )
            raise_for(self._result)
            made = self.folder / "site"
            for path in sorted(made.rglob("*")):
                if path.is_file():
                    target = site_dir / path.relative_to(made)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.move(path, target)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the child if it still runs (a failed build) and remove its folder."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        if self._process.stdout and not self._process.stdout.closed:
            self._process.stdout.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _child(request: Path, out: Path) -> list[str]:
    given: FeedInput = pickle.loads(request.read_bytes())
    files, package = feed_files(given)
    for name, content in files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return package_errors(package)


if __name__ == "__main__":
    json.dump(_child(Path(sys.argv[1]), Path(sys.argv[2])), sys.stdout)
