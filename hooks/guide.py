"""MkDocs adapter: hands MkDocs events to site_build. No logic and no state live here: each event
reads the build `site-build build` prepared and handed over in the config
(site_build/generator/handover.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from site_build.data.checks.problems import DataError
from site_build.feeds.datapackage import PackageError
from site_build.generator.handover import handed
from site_build.generator.languages import OwnSwitcher
from site_build.generator.navigation import nav_for_profile, nav_of_made_pages
from site_build.generator.toc import with_headings
from site_build.pages.render import compiled_theme_templates
from site_build.pages.shortcodes import with_shortcodes
from site_build.pwa.csp import with_content_security_policy
from site_build.pwa.search_index import add_accent_free_words
from site_build.pwa.service_worker import write_service_worker
from site_build.pwa.theme_fixes import valid_theme_markup

HOME_MARKER = "<!-- ce-mois-ci -->"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        site = handed(config)
    except DataError as error:  # a bare `mkdocs build` on data the gate refuses
        raise PluginError("\n".join(p.format() for p in error.problems)) from None
    site.language.translate_site(config)
    config.extra["profil"] = site.profile.name
    config.extra["indexable"] = site.profile.search_engines_may_index
    if len(site.language.languages) > 1:
        config.extra["alternate"] = OwnSwitcher()
    made = nav_of_made_pages(config.nav, {page.src_uri for page in site.prepared.pages}, Path(config.docs_dir))
    config.nav = site.language.nav(nav_for_profile(made, site.profile))
    return config


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    language = handed(config).language
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(language.theme_translations, newstyle=True)  # type: ignore[attr-defined]
    env.globals["gp_versions"] = language.versions
    env.globals["gp_langue"] = language.language  # every page, the 404 page too (its lang="")
    env.bytecode_cache = compiled_theme_templates(handed(config).prepared.dataset.cache_dir / "theme")
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = handed(config)
    files = site.language.select_files(files, config)
    for page in site.prepared.pages:
        files.append(File.generated(config, page.src_uri, content=page.markdown_stub))
    for path, content in site.prepared.assets.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = handed(config)
    prepared = site.prepared
    if page.file.src_uri not in prepared.html_by_uri:  # a hand-written page (the gate checked it)
        source = Path(page.file.abs_src_path or page.file.src_uri)
        shown = str(source.relative_to(Path(config.docs_dir).parent) if source.is_absolute() else source)
        markdown, unknown = with_shortcodes(markdown, source, shown, lambda: prepared.figures)
        if unknown:
            raise PluginError("\n".join(unknown))
        site.language.mark_review(page.meta)
    site.lay_out(page.meta, in_section=page.parent is not None)
    markdown = site.language.links_in(markdown, page.file.src_uri)
    if page.file.src_uri == "index.md":
        return markdown.replace(HOME_MARKER, prepared.home.html)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    prepared = handed(config).prepared
    if page.file.src_uri == "index.md":
        page.toc = with_headings(page.toc, prepared.home.headings)
    generated = prepared.html_by_uri.get(page.file.src_uri)
    if not generated:
        return html
    page.toc = with_headings(page.toc, generated.headings)
    return html + generated.html


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context.update(handed(config).language.page_context(page.file.src_uri))
    return context


def _finished(page_html: str, config: MkDocsConfig) -> str:
    language = handed(config).language
    return with_content_security_policy(valid_theme_markup(page_html, language.language, language.gettext))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _finished(output, config)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # theme-only pages (404.html) get the same fixes and policy as the others
    return _finished(output_content, config) if template_name.endswith(".html") else output_content


def on_post_build(config: MkDocsConfig) -> None:
    site = handed(config)
    site_dir = Path(config.site_dir)
    # The data files are made and checked in a worker during the build; an invalid package fails it.
    try:
        if site.feeds:
            site.feeds.finish(site_dir)
    except PackageError as error:
        raise PluginError(str(error)) from None
    add_accent_free_words(site_dir)
    if site.finish_offline_later:  # the caller adds the French site's shared files, then the worker
        return
    site.language.copy_shared_files(site_dir)
    write_service_worker(site_dir, site.offline_budget_mb, site.prepared.precache)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    server.watch(str(handed(config).data_dir))
    return server
