"""`site-build`: validate, build, serve, report, schemas."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from site_build.cli_french import use_french
from site_build.data.checks.problems import DataError, Problem, UsageError, count_line
from site_build.data.loading.dataset import display_path
from site_build.data.loading.yaml_loader import LoadError
from site_build.data.model.profile import PROFILES, Profile


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(problem.github_annotation())  # workflow commands are read from stdout


def cmd_validate(args: argparse.Namespace) -> int:
    from site_build.data.checks.validate import has_errors
    from site_build.gate import check_project
    from site_build.pipeline import build_day

    data_dir = _data_dir(args)
    if not data_dir:
        return 2
    # the whole project: mkdocs.yml, data, the calendars' memory, catalogs and pages
    _, problems = check_project(Path(args.config), data_dir, build_day(), strict=args.strict)
    _print_problems(problems)
    print(
        ("Données valides. " if not has_errors(problems) else "Données invalides : ") + count_line(problems),
        file=sys.stderr,
    )
    return 1 if has_errors(problems) else 0


def _config_file(args: argparse.Namespace) -> Path | None:
    config = Path(args.config)
    if not config.is_file():
        print(f"fichier de configuration introuvable : {config}", file=sys.stderr)
        return None
    return config


def _data_dir(args: argparse.Namespace) -> Path | None:
    data = Path(args.data)
    if not data.is_dir():
        print(f"dossier de données introuvable : {data}", file=sys.stderr)
        return None
    return data


def _build(config: Path, args: argparse.Namespace, site_dir: Path, failure: str, publication: bool = False) -> bool:
    """One build; False (and the reason, in French) when it did not replace the site."""
    from site_build.generator.build import PublicationError, build_site
    from site_build.generator.configs import GeneratorConfigError
    from site_build.generator.language_child import LanguageBuildError
    from site_build.i18n.languages import LanguageSettingError

    try:
        build_site(
            config,
            args.profile,
            site_dir,
            Path(args.data),
            site_url=getattr(args, "site_url", None),
            publication=publication,
        )
    except DataError as error:
        _print_problems(error.problems)
        print(f"{failure} : {count_line(error.problems)}", file=sys.stderr)
        return False
    except (PublicationError, LanguageSettingError, LanguageBuildError) as error:
        print(f"{failure} : {error}.", file=sys.stderr)
        return False
    except GeneratorConfigError:
        print(
            f"{failure} : le fichier {config} a une erreur de configuration (voir le message de MkDocs "
            "ci-dessus) ; comparez-le avec la version du dépôt.",
            file=sys.stderr,
        )
        return False
    except UsageError:
        raise
    except Exception as error:  # a generator failure must not leave a half-written site
        print(f"{failure} : {internal_error(error)}", file=sys.stderr)
        return False
    return True


def cmd_build(args: argparse.Namespace) -> int:
    config, data = _config_file(args), _data_dir(args)
    if not config or not data:
        return 2
    site_dir = Path(args.site_dir or Profile(args.profile).site_folder)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    if not _build(
        config,
        args,
        site_dir,
        "Construction annulée, le site existant n'a pas été modifié",
        publication=args.publication,
    ):
        return 1
    print(f"Site « {args.profile} » construit dans {site_dir}/", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from site_build.editing.preview import AddressError, open_server, parse_address, serve

    config, data = _config_file(args), _data_dir(args)
    if not config or not data:
        return 2
    try:
        address = parse_address(args.addr)
    except AddressError as error:
        print(f"{error}.", file=sys.stderr)
        return 2
    site_dir = Path(".site-apercu" + ("-pro" if Profile(args.profile).is_pro else ""))
    try:
        server = open_server(address, site_dir)
    except OSError as error:
        print(f"impossible d'ouvrir l'aperçu sur {args.addr} : {_socket_reason(error)}", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")

    def rebuild() -> bool:
        if _build(config, args, site_dir, "Aperçu non mis à jour"):
            print("Aperçu mis à jour : rechargez la page.", file=sys.stderr)
            return True
        return False

    try:
        if not rebuild():
            return 1
        serve(server, Path.cwd(), rebuild)
    finally:
        server.server_close()
    return 0


def _socket_reason(error: OSError) -> str:
    import errno

    if error.errno == errno.EADDRINUSE:
        return (
            "ce port est déjà utilisé (un autre aperçu est peut-être ouvert) ; fermez-le ou choisissez un autre "
            "port, par exemple --addr 127.0.0.1:8001."
        )
    if error.errno == errno.EACCES:
        return "ce port est réservé ; choisissez un port au-dessus de 1024, par exemple --addr 127.0.0.1:8001."
    if error.errno == errno.EADDRNOTAVAIL:
        return "cette adresse n'est pas celle de cet ordinateur ; utilisez 127.0.0.1."
    return "adresse inconnue ou inutilisable ; utilisez par exemple --addr 127.0.0.1:8000."


def cmd_report(args: argparse.Namespace) -> int:
    from site_build.data.checks.validate import has_errors, validate
    from site_build.editing.report import write_report
    from site_build.pipeline import build_day

    today = build_day()
    if not _data_dir(args):
        return 2
    dataset, problems = validate(Path(args.data), today)
    if has_errors(problems):
        _print_problems([p for p in problems if not p.warning])
        print("Rapport impossible : corrigez d'abord les erreurs.", file=sys.stderr)
        return 1
    write_report(dataset, today, sys.stdout, as_csv=args.csv, translations=_translations_to_review(dataset))
    return 0


def _translations_to_review(dataset: Any) -> list[Any]:
    """The translations to check, when mkdocs.yml (in the current folder) lists languages."""
    from site_build.data.loading.translations import unreviewed
    from site_build.i18n.languages import languages_in_config
    from site_build.i18n.review import ToReview, translations_to_review
    from site_build.pipeline import interface_strings

    config = Path("mkdocs.yml")
    languages = languages_in_config(config)
    if not languages:
        return []
    codes = [language.code for language in languages if not language.is_default]
    data = [ToReview(code, file, what) for file, code, what in unreviewed(dataset, codes)]
    interface = interface_strings(config, dataset.labels)
    return translations_to_review(dataset.content_dir, languages, interface, Path.cwd(), data)


def cmd_translations(args: argparse.Namespace) -> int:
    """What each language lacks or has not had checked; --ajouter seeds the missing words in the catalogs."""
    from site_build.data.checks.validate import has_errors, validate
    from site_build.data.loading.translations import language_name
    from site_build.editing.translation_status import add_missing_words, translation_status
    from site_build.i18n.languages import languages_in_config
    from site_build.pipeline import build_day, interface_strings

    if not _data_dir(args):
        return 2
    config = Path(args.config)
    languages = languages_in_config(config)
    if not languages or len(languages) < 2:
        print(f"{config} : aucune autre langue que le français dans « extra.langues ».", file=sys.stderr)
        return 1
    dataset, problems = validate(Path(args.data), build_day())
    if has_errors(problems):
        _print_problems([p for p in problems if not p.warning])
        print("Liste impossible : corrigez d'abord les erreurs.", file=sys.stderr)
        return 1
    interface = interface_strings(config, dataset.labels)
    if args.langue and args.langue not in {language.code for language in languages}:
        others = ", ".join(language.code for language in languages if not language.is_default)
        print(f"« {args.langue} » n'est pas une langue du site ; celles de {config} : {others}.", file=sys.stderr)
        return 2
    codes = [
        language.code for language in languages if not language.is_default and args.langue in (None, language.code)
    ]
    if args.ajouter:
        for code in codes:
            added = add_missing_words(code, interface)
            print(f"{language_name(code)} ({code}) : {added} mot(s) ajouté(s), vides, à traduire.")
    pending = [p for p in translation_status(languages, interface, dataset, Path.cwd()) if p.language in codes]
    for code in codes:
        mine = [p for p in pending if p.language == code]
        counts = {kind: sum(1 for p in mine if p.kind == kind) for kind in ("mot", "page", "donnée")}
        summary = ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in counts.items())
        print(f"{language_name(code)} ({code}) : {summary} à traduire ou à relire.")
        for item in mine:
            print(f"  {item.place} : {item.what}")
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    """Record changed calendar events in data/calendrier.json (new SEQUENCE, DTSTAMP today)."""
    from site_build.data.checks.validate import has_errors
    from site_build.editing.calendar import changed_events, record_changes
    from site_build.feeds.icalendar import STATE_FILE
    from site_build.gate import check_project
    from site_build.pipeline import build_day

    data_dir = _data_dir(args)
    if not data_dir:
        return 2
    dataset, problems = check_project(Path("mkdocs.yml"), data_dir, build_day())
    if has_errors(problems):
        _print_problems(problems)
        print("Calendrier non mis à jour : corrigez d'abord les erreurs.", file=sys.stderr)
        return 1
    if args.check:
        changed = changed_events(data_dir, dataset)
        for ident in changed:
            print(f"{data_dir / STATE_FILE} : l'événement « {ident} » est nouveau ou a changé.", file=sys.stderr)
        return 1 if changed else 0
    changed = record_changes(data_dir, dataset, build_day())
    print(
        f"{len(changed)} événement(s) nouveau(x) ou modifié(s) enregistré(s) dans {data_dir / STATE_FILE}.",
        file=sys.stderr,
    )
    return 0


def cmd_apply(args: argparse.Namespace) -> int:
    """Apply a proposal (e-mail body or issue text) to its data file, if the gate accepts the result."""
    from site_build.data.checks.validate import has_errors
    from site_build.editing.proposals import (
        ProposalError,
        apply_proposal,
        pull_request_body,
        read_proposal,
        write_checked,
    )
    from site_build.gate import check_project
    from site_build.pipeline import build_day

    data_dir = _data_dir(args)
    if not data_dir:
        return 2
    if args.fichier != "-" and not Path(args.fichier).is_file():
        print(f"fichier introuvable : {args.fichier} (enregistrez d'abord le courriel ou le ticket)", file=sys.stderr)
        return 2
    try:
        message = sys.stdin.read() if args.fichier == "-" else Path(args.fichier).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(
            f"{args.fichier} : illisible ({error.__class__.__name__}). Enregistrez le message en texte (UTF-8).",
            file=sys.stderr,
        )
        return 1
    try:
        proposal = read_proposal(message)
        applied = apply_proposal(data_dir, proposal, build_day())
    except ProposalError as error:
        print(f"Proposition non appliquée : {str(error).rstrip('.')}.", file=sys.stderr)
        return 1
    if not applied.written:
        print(f"Rien à changer : la fiche « {proposal.ident} » dit déjà ce que propose le message.", file=sys.stderr)
        return 0
    problems = write_checked(data_dir, applied, lambda folder: check_project(Path(args.config), folder, build_day())[1])
    if has_errors(problems):
        _print_problems(problems)
        print(f"Proposition non appliquée : {applied.file} n'a pas changé. Corrigez la proposition.", file=sys.stderr)
        return 1
    if args.texte_demande:
        body = pull_request_body(proposal, applied, data_dir, args.ticket)
        Path(args.texte_demande).write_text(body, encoding="utf-8")
    print(
        f"{applied.file} : {', '.join(applied.written)} de « {proposal.ident} » modifié(s). "
        "Vérifiez le diff, puis proposez-le.",
        file=sys.stderr,
    )
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Write a valid skeleton where it belongs; the editor then fills in the « À compléter »."""
    from site_build.editing import new as scaffold
    from site_build.pipeline import build_day

    data_dir, today = _data_dir(args), build_day()
    if not data_dir:
        return 2
    makers = {
        "partner": lambda: scaffold.new_partner(data_dir, today),
        "service": lambda: scaffold.new_service(data_dir, args.partenaire),
        "professional": lambda: scaffold.new_professional(data_dir, args.partenaire, today),
        "recipe": lambda: scaffold.new_recipe(data_dir, today),
        "intervention": lambda: scaffold.new_intervention(data_dir, today),
    }
    if args.kind in ("service", "professional") and not args.partenaire:
        print(f"précisez la structure : site-build new {args.kind} --partenaire ID", file=sys.stderr)
        return 2
    try:
        ident = makers[args.kind]()
    except scaffold.ScaffoldError as error:
        print(f"{error}.", file=sys.stderr)
        return 1
    print(f"« {ident} » ajouté. Remplacez les « {scaffold.TODO} », puis lancez : site-build validate", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Add the structures of the chosen communes from a data·inclusion export, as drafts to verify.
    The import runs on a copy of the data; partners.yaml changes only if the copy stays valid."""
    from site_build.data.checks.validate import has_errors, validate
    from site_build.editing.importer import ImportFileError, import_data_inclusion
    from site_build.editing.trial import data_copy, replace_file
    from site_build.pipeline import build_day

    data_dir = _data_dir(args)
    if not data_dir:
        return 2
    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        print(f"fichier introuvable : {missing[0]}", file=sys.stderr)
        return 2
    _, before = validate(data_dir, build_day())
    if has_errors(before):
        _print_problems([p for p in before if not p.warning])
        print("Import impossible : corrigez d'abord les erreurs des données.", file=sys.stderr)
        return 1
    with data_copy(data_dir, "import") as trial:
        try:
            report = import_data_inclusion(trial, [Path(f) for f in args.files], args.commune or [], build_day())
        except ImportFileError as error:
            print(f"{error}", file=sys.stderr)
            return 1
        for line in report.lines():
            print(line)
        _, after = validate(trial, build_day())
        if has_errors(after):
            for problem in (p for p in after if not p.warning):
                print(problem.format().replace(display_path(trial), str(data_dir)), file=sys.stderr)
            print("Import annulé : les fiches importées ne sont pas valides, rien n'a été écrit.", file=sys.stderr)
            return 1
        if args.dry_run:
            print("Essai : rien n'a été écrit.", file=sys.stderr)
            return 0
        replace_file(data_dir / "partners.yaml", (trial / "partners.yaml").read_bytes(), "import")
    print(f"Import terminé. {count_line(after)}", file=sys.stderr)
    return 0


def _asked(value: str | None, question: str, default: str = "") -> str:
    """An option's value, or the answer to a French question when the command runs in a terminal."""
    if value is not None:
        return value
    if not sys.stdin.isatty():
        return default
    answer = input(f"{question}{f' [{default}]' if default else ''} : ").strip()
    return answer or default


def cmd_init(args: argparse.Namespace) -> int:
    """Start another territory's guide in a new folder; French questions for what the options omit."""
    from site_build.data.checks.validate import has_errors
    from site_build.editing.init import InitError, Territory, create_project
    from site_build.gate import check_project
    from site_build.pipeline import build_day

    product = Path(__file__).resolve().parent.parent  # the repository this command runs from
    if not (product / "hooks/guide.py").is_file():
        raise UsageError("init copie le guide depuis son dépôt : lancez-la depuis un dépôt cloné (pip install -e .)")
    town = _asked(args.territoire, "Le territoire du guide (une commune ou un groupe de communes)")
    organisation = _asked(args.organisation, "L'organisation qui tient le guide", f"CCAS de {town}" if town else "")
    territory = Territory(
        name=_asked(args.nom, "Le nom du guide", f"Le guide partagé de {town}" if town else ""),
        town=town,
        organisation=organisation,
        email=_asked(args.courriel, "Le courriel de l'équipe du guide"),
        communes=tuple(args.commune or _asked(None, "Les codes INSEE des communes, séparés par des espaces").split()),
        logo=Path(args.logo) if args.logo else None,
        colour=args.couleur or "",
        short_name=args.nom_court or "",
        exports=tuple(Path(f) for f in args.import_data_inclusion or ()),
    )
    started = time.monotonic()
    try:
        created = create_project(Path(args.dossier), territory, product, build_day())
    except InitError as error:
        for line in str(error).splitlines():
            print(f"site-build init : {line}.", file=sys.stderr)
        return 2
    if created.imported:
        for line in created.imported.lines():
            print(line)
    _, problems = check_project(created.folder / "mkdocs.yml", created.folder / "data", build_day())
    if has_errors(problems):
        _print_problems([p for p in problems if not p.warning])
    print(
        f"Guide créé dans {created.folder} : {len(created.files)} fichiers, en {time.monotonic() - started:.1f} s.\n"
        f"Ensuite : cd {created.folder} && make serve",
        file=sys.stderr,
    )
    return 1 if has_errors(problems) else 0


def cmd_icons(args: argparse.Namespace) -> int:
    """Redraw the installed app's icons from the logo and the colour mkdocs.yml names."""
    from site_build.data.checks.config_checks import colour_problem
    from site_build.editing.icons import draw_icons, logo_problems, theme_logo
    from site_build.gate import refuse_unreadable_config
    from site_build.generator.configs import GeneratorConfigError, mkdocs_config
    from site_build.pwa.service_worker import THEME_COLOUR

    refuse_unreadable_config(Path(args.config))
    try:
        config = mkdocs_config(Path(args.config))
    except GeneratorConfigError:
        raise UsageError(
            f"le fichier {args.config} a une erreur de configuration (voir le message de MkDocs)"
        ) from None
    logo, colour = theme_logo(config), config["extra"].get("couleur") or THEME_COLOUR
    if logo is None:
        raise UsageError(
            f"{args.config} ne nomme pas de logo : écrivez-le sous « theme: », "
            "par exemple « logo: assets/images/logo.svg »"
        )
    problems = logo_problems(logo) + ([wrong] if (wrong := colour_problem(colour)) else [])
    if problems:
        for problem in problems:
            print(f"site-build icones : {problem}.", file=sys.stderr)
        return 2
    for written in draw_icons(logo, colour, Path(config["theme"].custom_dir) / "assets/icons"):
        print(display_path(written), file=sys.stderr)
    print(f"Icônes dessinées depuis {display_path(logo)}, sur la couleur {colour}.", file=sys.stderr)
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    from site_build.data.loading.schemas import write_schemas

    for path in write_schemas():
        print(path, file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="site-build", description="Le guide partagé : valider et construire le site.")
    commands = main.add_subparsers(dest="commande", required=True)

    def with_data(command: argparse.ArgumentParser) -> argparse.ArgumentParser:
        command.add_argument("--data", default="data", help="dossier des données (défaut : data)")
        return command

    validate = with_data(commands.add_parser("validate", help="vérifier les données"))
    validate.add_argument("--strict", action="store_true", help="les informations à vérifier deviennent des erreurs")
    validate.add_argument("--config", default="mkdocs.yml", help="réglages du site (défaut : mkdocs.yml)")
    validate.set_defaults(run=cmd_validate)

    new = with_data(commands.add_parser("new", help="ajouter un modèle à compléter (partenaire, service…)"))
    new.add_argument("kind", choices=("partner", "service", "professional", "recipe", "intervention"))
    new.add_argument("--partenaire", help="id de la structure (pour service et professional)")
    new.set_defaults(run=cmd_new)

    importer = commands.add_parser("import", help="importer des structures d'un annuaire national")
    import_sources = importer.add_subparsers(dest="source", required=True)
    from_di = with_data(import_sources.add_parser("data-inclusion", help="export data·inclusion (JSON)"))
    from_di.add_argument("files", nargs="+", help="fichiers JSON des structures et des services")
    from_di.add_argument("--commune", action="append", help="code INSEE à garder (répétable ; défaut : toutes)")
    from_di.add_argument("--dry-run", action="store_true", help="montrer les changements sans rien écrire")
    from_di.set_defaults(run=cmd_import)

    apply = with_data(commands.add_parser("appliquer", help="appliquer une proposition de modification reçue"))
    apply.add_argument("fichier", help="le message reçu (courriel ou ticket) ; - pour le lire sur l'entrée standard")
    apply.add_argument("--config", default="mkdocs.yml", help="réglages du site (défaut : mkdocs.yml)")
    apply.add_argument("--ticket", type=int, default=0, help="numéro du ticket GitHub d'où vient la proposition")
    apply.add_argument(
        "--texte-demande", metavar="FICHIER", help="écrire ici le texte de la demande de fusion (avec --ticket)"
    )
    apply.set_defaults(run=cmd_apply)

    translations = with_data(
        commands.add_parser("traductions", help="ce que chaque langue doit encore traduire ou relire")
    )
    translations.add_argument(
        "--ajouter", action="store_true", help="ajouter au catalogue les mots manquants, vides, à traduire"
    )
    translations.add_argument("--langue", help="une seule langue, par exemple en")
    translations.add_argument("--config", default="mkdocs.yml", help="réglages du site (défaut : mkdocs.yml)")
    translations.set_defaults(run=cmd_translations)

    calendar_command = with_data(
        commands.add_parser("calendrier", help="enregistrer les interventions modifiées (agendas abonnés)")
    )
    calendar_command.add_argument(
        "--check", action="store_true", help="ne rien écrire ; code 1 si des interventions ne sont pas enregistrées"
    )
    calendar_command.set_defaults(run=cmd_calendar)

    build = with_data(commands.add_parser("build", help="construire le site"))
    build.add_argument("--profile", choices=PROFILES, default="public")
    build.add_argument("--site-dir", help="dossier de sortie (défaut : site ou site-pro)")
    build.add_argument("--config", default="mkdocs.yml")
    build.add_argument("--site-url", help="adresse publique du site (remplace site_url de mkdocs.yml)")
    build.add_argument(
        "--publication", action="store_true", help="construction à mettre en ligne : refuse l'adresse de l'aperçu"
    )
    build.set_defaults(run=cmd_build)

    serve = with_data(commands.add_parser("serve", help="aperçu en direct"))
    serve.add_argument("--profile", choices=PROFILES, default="public")
    serve.add_argument("--config", default="mkdocs.yml")
    serve.add_argument("--addr", default="127.0.0.1:8000")
    serve.set_defaults(run=cmd_serve)

    report = with_data(commands.add_parser("report", help="fraîcheur des informations"))
    report.add_argument("--csv", action="store_true")
    report.set_defaults(run=cmd_report)

    init = commands.add_parser("init", help="créer le guide d'un autre territoire dans un nouveau dossier")
    init.add_argument("dossier", help="le dossier à créer")
    init.add_argument("--nom", help="le nom du guide, par exemple « Le guide partagé d'Issoudun »")
    init.add_argument("--territoire", help="la commune ou le groupe de communes du guide")
    init.add_argument("--organisation", help="qui tient le guide, par exemple « CCAS d'Issoudun »")
    init.add_argument("--courriel", help="l'adresse de l'équipe du guide")
    init.add_argument("--commune", action="append", help="code INSEE d'une commune du territoire (répétable)")
    init.add_argument("--nom-court", help="le nom sous l'icône du téléphone, 15 caractères au plus")
    init.add_argument("--logo", help="le logo, en SVG ou en PNG")
    init.add_argument(
        "--couleur", help="la couleur du guide, par exemple « #1d5b3c » (vérifiée : le texte blanc doit s'y lire)"
    )
    init.add_argument(
        "--import-data-inclusion",
        nargs="+",
        metavar="FICHIER",
        help="un export data·inclusion à importer « à vérifier »",
    )
    init.set_defaults(run=cmd_init)

    icons = commands.add_parser("icones", help="redessiner les icônes de l'application depuis le logo et la couleur")
    icons.add_argument("--config", default="mkdocs.yml", help="réglages du site (défaut : mkdocs.yml)")
    icons.set_defaults(run=cmd_icons)

    schemas = commands.add_parser("schemas", help="régénérer site_build/schemas/*.schema.json")
    schemas.set_defaults(run=cmd_schemas)
    return main


LOG_NAME = "site-build-erreur.log"


def internal_error(error: BaseException) -> str:
    """One French line for a failure that is ours, not the editor's; the details go to a log file."""
    import tempfile
    import traceback

    details = "".join(traceback.format_exception(error))
    for folder in (Path.cwd(), Path(tempfile.gettempdir())):
        log = folder / LOG_NAME
        try:
            with open(log, "a", encoding="utf-8") as out:
                out.write(details + "\n")
        except OSError:
            continue
        return (
            f"erreur interne du programme ({type(error).__name__}). Ce n'est pas une erreur dans vos données. "
            f"Détails pour l'équipe technique : {log}"
        )
    return f"erreur interne du programme ({type(error).__name__})."


def main(argv: list[str] | None = None) -> int:
    use_french()
    args = parser().parse_args(argv)  # bad usage: argparse prints the French message and exits with 2
    try:
        return int(args.run(args))
    except BrokenPipeError:  # `site-build report | head`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout at exit
        return 0
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return 130
    except DataError as error:
        _print_problems(error.problems)
        print(f"Données invalides : {count_line(error.problems)}", file=sys.stderr)
        return 1
    except LoadError as error:  # a file read outside validation (new, import) is unreadable
        _print_problems([error.problem])
        print("Corrigez d'abord cette erreur, puis relancez la commande.", file=sys.stderr)
        return 1
    except UsageError as error:
        print(f"site-build : {error}.", file=sys.stderr)
        return 2
    except Exception as error:
        print(internal_error(error), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
