"""`site-build init`: another territory starts its own guide from an empty folder and a data·inclusion
export, with none of the sample's places, names or codes; the new project validates, builds both
sites, passes axe and works offline."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .conftest import Server, axe_source, axe_violations, ready_offline
from .helpers import FIXTURES, ROOT, run_cli

EXPORT = FIXTURES / "data-inclusion-issoudun"
# what names the sample's territory (tests/test_architecture.py keeps it out of the code)
SAMPLE = re.compile(r"vierzon|[ée]pic[ée]a\b|caf-du-cher|18100|18279", re.IGNORECASE)
OPTIONS = [
    "--territoire", "Issoudun", "--organisation", "CCAS d'Issoudun", "--courriel", "guide@ccas-issoudun.example.org",
    "--commune", "36088", "--couleur", "#6a1b9a", "--nom-court", "Guide Issoudun",
    "--import-data-inclusion", str(EXPORT / "structures.json"), str(EXPORT / "services.json"),
]  # fmt: skip


def _mentions_of_the_sample(folder):
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix not in (".png", ".woff2", ".gz")):
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path.relative_to(folder)}: {m[0]}" for m in SAMPLE.finditer(text)]
    return found


@pytest.fixture(scope="module")
def new_guide(tmp_path_factory):
    """A guide made by `init` for Issoudun, and its two sites built by the real build."""
    from site_build.generator.build import build_site

    base = tmp_path_factory.mktemp("territoire")
    made = run_cli(base, "init", "issoudun", *OPTIONS)
    assert made.returncode == 0, made.stderr
    project = base / "issoudun"
    sites = {
        p: build_site(project / "mkdocs.yml", p, project / f"site-{p}", project / "data") for p in ("public", "pro")
    }
    return project, made, sites


def test_init_writes_a_complete_project_with_only_what_was_given(new_guide):
    project, made, _ = new_guide
    for wanted in (
        "mkdocs.yml", "Makefile", "README.md", "CONTRIBUTING.md", "pyproject.toml", ".gitignore",
        ".github/workflows/pull-request.yml", ".github/workflows/publish.yml", ".github/workflows/proposition.yml",
        ".github/ISSUE_TEMPLATE/proposition.md", ".vscode/settings.json",
        "content/index.md", "content/aide.md", "content/mentions-legales.md", "content/accessibilite.md",
        "data/partners.yaml", "data/besoins.yaml", "hooks/guide.py", "site_build/cli.py", "deploy/Caddyfile",
    ):  # fmt: skip
        assert (project / wanted).is_file(), wanted
    # only what was given: the commune's two structures, as entries to verify; no recipe, date or week
    partners = (project / "data/partners.yaml").read_text(encoding="utf-8")
    assert partners.count("\n- id: ") == 2 and "Châteauroux" not in partners  # the other commune is left out
    assert "restos-du-coeur-centre-d-issoudun" in made.stdout
    assert not any((project / "data" / name).exists() for name in ("recipes", "interventions.yaml", "semaine-du-gout"))
    assert "CCAS d'Issoudun" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert _mentions_of_the_sample(project) == []
    assert "make serve" in (project / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^\tmake|^\t\$\(BIN\)", (project / "Makefile").read_text(encoding="utf-8"), re.M)  # real tabs
    checked = run_cli(project, "validate")
    assert checked.returncode == 0, checked.stderr


def test_the_new_guide_builds_both_sites_with_none_of_the_sample(new_guide):
    project, _, sites = new_guide
    public, pro = sites["public"], sites["pro"]
    assert (public / "annuaire/restos-du-coeur-centre-d-issoudun/index.html").is_file()
    assert (pro / "annuaire/restos-du-coeur-centre-d-issoudun/index.html").is_file()
    home = (public / "index.html").read_text(encoding="utf-8")
    assert "Le guide partagé de Issoudun" in home and 'id="distribution"' not in home  # no grocery given
    # its own colour: a stylesheet over the theme's green, the phone's bar and the installed app
    assert "--md-primary-fg-color: #6a1b9a;" in (public / "assets/stylesheets/couleurs.css").read_text(encoding="utf-8")
    assert 'href="assets/stylesheets/couleurs.css"' in home and '<meta name="theme-color" content="#6a1b9a">' in home
    manifest = (public / "manifest.webmanifest").read_text(encoding="utf-8")
    assert '"theme_color": "#6a1b9a"' in manifest and '"short_name": "Guide Issoudun"' in manifest
    for absent in ("recettes", "sante", "semaine-du-gout", "mes-droits", "en"):
        assert not (public / absent).exists(), absent
    assert _mentions_of_the_sample(public) == [] and _mentions_of_the_sample(pro) == []


def test_init_refuses_what_it_cannot_use_and_writes_nothing(tmp_path):
    (tmp_path / "pris").mkdir()
    (tmp_path / "pris" / "notes.txt").write_text("à garder", encoding="utf-8")
    taken = run_cli(tmp_path, "init", "pris", *OPTIONS)
    assert taken.returncode == 2 and "existe déjà et n'est pas vide" in taken.stderr
    assert [p.name for p in (tmp_path / "pris").iterdir()] == ["notes.txt"]
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', encoding="utf-8")
    wrong = run_cli(
        tmp_path, "init", "nouveau", *OPTIONS[:4], "--courriel", "guide", "--logo", str(logo), "--couleur", "#88cc88",
        "--nom-court", "Le guide partagé d'Issoudun",
    )  # fmt: skip
    assert wrong.returncode == 2
    assert "« guide » n'est pas une adresse électronique" in wrong.stderr and "contient un script" in wrong.stderr
    # a colour white text cannot be read on: refused, with a darker one to write instead
    assert "« #88cc88 » est trop claire" in wrong.stderr and "par exemple « #527a52 »" in wrong.stderr
    assert "« Le guide partagé d'Issoudun » est trop long pour tenir sous l'icône" in wrong.stderr
    assert not (tmp_path / "nouveau").exists()
    assert "Traceback" not in taken.stderr + wrong.stderr


def test_the_new_guide_passes_axe_and_works_offline(new_guide, browser):
    _, _, sites = new_guide
    server = Server(sites["public"])
    context = browser.new_context(locale="fr-FR")
    try:
        page = context.new_page()
        context.add_init_script(script=axe_source())
        for path in ("/", "/annuaire/", "/annuaire/restos-du-coeur-centre-d-issoudun/", "/urgences/", "/aide/"):
            page.goto(server.url + path)
            page.wait_for_load_state("load")
            assert axe_violations(page) == "", path
        ready_offline(page, server.url + "/")
        context.set_offline(True)
        page.goto(server.url + "/annuaire/point-d-acces-au-droit-d-issoudun/")
        assert "Point d'accès au droit d'Issoudun" in page.locator("h1").inner_text()
    finally:
        context.close()
        server.stop()


RESTOS = "restos-du-coeur-centre-d-issoudun"
# one file of each kind, written for the new territory's own entries
FEATURE_FILES = {
    "interventions.yaml": f"""- id: atelier-equilibre
  titre: Manger équilibré avec un petit budget
  intervenant: Diététicienne
  partenaire: {RESTOS}
  lieu: {RESTOS}
  debut: 2026-12-03T14:00
  fin: "16:00"
