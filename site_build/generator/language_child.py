"""Another language's MkDocs build in a child process, while French builds in the parent.

The languages are independent builds: at 10,000 partners each one renders as many pages as
French. The child is handed the gate's verdict (no second validation), prepares its language's
pages and builds them into a folder of its own; `finish()` moves that folder into the French site
and, now that the French site has them, adds the files both share and the language's service
worker. A plain subprocess, as for the feeds: no pool outlives the build.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from site_build.data.loading.settings import SiteSettings
from site_build.data.model.profile import Profile
from site_build.feeds.parent_watch import child_command, child_environment
from site_build.feeds.worker import stop_child
from site_build.gate import Validated
from site_build.generator.configs import mkdocs_config
from site_build.generator.handover import build_language
from site_build.generator.languages import copy_shared_files
from site_build.i18n.languages import Language
from site_build.pwa.service_worker import write_service_worker

TIMEOUT_S = 1800
_REQUEST, _PRECACHE = "demande.pickle", "precache.json"


class LanguageBuildError(Exception):
    """A language's child build failed (what it printed is the reason)."""


@dataclass(frozen=True)
class LanguageRequest:
    """What every language's child needs: the same for all of them."""

    config_file: Path
    site_url: str | None
    profile: Profile
    data_dir: Path
    validated: Validated
    languages: tuple[Language, ...]


class LanguageChild:
    """One language building in a child process into `folder`; finish() before the swap."""

    def __init__(self, request: bytes, language: Language, folder: Path):
        """`request`: the pickled LanguageRequest, the same for every language."""
        self.language, self.folder = language, folder
        (folder / _REQUEST).write_bytes(request)
        self._process = subprocess.Popen(
            child_command("site_build.generator.language_child", str(folder), language.code),
            stdin=subprocess.DEVNULL,
            env=child_environment(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def finish(self, french_root: Path, budget_mb: float) -> None:
        """Wait for the child; its language's folder joins the French site with its shared files
        and service worker. LanguageBuildError when the child failed."""
        _, printed = self._process.communicate(timeout=TIMEOUT_S)
        sys.stderr.write(printed)  # MkDocs's messages, as a build in this process prints them
        if self._process.returncode != 0:
            last = printed.strip().splitlines()[-1:] or ["arrêtée sans message"]
            raise LanguageBuildError(f"la version « {self.language.code} » du site : {last[0]}")
        target = french_root / self.language.folder
        target.parent.mkdir(parents=True, exist_ok=True)
        (self.folder / self.language.folder).rename(target)
        copy_shared_files(french_root, target)
        precache = json.loads((self.folder / _PRECACHE).read_text(encoding="utf-8"))
        write_service_worker(target, budget_mb, precache)

    def close(self) -> None:
        """Stop the child if it still runs (a failed build) and remove its folder."""
        stop_child(self._process, self.folder)


def _build_language(folder: Path, code: str) -> None:
    request: LanguageRequest = pickle.loads((folder / _REQUEST).read_bytes())
    language = next(language for language in request.languages if language.code == code)
    config = mkdocs_config(request.config_file, request.site_url)
    settings = SiteSettings.from_mkdocs(config)  # the site's: each page adds its language's folder
    prepared = build_language(
        config,
        request.validated,
        request.profile,
        settings,
        language,
        request.languages,
        folder,
        request.data_dir,
        finish_offline_later=True,
    )
    (folder / _PRECACHE).write_text(json.dumps(prepared.precache), encoding="utf-8")


if __name__ == "__main__":  # started by the build through feeds/parent_watch.py, which watches it
    import logging

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    try:
        _build_language(Path(sys.argv[1]), sys.argv[2])
    except Exception as error:  # said in one line to the parent, which reports it in French
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
