"""The partners' own words in every language: `traductions:` on partners, services and people,
checked like every text, shown on each language's pages with the « not yet reviewed » notice, and
found by the directory's search in every language."""

from __future__ import annotations

import json
import re
from pathlib import Path

from site_build.data.checks.validate import validate
from site_build.data.model.records import Records

LANGUAGES = ("fr", "en", "ar")

SERVICE_BLOCK = """      traductions:
        en:
          nom: Shopping at the social grocery
          conditions_acces: Be referred by a social worker.
          relu: true
        ar:
          nom: التسوّق في البقالة الاجتماعية
"""
PARTNER_BLOCK = """  traductions:
    en:
      description: The CCAS social grocery.
      relu: true
"""


def _translated(valid_data: Path, partner: str = PARTNER_BLOCK, service: str = SERVICE_BLOCK) -> Path:
    partners = valid_data / "partners.yaml"
    text = partners.read_text(encoding="utf-8")
    text = text.replace("  frequence_maj: 6\n", "  frequence_maj: 6\n" + partner, 1)
    text = text.replace("      orientable: true\n", "      orientable: true\n" + service, 1)
    partners.write_text(text, encoding="utf-8")
    return valid_data


def _errors(valid_data: Path) -> list[str]:
    _, problems = validate(valid_data, languages=LANGUAGES)
    return [p.format() for p in problems if not p.warning]


def test_a_partner_and_its_service_in_another_language(valid_data):
    dataset, problems = validate(_translated(valid_data), languages=LANGUAGES)
    assert [p for p in problems if not p.warning] == []
    warnings = [p.format() for p in problems if p.warning and "sans traduction en arabe" in p.message]
    assert any("partners.yaml" in w and "sur 4 sans traduction en arabe" in w for w in warnings), warnings
    records = Records.from_dataset(dataset)
    english = records.in_language("en")
    epicea = english.partner_by_id["epicea"]
    service = english.service_by_id["epicea--aide-alimentaire"]
    assert (epicea.description, epicea.langue, epicea.relu) == ("The CCAS social grocery.", "en", True)
    assert (service.nom, service.conditions_acces, service.langue) == (
        "Shopping at the social grocery",
        "Be referred by a social worker.",
        "en",
    )
    assert epicea.reviewed  # both reviewed
    arabic = records.in_language("ar")
    assert arabic.service_by_id["epicea--aide-alimentaire"].nom == "التسوّق في البقالة الاجتماعية"
    assert not arabic.partner_by_id["epicea"].reviewed  # its service's Arabic is not reviewed
    assert arabic.partner_by_id["epicea"].description == "Épicerie sociale du CCAS."  # no Arabic: French
    # what a proposal starts from stays the file's French
    assert english.partner_by_id["epicea"].services[0].as_written.nom == "Courses à l'épicerie sociale"


def test_a_translated_text_is_checked_like_the_french_one(valid_data):
    service = SERVICE_BLOCK.replace("nom: Shopping at the social grocery", 'nom: "<b>Shopping</b>"')
    errors = _errors(_translated(valid_data, service=service))
    assert len(errors) == 1 and "le HTML n'est pas accepté" in errors[0] and "partners.yaml:" in errors[0]


def test_a_markdown_translation_keeps_to_the_markdown_of_the_data(valid_data):
    partner = PARTNER_BLOCK.replace("The CCAS social grocery.", "See [this](javascript:alert(1)).")
    errors = _errors(_translated(valid_data, partner=partner))
    assert len(errors) == 1 and "javascript:" in errors[0]


def test_a_field_that_is_not_words_cannot_be_translated(valid_data):
    partner = PARTNER_BLOCK.replace("      relu: true\n", '      telephone: "02 61 91 00 99"\n      relu: true\n')
    errors = _errors(_translated(valid_data, partner=partner))
    assert len(errors) == 1 and "telephone" in errors[0], errors


def test_a_translated_list_of_documents_has_one_line_per_french_line(valid_data):
    documents = "          justificatifs: [ID card]\n          relu: true\n"
    service = SERVICE_BLOCK.replace("          relu: true\n", documents)
    errors = _errors(_translated(valid_data, service=service))
    assert len(errors) == 1 and "la traduction a 1 ligne, le français en a 0 ligne" in errors[0], errors
    assert "écrivez une ligne traduite (un document) pour chaque ligne en français" in errors[0]


def test_a_pro_only_phone_in_a_translation_is_refused(valid_data):
    people = (valid_data / "professionals.yaml").read_text(encoding="utf-8")
    private = next(
        number
        for block in people.split("\n- ")
        if "visibilite: pro" in block
        for number in re.findall(r'"(0[1-9](?: [0-9]{2}){4})"', block)
    )
    partner = PARTNER_BLOCK.replace("The CCAS social grocery.", f"Call Claire on {private}.")
    errors = _errors(_translated(valid_data, partner=partner))
    assert len(errors) == 1 and "réservée aux professionnels" in errors[0], errors


