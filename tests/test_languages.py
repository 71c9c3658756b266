"""Languages as configuration: mkdocs.yml lists them, French first; hand-written pages are translated
by a file beside them; interface strings come from gettext catalogs read with Babel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_build.data.loading.translations import language_name
from site_build.i18n.catalogs import untranslated
from site_build.i18n.languages import LanguageSettingError, configured_languages, language
from site_build.i18n.pages import Pages, alternates, href_to, translated_pages
from site_build.pipeline import interface_strings

from .conftest import ROOT, site_build_command
from .helpers import OTHER_LANGUAGES, config_beside, read_yaml

LANGUAGES = configured_languages({"langues": ["fr", "en", "ar"]})
FR, EN, AR = LANGUAGES


def test_names_and_directions_come_from_the_locale_data():
    assert [(x.code, x.name, x.direction) for x in LANGUAGES] == [
        ("fr", "Français", "ltr"),
        ("en", "English", "ltr"),
        ("ar", "العربية", "rtl"),
    ]
    assert (FR.folder, EN.folder) == ("", "en/")
    assert configured_languages({}) == (FR,)  # no list: French alone
    # CLDR's name for a language with its region when it has one: Dari, not « Persian (Afghanistan) »
    assert (language("fa-AF").name, language("fa-AF").direction, language_name("fa-AF")) == ("دری", "rtl", "dari")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (["en", "fr"], "doit venir en premier"),
        (["fr", "xx"], "n'est pas un code de langue connu"),
        (["fr", "en", "en"], "écrite deux fois"),
        ("fr, en", "doit être une liste"),
        (["fr", "zu"], "pas de traduction pour « zu »"),
    ],
)
def test_a_wrong_language_list_is_explained_in_french_with_its_line(tmp_path, value, words):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nextra:\n  langues: [fr]\n", encoding="utf-8")
    with pytest.raises(LanguageSettingError) as error:
        configured_languages({"langues": value}, config)
    assert str(error.value).startswith("mkdocs.yml:3 : ") and words in str(error.value)


def test_the_sample_pages_in_each_language():
    translated = translated_pages(ROOT / "content", LANGUAGES, ("recettes/",))
    assert {"index.md", "aide.md", "guide/epicerie.md"} <= translated["en"].sources
    assert {"index.md", "aide.md", "guide/epicerie.md"} <= translated["ar"].sources
    # a generated section is in every language; its files stay French
    assert "recettes/houmous-maison.md" in translated["ar"] and "annuaire/index.md" not in translated["ar"]
    assert translated["ar"].has_path("recettes/2027-03/") and not translated["ar"].has_path("recettes/x.ics")


def test_the_switcher_leads_to_the_same_page_or_to_that_language_home():
    translated = {"en": Pages(frozenset({"aide.md", "index.md"})), "ar": Pages()}
    links = {a.language.code: (a.href, a.translated) for a in alternates("aide.md", EN, LANGUAGES, translated)}
    assert links == {
        "fr": ("../../aide/", True),
        "en": ("../../en/aide/", True),
        "ar": ("../../ar/#non-traduit", False),
    }
    home = {a.language.code: a.href for a in alternates("index.md", FR, LANGUAGES, translated)}
    assert home == {"fr": "./", "en": "en/", "ar": "ar/#non-traduit"}
    # a page the language lacks is linked in French, from any depth
    assert href_to("mentions-legales.md", "guide/epicerie.md", EN, translated) == "../../../mentions-legales/"
    assert href_to("aide.md", "index.md", EN, translated) == "aide/"


def test_every_interface_string_is_translated_in_the_sample_languages():

    everyday = read_yaml(ROOT / "data/libelles.yaml")
    wanted = interface_strings(ROOT / "mkdocs.yml", everyday)
    assert {"Choisir la langue", "Urgence ?", "Accueil", "Le guide partagé"} <= wanted
    # the services' labels as the public site shows them: everyday words, and national ones where none
    assert {"Une aide en nature (nourriture, objets)", "Vous-même", "Sur place", "Manger, faire ses courses"} <= wanted
    for code in OTHER_LANGUAGES:
        assert untranslated(code, wanted) == [], code


def test_built_site_has_each_language_in_its_folder(built_sites):
    site = built_sites["public"]
    for folder, lang, direction in (
        ("", "fr", "ltr"),
        ("en/", "en", "ltr"),
        ("ar/", "ar", "rtl"),
        ("fa-AF/", "fa-AF", "rtl"),
    ):
        html = (site / folder / "aide/index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}" dir="{direction}"' in html
        assert (site / folder / "sw.js").exists() and (site / folder / "manifest.webmanifest").exists()
    english = (site / "en/index.html").read_text(encoding="utf-8")
    assert "The shared guide" in english and 'href="annuaire/"' in english  # the directory, in English
    # the site's description, the territory's words: from the language's home page (description:)
    description = '<meta name="description" content="The guide of Épicéa, the social grocery of Vierzon'
    assert description in (site / "en/aide/index.html").read_text(encoding="utf-8")
    assert 'href="accessibilite/"' in english  # the accessibility statement, translated too
    # the directory and the partner pages in English; the data is the French file's copy, which
    # the English worker saves for offline use; the files a partner page offers stay French
    assert (site / "en/annuaire/annuaire.json").read_bytes() == (site / "annuaire/annuaire.json").read_bytes()
    assert 'href="caf-du-cher/"' in (site / "en/annuaire/index.html").read_text(encoding="utf-8")
    sheet = (site / "en/annuaire/caf-du-cher/index.html").read_text(encoding="utf-8")
    assert "<dt>Address</dt>" in sheet and 'href="../../../annuaire/caf-du-cher/fiche.vcf"' in sheet
    assert '<h1 id="caisse-dallocations-familiales-du-cher" lang="fr">' in sheet  # its name: French
    assert not (site / "en/annuaire/caf-du-cher/fiche.vcf").exists()
    assert not (site / "en/images").exists()
    assert not (built_sites["pro"] / "en").exists()  # the professionals' site is French only
    # hreflang: each page's versions, in the sitemaps (see theme/sitemap.xml for why not in the pages)
    sitemap = (site / "ar/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http://127.0.0.1:8000/ar/aide/</loc>" in sitemap
    assert '<xhtml:link rel="alternate" hreflang="en" href="http://127.0.0.1:8000/en/aide/"/>' in sitemap


def test_a_wrong_language_list_fails_the_build_and_keeps_the_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("ancien site", encoding="utf-8")
    config = config_beside(tmp_path)
    config.write_text(config.read_text().replace("langues: [fr, en, ar, fa-AF]", "langues: [en, fr]"))
    result = site_build_command(
        "build", "--config", str(config), "--site-dir", str(site), "--data", str(ROOT / "data"), cwd=tmp_path
    )
    assert result.returncode == 1, result.stderr
    assert "le français (fr) doit venir en premier" in result.stderr and "Traceback" not in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "ancien site"


def test_a_new_language_without_a_home_page_is_refused_with_what_to_do(tmp_path):
    from site_build.data.model.profile import Profile
    from site_build.generator.build import mkdocs_config, site_languages

    config = config_beside(tmp_path)
    config.write_text(config.read_text().replace("langues: [fr, en, ar, fa-AF]", "langues: [fr, en, ar, fa-AF, es]"))
    with pytest.raises(LanguageSettingError) as error:
        site_languages(mkdocs_config(config), Profile("public"), config)
    assert "traduisez content/index.md dans content/index.es.md" in str(error.value)


def test_the_report_lists_the_translations_to_review():
    result = site_build_command("report", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "Traductions à relire" in result.stdout
    assert "ar  content/aide.ar.md : page pas encore relue (relu: false)" in result.stdout
    assert "en  data/besoins.yaml : 15 besoins traduits pas encore relus" in result.stdout


def test_a_page_marked_reviewed_and_a_missing_catalog_entry(tmp_path):
    from site_build.i18n.review import translations_to_review

    (tmp_path / "aide.md").write_text("# Aide\n", encoding="utf-8")
    (tmp_path / "aide.en.md").write_text("---\nrelu: true\n---\n# Help\n", encoding="utf-8")
    (tmp_path / "aide.ar.md").write_text("# مساعدة\n", encoding="utf-8")  # no status: to review
    found = translations_to_review(tmp_path, LANGUAGES, {"Aide", "Un mot tout neuf"}, ROOT)
    assert [(x.language, x.where) for x in found if x.where.endswith(".md")] == [("ar", str(tmp_path / "aide.ar.md"))]
    assert {(x.language, x.what) for x in found if x.where.endswith(".po")} == {
        ("en", "1 mot du site sans traduction, affiché en français"),
        ("ar", "1 mot du site sans traduction, affiché en français"),
        ("en", "1 mot du site pas encore relu (#, a-relire)"),  # « Aide », translated by the team
        ("ar", "1 mot du site pas encore relu (#, a-relire)"),
    }


def test_the_report_works_with_the_package_outside_the_project(tmp_path):
    """Installed elsewhere (not from the project's folder), the package holds the catalogs: the report
    names them by their whole path instead of stopping on an internal error."""
    from site_build.i18n.catalogs import catalog_file
    from site_build.i18n.review import translations_to_review

    (tmp_path / "aide.md").write_text("# Aide\n", encoding="utf-8")
    (tmp_path / "aide.ar.md").write_text("# مساعدة\n", encoding="utf-8")
    found = translations_to_review(tmp_path, LANGUAGES, {"Aide"}, tmp_path)
    assert ("ar", "aide.ar.md") in {(x.language, x.where) for x in found}
    assert {x.where for x in found if x.where.endswith(".po")} == {str(catalog_file("en")), str(catalog_file("ar"))}


def _the_error(problems):
    """The one error among `problems` (warnings aside)."""
    errors = [p for p in problems if not p.warning]
    assert len(errors) == 1, errors
    return errors[0]


def _with_translations(valid_data: Path, block: str) -> Path:
    needs = valid_data / "besoins.yaml"
    text = needs.read_text(encoding="utf-8")
    needs.write_text(
        text.replace("  mots: [nourriture, colis, courses]\n", "  mots: [nourriture, colis, courses]\n" + block)
    )
    return valid_data


def test_data_translations_in_a_language_of_the_site(valid_data):
    from site_build.data.checks.validate import validate
    from site_build.data.model.records import Records

    data = _with_translations(valid_data, "  traductions:\n    en:\n      nom: Food\n      mots: [food, eat]\n")
    dataset, problems = validate(data, languages=("fr", "en", "ar"))
    assert not [p for p in problems if not p.warning]
    warnings = [p.format() for p in problems if p.warning and "traduction" in p.message]
    # a missing translation is a warning: one per file and language, not one per record
    assert any("1 besoin sur 2 sans traduction en anglais (en)" in w for w in warnings)
    assert any("2 besoins sur 2 sans traduction en arabe (ar)" in w for w in warnings)
    need = Records.from_dataset(dataset).needs[0]
    assert (need.in_language("en").nom, need.in_language("en").mots) == ("Food", ("food", "eat"))
    assert need.in_language("ar").nom == "Manger"  # no Arabic yet: French


def test_a_translation_in_a_language_the_site_does_not_have_is_an_error_at_its_line(valid_data):
    from site_build.data.checks.validate import validate

    data = _with_translations(valid_data, "  traductions:\n    de:\n      nom: Essen\n")
    error = _the_error(validate(data, languages=("fr", "en", "ar"))[1])
    assert error.file.endswith("besoins.yaml") and error.line == 8
    assert "« de » n'est pas une langue du site (langues de mkdocs.yml : en, ar)" in error.message


def test_the_emergency_page_is_made_in_every_language(built_sites):
    site = built_sites["public"]
    english = (site / "en/urgences/index.html").read_text(encoding="utf-8")
    assert "<title>In an emergency - The shared guide</title>" in english
    assert 'If a life is in danger, call <a href="tel:15">15</a> or <a href="tel:112">112</a>.' in english
    assert "Day centre of the Boutique Solidarité" in english  # data/urgences.yaml's translation
    assert 'href="../annuaire/boutique-solidarite/"' in english  # the partner's page, in English too
    assert 'hreflang="fr"' in english and 'href="../../urgences/"' in english  # the menu, same page
    arabic = (site / "ar/urgences/index.html").read_text(encoding="utf-8")
    assert "في حالة الطوارئ" in arabic and '<html lang="ar" dir="rtl"' in arabic
    french = (site / "urgences/index.html").read_text(encoding="utf-8")
    assert "Si une vie est en danger" in french and 'href="../en/urgences/"' in french
    # the banner of every English page leads to the English emergency page
    assert '<a class="gp-bandeau-urgence" href="urgences/">' in (site / "en/index.html").read_text(encoding="utf-8")


def test_links_from_another_language_lead_to_the_french_page_it_lacks():
    from site_build.i18n.current import speaking
    from site_build.pages.links import relative

    with speaking("en", Pages(frozenset({"urgences/index.md", "index.md"}))):
        assert relative("annuaire/caf/", "urgences/") == "../../annuaire/caf/"
        assert relative("urgences/", "") == "urgences/"
    assert relative("annuaire/caf/", "urgences/") == "../annuaire/caf/"  # French again outside


def test_the_scripts_sentences_are_read_from_their_one_list_and_every_key_said_exists():
    import re

    from site_build.i18n.script_texts import SCRIPT_TEXTS

    scripts = ROOT / "site_build/theme/assets/javascripts"
    block = (scripts / "textes.js").read_text(encoding="utf-8").split("var FRENCH_TEXTS = {", 1)[1].split("};")[0]
    assert len(SCRIPT_TEXTS) == block.strip().count("\n") + 1  # every line of the list is read
    assert SCRIPT_TEXTS["open_until"] == "Ouvert — ferme {quand}"
    literal_key = re.compile(r'\bsay\("(\w+)"\s*[,)]')
    said = {key for path in scripts.glob("*.js") for key in literal_key.findall(path.read_text("utf-8"))}
    assert said and said <= set(SCRIPT_TEXTS), sorted(said - set(SCRIPT_TEXTS))


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_sentence_a_script_writes_is_translated(code):
    """The update bar, the print date, the statuses: a script never writes French on another language's page."""
    from site_build.i18n.catalogs import catalog
    from site_build.i18n.script_texts import SCRIPT_TEXTS

    translated = catalog(code)
    missing = [text for text in SCRIPT_TEXTS.values() if not (translated.get(text) and translated.get(text).string)]
    assert missing == []


def _recipe_translated(valid_data: Path, block: str) -> Path:
    recipe = valid_data / "recipes/soupe-de-potiron.yaml"
    recipe.write_text(recipe.read_text(encoding="utf-8") + block, encoding="utf-8")
    return valid_data


def test_a_recipe_translation_gives_its_title_ingredients_and_steps(valid_data):
    from site_build.data.checks.validate import validate
    from site_build.data.model.records import Records

    data = _recipe_translated(
        valid_data,
        "traductions:\n  en:\n    titre: Pumpkin soup\n    ingredients: [pumpkin, salt]\n"
        "    etapes: [Cut the pumpkin., Cook for 30 minutes then blend.]\n",
    )
    dataset, problems = validate(data, languages=("fr", "en", "ar"))
    assert not [p for p in problems if not p.warning]
    warnings = [p.format() for p in problems if p.warning and "traduction" in p.message]
    assert any("soupe-de-potiron.yaml:2:1" in w and "Recette sans traduction en arabe (ar)" in w for w in warnings)
    recipe = Records.from_dataset(dataset).recipes[0]
    english = recipe.in_language("en")
    assert (english.titre, [i.nom for i in english.ingredients], english.langue, english.relu) == (
        "Pumpkin soup",
        ["pumpkin", "salt"],
        "en",
        False,
    )
    assert english.ingredients[0].quantite == 1 and english.ingredients[0].unite == "kg"  # only the names change
    assert recipe.in_language("ar") == recipe  # no Arabic: French, as it is


def test_a_recipe_translation_gives_its_food_tips_and_the_words_of_who_shared_it(valid_data):
    from site_build.data.checks.validate import validate
    from site_build.data.model.records import Records

    recipe = valid_data / "recipes/soupe-de-potiron.yaml"
    recipe.write_text(
        recipe.read_text(encoding="utf-8")
        + "astuces: [Sans mixeur écrasez-la.]\n"
        + "partagee_par: {prenom: Yasmina, accord: true, texte: qui l'a fait goûter}\n"
        + "traductions:\n  ar:\n    aliment: اليقطين\n    astuces: [بدون خلاط، اهرسه.]\n"
        + "    partage: التي قدّمته للتذوّق\n",
        encoding="utf-8",
    )
    dataset, problems = validate(valid_data, languages=("fr", "en", "ar"))
    assert not [p for p in problems if not p.warning]
    arabic = Records.from_dataset(dataset).recipes[0].in_language("ar")
    assert (arabic.aliment_du_mois.nom, arabic.aliment_du_mois.langue) == ("اليقطين", "ar")
    assert (arabic.astuces, arabic.astuces_langue) == (("بدون خلاط، اهرسه.",), "ar")
    assert arabic.partagee_par.texte == "التي قدّمته للتذوّق" and arabic.partagee_par.prenom == "Yasmina"
    assert arabic.titre == "Soupe de potiron"  # no Arabic title: French
    assert arabic.aliment_du_mois.textes_langue == "fr"  # why it is good and how to keep it: not translated


def test_the_month_page_says_why_the_food_is_good_in_each_language(built_sites):
    arabic = (built_sites["public"] / "ar/recettes/2026-11/index.html").read_text(encoding="utf-8")
    assert "<span>غني بالألياف والفيتامينات، رخيص في الشتاء." in arabic  # translated: no lang of its own
    french = (built_sites["public"] / "recettes/2026-11/index.html").read_text(encoding="utf-8")
    assert "Riche en fibres et en vitamines, peu cher en hiver." in french


def test_a_translated_list_must_have_one_line_per_french_line(valid_data):
    from site_build.data.checks.validate import validate

    data = _recipe_translated(valid_data, "traductions:\n  en:\n    ingredients: [pumpkin]\n")
    error = _the_error(validate(data, languages=("fr", "en", "ar"))[1])
    assert error.file.endswith("soupe-de-potiron.yaml") and error.line == 20
    assert "la traduction a 1 ligne, le français en a 2 lignes : écrivez une ligne traduite" in error.message


def test_an_intervention_title_in_another_language(valid_data):
    from site_build.data.checks.validate import validate
    from site_build.data.model.records import Records

    events = valid_data / "interventions.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(
        text.replace(
            "  titre: Manger équilibré\n", "  titre: Manger équilibré\n  traductions:\n    xx: {titre: Eat}\n", 1
        ),
        encoding="utf-8",
    )
    _, problems = validate(valid_data, languages=("fr", "en", "ar"))
    assert [(p.line, "« xx » n'est pas une langue du site" in p.message) for p in problems if not p.warning] == [
        (5, True)
    ]
    events.write_text(
        text.replace(
            "  titre: Manger équilibré\n", "  titre: Manger équilibré\n  traductions:\n    en: {titre: Eat}\n", 1
        ),
        encoding="utf-8",
    )
    dataset, problems = validate(valid_data, languages=("fr", "en", "ar"))
    assert not [p for p in problems if not p.warning]
    assert Records.from_dataset(dataset).interventions[0].in_language("en").titre == "Eat"


