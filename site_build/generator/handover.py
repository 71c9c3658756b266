"""What `build_site` hands the MkDocs adapter (hooks/guide.py) for one language's build.

The build validates and prepares before MkDocs starts, then sets one `LanguageSite` in the
config it gives MkDocs; every hook event reads it back from that config. Nothing is kept in a
module between builds. A bare `mkdocs build` or `mkdocs serve` (no site-build) gets one
prepared here, from mkdocs.yml and the data folder beside it.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_build.data.loading.settings import SiteSettings
from site_build.data.model.profile import PUBLIC, Profile
from site_build.families import translated_sections
from site_build.feeds.worker import Feeds, start_feeds
from site_build.gate import Validated, checked
from site_build.generator.configs import language_config
from site_build.generator.languages import LanguageBuild
from site_build.generator.processes import worth_parallel
from site_build.i18n.languages import FRENCH, Language
from site_build.pipeline import Prepared, build_day, feeds_input, prepare

BUILD_KEY = "site_build"


@dataclass
class LanguageSite:
    """One language's MkDocs build: its prepared pages, its language settings, and the feeds
    worker when this build publishes the data files (the French one)."""

    profile: Profile
    language: LanguageBuild
    prepared: Prepared
    data_dir: Path
    feeds: Feeds | None = None
    finish_offline_later: bool = False  # built beside the French site: the caller adds the shared files

    @property
    def offline_budget_mb(self) -> float:
        return float(self.prepared.settings.budget_mo)

    def lay_out(self, meta: MutableMapping[str, Any], in_section: bool) -> None:
        """A public page reads like a public service, not like documentation: no side menu and no table
        of contents (the tabs, the need tiles and the phone's menu are the navigation). The professionals'
        site keeps both, except the side menu of a page in no section of the tabs: it would be an empty
        column (and, while the theme sizes it, a scrollable region with nothing to focus). Added to what
        a page hides itself (a wide page, the directory, hides its table of contents)."""
        hidden = ["navigation", "toc"] if not self.profile.is_pro else [] if in_section else ["navigation"]
        own = list(meta.get("hide") or [])
        if hidden:
            meta["hide"] = own + [part for part in hidden if part not in own]


def language_build(language: Language, languages: tuple[Language, ...], docs_dir: Path) -> LanguageBuild:
    return LanguageBuild(language, languages, docs_dir, translated_sections())


def build_language(
    config: Any,
    validated: Validated,
    profile: Profile,
    settings: SiteSettings,
    language: Language,
    languages: tuple[Language, ...],
    site_root: Path,
    data_dir: Path,
    feeds: Feeds | None = None,
    finish_offline_later: bool = False,
) -> Prepared:
    """One language's MkDocs build into its folder of `site_root`: its pages prepared, handed over,
    built. The same in the build's own process and in a language's child (language_child.py)."""
    from mkdocs.commands.build import build

    language_config(config, language, site_root)
    own = language_build(language, languages, Path(config["docs_dir"]))
    prepared = prepare(validated, profile, settings, language.code, own.own_pages)
    hand_over(config, LanguageSite(profile, own, prepared, data_dir, feeds, finish_offline_later))
    build(config)
    return prepared


def hand_over(config: Any, site: LanguageSite) -> None:
    config["extra"][BUILD_KEY] = site


def handed(config: Any) -> LanguageSite:
    """The build handed over by `build_site`, or for a bare `mkdocs build`, one prepared now."""
    site = (config["extra"] or {}).get(BUILD_KEY)
    if isinstance(site, LanguageSite):
        return site
    return _bare(config)


def _bare(config: Any) -> LanguageSite:
    config_file = Path(config["config_file_path"])
    data_dir = config_file.parent / "data"
    validated = checked(config_file, data_dir, build_day())
    settings = SiteSettings.from_mkdocs(config)
    language = language_build(FRENCH, (FRENCH,), Path(config["docs_dir"]))
    prepared = prepare(validated, PUBLIC, settings)
    feeds = start_feeds(
        feeds_input(validated, PUBLIC, settings), in_child=worth_parallel(len(validated.dataset.partners))
    )
    site = LanguageSite(PUBLIC, language, prepared, data_dir, feeds)
    hand_over(config, site)
    return site
