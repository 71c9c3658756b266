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
from site_build.generator.languages import LanguageBuild, OwnSwitcher
from site_build.generator.navigation import nav_for_profile
from site_build.generator.toc import with_headings
from site_build.i18n.languages import DEFAULT, language
from site_build.pages.shortcodes import with_shortcodes
from site_build.pipeline import TRANSLATED_PAGES, TRANSLATED_SECTIONS, prepare
from site_build.pwa.csp import with_content_security_policy
from site_build.pwa.search_index import add_accent_free_words
from site_build.pwa.service_worker import DEFAULT_BUDGET_MB, write_service_worker
from site_build.pwa.theme_fixes import valid_theme_markup

HOME_MARKER = "<!-- ce-mois-ci -->"
_state: dict = {}


def on_config(config):
    # `site-build build` says which profile, data folder and language; a bare `mkdocs build` gets the defaults.
    given = (config.extra or {}).pop(BUILD_KEY, None) or {}
    profile = Profile(given.get("profile", "public"))
    data_dir = Path(given.get("data_dir") or Path(config.config_file_path).parent / "data")
    languages = tuple(language(code) for code in given.get("languages", [DEFAULT]))
    current = language(given.get("language", DEFAULT))
    build = _state["language"] = LanguageBuild(
        current, languages, Path(config.docs_dir), TRANSLATED_SECTIONS, TRANSLATED_PAGES
    )
    build.translate_site(config)
    settings = SiteSettings.from_mkdocs(config)
    try:
        _state["prepared"] = prepare(
            data_dir, profile, settings=settings, language=current.code, own_pages=build.own_pages
        )
    except DataError as error:
        raise PluginError("\n".join(p.format() for p in error.problems)) from None
    _state["data_dir"] = data_dir
    config.extra["profil"] = profile.name
    config.extra["indexable"] = profile.search_engines_may_index
    if len(languages) > 1:
        config.extra["alternate"] = OwnSwitcher()
    config.nav = _state["language"].nav(nav_for_profile(config.nav, profile))
    return config


def on_env(env, config, files):
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(_state["language"].theme_translations, newstyle=True)
    env.globals["gp_versions"] = _state["language"].versions
    return env


def on_files(files, config):
    files = _state["language"].select_files(files, config)
    prepared = _state["prepared"]
    for page in prepared.pages:
        files.append(File.generated(config, page.src_uri, content=page.markdown_stub))
    for path, content in prepared.assets.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    prepared = _state["prepared"]
    if page.file.src_uri not in prepared.html_by_uri:  # a hand-written page (the gate checked it)
        source = Path(page.file.abs_src_path or page.file.src_uri)
        shown = str(source.relative_to(Path(config.docs_dir).parent) if source.is_absolute() else source)
        markdown, unknown = with_shortcodes(markdown, source, shown, lambda: prepared.figures)
        if unknown:
            raise PluginError("\n".join(unknown))
        _state["language"].mark_review(page.meta)
    markdown = _state["language"].links_in(markdown, page.file.src_uri)
    if page.file.src_uri == "index.md":
        return markdown.replace(HOME_MARKER, prepared.home.html)
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


def on_page_context(context, page, config, nav):
    context.update(_state["language"].page_context(page.file.src_uri))
    return context


def _finished(page_html: str) -> str:
    current = _state["language"]
    return with_content_security_policy(valid_theme_markup(page_html, current.language, current.gettext))


def on_post_page(output, page, config):
    return _finished(output)


def on_post_template(output_content, template_name, config):
    # theme-only pages (404.html) get the same fixes and policy as the others
    return _finished(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    # The data files are made and checked in a worker during the build; an invalid package fails it.
    try:
        if _state["prepared"].feeds:
            _state["prepared"].feeds.finish(Path(config.site_dir))
    except PackageError as error:
        raise PluginError(str(error)) from None
    _state["language"].copy_shared_files(Path(config.site_dir))
    add_accent_free_words(Path(config.site_dir))
    budget = ((config.extra or {}).get("hors_ligne") or {}).get("budget_mo", DEFAULT_BUDGET_MB)
    write_service_worker(Path(config.site_dir), budget)


def on_serve(server, config, builder):
    server.watch(str(_state["data_dir"]))
    return server