def test_dates_numbers_and_prices_in_each_language_french_rules_unchanged():
    from datetime import date, datetime

    from site_build.i18n import formats
    from site_build.i18n.current import speaking
    from site_build.pages.recipes import quantity_text

    first, start, end = date(2026, 12, 1), datetime(2026, 12, 8, 14, 0), datetime(2026, 12, 8, 16, 30)
    said = {}
    for code in ("fr", "en", "ar"):
        with speaking(code):
            said[code] = (
                formats.day(first),
                formats.month("2027-04"),
                formats.euros(1.5),
                formats.time_span(start, end),
                quantity_text(1250, "g"),
                quantity_text(1.5, "cuillere-a-soupe"),
            )
    assert said["fr"] == (
        "1er décembre 2026",
        "avril 2027",
        "1,50\u00a0€",
        "mardi 8 décembre 2026, de 14 h à 16 h 30",
        "1,3 kg",
        "1 ½ cuillères à soupe",
    )
    assert said["en"] == (
        "December 1, 2026",
        "April 2027",
        "€1.50",
        "Tuesday, December 8, 2026, from 14:00 to 16:30",
        "1.3 kg",
        "1 ½ tablespoons",
    )
    assert said["ar"][0] == "1 ديسمبر 2026" and said["ar"][4] == "1.3 kg"  # Latin digits, as on the door
    assert said["ar"][5] == "1 ½ ملعقة كبيرة"


