"""Atomic builds: MkDocs writes into a temporary folder that replaces the site only on success."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from site_build.data.loading.settings import SiteSettings
from site_build.data.model.profile import Profile
from site_build.feeds.worker import start_feeds
from site_build.gate import checked, refuse_unreadable_config
from site_build.generator.configs import mkdocs_config
from site_build.generator.handover import build_language
from site_build.generator.language_child import LanguageChild, LanguageRequest
from site_build.generator.processes import worth_parallel
from site_build.i18n.languages import FRENCH, Language, LanguageSettingError, configured_languages
from site_build.i18n.pages import no_home_message, without_home
from site_build.pipeline import build_day, feeds_input

LOOPBACK_URL = re.compile(r"^https?://(localhost|127(\.[0-9]+){3}|\[::1\])(:[0-9]+)?(/|$)", re.IGNORECASE)


class PublicationError(Exception):
    """The configuration is fine for a preview, not for a site put online."""


def check_publication(site_url: str | None) -> None:
    """A published site must know its address: canonical links, JSON-LD and « Signaler une erreur » use it."""
    if not site_url or LOOPBACK_URL.match(site_url):
        raise PublicationError(
            f"l'adresse du site (site_url) est « {site_url or ''} », celle de l'aperçu sur cet ordinateur : "
            "pour publier, donnez l'adresse publique, par exemple "
            "site-build build --publication --site-url https://guide.example.org/"
        )


def site_languages(config: Any, profile: Profile, config_file: Path) -> tuple[Language, ...]:
    """The languages of the public site (French only for the professionals' build)."""
    if profile.is_pro:
        return (FRENCH,)
    languages = configured_languages(config["extra"] or {}, config_file)
    missing = without_home(languages, Path(config["docs_dir"]))
    if missing:
        raise LanguageSettingError(config_file.name, no_home_message(missing[0].code))
    return languages


def build_site(
    config_file: Path,
    profile: str,
    site_dir: Path,
    data_dir: Path,
    site_url: str | None = None,
    publication: bool = False,
    parallel: bool | None = None,
) -> Path:
    """Validate, build into a temporary sibling folder, then swap it in. Raises on any failure
    (DataError for bad data) and leaves an existing site_dir untouched. The languages are
    independent MkDocs builds: with `parallel` (by default, for a large directory on a machine with
    more than one core: generator/processes.py) the other languages and the feeds are made in child
    processes while French builds here."""
    refuse_unreadable_config(Path(config_file))  # in French, at its line, before MkDocs reads it
    config = mkdocs_config(config_file, site_url)
    if publication:
        check_publication(config["site_url"])
    chosen = Profile(profile)
    languages = site_languages(config, chosen, Path(config_file))
    validated = checked(Path(config_file), data_dir, build_day())  # the one gate, before anything is written
    settings = SiteSettings.from_mkdocs(config)
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned_folders(site_dir)
    temporary = _temporary_folder(site_dir)
    data = Path(data_dir).resolve()
    others = [language for language in languages if not language.is_default]
    if parallel is None:
        parallel = worth_parallel(len(validated.dataset.partners))
    children: list[LanguageChild] = []
    feeds = start_feeds(feeds_input(validated, chosen, settings), in_child=parallel)
    try:
        if parallel:
            request = LanguageRequest(Path(config_file), site_url, chosen, data, validated.lean(), languages)
            given = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)  # once for every child
            children = [LanguageChild(given, other, _temporary_folder(site_dir)) for other in others]
        # French first: MkDocs empties its site folder, and the other languages are folders inside it
        for language in [FRENCH] if children else languages:
            if not language.is_default:
                config = mkdocs_config(config_file, site_url)
            french_feeds = feeds if language.is_default else None
            build_language(config, validated, chosen, settings, language, languages, temporary, data, french_feeds)
        for child in children:
            child.finish(temporary, settings.budget_mo)
        _swap(temporary, site_dir)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    finally:
        feeds.close()
        for child in children:
            child.close()
    return site_dir


def _temporary_folder(site_dir: Path) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-{os.getpid()}-", dir=site_dir.parent))
    os.chmod(folder, 0o777 & ~_umask())  # mkdtemp makes 0700: a web server could not read the site
    return folder


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_LEFTOVER = re.compile(r"^\.(?P<site>.+)-(build|old)-(?P<pid>[0-9]+)-[^/]+$")


def remove_abandoned_folders(site_dir: Path) -> None:
    """Temporary folders left beside the site by a build that was killed (its process is gone)."""
    for sibling in site_dir.parent.glob(f".{site_dir.name}-*-*"):
        match = _LEFTOVER.match(sibling.name)
        if match and match["site"] == site_dir.name and sibling.is_dir() and not _alive(int(match["pid"])):
            shutil.rmtree(sibling, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a folder of ours from an earlier build in this process was abandoned too
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _swap(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-{os.getpid()}-", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
    os.rename(new, target)
    if old:
        shutil.rmtree(old, ignore_errors=True)
