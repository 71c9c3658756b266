"""The one gate covers every file an editor, a translator or an outside source can change: the
catalogs, the hand-written pages and their translations, the calendars' memory, mkdocs.yml and
the data. Each bad input below is run through `site-build validate` and `site-build build` as an
editor runs them: validate names the file and the line in French and exits 1; the build refuses it
before writing anything; neither calls it an internal error nor prints a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT
from .helpers import FIXTURES, run_cli

LOCALES = ROOT / "site_build" / "i18n" / "locales"


def project(tmp_path: Path) -> Path:
    """A copy of the project (its content, data and catalogs) whose files a case may break."""
    for folder in ("content", "data"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copytree(LOCALES, tmp_path / "locales")
    (tmp_path / "mkdocs.yml").write_text(
        (ROOT / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("hooks/guide.py", str(ROOT / "hooks/guide.py"))
        .replace("custom_dir: site_build/theme", f"custom_dir: {ROOT / 'site_build/theme'}"),
        encoding="utf-8",
    )
    return tmp_path


def site_build(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(Path(sys.executable).parent / "site-build"), *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "SITE_BUILD_LOCALES": str(folder / "locales")},
        timeout=300,
    )


def replace(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(name: str, content: str | bytes):
    def change(folder: Path) -> None:
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    return change


def config_line(text: str) -> int:
    """The line of mkdocs.yml that starts with `text` (after its indentation): the cases follow the file."""
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.strip().startswith(text))


def edit(name: str, old: str, new: str):
    return lambda folder: replace(folder, name, old, new)


def latin1(name: str, old: str, new: str):
    def change(folder: Path) -> None:
        path = folder / name
        path.write_bytes(path.read_bytes().replace(old.encode("utf-8"), new.encode("latin-1"), 1))

    return change


CONFLICT = "<<<<<<< HEAD\n{a}\n=======\n{b}\n>>>>>>> proposition\n"
EN_PO = "locales/en.po"
PAGE = "content/aide.en.md"

# (kind, name, change, file named, line, what the message says)
CASES = [
    # -- the interface catalogs --------------------------------------------------------------
    (
        "catalog",
        "markup",
        edit(EN_PO, 'msgstr "Show {n} more results"', 'msgstr "Show {n} <img src=x onerror=alert(1)> more"'),
        EN_PO,
        55,
        "sans balise HTML",
    ),
    (
        "catalog",
        "javascript-link",
        edit(EN_PO, 'msgstr "Show {n} more results"', 'msgstr "<a href=\\"javascript:alert(1)\\">Show {n}</a>"'),
        EN_PO,
        55,
        "sans balise HTML",
    ),
    (
        "catalog",
        "entity",
        edit(EN_PO, 'msgstr "Show {n} more results"', 'msgstr "Show {n} more&nbsp;results"'),
        EN_PO,
        55,
        "entité",
    ),
    (
        "catalog",
        "placeholder-renamed",
        edit(EN_PO, 'msgstr "Show {n} more results"', 'msgstr "Show {nombre} more results"'),
        EN_PO,
        55,
        "il manque {n}",
    ),
    (
        "catalog",
        "placeholder-added",
        edit(EN_PO, 'msgstr "Show {n} more results"', 'msgstr "Show {n} more {results}"'),
        EN_PO,
        55,
        "{results} n'existe pas dans le texte français",
    ),
    (
        "catalog",
        "latin-1-byte",
        latin1(EN_PO, 'msgstr "Show {n} more results"', 'msgstr "Show {n} more résults"'),
        EN_PO,
        55,
        "UTF-8",
    ),
    ("catalog", "plural-forms-typo", edit(EN_PO, "plural=(n != 1);", "plural=(n != 1;"), EN_PO, 5, "Plural-Forms"),
    (
        "catalog",
        "plural-forms-out-of-range",
        edit(EN_PO, "plural=(n != 1);", "plural=(n + 1);"),
        EN_PO,
        5,
        "forme qui n'existe pas",
    ),
    ("catalog", "charset", edit(EN_PO, "charset=utf-8", "charset=ISO-8859-1"), EN_PO, 5, "charset=UTF-8"),
    (
        "catalog",
        "conflict-markers",
        edit(
            EN_PO,
            'msgstr "Show {n} more results"\n',
            CONFLICT.format(a='msgstr "Show {n} more results"', b='msgstr "{n} more"'),
        ),
        EN_PO,
        55,
        "marque de conflit",
    ),
    (
        "catalog",
        "unclosed-quote",
        edit(EN_PO, 'msgstr "Show {n} more results"', 'msgstr "Show {n} more results'),
        EN_PO,
        55,
        "mal fermé",
    ),
    (
        "catalog",
        "twice",
        edit(
            EN_PO,
            'msgstr "Show {n} more results"\n',
            'msgstr "Show {n} more results"\n\nmsgid "Afficher {n} résultats de plus"\nmsgstr "More"\n',
        ),
        EN_PO,
        57,
        "déjà traduit ligne 54",
    ),
    (
        "catalog",
        "lone-brace",
        edit(EN_PO, 'msgstr "Show {n} more results"', 'msgstr "Show {n} more results {"'),
        EN_PO,
        55,
        "accolade { ou } seule",
    ),
    (
        "catalog",
        "stray-line",
        edit(EN_PO, 'msgstr "Show {n} more results"\n', 'msgstr "Show {n} more results"\nShow more\n'),
        EN_PO,
        56,
        "ligne inconnue",
    ),
    # -- translated and French hand-written pages --------------------------------------------
    (
        "page",
        "unknown-figure",
        edit(PAGE, "The guide helps you", "{chiffre inconnu} The guide helps you"),
        PAGE,
        7,
        "le chiffre « inconnu » n'existe pas",
    ),
    (
        "page",
        "unknown-pictogram",
        edit(PAGE, "The guide helps you", "{picto material/pas-une-icone} The guide helps you"),
        PAGE,
        7,
        "pictogramme",
    ),
    (
        "page",
        "misspelt-figure",
        edit(PAGE, "The guide helps you", "{chiffre Services} The guide helps you"),
        PAGE,
        7,
        "le chiffre",
    ),
    (
        "page",
        "front-matter-broken",
        edit(PAGE, "relu: false\n", "relu: [false\n"),
        PAGE,
        3,
        "en-tête de la page illisible",
    ),
    ("page", "front-matter-unclosed", edit(PAGE, "relu: false\n---\n", "relu: false\n\n"), PAGE, 1, "n'est pas fermé"),
    ("page", "front-matter-list", edit(PAGE, "relu: false\n", "- relu\n"), PAGE, 2, "réglages"),
    ("page", "review-mark", edit(PAGE, "relu: false", "relu: peut-être"), PAGE, 2, "« relu »"),
    (
        "page",
        "french-page-conflict",
        edit("content/aide.md", "\n\n", "\n\n" + CONFLICT.format(a="a", b="b")),
        "content/aide.md",
        0,
        "marque de conflit",
    ),
    ("page", "latin-1-page", latin1(PAGE, "The guide helps you", "Le guide aidé"), PAGE, 0, "UTF-8"),
    (
        "page",
        "script-in-translation",
        edit(PAGE, "The guide helps you", "<script>alert(1)</script> The guide helps you"),
        PAGE,
        7,
        "« script » n'est pas accepté",
    ),
    (
        "page",
        "event-attribute",
        edit(PAGE, "The guide helps you", '<span onmouseover="alert(1)">The guide</span> helps you'),
        PAGE,
        7,
        "« onmouseover » n'est pas accepté",
    ),
    (
        "page",
        "javascript-link",
        edit("content/aide.md", "\n\n", "\n\n[Aide](javascript:alert(1))\n\n"),
        "content/aide.md",
        0,
        "« javascript: » n'est pas accepté",
    ),
    # -- the calendars' memory -----------------------------------------------------------------
    (
        "calendar",
        "conflict-markers",
        edit("data/calendrier.json", "{\n", "{\n<<<<<<< HEAD\n"),
        "data/calendrier.json",
        2,
        "marque de conflit",
    ),
    (
        "calendar",
        "wrong-type",
        write(
            "data/calendrier.json",
            '{"canicule-2027": {"empreinte": 3, "sequence": 0, "modifie": "2026-11-26T00:00:00Z"}}',
        ),
        "data/calendrier.json",
        1,
        "« empreinte »",
    ),
    (
        "calendar",
        "sequence-text",
        edit("data/calendrier.json", '"sequence": 0', '"sequence": "0"'),
        "data/calendrier.json",
        2,
        "« sequence »",
    ),
    (
        "calendar",
        "deep-nesting",
        write("data/calendrier.json", "[" * 100_000 + "]" * 100_000),
        "data/calendrier.json",
        1,
        "trop de niveaux",
    ),
    (
        "calendar",
        "not-json",
        write("data/calendrier.json", "{'canicule': 1}"),
        "data/calendrier.json",
        1,
        "JSON mal formé",
    ),
    (
        "calendar",
        "year-9999",
        edit("data/calendrier.json", '"modifie": "2026-11-26T00:00:00Z"', '"modifie": "9999-12-31T23:59:59Z"'),
        "data/calendrier.json",
        2,
        "« modifie »",
    ),
    # -- mkdocs.yml ------------------------------------------------------------------------------
    (
        "config",
        "report-link",
        edit("mkdocs.yml", "signalement: mailto:", "signalement: javascript:alert(1)//"),
        "mkdocs.yml",
        config_line("signalement:"),
        "« signalement »",
    ),
    (
        "config",
        "budget-text",
        edit("mkdocs.yml", "budget_mo: 20", "budget_mo: beaucoup"),
        "mkdocs.yml",
        config_line("budget_mo:"),
        "« budget_mo »",
    ),
    (
        "config",
        "site-name-markup",
        edit("mkdocs.yml", "site_name: Le guide partagé", "site_name: Le guide <script>alert(1)</script>"),
        "mkdocs.yml",
        1,
        "« site_name »",
    ),
    (
        "config",
        "organisation-markup",
        edit("mkdocs.yml", "organisation: CCAS de Vierzon", "organisation: CCAS <b>de Vierzon</b>"),
        "mkdocs.yml",
        config_line("organisation:"),
        "« organisation »",
    ),
    (
        "config",
        "short-name-too-long",  # cut under the icon on a phone
        edit(
            "mkdocs.yml",
            "organisation: CCAS de Vierzon",
            "organisation: CCAS de Vierzon\n  nom_court: Le guide partagé du CCAS",
        ),
        "mkdocs.yml",
        config_line("organisation:") + 1,
        "trop long pour tenir sous l'icône",
    ),
    (
        "config",
        "colour-too-light",  # white text on it would not be read: refused with a darker one to write
        edit("mkdocs.yml", "organisation: CCAS de Vierzon", 'organisation: CCAS de Vierzon\n  couleur: "#88cc88"'),
        "mkdocs.yml",
        config_line("organisation:") + 1,
        "« #88cc88 » est trop claire",
    ),
    (
        "config",
        "languages-unknown",
        edit("mkdocs.yml", "langues: [fr, en, ar, fa-AF]", "langues: [fr, en, xx]"),
        "mkdocs.yml",
        config_line("langues:"),
        "code de langue",
    ),
    (
        "config",
        "conflict-markers",
        edit("mkdocs.yml", "  generator: false\n", "  generator: false\n<<<<<<< HEAD\n=======\n>>>>>>> x\n"),
        "mkdocs.yml",
        config_line("generator:") + 1,
        "marque de conflit",
    ),
    # -- data files ------------------------------------------------------------------------------
    (
        "data",
        "night-number-unknown",
        edit("data/besoins.yaml", '"3237", "02 61 91 09 00"]', '"3237", "02 61 91 99 99"]'),
        "data/besoins.yaml",
        113,
        "n'est pas dans data/urgences.yaml",
    ),
    (
        "data",
        "event-id-twice",
        edit(
            "data/semaine-du-gout/2026.yaml",
            "  - id: atelier-soupe-epicea\n",
            '  - id: atelier-soupe-epicea\n    titre: Atelier soupe de potimarron\n    jour: 2026-10-13\n    debut: "14:00"\n    fin: "16:00"\n    lieu: epicea\n    organisateurs: [epicea]\n  - id: atelier-soupe-epicea\n',  # noqa: E501
        ),
        "data/semaine-du-gout/2026.yaml",
        44,
        "sert déjà à un autre événement",
    ),
    (
        "data",
        "id-line-break",
        edit("data/partners.yaml", "- id: epicea\n", '- id: "epicea\\n"\n'),
        "data/partners.yaml",
        5,
        "identifiant",
    ),
    (
        "data",
        "year-9999",
        edit("data/interventions.yaml", "debut: 2026-12-01T14:30", "debut: 9999-12-01T14:30"),
        "data/interventions.yaml",
        10,
        "AAAA-MM-JJTHH:MM",
    ),
    (
        "data",
        "line-separator-escape",
        edit(
            "data/partners.yaml",
            "nom: Épicéa, épicerie sociale du CCAS",
            'nom: "Épicéa,\\u2028 épicerie sociale du CCAS"',
        ),
        "data/partners.yaml",
        6,
        "séparateur de ligne",
    ),
    (
        "data",
        "line-separator-raw",
        edit(
            "data/partners.yaml", "nom: Épicéa, épicerie sociale du CCAS", "nom: Épicéa,\u2028 épicerie sociale du CCAS"
        ),
        "data/partners.yaml",
        6,
        "séparateur de ligne",
    ),
    (
        "data",
        "pro-phone-arabic-digits",
        edit("data/besoins.yaml", "      mots: [أكل, طعام,", "      mots: [اتصل ٠٢ ٦١ ٩١ ٤٢ ١٢, أكل, طعام,"),
        "data/besoins.yaml",
        0,
        "02 61 91 42 12",
    ),
    (
        "data",
        "conflict-markers",
        edit("data/partners.yaml", "- id: epicea\n", CONFLICT.format(a="- id: epicea", b="- id: epicea-2")),
        "data/partners.yaml",
        5,
        "marque de conflit",
    ),
]


@pytest.mark.parametrize("kind,name,change,where,line,fragment", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_every_bad_input_is_refused_by_validate_at_its_line_and_by_the_build(
    tmp_path, kind, name, change, where, line, fragment
):
    folder = project(tmp_path)
    change(folder)
    locales = {"SITE_BUILD_LOCALES": str(folder / "locales")}
    checked = run_cli(folder, "validate", env=locales)
    said = checked.stderr
    assert checked.returncode == 1, said
    problem = next((text for text in said.splitlines() if text.startswith(f"{where}:") and fragment in text), None)
    assert problem, said
    if line:
        assert problem.startswith(f"{where}:{line}:"), said
    built = run_cli(folder, "build", "--site-dir", str(folder / "site"), env=locales)
    assert built.returncode == 1, built.stderr
    assert fragment in built.stderr
    assert not (folder / "site").exists()
    for output in (checked.stdout + checked.stderr, built.stdout + built.stderr):
        assert "erreur interne" not in output and "Traceback" not in output, output
        assert "Ce n'est pas une erreur dans vos données" not in output


def test_an_unknown_grocery_is_said_and_the_home_has_no_distribution_block(tmp_path):
    folder = project(tmp_path)
    replace(folder, "mkdocs.yml", "epicerie: epicea", "epicerie: epicerie-inconnue")
    result = site_build(folder, "validate")
    assert result.returncode == 0
    assert (
        f"mkdocs.yml:{config_line('epicerie:')}:1: attention : « epicerie » : la structure « epicerie-inconnue » "
        "n'existe pas" in result.stderr
    )


def test_the_sample_project_passes_the_gate(tmp_path):
    folder = project(tmp_path)
    result = site_build(folder, "validate")
    assert result.returncode == 0, result.stderr
    assert "Données valides" in result.stderr


def test_translations_are_text_wherever_they_land(tmp_path):
    """What the gate lets through (quotes, an ampersand, a less-than sign before a digit) is
    escaped by the theme's own templates too: it can never end an attribute or start an element.
    A translated page without « relu: true » carries its notice."""
    folder = project(tmp_path)
    # the theme's templates, not the data, are under test: the small valid data builds in half the time
    shutil.rmtree(folder / "data")
    shutil.copytree(FIXTURES / "valid", folder / "data")
    replace(
        folder,
        EN_PO,
        'msgid "Choisir la langue"\nmsgstr "Choose the language"',
        'msgid "Choisir la langue"\nmsgstr "Pick\\" onmouseover=\\"alert(1) & <3 100 % la"',
    )
    replace(folder, EN_PO, 'msgid "Urgence ?"\nmsgstr "Emergency?"', 'msgid "Urgence ?"\nmsgstr "Emergency\\" x=\\"1"')
    replace(folder, PAGE, "relu: false\n", "titre: Aide\n")
    result = site_build(folder, "build", "--site-dir", str(folder / "site"))
    assert result.returncode == 0, result.stderr
    page = (folder / "site" / "en" / "aide" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Pick&#34; onmouseover=&#34;alert(1) &amp; &lt;3 100 % la"' in page
    assert 'onmouseover="alert' not in page
    assert "Emergency&#34; x=&#34;1" in page
    assert 'class="gp-relecture"' in page  # no « relu: true »: not reviewed


# -- what reaches the site from outside: CSV cells, imports, digits, the preview --------------


def test_csv_cells_are_never_formulas_and_numbers_stay_numbers():
    from site_build.feeds.datapackage import _csv
    from site_build.feeds.interchange import hsds_files  # noqa: F401 (writes through the same rule)
    from site_build.text.spreadsheet import safe_cell

    for formula in (
        "=1+1",
        "+33 2 61 91 00 10",
        "-2+3",
        "@SUM(A1)",
        "\tx",
        "\rx",
        '=HYPERLINK("https://x.example.org")',
    ):
        assert safe_cell(formula) == "'" + formula
    for kept in ("-", "-3.5", "+2", "-12,5", "Épicéa", "", 3, -1.5, None):
        assert safe_cell(kept) == kept
    fields = [{"name": "nom"}, {"name": "longitude"}, {"name": "note"}]
    written = _csv([{"nom": "=cmd|' /C calc'!A0", "longitude": -1.5, "note": "- une liste"}], fields).decode()
    assert written.splitlines()[1] == "'=cmd|' /C calc'!A0,-1.5,'- une liste"


def test_dashboard_csv_cells_are_neutralised():
    from site_build.data.analytics.territory import CountTable
    from site_build.feeds.dashboard_csv import table_csv

    table = CountTable("t", "Titre", "=Besoin", ("@col", "Vierzon"), (("-x", (-1, 2)),))
    lines = table_csv(table).decode("utf-8-sig").splitlines()
    assert lines == ["'=Besoin;'@col;Vierzon", "'-x;-1;2"]


def test_import_writes_every_value_through_the_yaml_emitter(tmp_path):
    import json

    folder = project(tmp_path)
    fixtures = ROOT / "tests" / "fixtures" / "data-inclusion"
    structures = json.loads((fixtures / "structures.json").read_text(encoding="utf-8"))
    structures[0]["id"] += "\n- id: intrus\n  nom: Intrus sans marque"
    structures[1]["description"] = "x" * 20_000
    (folder / "s.json").write_text(json.dumps(structures), encoding="utf-8")
    result = site_build(folder, "import", "data-inclusion", "s.json", str(fixtures / "services.json"))
    assert result.returncode == 0, result.stderr
    text = (folder / "data" / "partners.yaml").read_text(encoding="utf-8")
    assert "\n- id: intrus" not in text and "Intrus sans marque\n" not in text
    assert '(dora, "a3f1c2d4-0001\\n- id: intrus\\n  nom: Intrus sans marque")' in text
    refused = [line for line in result.stdout.splitlines() if line.startswith("refusé")]
    assert refused == [
        "refusé, non importé : « Point conseil budget de Vierzon » (a3f1c2d4-0002) : champ « description » : "
        "texte trop long (20000 caractères, au plus 5000)."
    ], result.stdout
    assert "n'existe pas" not in result.stdout + result.stderr
    again = site_build(folder, "import", "data-inclusion", "s.json", str(fixtures / "services.json"))
    assert "déjà importé" in again.stdout  # the escaped origin is read back


def test_private_numbers_are_found_in_every_script():
    from site_build.data.checks.publication_checks import PrivateMatcher, contacts_in

    assert contacts_in("اتصل ٠٢ ٦١ ٩١ ٤٢ ١٢") == [("261914212", "02 61 91 42 12")]
    assert contacts_in("０２ ６１ ９１ ４２ １２") == [("261914212", "02 61 91 42 12")]
    assert PrivateMatcher({"261914212": "x"}).may_hold("۰۲۶۱۹۱۴۲۱۲")  # Persian digits


@pytest.mark.parametrize(
    "request_bytes,status",
    [
        (b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (b"GET /%00 HTTP/1.1\r\nConnection: close\r\n\r\n", 404),
        (b"GET /a%00b/index.html HTTP/1.1\r\nConnection: close\r\n\r\n", 404),
        (b"GET /%ff%fe HTTP/1.1\r\nConnection: close\r\n\r\n", 404),
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET / HTTP/9.9\r\n\r\n", 505),
        (b"GET / HTTP/1.1\r\nX: " + b"a" * 70_000 + b"\r\n\r\n", 431),
        (b"BREW / HTTP/1.1\r\nConnection: close\r\n\r\n", 501),
    ],
    ids=["long-line", "nul", "nul-inside", "not-utf8", "garbage", "version", "long-header", "method"],
)
def test_the_preview_answers_every_malformed_request_with_a_status(tmp_path, request_bytes, status):
    import socket
    import threading

    from site_build.editing.preview import open_server

    (tmp_path / "404.html").write_text("<p>Page introuvable</p>", encoding="utf-8")
    server = open_server(("127.0.0.1", 0), tmp_path)
    # shutdown() waits for the loop's next poll: half a second by default, per case
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        with socket.create_connection(server.server_address[:2], timeout=20) as client:
            client.sendall(request_bytes)
            answer = b""
            while chunk := client.recv(65536):
                answer += chunk
        first = answer.split(b"\r\n", 1)[0].decode("latin-1")
        assert first.startswith(f"HTTP/1.0 {status} "), answer[:200]
        if status == 404:
            assert b"Page introuvable" in answer
        else:
            assert b"Erreur" in answer and b"Traceback" not in answer
    finally:
        server.shutdown()
        server.server_close()


def test_the_builds_own_shortcode_message_counts_the_front_matter(tmp_path):
    """Behind the gate, the generator's message (a page built by MkDocs alone) names the same line."""
    from site_build.pages.shortcodes import with_shortcodes

    page = tmp_path / "aide.en.md"
    page.write_text("---\nrelu: false\n---\n\n# Help\n\n{chiffre inconnu}\n", encoding="utf-8")
    body = "# Help\n\n{chiffre inconnu}\n"  # what MkDocs keeps once it took the front matter away
    drawn, messages = with_shortcodes(body, page, "content/aide.en.md", lambda: {"services": 3})
    assert drawn == body
    assert messages == [
        "content/aide.en.md:7 : le chiffre « inconnu » n'existe pas ; écrivez l'un de : besoins, "
        "cases-sans-service, communes, fiches-en-retard, services, structures, par exemple {chiffre services}."
    ]
