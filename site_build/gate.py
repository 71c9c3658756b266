"""The one gate: every file an editor, a translator or an outside source can change, checked
before anything is built. `site-build validate` prints what it finds; `site-build build` runs the
same checks and builds only what they accept, so the build never reports a file's mistake itself.

Checked here: mkdocs.yml (the settings editors change), the data files, the calendars' memory
(data/calendrier.json), the interface catalogs (locales/<code>.po) and the hand-written pages of
content/ and their translations.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from site_build.data.checks.catalog_checks import catalog_problems
from site_build.data.checks.config_checks import ConfigFile, config_problems, read_config
from site_build.data.checks.problems import DataError, Problem, sentence
from site_build.data.checks.validate import has_errors, partners_refused, validate
from site_build.data.loading.calendar_memory import read_calendar_memory
from site_build.data.loading.dataset import Dataset, display_path
from site_build.i18n.catalogs import locales_folder
from site_build.i18n.languages import DEFAULT, Language, LanguageSettingError, configured_languages
from site_build.i18n.pages import no_home_message, original_uri, without_home
from site_build.pages.hand_written_checks import content_problems


@dataclass(frozen=True)
class Validated:
    """The gate's verdict on the data folder: the whole dataset and its warnings (errors raised)."""

    dataset: Dataset
    warnings: list[Problem]
    today: date

    def lean(self) -> Validated:
        """Without the loader's documents (line maps): what a public build reads, cheaper to send."""
        return replace(self, dataset=replace(self.dataset, documents={}))


def _languages(config: ConfigFile, config_file: Path) -> tuple[tuple[Language, ...] | None, list[Problem]]:
    extra = config.data.get("extra")
    try:
        return configured_languages(extra if isinstance(extra, dict) else {}, config_file), []
    except LanguageSettingError as error:
        reason = error.reason
        return None, [config.problem(("extra", "langues"), reason[:1].upper() + reason[1:] + ".")]


def _docs_dir(config: ConfigFile, config_file: Path) -> Path:
    docs = config.data.get("docs_dir")
    return (config_file.parent / (docs if isinstance(docs, str) else "docs")).resolve()


def _pages(docs_dir: Path, codes: set[str]) -> list[tuple[Path, str, bool]]:
    found = []
    for path in sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else []:
        relative = path.relative_to(docs_dir).as_posix()
        found.append((path, display_path(path), original_uri(relative, codes) is not None))
    return found


def _catalogs(codes: set[str]) -> list[Problem]:
    """Every catalog of the folder: the site's languages, and the others too (one being prepared
    must not carry markup or conflict markers either)."""
    found = []
    folder = locales_folder()
    for path in sorted(folder.glob("*.po")) if folder.is_dir() else []:
        found += catalog_problems(path, path.stem, display_path(path))
    for code in sorted(codes - {DEFAULT}):
        if not (folder / f"{code}.po").is_file():
            where = display_path(folder / f"{code}.po")
            found.append(
                Problem(
                    where,
                    1,
                    1,
                    f"catalogue manquant pour la langue « {code} » : copiez en.po sous ce nom, puis traduisez-le.",
                    warning=True,
                )
            )
    return found


def check_project(
    config_file: Path | None, data_dir: Path, today: date, strict: bool = False
) -> tuple[Dataset, list[Problem]]:
    """Every problem of the project, sorted by file and line. Never raises on bad input.
    `config_file`: mkdocs.yml, or None (data alone: no settings, catalogs or pages to check)."""
    problems: list[Problem] = []
    config: ConfigFile | None = None
    languages: tuple[Language, ...] | None = None
    if config_file is not None and Path(config_file).is_file():
        config, problems = read_config(Path(config_file), display_path(Path(config_file)))
    if config is not None and config_file is not None:
        languages, language_problems = _languages(config, Path(config_file))
        problems += language_problems
    codes = tuple(language.code for language in languages) if languages else None
    dataset, data_problems = validate(data_dir, today, strict, codes)
    problems += data_problems
    problems += read_calendar_memory(data_dir, display_path(Path(data_dir) / "calendrier.json"))[1]
    if config is not None and config_file is not None:
        readable = "partners" in dataset.documents and not partners_refused(data_dir, problems)
        partners = {p.get("id") for p in dataset.partners} if readable else None
        problems += config_problems(
            config, {i for i in partners if isinstance(i, str)} if partners is not None else None
        )
        docs_dir = _docs_dir(config, Path(config_file))
        for language in without_home(languages or (), docs_dir):
            problems.append(config.problem(("extra", "langues"), sentence(no_home_message(language.code))))
        problems += _catalogs(set(codes or ()))
        problems += content_problems(_pages(docs_dir, set(codes or ()) - {DEFAULT}))
    return dataset, sorted(set(problems))


def checked(config_file: Path, data_dir: Path, today: date) -> Validated:
    """The gate of a build: DataError with every problem when something is refused; otherwise the
    validated data every stage of the build reads (validated once per build)."""
    dataset, problems = check_project(config_file, Path(data_dir).resolve(), today)
    if has_errors(problems):
        raise DataError(problems)
    return Validated(dataset, [p for p in problems if p.warning], today)


def refuse_unreadable_config(config_file: Path) -> None:
    """DataError when mkdocs.yml cannot be read at all (conflict markers, YAML syntax, encoding):
    said in French at its line rather than by the generator."""
    _config, problems = read_config(config_file, display_path(config_file))
    if problems:
        raise DataError(problems)
