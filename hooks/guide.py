"""MkDocs adapter: hands MkDocs events to site_build. No logic lives here."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from site_build.data.problems import DataError
from site_build.data.profile import Profile
from site_build.data.settings import SiteSettings
from site_build.feeds.datapackage import PackageError
from site_build.generator.build import BUILD_KEY
from site_build.generator.navigation import nav_for_profile
from site_build.generator.toc import with_headings
from site_build.pipeline import prepare
from site_build.pwa.csp import with_content_security_policy
from site_build.pwa.search_index import add_accent_free_words
from site_build.pwa.service_worker import DEFAULT_BUDGET_MB, write_service_worker
from site_build.pwa.theme_fixes import valid_theme_markup

HOME_MARKER = "<!-- ce-mois-ci -->"
_state: dict = {}


def on_config(config):
    # `site-build build` says which profile and data folder; a bare `mkdocs build` gets the defaults.
    given = (config.extra or {}).pop(BUILD_KEY, None) or {}
    profile = Profile(given.get("profile", "public"))
    data_dir = Path(given.get("data_dir") or Path(config.config_file_path).parent / "data")
    try:
        _state["prepared"] = prepare(data_dir, profile, settings=SiteSettings.from_mkdocs(config))
    except DataError as error:
        raise PluginError("\n".join(p.format() for p in error.problems)) from None
    _state["data_dir"] = data_dir
    config.extra["profil"] = profile.name
    config.extra["indexable"] = profile.search_engines_may_index
    config.nav = nav_for_profile(config.nav, profile)
    return config


def on_files(files, config):
    prepared = _state["prepared"]
    for page in prepared.pages:
        files.append(File.generated(config, page.src_uri, content=page.markdown_stub))
    for path, content in prepared.assets.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "index.md":
        return markdown.replace(HOME_MARKER, _state["prepared"].home.html)
    return markdown


def on_page_content(html, page, config, files):
    prepared = _state["prepared"]
    if page.file.src_uri == "index.md":
        page.toc = with_headings(page.toc, prepared.home.headings)
    generated = prepared.html_by_uri.get(page.file.src_uri)
    if not generated:
        return html
    page.toc = with_headings(page.toc, generated.headings)
    return html + generated.html


def _finished(page_html: str) -> str:
    return with_content_security_policy(valid_theme_markup(page_html))


def on_post_page(output, page, config):
    return _finished(output)


def on_post_template(output_content, template_name, config):
    # theme-only pages (404.html) get the same fixes and policy as the others
    return _finished(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    # The data files are made and checked in a worker during the build; an invalid package fails it.
    try:
        _state["prepared"].feeds.finish(Path(config.site_dir))
    except PackageError as error:
        raise PluginError(str(error)) from None
    add_accent_free_words(Path(config.site_dir))
    budget = ((config.extra or {}).get("hors_ligne") or {}).get("budget_mo", DEFAULT_BUDGET_MB)
    write_service_worker(Path(config.site_dir), budget)


def on_serve(server, config, builder):
    server.watch(str(_state["data_dir"]))
    return server
