"""`site-build`: validate, build, serve, report, schemas."""
from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import sys
from pathlib import Path

from .problems import DataError, Problem, count_line
from .profiles import PROFILES


def _print_problems(problems: list[Problem]):
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(problem.github_annotation())  # workflow commands are read from stdout


def cmd_validate(args) -> int:
    from .pipeline import build_day
    from .validate import has_errors, validate

    if not Path(args.data).is_dir():
        print(f"dossier de données introuvable : {args.data}", file=sys.stderr)
        return 2
    _, problems = validate(Path(args.data), build_day(), strict=args.strict)
    _print_problems(problems)
    print(("Données valides. " if not has_errors(problems) else "Données invalides : ") + count_line(problems),
          file=sys.stderr)
    return 1 if has_errors(problems) else 0


def cmd_build(args) -> int:
    from .build import build_site

    config = Path(args.config)
    if not config.is_file():
        print(f"fichier de configuration introuvable : {config}", file=sys.stderr)
        return 2
    site_dir = Path(args.site_dir or ("site" if args.profile == "public" else "site-pro"))
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    try:
        build_site(config, args.profile, site_dir, Path(args.data))
    except DataError as error:
        _print_problems(error.problems)
        print(f"Construction annulée : {count_line(error.problems)} Le site existant n'a pas été modifié.",
              file=sys.stderr)
        return 1
    except Exception as error:  # a generator failure must not leave a half-written site
        print(f"Construction annulée ({type(error).__name__} : {error}). Le site existant n'a pas été modifié.",
              file=sys.stderr)
        return 1
    print(f"Site « {args.profile} » construit dans {site_dir}/", file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    from .build import build_site
    from .serve import serve

    config, data = Path(args.config), Path(args.data)
    site_dir = Path(".site-apercu" + ("-pro" if args.profile == "pro" else ""))
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")

    def rebuild() -> bool:
        try:
            build_site(config, args.profile, site_dir, data)
        except DataError as error:
            _print_problems(error.problems)
            print(f"Aperçu non mis à jour : {count_line(error.problems)}", file=sys.stderr)
            return False
        except Exception as error:  # keep serving the last good site
            print(f"Aperçu non mis à jour ({type(error).__name__} : {error}).", file=sys.stderr)
            return False
        print("Aperçu mis à jour : rechargez la page.", file=sys.stderr)
        return True

    if not rebuild():
        return 1
    host, _, port = args.addr.rpartition(":")
    serve(Path.cwd(), site_dir, rebuild, (host or "127.0.0.1", int(port)))
    return 0


def cmd_report(args) -> int:
    from .freshness import freshness_rows
    from .pipeline import build_day
    from .validate import validate

    today = build_day()
    dataset, _ = validate(Path(args.data), today)
    writer = csv.writer(sys.stdout) if args.csv else None
    if writer:
        writer.writerow(("type", "id", "nom", "verifie_le", "a_verifier_avant", "en_retard"))
    else:
        print(f"{'':9}  {'à vérifier':10}  {'type':13} id")
    for row in freshness_rows(dataset, today):
        due = row.due.isoformat() if row.due else ""
        if writer:
            writer.writerow((row.kind, row.ident, row.name, row.checked, due, "oui" if row.late(today) else "non"))
        else:
            print(f"{'EN RETARD' if row.late(today) else '':9}  {due:10}  {row.kind:13} {row.ident}")
    return 0


def cmd_calendar(args) -> int:
    """Record changed interventions in data/calendrier.json (new SEQUENCE, DTSTAMP today)."""
    from .calendar_feed import STATE_FILE, read_state, stale_interventions, updated_state
    from .pipeline import build_day
    from .validate import has_errors, validate

    data_dir = Path(args.data)
    dataset, problems = validate(data_dir, build_day())
    if has_errors(problems):
        _print_problems(problems)
        print("Calendrier non mis à jour : corrigez d'abord les erreurs.", file=sys.stderr)
        return 1
    state = read_state(data_dir)
    changed = stale_interventions(dataset, state)
    if args.check:
        for ident in changed:
            print(f"{data_dir / STATE_FILE} : l'intervention « {ident} » est nouvelle ou a changé.", file=sys.stderr)
        return 1 if changed else 0
    (data_dir / STATE_FILE).write_text(json.dumps(updated_state(dataset, state, build_day()), ensure_ascii=False,
                                                  indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(changed)} intervention(s) nouvelle(s) ou modifiée(s) enregistrée(s) dans {data_dir / STATE_FILE}.",
          file=sys.stderr)
    return 0


def cmd_new(args) -> int:
    """Write a valid skeleton where it belongs; the editor then fills in the « À compléter »."""
    from . import scaffold
    from .pipeline import build_day

    data_dir, today = Path(args.data), build_day()
    makers = {"partner": lambda: scaffold.new_partner(data_dir, today),
              "service": lambda: scaffold.new_service(data_dir, args.partenaire),
              "professional": lambda: scaffold.new_professional(data_dir, args.partenaire, today),
              "recipe": lambda: scaffold.new_recipe(data_dir, today),
              "intervention": lambda: scaffold.new_intervention(data_dir, today)}
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


def cmd_import(args) -> int:
    """Add the structures of the chosen communes from a data·inclusion export, as drafts to verify."""
    from .importer import import_data_inclusion
    from .pipeline import build_day
    from .validate import has_errors, validate

    data_dir = Path(args.data)
    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        print(f"fichier introuvable : {missing[0]}", file=sys.stderr)
        return 2
    try:
        report = import_data_inclusion(data_dir, [Path(f) for f in args.files], args.commune or [], build_day(),
                                       dry_run=args.dry_run)
    except (ValueError, KeyError) as error:
        print(f"export data·inclusion illisible ({error}) : donnez les fichiers JSON des structures et des "
              "services.", file=sys.stderr)
        return 1
    for line in report.lines():
        print(line)
    if args.dry_run:
        print("Essai : rien n'a été écrit.", file=sys.stderr)
        return 0
    _, problems = validate(data_dir, build_day())
    _print_problems([p for p in problems if not p.warning])
    print(f"Import terminé. {count_line(problems)}", file=sys.stderr)
    return 1 if has_errors(problems) else 0


def cmd_schemas(args) -> int:
    from .schemas import write_schemas

    for path in write_schemas():
        print(path, file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="site-build", description="Le guide partagé : valider et construire le site.")
    commands = main.add_subparsers(dest="command", required=True)

    def with_data(command):
        command.add_argument("--data", default="data", help="dossier des données (défaut : data)")
        return command

    validate = with_data(commands.add_parser("validate", help="vérifier les données"))
    validate.add_argument("--strict", action="store_true", help="les informations à vérifier deviennent des erreurs")
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

    calendar_command = with_data(commands.add_parser(
        "calendrier", help="enregistrer les interventions modifiées (agendas abonnés)"))
    calendar_command.add_argument("--check", action="store_true",
                                  help="ne rien écrire ; code 1 si des interventions ne sont pas enregistrées")
    calendar_command.set_defaults(run=cmd_calendar)

    build = with_data(commands.add_parser("build", help="construire le site"))
    build.add_argument("--profile", choices=PROFILES, default="public")
    build.add_argument("--site-dir", help="dossier de sortie (défaut : site ou site-pro)")
    build.add_argument("--config", default="mkdocs.yml")
    build.set_defaults(run=cmd_build)

    serve = with_data(commands.add_parser("serve", help="aperçu en direct"))
    serve.add_argument("--profile", choices=PROFILES, default="public")
    serve.add_argument("--config", default="mkdocs.yml")
    serve.add_argument("--addr", default="127.0.0.1:8000")
    serve.set_defaults(run=cmd_serve)

    report = with_data(commands.add_parser("report", help="fraîcheur des informations"))
    report.add_argument("--csv", action="store_true")
    report.set_defaults(run=cmd_report)

    schemas = commands.add_parser("schemas", help="régénérer site_build/schemas/*.schema.json")
    schemas.set_defaults(run=cmd_schemas)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `site-build report | head`: the reader has what it wanted
        return 0


if __name__ == "__main__":
    sys.exit(main())
