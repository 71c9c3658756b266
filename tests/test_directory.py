"""Directory outputs outside the browser: JSON, vCards, JSON-LD, report link, closed partners, 10,000 partners."""

import json
import re
from datetime import date

import vobject

from site_build.data.checks.validate import validate
from site_build.data.loading.settings import SiteSettings
from site_build.data.model.profile import PUBLIC
from site_build.data.model.records import Address, Partner, build
from site_build.feeds.directory_json import directory_data
from site_build.pages.directory import FULL_LIST_LIMIT, PAGE_SIZE, directory_page, partner_page

from .helpers import PARTNER_COUNT, ROOT, JsonLd, read_yaml

TODAY = date(2026, 11, 26)


def test_partner_page_has_organization_json_ld(built_sites):
    parser = JsonLd()
    parser.feed((built_sites["public"] / "annuaire/caf-du-cher/index.html").read_text(encoding="utf-8"))
    [data] = parser.blocks
    assert data["@context"] == "https://schema.org" and data["@type"] == "Organization"
    assert data["name"] == "Caisse d'allocations familiales du Cher" and data["alternateName"] == "CAF"
    assert data["address"]["postalCode"] == "18100" and data["address"]["addressLocality"] == "Vierzon"
    assert data["telephone"] == "+33261910030" and data["@id"].endswith("/annuaire/caf-du-cher/")
    assert {o["itemOffered"]["name"] for o in data["makesOffer"]} >= {"Accès aux droits et prestations"}


def test_json_ld_cannot_be_closed_by_data():
    dataset, _ = validate(ROOT / "tests/fixtures/valid", TODAY)
    partner = dict(dataset.partners[0], nom="</script><script>alert(1)</script>")
    html = partner_page(build(Partner, partner), PUBLIC.records(dataset), TODAY).html
    assert "</script><script>alert(1)" not in html and "\\u003c/script\\u003e" in html


def test_vcards_parse_and_carry_the_contact(built_sites):
    card = vobject.readOne((built_sites["public"] / "annuaire/caf-du-cher/fiche.vcf").read_text(encoding="utf-8"))
    assert card.fn.value == "Caisse d'allocations familiales du Cher"
    assert card.tel.value == "+33261910030" and card.email.value == "accueil@caf.example.org"
    assert card.adr.value.city == "Vierzon" and card.adr.value.code == "18100"
    people = read_yaml(ROOT / "data/professionals.yaml")
    person = next(p for p in people if p["visibilite"] == "pro" and len(p["telephones"]) > 1)
    card = vobject.readOne((built_sites["pro"] / f"professionnels/{person['id']}.vcf").read_text(encoding="utf-8"))
    assert card.fn.value == f"{person['prenom']} {person['nom']}" and card.title.value == person["fonction"]
    assert len(card.contents["tel"]) == len(person["telephones"])
    lines = (built_sites["pro"] / f"professionnels/{person['id']}.vcf").read_bytes().split(b"\r\n")
    assert max(len(line) for line in lines) <= 75


def test_report_link_names_the_partner_and_page(built_sites):
    html = (built_sites["public"] / "annuaire/caf-du-cher/index.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="(mailto:[^"]+)">Signaler une erreur</a>', html)
    assert link and link[1].startswith("mailto:guide@ccas-vierzon.example.org?subject=")
    assert "caf-du-cher" in link[1] and "Caisse%20d%E2%80%99allocations" not in link[1]
    issue = partner_page(
        build(
            Partner,
            {"id": "x", "nom": "X & Y", "date_verification": "2026-11-01"},
            adresse=Address("1 rue", "18100", "Vierzon"),
        ),
        PUBLIC.records(validate(ROOT / "tests/fixtures/valid", TODAY)[0]),
        TODAY,
        SiteSettings("https://guide.example.org/", "https://github.com/exemple/guide/issues/new"),
    ).html
    assert "https://github.com/exemple/guide/issues/new?title=Erreur+sur+la+fiche" in issue
    assert "https%3A%2F%2Fguide.example.org%2Fannuaire%2Fx%2F" in issue


def test_closed_and_temporarily_closed_partners_are_shown_clearly():
    dataset, _ = validate(ROOT / "data", TODAY)
    creche = next(p for p in dataset.partners if p["id"] == "creche-les-petits-loups")
    records = PUBLIC.records(dataset)
    html = partner_page(build(Partner, creche), records, TODAY).html
    assert "Fermeture temporaire du 24 décembre 2026 au 2 janvier 2027." in html
    closed = partner_page(build(Partner, dict(creche, statut="ferme", fermeture_temporaire=None)), records, TODAY).html
    assert "fermée définitivement" in closed


def test_directory_json_uses_labels_and_shares_schedules(built_sites):
    data = json.loads((built_sites["public"] / "annuaire/annuaire.json").read_text(encoding="utf-8"))
    assert (
        data["version"] == 2 and len(data["partenaires"]["id"]) == PARTNER_COUNT and data["horizon"][0] == "2026-11-26"
    )
    assert data["libelles"]["pu"]["familles"] == "Familles"
    assert all(not re.search(r"[a-z]--[a-z]", label) for label in data["libelles"]["th"].values())
    distinct = {p.get("horaires_accueil") for p in read_yaml(ROOT / "data/partners.yaml")}
    assert len(data["horaires"]) <= len(distinct) + 10
    assert all(h["texte"] for h in data["horaires"])  # hours in words, once per schedule
    # every column has one value per record; a repeated text is written once
    assert {len(c) for c in data["partenaires"].values()} == {PARTNER_COUNT}
    assert len({len(c) for c in data["services"].values()}) == 1
    assert len(data["textes"]) == len(set(data["textes"]))
    assert "li" not in data["services"]  # pro-only filter
    pro = json.loads((built_sites["pro"] / "annuaire/annuaire.json").read_text(encoding="utf-8"))
    assert 1 in pro["services"]["li"]
    needs = {n["id"]: n for n in data["besoins"]}
    assert "nounou" in needs["garde-enfants"]["mots"]
    assert "mobilite--financer-ma-mobilite" in needs["se-deplacer"]["th"]  # a category, expanded
    # the heart of a need: its first thématique (food aid for « Manger », not nutrition workshops)
    assert needs["manger"]["coeur"] == ["equipement-et-alimentation--alimentation"]
    assert set(needs["se-deplacer"]["coeur"]) == {t for t in needs["se-deplacer"]["th"] if t.startswith("mobilite")}
    # a service only for charities or volunteers is marked: the directory offers it for no need
    reserved = {data["services"]["id"][k] for k, mark in enumerate(data["services"]["rs"]) if mark}
    assert reserved == {"banque-alimentaire-cher--approvisionnement"}
    assert data["libelles"]["pu"]["structures"].startswith("Associations")


def test_large_directory_page_stays_light(tmp_path):
    from generate import generate  # bench/ is on the path: see conftest.py

    generate(tmp_path / "data", 1000)
    dataset, _ = validate(tmp_path / "data", TODAY)
    assert len(dataset.partners) > FULL_LIST_LIMIT
    records = PUBLIC.records(dataset)
    page = directory_page(records, TODAY)
    assert page.html.count('class="gp-carte"') == PAGE_SIZE + 1  # and the empty model card in <template>
    assert len(directory_data(records, PUBLIC, TODAY)["partenaires"]["id"]) == 1000
