"""One gate: what `validate` accepts, `build` builds in both profiles and publishes safely; what the
build would refuse (or silently get wrong), `validate` reports first, at file and line."""

import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from site_build.data.checks.problems import DataError
from site_build.data.checks.validate import has_errors, validate
from site_build.generator.build import build_site

from .conftest import FIXTURES
from .helpers import BROKEN_CASES as CASES
from .helpers import config_beside, install_broken

DAY = date(2026, 11, 26)


def _previous_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    return site


def _assert_refused(tmp_path: Path, data: Path):
    site = _previous_site(tmp_path)
    config = config_beside(tmp_path)
    for profile in ("public", "pro"):
        with pytest.raises(DataError):
            build_site(config, profile, site, data)
    assert (site / "index.html").read_text() == "previous site"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_what_validate_refuses_the_build_refuses_before_writing(tmp_path, valid_data, name):
    install_broken(valid_data, name)
    _assert_refused(tmp_path, valid_data)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


RECIPE = (FIXTURES / "valid/recipes/soupe-de-potiron.yaml").read_text(encoding="utf-8")


def _two_files_one_id(data: Path):
    _write(data / "recipes/soupe-de-potiron.yml", RECIPE)


def _month_name(data: Path):
    _write(data / "recipes/2026-12.yaml", RECIPE)


def _index_name(data: Path):
    _write(data / "recipes/index.yaml", RECIPE)


def _linked_data_file(data: Path):
    secret = _write(data.parent / "ailleurs/secret.yaml", RECIPE)
    (data / "recipes/lien.yaml").symlink_to(secret)


def _linked_photo(data: Path):
    outside = data.parent / "ailleurs/photo.jpg"
    outside.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURES / "content/images/pas-une-photo.jpg", outside)
    (data.parent / "content/images/photo.jpg").symlink_to(outside)
    recipe = data / "recipes/soupe-de-potiron.yaml"
    recipe.write_text(recipe.read_text() + "image: {src: images/photo.jpg, alt: Une soupe orange.}\n")


def _page_in_generated_folder(data: Path):
    _write(data.parent / "content/annuaire/index.md", "# Annuaire écrit à la main\n")


def _huge_file(data: Path):
    path = data / "partners.yaml"
    path.write_text(path.read_text() + "# " + "x" * (21 * 1024 * 1024) + "\n")


# (what the editor did, how it is broken, the file named, what the message says)
MULTI_FILE = [
    ("two-files-one-id", _two_files_one_id, "recipes/soupe-de-potiron.yml", "porte déjà le même nom"),
    ("recipe-named-like-a-month", _month_name, "recipes/2026-12.yaml", "page du mois /recettes/2026-12/"),
    ("recipe-named-index", _index_name, "recipes/index.yaml", "nom réservé"),
    ("data-file-is-a-link", _linked_data_file, "recipes/lien.yaml", "lien symbolique refusé"),
    ("photo-is-a-link", _linked_photo, "content/images/photo.jpg", "lien symbolique refusé"),
    ("page-where-pages-are-generated", _page_in_generated_folder, "content/annuaire", "rempli par les données"),
    ("file-too-big", _huge_file, "partners.yaml", "fichier trop gros"),
]


@pytest.mark.parametrize("name,breaks,file,fragment", MULTI_FILE, ids=[m[0] for m in MULTI_FILE])
def test_names_links_and_sizes_are_reported_by_validate_and_refused_by_the_build(
    tmp_path, valid_data, name, breaks, file, fragment
):
    breaks(valid_data)
    _, problems = validate(valid_data, DAY)
    errors = [p for p in problems if not p.warning]
    assert any(p.file.endswith(file) and fragment in p.message for p in errors), "\n".join(p.format() for p in errors)
    _assert_refused(tmp_path, valid_data)