""",
    "professionals.yaml": f"""- id: durand-lea
  nom: Durand
  prenom: Léa
  fonction: Responsable du centre
  partenaire: {RESTOS}
  telephones:
    - {{numero: "02 61 91 40 11", type: voice}}
  visibilite: public
  date_verification: 2026-11-02
""",
    "droits.yaml": f"""- id: prime-activite
  nom: Prime d'activité
  resume: Un complément pour les personnes qui travaillent et gagnent peu.
  organisme: La CAF
  sous_conditions_de_ressources: true
  si:
    - ressources: [travail]
  aide: [{RESTOS}--colis-alimentaires]
  documents: [Les bulletins de salaire des 3 derniers mois]
  source: https://www.service-public.fr/particuliers/vosdroits/F2882
  verifie_le: 2026-11-02
""",
    "semaine-du-gout/2027.yaml": f"""theme: Le goût des saisons
commune: Issoudun
du: 2027-10-11
au: 2027-10-17
presentation: Une semaine pour goûter les fruits et les légumes d'automne.
evenements:
  - id: atelier-soupe
    titre: Atelier soupe
    jour: 2027-10-14
    debut: "14:00"
    fin: "16:00"
    lieu: {RESTOS}
    organisateurs: [{RESTOS}]
    publics: [tout-public]