def test_each_language_shows_its_own_words_and_the_review_notice(built_sites):
    site = built_sites["public"]
    french = (site / "annuaire/epicea/index.html").read_text(encoding="utf-8")
    arabic = (site / "ar/annuaire/epicea/index.html").read_text(encoding="utf-8")
    english = (site / "en/annuaire/epicea/index.html").read_text(encoding="utf-8")
    assert '<h3 id="epicea--aide-alimentaire-nom">Courses à l&#39;épicerie sociale</h3>' in french
    assert '<h3 id="epicea--aide-alimentaire-nom">التسوّق في البقالة الاجتماعية</h3>' in arabic
    assert '<h3 id="epicea--aide-alimentaire-nom">Shopping at the social grocery</h3>' in english
    assert 'class="gp-relecture"' in arabic and 'class="gp-relecture"' not in french
    # the vocabularies' labels in Arabic; a name no translation changes stays French, and says so
    assert "<dt>لمن</dt><dd>العائلات والمسنّون" in arabic and "<dd>مساعدة عينية (طعام، أغراض)</dd>" in arabic
    assert '<a href="#epicea--aide-alimentaire">التسوّق في البقالة الاجتماعية</a>' in arabic
    # a proposal made from the Arabic page starts from the file's French words
    values = json.loads(re.search(r'<script type="application/json" id="gp-valeurs">(.*?)</script>', arabic, re.S)[1])
    assert values["service"]["epicea--aide-alimentaire"]["nom"] == "Courses à l'épicerie sociale"
    people = (site / "ar/annuaire/epicea/index.html").read_text(encoding="utf-8")
    assert "مسؤولة البقالة الاجتماعية" in people  # a person's public function


def test_the_directory_data_carries_the_translated_words_in_columns(built_sites):
    data = json.loads((built_sites["public"] / "annuaire/annuaire.json").read_text(encoding="utf-8"))
    services = data["services"]
    row = services["id"].index("epicea--aide-alimentaire")
    assert data["textes"][services["nom@ar"][row]] == "التسوّق في البقالة الاجتماعية"
    assert data["textes"][services["nom@en"][row]] == "Shopping at the social grocery"
    assert "desc@en" in data["partenaires"]
    # the labels and the hours in words in each language, for what the script draws (cards, offline sheet)
    assert data["libelles@ar"]["pu"]["familles"] == "العائلات" and data["libelles@en"]["fr"]["gratuit"] == "Free"
    assert all("texte@ar" in table and "texte@en" in table for table in data["horaires"])
    assert any("14:00" in table["texte@en"] for table in data["horaires"])
    pro = json.loads((built_sites["pro"] / "annuaire/annuaire.json").read_text(encoding="utf-8"))
    assert "nom@ar" not in pro["services"] and "libelles@ar" not in pro  # the professionals' site is French


def test_the_semaine_du_gout_in_each_language(built_sites):
    site = built_sites["public"]
    arabic = (site / "ar/semaine-du-gout/2026/index.html").read_text(encoding="utf-8")
    english_bus = (site / "en/semaine-du-gout/2026/bus/index.html").read_text(encoding="utf-8")
    assert "<title>أسبوع الذوق 2026: ذوق الفصول" in arabic and "ورشة حساء القرع" in arabic
    assert 'class="gp-relecture"' in arabic  # translated by us, not yet by a native speaker
    assert "Tasting of apple juice pressed on the spot" in english_bus and ">Stop by stop<" in english_bus
    # the stops' names stay French, marked so
    assert '<h3 id="arret-clos-du-roy" lang="fr">Place du Clos du Roy' in english_bus
    values = json.loads(re.search(r'<script type="application/json" id="gp-valeurs">(.*?)</script>', arabic, re.S)[1])
    assert values["animation"]["atelier-soupe-epicea"]["titre"] == "Atelier soupe de potimarron"


def test_a_label_the_catalog_lacks_stays_french_and_says_so(monkeypatch):
    from site_build.data.model.labels import shown_labels
    from site_build.i18n.current import speaking
    from site_build.pages import render

    with speaking("en"), shown_labels({"publics": {"seniors": "Personnes âgées"}}):  # the public site's words
        assert render.terms(["familles", "seniors"], "publics") == "Families and Older people"
        real = render.is_translated
        monkeypatch.setattr(render, "is_translated", lambda text: text != "Familles" and real(text))
        said = render.terms(["familles", "seniors"], "publics")  # « Familles » just renamed in libelles.yaml
    assert said == '<span lang="fr">Familles</span>, Older people'