def test_recipes_and_health_pages_are_made_in_every_language(built_sites):
    site = built_sites["public"]
    english = (site / "en/recettes/houmous-maison/index.html").read_text(encoding="utf-8")
    assert "<h1" in english and "Homemade hummus" in english and "Quantities for 6 servings." in english
    assert 'class="gp-relecture"' in english  # the recipe's translation is not reviewed yet
    assert '<ul class="gp-ingredients">' in english  # translated: no lang of its own
    assert "— <span>The chickpea</span>" in english  # the food of the month, translated: no lang of its own
    assert 'alt="Drawing of a bowl of beige hummus' in english and 'src="../../../images/recettes/' in english
    arabic = (site / "ar/sante/index.html").read_text(encoding="utf-8")
    assert "الأكل المتوازن بميزانية صغيرة" in arabic and '<html lang="ar" dir="rtl"' in arabic
    assert '<a href="../../sante/" hreflang="fr"' in arabic  # the menu: the same page in French
    french = (site / "recettes/houmous-maison/index.html").read_text(encoding="utf-8")
    assert "Houmous maison" in french and "Quantités pour 6 portions." in french and "gp-relecture" not in french
    assert ' lang="fr"' not in french.split("<article", 1)[1]  # French in a French page needs no mark


@pytest.mark.parametrize(
    "code,expected",
    [
        ("fr", "Du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 16 h 30 ; fermé les jours fériés"),
        (
            "en",
            "Monday to Friday, from 08:30 to 12:00 and from 13:30 to 16:30; closed on public holidays",
        ),
        ("ar", "من الاثنين إلى الجمعة، من 08:30 إلى 12:00 ومن 13:30 إلى 16:30؛ مغلق في أيام العطل الرسمية"),
    ],
)
def test_opening_hours_in_words_in_each_language(code, expected):
    from datetime import date

    from site_build.i18n.current import speaking
    from site_build.i18n.hours_words import hours_in_words

    with speaking(code):
        said = hours_in_words("Mo-Fr 08:30-12:00,13:30-16:30; PH off", date(2026, 11, 27))
    assert said.replace("\u202f", " ") == expected.replace("\u202f", " ")