""",
}


def test_every_feature_comes_back_with_one_file_of_its_kind(new_guide, tmp_path):
    from site_build.generator.build import build_site

    project = tmp_path / "issoudun"
    shutil.copytree(new_guide[0], project, ignore=shutil.ignore_patterns("site-*"))
    data = project / "data"
    schemas = {"interventions.yaml": "interventions", "professionals.yaml": "professionals", "droits.yaml": "rights"}
    for name, text in FEATURE_FILES.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        schema = schemas.get(name, "edition")
        depth = "../" * name.count("/")
        line = f"# yaml-language-server: $schema=../{depth}site_build/schemas/{schema}.schema.json\n"
        (data / name).write_text(line + text, encoding="utf-8")
    # the food bank distributes on Thursdays and takes liaison forms: what the health dates and the form need
    partners = (data / "partners.yaml").read_text(encoding="utf-8")
    partners = partners.replace(
        "  horaires_accueil: Mo,Th 13:30-16:30\n",
        "  horaires_accueil: Mo,Th 13:30-16:30\n  horaires_distribution: Th 13:30-16:30\n",
    )
    partners = partners.replace(
        "    mobilisable_par: [usagers, professionnels]\n",
        "    mobilisable_par: [usagers, professionnels]\n    orientable: true\n",
    )
    (data / "partners.yaml").write_text(partners, encoding="utf-8")
    shutil.copytree(FIXTURES / "valid/recipes", data / "recipes")  # a recipe, as a partner would send it
    form = (FIXTURES / "valid/forms/fiche.yaml").read_text(encoding="utf-8")
    (data / "forms").mkdir()
    (data / "forms/fiche-de-liaison.yaml").write_text(
        form.replace("epicea--aide-alimentaire", f"{RESTOS}--colis-alimentaires"), encoding="utf-8"
    )
    checked = run_cli(project, "validate")
    assert checked.returncode == 0, checked.stderr
    public = build_site(project / "mkdocs.yml", "public", project / "site", data)
    pro = build_site(project / "mkdocs.yml", "pro", project / "site-pro", data)
    for section in ("recettes/", "sante/", "mes-droits/", "semaine-du-gout/"):
        assert (public / section / "index.html").is_file(), section
        assert f'href="{section}"' in (public / "index.html").read_text(encoding="utf-8"), section  # its menu entry
    assert (pro / "professionnels/index.html").is_file() and (pro / "liaison/fiche-de-liaison/index.html").is_file()
    assert (public / "sante/epi-sante.ics").is_file()
    assert _mentions_of_the_sample(public) == [] and _mentions_of_the_sample(pro) == []


def test_a_proposal_becomes_a_change_in_the_new_guide_as_its_workflow_runs_it(new_guide, tmp_path):
    """The proposal workflow comes with the guide: what it runs there exists, and `appliquer` turns an
    issue about an imported entry into a change of data/ that still validates."""
    import subprocess
    import sys

    import yaml

    project = tmp_path / "issoudun"
    shutil.copytree(new_guide[0], project, ignore=shutil.ignore_patterns("site-*"))
    workflow = project / ".github/workflows/proposition.yml"
    linted = subprocess.run([str(Path(sys.executable).parent / "actionlint"), "-no-color", str(workflow)],
                            capture_output=True, text=True)  # fmt: skip
    assert linted.returncode == 0, linted.stdout
    makefile = (project / "Makefile").read_text(encoding="utf-8")
    for name, value in reversed(re.findall(r"^(\w+) :?= (.*)$", makefile, re.M)):  # $(STAMP): .venv/.installed
        makefile = makefile.replace(f"$({name})", value)  # the last defined first: it may use the others
    targets = set(re.findall(r"^([a-z.][a-z./-]*):", makefile, re.M))
    for step in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]["appliquer"]["steps"]:
        for target in re.findall(r"^\s*make (\S+)", step.get("run", ""), re.M):
            # the screenshots need the product's test suite, which a new guide does not have
            assert target in targets or "hashFiles('tests/" in step.get("if", ""), target
    block = f'proposition:\n  fiche: partenaire\n  id: {RESTOS}\n  apres:\n    telephone: "02 61 91 00 42"\n'
    (project / "ticket.txt").write_text(f"Modification proposée.\n\n```yaml\n{block}```\n", encoding="utf-8")
    applied = run_cli(project, "appliquer", "ticket.txt", "--ticket", "3", "--texte-demande", "demande.md")
    assert applied.returncode == 0, applied.stderr
    assert "telephone: 02 61 91 00 42\n" in (project / "data/partners.yaml").read_text(encoding="utf-8")
    assert (project / "demande.md").read_text(encoding="utf-8").rstrip().endswith("Closes #3")
    assert run_cli(project, "validate").returncode == 0


def test_the_readme_s_commands_make_a_guide_that_make_checks(tmp_path):
    """README « Créer le guide de votre territoire », run as written: its init line, then the new
    folder's own Makefile (`make test`: validate, then build both sites) with this run's .venv."""
    import shlex
    import subprocess

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Créer le guide de votre territoire", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    init_line, cd_line, serve_line = block.strip().splitlines()
    assert init_line.startswith(".venv/bin/site-build init ") and serve_line == "make serve"
    here = tmp_path / "guide-partage"
    here.mkdir()
    for name in ("structures.json", "services.json"):
        shutil.copy(EXPORT / name, here / name)
    made = run_cli(here, *shlex.split(init_line)[1:])
    assert made.returncode == 0, made.stderr
    project = here / cd_line.removeprefix("cd ")
    # this run's packages are installed already: the install step is marked done (a stamp of this test's,
    # newer than the new pyproject.toml, and -o), so nothing is ever reinstalled from the new folder
    stamp = tmp_path / "installed"
    stamp.touch()
    checked = subprocess.run(
        ["make", "test", f"VENV={ROOT / '.venv'}", f"STAMP={stamp}", "-o", str(stamp)],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert (project / "site/index.html").is_file() and (project / "site-pro/index.html").is_file()


SUN_SVG = (  # a yellow sun, as a drawing program saves it
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#ffc800"/></svg>'
)


def _sun_png(path: Path, size: int = 256) -> None:
    from PIL import Image, ImageDraw

    drawn = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    ImageDraw.Draw(drawn).ellipse(
        (size // 16, size // 16, size - size // 16, size - size // 16), fill=(255, 200, 0, 255)
    )
    drawn.save(path)


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_a_logo_gives_the_installed_app_its_icons_on_the_guide_s_colour(tmp_path, kind):
    from PIL import Image

    logo = tmp_path / f"logo.{kind}"
    if kind == "png":
        _sun_png(logo)
    else:
        logo.write_text(SUN_SVG, encoding="utf-8")
    made = run_cli(tmp_path, "init", "guide", *OPTIONS[:12], "--logo", str(logo))
    assert made.returncode == 0, made.stderr
    theme = tmp_path / "guide/site_build/theme"
    assert (theme / f"assets/images/logo.{kind}").read_bytes() == logo.read_bytes()
    assert f'logo: "assets/images/logo.{kind}"' in (tmp_path / "guide/mkdocs.yml").read_text(encoding="utf-8")
    for name, size in (("favicon-48.png", 48), ("apple-touch-icon.png", 180), ("icon-maskable-512.png", 512)):
        with Image.open(theme / "assets/icons" / name) as icon:
            assert icon.size == (size, size)
            pixels = icon.convert("RGB")
            assert pixels.getpixel((size // 2, size // 2)) == (255, 200, 0)  # the logo in the middle
            if name != "favicon-48.png":  # square corners: the guide's colour
                assert pixels.getpixel((1, 1)) == (0x6A, 0x1B, 0x9A)


def test_a_colour_without_a_logo_redraws_the_guide_s_own_logo_on_it(tmp_path):
    from PIL import Image

    made = run_cli(tmp_path, "init", "guide", *OPTIONS[:12])
    assert made.returncode == 0, made.stderr
    with Image.open(tmp_path / "guide/site_build/theme/assets/icons/apple-touch-icon.png") as icon:
        assert icon.convert("RGB").getpixel((1, 1)) == (0x6A, 0x1B, 0x9A)
    plain = run_cli(tmp_path, "init", "vert", *OPTIONS[:8])  # no colour: the product's icons, unchanged
    assert plain.returncode == 0, plain.stderr
    icons = "site_build/theme/assets/icons/icon-512.png"
    assert (tmp_path / "vert" / icons).read_bytes() == (ROOT / icons).read_bytes()


def test_icones_redraws_the_icons_after_the_logo_or_the_colour_changed(tmp_path):
    from PIL import Image

    assert run_cli(tmp_path, "init", "guide", *OPTIONS[:8]).returncode == 0
    project = tmp_path / "guide"
    (project / "site_build/theme/assets/images/soleil.svg").write_text(SUN_SVG, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('logo: "assets/images/logo.svg"', "logo: assets/images/soleil.svg").replace(
            "\nextra:\n", '\nextra:\n  couleur: "#00587a"\n'
        ),
        encoding="utf-8",
    )
    redrawn = run_cli(project, "icones")
    assert redrawn.returncode == 0, redrawn.stderr
    assert "Icônes dessinées depuis site_build/theme/assets/images/soleil.svg, sur la couleur #00587a" in redrawn.stderr
    with Image.open(project / "site_build/theme/assets/icons/icon-maskable-512.png") as icon:
        pixels = icon.convert("RGB")
        assert pixels.getpixel((256, 256)) == (255, 200, 0) and pixels.getpixel((1, 1)) == (0x00, 0x58, 0x7A)
    config.write_text(config.read_text(encoding="utf-8").replace("soleil.svg", "lune.svg"), encoding="utf-8")
    missing = run_cli(project, "icones")
    assert missing.returncode == 2 and "n'existe pas" in missing.stderr and "Traceback" not in missing.stderr
    config.write_text(re.sub(r"\n  logo: .*", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    unnamed = run_cli(project, "icones")
    assert unnamed.returncode == 2 and "mkdocs.yml ne nomme pas de logo" in unnamed.stderr, unnamed.stderr


def test_a_logo_that_cannot_be_drawn_is_refused(tmp_path):
    small = tmp_path / "petit.png"
    _sun_png(small, 64)
    empty, broken = tmp_path / "vide.svg", tmp_path / "coupe.svg"
    empty.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"></svg>', encoding="utf-8")
    broken.write_text(SUN_SVG[:60], encoding="utf-8")
    for logo, said in ((small, "trop petit"), (empty, "ne dessine rien"), (broken, "ne dessine rien")):
        refused = run_cli(tmp_path, "init", "autre", *OPTIONS[:12], "--logo", str(logo))
        assert refused.returncode == 2 and said in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr and not (tmp_path / "autre").exists()


def test_init_asks_its_questions_in_french_in_a_terminal(tmp_path):
    """Without options, in a terminal (a real pseudo-terminal here): French questions, answers typed."""
    import os
    import pty
    import select
    import subprocess
    import sys

    answers = ["Issoudun", "", "", "guide@ccas-issoudun.example.org", "36088"]  # "": the default offered
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "site_build.cli", "init", "guide"], cwd=tmp_path,
        stdin=follower, stdout=follower, stderr=follower, close_fds=True,
    )  # fmt: skip
    os.close(follower)

    def read() -> bytes:  # what the terminal shows next; b"" once the command has ended
        ready, _, _ = select.select([leader], [], [], 30)
        assert ready, said.decode()  # a question never came: fail, do not hang
        try:
            return os.read(leader, 4096)
        except OSError:  # the command ended and closed its terminal
            return b""

    said = b""
    try:
        for answer in answers:
            while not said.rstrip().endswith(b":"):
                chunk = read()
                assert chunk, said.decode()  # the command ended before its question: fail, do not loop
                said += chunk
            os.write(leader, answer.encode() + b"\n")
            said += read()  # the answer, echoed
        while chunk := read():
            said += chunk
    finally:
        os.close(leader)
        assert process.wait(timeout=60) == 0, said.decode()
    text = said.decode()
    assert "Le territoire du guide" in text and "L'organisation qui tient le guide [CCAS de Issoudun]" in text
    assert "Le nom du guide [Le guide partagé de Issoudun]" in text and "Guide créé dans guide" in text
    config = (tmp_path / "guide/mkdocs.yml").read_text(encoding="utf-8")
    assert 'organisation: "CCAS de Issoudun"' in config and 'courriel: "guide@ccas-issoudun.example.org"' in config


def test_the_sample_s_words_are_found_when_its_settings_hold_tags(tmp_path):
    # a guide may add a Markdown extension set with !!python/name: its own `init` still reads its settings
    from site_build.editing.init import Territory, _sample_words

    (tmp_path / "data").mkdir()
    shutil.copy2(ROOT / "data/partners.yaml", tmp_path / "data/partners.yaml")
    tagged = "emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8") + tagged, encoding="utf-8")
    territory = Territory(name="Le guide", town="Issoudun", organisation="CCAS d'Issoudun", email="g@example.org")
    words = _sample_words(tmp_path, territory)
    assert words and words == _sample_words(ROOT, territory)