def _hostile_but_valid(data: Path):
    """Text that looks like markup, right-to-left text, limits reached, unusual but valid hours, an
    upright phone photo: all of it accepted, and all of it must come out as plain, correct text."""
    from PIL import Image

    partners = data / "partners.yaml"
    text = partners.read_text(encoding="utf-8")
    text = text.replace(
        "nom: Épicéa, épicerie sociale",
        'nom: "*Épicéa* [clic](javascript:alert(1)) ![x](https://pisteur.example.net/x.png) '
        '{: onclick=alert(2) } `code` # Épicéa <3 & co"',
        1,
    )
    text = text.replace(
        "description: Épicerie sociale du CCAS.",
        'description: "# Titre\\n\\n> citation\\n\\n    code\\n\\nمرحبا بكم في البقالة\\n\\n---\\n\\n'
        '[site](https://epicea.example.org) et [appel](tel:+33261910010)"',
        1,
    )
    text = text.replace(
        'horaires_accueil: "Tu,Th 09:00-12:00,14:00-17:30; PH off"',
        "horaires_accueil: 'Tu,Th 09:00-12:00 || \"sur rendez-vous\"'",
        1,
    )
    partners.write_text(text, encoding="utf-8")
    photo = data.parent / "content/images/debout.jpg"
    image = Image.new("RGB", (400, 300), (200, 120, 40))
    exif = image.getexif()
    exif[0x0112] = 6  # stored sideways, shown upright
    image.save(photo, "JPEG", exif=exif)
    recipe = data / "recipes/soupe-de-potiron.yaml"
    hostile_title = "titre: 'Soupe [x](javascript:alert(3)) {: onmouseover=alert(4)} <img src=x onerror=alert(5) x='"
    recipe.write_text(
        recipe.read_text(encoding="utf-8")
        .replace("titre: Soupe de potiron", hostile_title)
        .replace("portions: 4", "portions: 50")
        + "image: {src: images/debout.jpg, alt: Une soupe orange dans un bol.}\n",
        encoding="utf-8",
    )


def test_what_validate_accepts_builds_in_both_profiles_as_plain_text(tmp_path, valid_data):
    _hostile_but_valid(valid_data)
    _, problems = validate(valid_data, DAY)
    assert not has_errors(problems), "\n".join(p.format() for p in problems)
    config = config_beside(tmp_path)
    for profile in ("public", "pro"):
        site = build_site(config, profile, tmp_path / profile, valid_data)
        pages = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
        for path, html in pages.items():
            for tag, name, value in _attributes(html):
                assert not name.startswith("on"), f"event attribute <{tag} {name}> in {path}"
                assert not (value or "").strip().lower().startswith("javascript:"), f"<{tag} {name}> in {path}"
                if name in ("src", "srcset", "poster", "data"):
                    assert "://" not in (value or ""), f"remote resource <{tag} {name}={value}> in {path}"
        partner = (site / "annuaire/epicea/index.html").read_text(encoding="utf-8")
        assert "*Épicéa* [clic](javascript:alert(1))" in partner  # shown as written
        assert "{: onclick=alert(2) }" in partner and "&lt;3 &amp; co" in partner
        assert "مرحبا بكم في البقالة" in partner and '<a href="tel:+33261910010"' in partner
        assert "<h1>Titre" not in partner and "<blockquote>" not in partner and "<hr" not in partner
        recipe = (site / "recettes/soupe-de-potiron/index.html").read_text(encoding="utf-8")
        assert "Soupe [x](javascript:alert(3)) {: onmouseover=alert(4)}" in recipe
        # the upright photo is upright: taller than wide, in the page and in the files
        width, height = map(int, re.search(r'<img [^>]*width="(\d+)" height="(\d+)"', recipe).groups())
        assert height > width
        from PIL import Image

        with Image.open(site / "images/debout-640.jpg") as resized:
            assert resized.height > resized.width
        assert stat_mode(site) == "755" and stat_mode(site / "index.html") == "644"


def _attributes(html: str) -> list[tuple[str, str, str | None]]:
    """(tag, attribute, value) of every attribute of every element, as a browser's parser reads them."""
    from html.parser import HTMLParser

    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend((tag, name, value) for name, value in attrs)

    Collector().feed(html)
    return found


def stat_mode(path: Path) -> str:
    return oct(os.stat(path).st_mode & 0o777)[2:]


def test_a_file_the_guide_does_not_read_is_named(valid_data):
    _write(valid_data / "partenaires.yml", "- id: oublie\n")
    _write(valid_data / "recipes/tarte.YAML", RECIPE)
    _, problems = validate(valid_data, DAY)
    warned = {Path(p.file).name: p.message for p in problems if p.warning}
    assert "fichier ignoré" in warned["partenaires.yml"]
    assert "renommez le fichier en « tarte.yaml »" in warned["tarte.YAML"]