def test_a_monthly_rule_and_a_night_in_english():
    from datetime import date

    from site_build.i18n.current import speaking
    from site_build.i18n.hours_words import hours_in_words

    with speaking("en"):
        first = hours_in_words("Mo[1] 09:00-12:00", date(2026, 11, 27))
        night = hours_in_words("Mo-Su 20:00-02:00", date(2026, 11, 27))
    assert first.replace("\u202f", " ") == "The first Monday of the month, from 09:00 to 12:00"
    assert night.replace("\u202f", " ") == "Every day, from 20:00 to 02:00 the next day"


def test_the_home_of_each_language_is_made_like_the_french_one(built_sites):
    arabic = (built_sites["public"] / "ar/index.html").read_text(encoding="utf-8")
    assert 'href="annuaire/?besoin=manger"' in arabic  # a need tile leads to the Arabic directory
    assert '<form class="gp-accueil-recherche" action="annuaire/"' in arabic
    assert "هذا الشهر في" in arabic and "من 14:00 إلى 17:30" in arabic  # this month; hours in Arabic words
    assert '<span lang="fr" dir="ltr">Épicéa</span>' in arabic  # the grocery's name, French, isolated
    photo = re.search(r'"photo":"([^"]+)"', arabic)
    assert photo and photo[1].startswith("../images/recettes/")  # the month's photo: the French site's file


