"""The child process that makes every published file that is not a page (iCalendar, directory
JSON, vCards, the sizes of the recipe photos, data package, data·inclusion, HSDS) and checks the
data package while the generator renders the pages.

On a two-core machine this takes the feeds (a quarter of the build at 10,000 partners) and
the Frictionless check off the generator's path. A plain subprocess, not multiprocessing:
no resource tracker or pool outlives the build. The child (`feeds/feed_files.py`) reads its
input from a temporary file, writes the files into a temporary folder, answers on stdout and
exits; `finish()` waits, raises PackageError when the data package is invalid, then moves the
files into the site. This module imports none of the feeds: the generator's process does not
pay for them.
"""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from site_build.data.loading.dataset import Dataset
from site_build.data.loading.settings import SiteSettings
from site_build.data.model.profile import Profile
from site_build.feeds.datapackage import raise_for
from site_build.feeds.parent_watch import child_command, child_environment

TIMEOUT_S = 600


@dataclass(frozen=True)
class FeedInput:
    view: Dataset  # the profile's view of the validated data, without the loader's line maps
    public: Dataset  # the public view: the open data is always made from it (the same object for public)
    profile: Profile
    today: date
    settings: SiteSettings


class FeedsBuild:
    """The child process making the feeds; `finish(site_dir)` before the site is published."""

    def __init__(self, given: FeedInput):
        self.folder = Path(tempfile.mkdtemp(prefix="site-build-flux-"))
        request = self.folder / "demande.pickle"
        request.write_bytes(pickle.dumps(given, protocol=pickle.HIGHEST_PROTOCOL))
        self._result: list[str] | None = None
        self._process = subprocess.Popen(
            child_command("site_build.feeds.feed_files", str(request), str(self.folder / "site")),
            stdin=subprocess.DEVNULL,
            env=child_environment(),
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
        stop_child(self._process, self.folder)


def stop_child(process: subprocess.Popen[str] | subprocess.Popen[bytes], folder: Path) -> None:
    """A child of the build that may still run (the build failed): stopped, its pipes closed, its folder gone."""
    if process.poll() is None:
        process.kill()
    process.wait()
    for pipe in (process.stdout, process.stderr):
        if pipe and not pipe.closed:
            pipe.close()
    shutil.rmtree(folder, ignore_errors=True)
