"""Every published file that is not a page (iCalendar, directory JSON, vCards, the sizes of the
recipe photos, data package, data·inclusion, HSDS), and the data package's check: made in a child
process while the generator renders the pages, or in the build's own process once they are done.

On a two-core machine the child takes the feeds (a quarter of the build at 10,000 partners) and
the Frictionless check off the generator's path. But its start-up (a fresh interpreter importing
the data model and the feeds again, half a CPU-second) costs more than the feeds of a small
directory (a fifth of a second for the sample's 38 partners): the build chooses, as it does for
the languages (`generator/processes.py`). A plain subprocess, not multiprocessing: no resource tracker
or pool outlives the build. The child (`feeds/feed_files.py`) reads its input from a temporary
file, writes the files into a temporary folder, answers on stdout and exits; `finish()` waits,
raises PackageError when the data package is invalid, then moves the files into the site. This
module imports none of the feeds: a build whose child makes them does not pay for them.
"""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Protocol

from site_build.feeds.datapackage import raise_for
from site_build.feeds.feed_input import FeedInput
from site_build.feeds.parent_watch import child_command, child_environment

TIMEOUT_S = 600


class Feeds(Protocol):
    """The feeds of one build: `finish(site_dir)` before the site is published, `close()` always."""

    def finish(self, site_dir: Path) -> None: ...

    def close(self) -> None: ...


def start_feeds(given: FeedInput, in_child: bool) -> Feeds:
    """The feeds made in a child process from now on, or here when the site is finished."""
    return FeedsChild(given) if in_child else FeedsHere(given)


class FeedsHere:
    """The feeds made in the build's own process by `finish(site_dir)`, straight into the site."""

    def __init__(self, given: FeedInput):
        self._given = given

    def finish(self, site_dir: Path) -> None:
        from site_build.feeds.feed_files import write_feed_files  # only a build that makes them here pays

        raise_for(write_feed_files(self._given, site_dir))

    def close(self) -> None:
        pass  # nothing started, nothing left


class FeedsChild:
    """The child process making the feeds; `finish(site_dir)` before the site is published."""

    def __init__(self, given: FeedInput):
        self.folder = Path(tempfile.mkdtemp(prefix="site-build-flux-"))
        request = self.folder / "demande.pickle"
        request.write_bytes(pickle.dumps(given, protocol=pickle.HIGHEST_PROTOCOL))
        self._process = subprocess.Popen(
            child_command("site_build.feeds.feed_files", str(request), str(self.folder / "site")),
            stdin=subprocess.DEVNULL,
            env=child_environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def finish(self, site_dir: Path) -> None:
        """Wait for the child; PackageError if the data package is invalid; else the files join the site."""
        try:
            out, _ = self._process.communicate(timeout=TIMEOUT_S)
            raise_for(
                json.loads(out)
                if self._process.returncode == 0
                else ["la préparation des fichiers de données s'est arrêtée avant la fin"]
            )
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