# Every public page is in every language: a French page added without its English and Arabic
# counterparts (a hand-written page without its .en.md, a family not marked translated) fails here.


def test_every_public_french_page_has_its_page_in_every_language(built_sites):
    site = built_sites["public"]

    def pages(root):
        return {
            "" if f.parent == root else f.parent.relative_to(root).as_posix() + "/"
            for f in root.rglob("index.html")
            if (f.parent.relative_to(root).parts or ("",))[0] not in (*OTHER_LANGUAGES, "search", "assets")
        }

    french = pages(site)
    assert len(OTHER_LANGUAGES) >= 3  # English, Arabic and Dari at least
    for code in OTHER_LANGUAGES:
        missing = french - pages(site / code)
        assert missing == set(), f"French pages with no /{code}/ page"


def test_a_settings_file_with_tags_still_tells_its_languages_and_words(tmp_path):
    # Material's emoji setting, for one, needs !!python/name: the commands that read mkdocs.yml as a
    # file (traductions, report) and the catalogs' words still find the languages and the menu
    from site_build.i18n.languages import languages_in_config

    emoji = "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    tagged = settings.replace("markdown_extensions:\n", "markdown_extensions:\n" + emoji, 1)
    assert "!!python/name" in tagged
    (tmp_path / "mkdocs.yml").write_text(tagged, encoding="utf-8")
    found = languages_in_config(tmp_path / "mkdocs.yml")
    assert found and [lang.code for lang in found] == [lang.code for lang in languages_in_config(ROOT / "mkdocs.yml")]
    everyday = read_yaml(ROOT / "data/libelles.yaml")
    assert interface_strings(tmp_path / "mkdocs.yml", everyday) == interface_strings(ROOT / "mkdocs.yml", everyday)
