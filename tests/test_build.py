"""The built sites: URLs of DESIGN.md, profiles, data package, feeds, atomic swaps."""

import json
import re
from pathlib import Path

import pytest

from site_build.data.checks.problems import DataError
from site_build.generator.build import build_site
from site_build.text.french import tel_uri

from .helpers import (
    FIXTURES,
    FRENCH_ONLY,
    PARTNER_COUNT,
    ROOT,
    build_variant,
    config_beside,
    public_feed_input,
    read_yaml,
)


def _files(site: Path):
    return [p for p in site.rglob("*") if p.is_file()]


def test_every_design_url_exists(built_sites):
    public, pro = built_sites["public"], built_sites["pro"]
    for url in (
        "index.html",
        "guide/epicerie/index.html",
        "annuaire/index.html",
        "annuaire/caf-du-cher/index.html",
        "recettes/index.html",
        "recettes/veloute-de-potimarron/index.html",
        "recettes/2026-12/index.html",
        "sante/index.html",
        "sante/2027-01/index.html",
        "sante/epi-sante.ics",
        "donnees/index.html",
        "donnees/datapackage.json",
        "hors-ligne/index.html",
        "search/search_index.json",
    ):
        assert (public / url).is_file(), url
        assert (pro / url).is_file(), url
    for url in ("professionnels/index.html", "liaison/fiche-de-liaison/index.html"):
        assert (pro / url).is_file(), url
        assert not (public / url).exists(), url
    # the professionals' site is French only: content/index.ar.md is no page of it (it was, at /index.ar/)
    for site in (public, pro):
        assert not re.search(r"\.(?:en|ar)/</loc>", (site / "sitemap.xml").read_text()), site
        assert not list(site.glob("index.*/"))
    assert len(list((public / "annuaire").glob("*/index.html"))) == PARTNER_COUNT


def _pro_only_values():
    people = read_yaml(ROOT / "data/professionals.yaml")
    values = set()
    for person in people:
        if person["visibilite"] == "pro":
            values.add(f"{person['prenom']} {person['nom']}")
            values.add(person["courriel"])
            for phone in person["telephones"]:  # as written, as a tel: link or vCard, digits only
                values.update({phone["numero"], tel_uri(phone["numero"])[4:]})
    return values


def test_public_build_holds_no_pro_only_value(built_sites):
    values = _pro_only_values()
    assert len(values) > 50
    leaks = []
    for path in _files(built_sites["public"]):
        text = path.read_bytes().decode("utf-8", errors="ignore")
        text = text.replace("\\u00a0", " ")
        leaks += [(str(path), v) for v in values if v in text]
    assert not leaks, leaks[:5]
    pro_ids = {p["id"] for p in read_yaml(ROOT / "data/professionals.yaml") if p["visibilite"] == "pro"}
    assert not [p for p in _files(built_sites["public"]) if any(i in str(p) for i in pro_ids)]
    assert not (built_sites["public"] / "professionnels").exists()
    # the pro build does hold them: the check above can fail
    pro_text = "".join(p.read_text(encoding="utf-8") for p in _files(built_sites["pro"] / "professionnels"))
    assert sum(v in pro_text for v in values) == len(values)


def test_pro_pages_are_noindex(built_sites):
    assert 'name="robots" content="noindex' in (built_sites["pro"] / "index.html").read_text(encoding="utf-8")
    assert "noindex" not in (built_sites["public"] / "index.html").read_text(encoding="utf-8")


def test_generated_pages_stay_out_of_the_global_nav(built_sites):
    home = (built_sites["public"] / "index.html").read_text(encoding="utf-8")
    assert "annuaire/caf-du-cher/" not in home
    assert 'href="professionnels/"' not in home


def test_search_index_is_french_and_holds_partners(built_sites):
    index = json.loads((built_sites["public"] / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["fr"]
    assert any(doc["location"].startswith("annuaire/caf-du-cher/") for doc in index["docs"])


def test_data_package_passes_frictionless(built_sites):
    import frictionless

    descriptor = built_sites["public"] / "donnees/datapackage.json"
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["message"])
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    names = {r["name"] for r in package["resources"]}
    assert names == {
        "partenaires",
        "services",
        "professionnels",
        "recettes",
        "ingredients",
        "interventions",
        "occurrences",
        "semaine_du_gout_animations",
        "semaine_du_gout_organisateurs",
        "semaine_du_gout_bus",
    }
    services = next(r for r in package["resources"] if r["name"] == "services")
    assert services["schema"]["foreignKeys"][0]["reference"]["resource"] == "partenaires"


def test_calendar_feed_has_stable_uids_and_paris_times(built_sites):
    import icalendar

    calendar = icalendar.Calendar.from_ical((built_sites["public"] / "sante/epi-sante.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 17
    first = next(e for e in events if str(e["uid"]).startswith("depistage-diabete@"))
    assert first["dtstart"].dt.tzinfo.key == "Europe/Paris"
    assert "FREQ" in first["rrule"].to_ical().decode()


def test_partner_page_shows_french_labels_not_slugs(built_sites):
    page = (built_sites["public"] / "annuaire/caf-du-cher/index.html").read_text(encoding="utf-8")
    assert "Du lundi au vendredi, de 8 h 30 à 12 h" in page
    assert "Familles" in page and "difficultes-financieres--" not in page
    assert 'href="tel:+33261910030"' in page


def test_invalid_data_leaves_previous_site_intact(tmp_path, valid_data):
    config = config_beside(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    (valid_data / "partners.yaml").write_text(
        (FIXTURES / "broken/partners--public-mal-ecrit.yaml").read_text(encoding="utf-8")
    )
    with pytest.raises(DataError):
        build_site(config, "public", site, valid_data)
    assert (site / "index.html").read_text() == "previous site"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def _with_duplicate_partner(view, public, *rest):
    """The feeds' input with data validation would have refused: a partner twice."""
    import copy

    from site_build.feeds.feed_input import FeedInput

    twice = copy.copy(public)
    twice.partners = [*public.partners, public.partners[0]]
    return FeedInput(view, twice, *rest)


def test_invalid_data_package_fails_the_build(tmp_path, valid_data, monkeypatch, caplog):
    # The feeds and Frictionless run after the French pages (small data) or in a child process during
    # the build (large data: the next test); either way their verdict gates the swap.
    import site_build.pipeline as pipeline

    monkeypatch.setattr(pipeline, "FeedInput", _with_duplicate_partner)
    config = config_beside(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    with pytest.raises(Exception, match="BuildError"):
        build_site(config, "public", site, valid_data)
    assert "paquet de données invalide : partenaires.csv, ligne" in caplog.text
    assert (site / "index.html").read_text() == "previous site"


@pytest.mark.parametrize("in_child", [True, False], ids=["child", "here"])
def test_the_feeds_refuse_an_invalid_data_package_wherever_they_are_made(tmp_path, valid_data, monkeypatch, in_child):
    import site_build.pipeline as pipeline
    from site_build.feeds.datapackage import PackageError
    from site_build.feeds.worker import start_feeds

    config = config_beside(tmp_path)
    monkeypatch.setattr(pipeline, "FeedInput", _with_duplicate_partner)
    feeds = start_feeds(public_feed_input(config, valid_data), in_child=in_child)
    try:
        with pytest.raises(PackageError, match="partenaires.csv, ligne"):
            feeds.finish(tmp_path / "site")
    finally:
        feeds.close()
    monkeypatch.undo()
    feeds = start_feeds(public_feed_input(config, valid_data), in_child=in_child)
    try:
        feeds.finish(tmp_path / "valid")  # and the valid package passes, its files in its own site
    finally:
        feeds.close()
    assert (tmp_path / "valid/annuaire/annuaire.json").is_file()
    assert (tmp_path / "valid/donnees/datapackage.json").is_file()


def test_generator_failure_leaves_previous_site_intact(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    broken_config = tmp_path / "mkdocs.yml"
    broken_config.write_text((ROOT / "mkdocs.yml").read_text().replace("name: material", "name: no-such-theme"))
    from site_build.generator.configs import GeneratorConfigError

    with pytest.raises(GeneratorConfigError):
        build_site(broken_config, "public", site, ROOT / "data")
    assert (site / "index.html").read_text() == "previous site"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_data_values_are_escaped(tmp_path, valid_data):
    from datetime import date

    from site_build.data.checks.validate import validate
    from site_build.data.model.profile import PUBLIC
    from site_build.data.model.records import Partner, build
    from site_build.pages.directory import partner_page

    dataset, _ = validate(valid_data, date(2026, 11, 26))
    partner = dict(
        dataset.partners[1],
        nom='A & B "quoted"',
        sigle="<i>x</i>",
        description="[lien](javascript:alert(1)) <img src=x onerror=alert(1)>",
    )
    html = partner_page(build(Partner, partner), PUBLIC.records(dataset), date(2026, 11, 26)).html
    # The values handed to « Proposer une modification » are the text as written, inert JSON data.
    values = re.search(r'<script type="application/json" id="gp-valeurs">(.*?)</script>', html, re.S)
    assert values and "<" not in values[1] and json.loads(values[1])["partenaire"][partner["id"]]["sigle"] == "<i>x</i>"
    shown = html.replace(values[0], "")
    assert "<i>x</i>" not in shown and "&lt;i&gt;x&lt;/i&gt;" in shown
    assert "javascript:" not in shown and "<img" not in shown


def test_verification_page_is_pro_only_and_lists_late_entries_first(built_sites):
    assert not (built_sites["public"] / "verification").exists()
    page = (built_sites["pro"] / "verification/index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr><td>(.*?)</td>", page)
    assert rows[0] == "<strong>En retard</strong>" and "Musée de Vierzon" in page.split("À jour")[0]
    assert "noindex" in page


def test_publication_needs_the_public_address(tmp_path):
    from site_build.generator.build import PublicationError

    config = config_beside(tmp_path, french_only=True)
    data = FIXTURES / "valid"  # the addresses, not the data, are under test: the small project is quicker
    with pytest.raises(PublicationError, match="site_url"):
        build_site(config, "public", tmp_path / "site", data, publication=True)
    assert not (tmp_path / "site").exists()
    site = build_site(
        config, "public", tmp_path / "site", data, site_url="https://guide.example.org/", publication=True
    )
    page = (site / "annuaire/caf-du-cher/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://guide.example.org/annuaire/caf-du-cher/">' in page
    assert "127.0.0.1" not in page


def test_build_uses_the_data_folder_it_is_given(variant):
    """`site-build build --data DIR` validates and builds DIR, not the project's own data/."""
    site = variant(config=FRENCH_ONLY)
    partners = sorted(p.parent.name for p in (site.folder / "annuaire").glob("*/index.html"))
    assert partners == ["caf-du-cher", "epicea"]
    assert site.has("recettes/soupe-de-potiron/")
    assert "Caisse d'allocations familiales du Cher" in site.text("annuaire/caf-du-cher/")


def test_private_numbers_are_found_however_they_are_written():
    from site_build.data.checks.publication_checks import contacts_in, phone_key

    for written in (
        "06 39 98 11 21",
        "06.39.98.11.21",
        "0639981121",
        "+33 6 39 98 11 21",
        "+33639981121",
        "0033 6 39 98 11 21",
        "+33 (0)6 39 98 11 21",
        "06-39-98-11-21",
    ):
        assert [key for key, _ in contacts_in(f"Appelez le {written} le matin")] == ["639981121"], written
    assert phone_key("02 61 91 00 30") == "261910030"
    assert contacts_in("Écrire à Nadia.Lefevre@CAF.example.org") == [
        ("nadia.lefevre@caf.example.org", "Nadia.Lefevre@CAF.example.org")
    ]


def test_generated_headings_are_in_the_table_of_contents(built_sites):
    page = (built_sites["public"] / "annuaire/caf-du-cher/index.html").read_text(encoding="utf-8")
    toc = page[page.index('aria-label="Table des matières"') :]
    toc = toc[: toc.index("</nav>")]
    assert 'href="#contact"' in toc and 'href="#services"' in toc
    recipe = (built_sites["public"] / "recettes/houmous-maison/index.html").read_text(encoding="utf-8")
    assert 'href="#ingredients"' in recipe[recipe.index('aria-label="Table des matières"') :]


def test_plain_sentences_skip_the_markdown_parser_with_the_same_result():
    import html

    from site_build.pages.render import environment
    from site_build.text.safe_markdown import is_plain_paragraph, markdown_text

    texts = [p.get("description") for p in read_yaml(ROOT / "data/partners.yaml") if p.get("description")]
    texts += ["Horaires : 9 h", "l'épicerie « solidaire »", "50 % des gens", "a -- b", "Tél. 02 48 00 00 00"]
    markup = ["1. un", "- liste", "* liste", "    code", "*gras*", "[lien](https://x.org)", "a\nb", "x\ty", "<b>"]
    assert all(is_plain_paragraph(t) for t in texts[-5:]) and not any(is_plain_paragraph(t) for t in markup)
    prose = environment().from_string('{% from "_macros.html" import prose %}{{ prose(t) }}')
    for text in texts + markup:
        assert html.unescape(prose.render(t=text)) == html.unescape(markdown_text(text)), text


def test_compiled_templates_are_kept_and_give_the_same_pages(tmp_path):
    import shutil

    import jinja2

    from site_build.pages import render

    plain = jinja2.Environment(loader=render.environment().loader, autoescape=True)
    saved = render.environment().bytecode_cache
    try:
        render.keep_compiled_templates(tmp_path / "modeles")
        kept = render.environment()
        kept.cache.clear()  # compile again, through the folder
        html = render.render("offline_partner.html", "hors-ligne/fiche/")
        assert list((tmp_path / "modeles").glob("*/__jinja2_*.cache"))  # in a folder per version of the filters
        kept.cache.clear()
        assert render.render("offline_partner.html", "hors-ligne/fiche/") == html  # read back from the folder
        plain.globals.update(kept.globals)
        assert plain.get_template("offline_partner.html").render(here="hors-ligne/fiche/").strip() == html
        shutil.rmtree(tmp_path / "modeles")  # a folder gone (or read-only) only means compiling
        kept.cache.clear()
        for name in ("partner_card.html", "open_data.html"):
            kept.get_template(name)
    finally:
        render.environment().bytecode_cache = saved
        render.environment().cache.clear()


def test_site_search_never_indexes_form_internals(built_sites):
    for profile in ("public", "pro"):
        index = (built_sites[profile] / "search/search_index.json").read_text(encoding="utf-8")
        for internal in ("Tous les thèmes", "Toutes les communes", "Effacer les filtres", "Pas de restriction"):
            assert internal not in index, (profile, internal)
    pro = (built_sites["pro"] / "search/search_index.json").read_text(encoding="utf-8")
    assert "Garder un brouillon" not in pro and "Annuaire des professionnels" in pro


def test_languages_built_in_parallel_give_the_same_site(tmp_path):
    # A large directory builds the other languages and the feeds in child processes
    # (generator/language_child.py, feeds/worker.py): forced here on the small data, the site is the
    # one the build makes in one process, byte for byte.
    sequential = build_variant(tmp_path / "one", parallel=False).folder
    parallel = build_variant(tmp_path / "two", parallel=True).folder

    def files(site):
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}

    made, expected = files(parallel), files(sequential)
    assert {"en/index.html", "ar/index.html", "en/sw.js", "en/annuaire/annuaire.json"} <= set(made)
    assert sorted(made) == sorted(expected)
    assert [name for name in made if made[name] != expected[name]] == []
    assert [p.name for p in (tmp_path / "two/variant").iterdir() if "-build-" in p.name] == []  # none left


def test_a_failed_language_child_leaves_the_previous_site(tmp_path, valid_data, monkeypatch):
    import shutil

    import site_build.generator.build as generator
    from site_build.generator.language_child import LanguageBuildError

    config = config_beside(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    # English's home page quotes an unknown figure once the gate has passed: only the child sees it
    english = tmp_path / "pages"
    shutil.copytree(ROOT / "content", english)
    config.write_text(config.read_text().replace(f"docs_dir: {ROOT / 'content'}", f"docs_dir: {english}"))
    original = generator.checked

    def checked_then_broken(*args):
        verdict = original(*args)
        (english / "index.en.md").write_text("# Home\n\n{chiffre inconnu}\n", encoding="utf-8")
        return verdict

    monkeypatch.setattr(generator, "checked", checked_then_broken)
    with pytest.raises(LanguageBuildError, match="« en »"):
        build_site(config, "public", site, valid_data, parallel=True)
    assert (site / "index.html").read_text() == "previous site"
    assert [p.name for p in tmp_path.iterdir() if "-build-" in p.name] == []
