"""`site-build appliquer`: a proposal received by e-mail or in an issue, applied to a copy of the sample's
data; the diff of data/partners.yaml is compared line by line."""

from __future__ import annotations

import difflib

import pytest

from site_build.editing.proposals import ProposalError, read_proposal

from .conftest import TODAY
from .helpers import ROOT, read_yaml, run_cli

MAIL = """Bonjour,

Voici une proposition de modification pour le guide partagé.
Le téléphone a changé et l'accueil ferme à midi le jeudi.

proposition:
  fiche: partenaire
  id: epicea
  avant: {{telephone: "02 61 91 00 10", horaires_accueil: "Tu,Th 09:00-12:00,14:00-17:30; PH off"}}
  apres: {{telephone: "{phone}", horaires_accueil: "Tu 09:00-12:00,14:00-17:30; Th 09:00-12:00; PH off"}}
"""


@pytest.fixture
def project(sample_project):
    return sample_project


def _apply(project, message: str):
    (project / "message.txt").write_text(message, encoding="utf-8")
    return run_cli(project, "appliquer", "message.txt")


def _diff(project) -> tuple[list[str], list[str]]:
    before = (ROOT / "data/partners.yaml").read_text(encoding="utf-8").splitlines()
    after = (project / "data/partners.yaml").read_text(encoding="utf-8").splitlines()
    lines = list(difflib.ndiff(before, after))
    return [x[2:] for x in lines if x.startswith("- ")], [x[2:] for x in lines if x.startswith("+ ")]


def test_a_mailed_proposal_changes_its_two_lines_only(project):
    result = _apply(project, MAIL.format(phone="02 61 91 00 99"))
    assert result.returncode == 0, result.stderr
    assert _diff(project) == (
        ['  telephone: "02 61 91 00 10"', '  horaires_accueil: "Tu,Th 09:00-12:00,14:00-17:30; PH off"'],
        ['  telephone: "02 61 91 00 99"', '  horaires_accueil: "Tu 09:00-12:00,14:00-17:30; Th 09:00-12:00; PH off"'],
    )
    assert "telephone, horaires_accueil" in result.stderr


def test_all_is_right_moves_the_verification_date_to_today(project):
    message = "```yaml\nproposition:\n  fiche: partenaire\n  id: epicea\n  confirme: true\n```\nMerci !"
    result = _apply(project, message)
    assert result.returncode == 0, result.stderr
    assert _diff(project) == (["  date_verification: 2026-11-02"], [f"  date_verification: {TODAY}"])


def test_a_proposal_made_before_the_entry_changed_is_refused_with_both_values(project):
    partners = project / "data/partners.yaml"
    partners.write_text(partners.read_text(encoding="utf-8").replace("02 61 91 00 10", "02 61 91 00 11"), "utf-8")
    before = partners.read_text(encoding="utf-8")
    result = _apply(project, MAIL.format(phone="02 61 91 00 99"))
    assert result.returncode == 1
    assert "a changé depuis la proposition" in result.stderr
    assert "« 02 61 91 00 10 »" in result.stderr and "« 02 61 91 00 11 »" in result.stderr
    assert partners.read_text(encoding="utf-8") == before


def test_a_value_the_gate_refuses_leaves_the_file_as_it_was(project):
    result = _apply(project, MAIL.format(phone="deux six un"))
    assert result.returncode == 1
    assert "data/partners.yaml:" in result.stderr and "telephone" in result.stderr
    assert "n'a pas changé" in result.stderr and "Traceback" not in result.stderr
    assert _diff(project) == ([], [])


@pytest.mark.parametrize(
    ("message", "says"),
    [
        ("Bonjour, rien ici.", "aucune proposition trouvée"),
        (
            "proposition:\n  fiche: recette\n  id: x\n  apres: {nom: Nouveau nom}\n",
            "partenaire, service, professionnel, animation",
        ),
        ("proposition:\n  fiche: partenaire\n  apres: {nom: Nouveau nom}\n", "« id » manque"),
        ("proposition: &a\n  fiche: partenaire\n", "ne se lit pas"),
        ("proposition:\n  fiche: partenaire\n  id: epicea\n", "ne change rien"),
        ("proposition:\n  fiche: partenaire\n  id: epicea\n  apres: {id: autre}\n", "« id » ne se change pas"),
    ],
)
def test_a_message_that_is_not_a_proposal_is_explained(message, says):
    with pytest.raises(ProposalError, match=says):
        read_proposal(message)


def test_the_proposal_can_be_piped_from_the_mail_reader(project):
    import subprocess
    import sys
    from pathlib import Path

    command = [str(Path(sys.executable).parent / "site-build"), "appliquer", "-"]
    result = subprocess.run(
        command, input=MAIL.format(phone="02 61 91 00 99"), capture_output=True, text=True, cwd=project
    )
    assert result.returncode == 0, result.stderr
    assert _diff(project)[1][0] == '  telephone: "02 61 91 00 99"'


def test_a_service_is_found_by_its_id_inside_its_partner(project):
    message = (
        "proposition:\n  fiche: service\n  id: epicea--aide-alimentaire\n"
        "  avant: {nom: Courses à l'épicerie sociale}\n  apres: {nom: Courses à l'épicerie solidaire}\n"
    )
    result = _apply(project, message)
    assert result.returncode == 0, result.stderr
    assert _diff(project) == (
        ["      nom: Courses à l'épicerie sociale"],
        ["      nom: Courses à l'épicerie solidaire"],
    )


def _diff_of(project, relative: str) -> tuple[list[str], list[str]]:
    before = (ROOT / "data" / relative).read_text(encoding="utf-8").splitlines()
    after = (project / "data" / relative).read_text(encoding="utf-8").splitlines()
    lines = list(difflib.ndiff(before, after))
    return [x[2:] for x in lines if x.startswith("- ")], [x[2:] for x in lines if x.startswith("+ ")]


def test_one_key_of_a_block_between_braces_changes_alone(project):
    message = (
        "proposition:\n  fiche: partenaire\n  id: epicea\n"
        '  avant:\n    adresse: {voie: "12 rue des Forges"}\n  apres:\n    adresse: {voie: "14 rue des Forges"}\n'
    )
    result = _apply(project, message)
    assert result.returncode == 0, result.stderr
    removed, added = _diff(project)
    assert len(removed) == len(added) == 1 and removed[0].replace("12 rue", "14 rue") == added[0]
    assert "adresse.voie" in result.stderr


def test_an_emptied_field_is_removed_with_its_line(project):
    message = 'proposition:\n  fiche: partenaire\n  id: epicea\n  avant: {sigle: "Épicéa"}\n  apres: {sigle: null}\n'
    result = _apply(project, message)
    assert result.returncode == 0, result.stderr
    assert _diff(project) == (["  sigle: Épicéa"], [])


def test_a_professional_s_phone_number_changes_inside_its_list(project):
    message = (
        "proposition:\n  fiche: professionnel\n  id: durand-paul\n"
        '  avant:\n    telephones: [{numero: "02 61 91 42 12", type: voice}, {numero: "06 39 98 12 22", type: cell}]\n'
        '  apres:\n    telephones: [{numero: "02 61 91 42 13", type: voice}, {numero: "06 39 98 12 22", type: cell}]\n'
        "  confirme: true\n"
    )
    result = _apply(project, message)
    assert result.returncode == 0, result.stderr
    removed, added = _diff_of(project, "professionals.yaml")
    assert removed == ['    - {numero: "02 61 91 42 12", type: voice}', "  date_verification: 2026-11-03"]
    assert added == ['    - {numero: "02 61 91 42 13", type: voice}', f"  date_verification: {TODAY}"]


def test_a_taste_week_event_is_found_in_its_edition(project):
    message = (
        "proposition:\n  fiche: animation\n  id: atelier-soupe-epicea\n"
        '  avant: {debut: "14:00", fin: "16:00"}\n  apres: {debut: "14:30", fin: "16:30"}\n'
    )
    result = _apply(project, message)
    assert result.returncode == 0, result.stderr
    assert _diff_of(project, "semaine-du-gout/2026.yaml") == (
        ['    debut: "14:00"', '    fin: "16:00"'],
        ['    debut: "14:30"', '    fin: "16:30"'],
    )


def test_a_closed_structure_is_marked_closed(project):
    result = _apply(
        project, "proposition:\n  fiche: partenaire\n  id: epicea\n  avant: {statut: actif}\n  apres: {statut: ferme}\n"
    )
    assert result.returncode == 0, result.stderr
    removed, added = _diff(project)
    assert added == ["  statut: ferme"] and removed in ([], ["  statut: actif"])


@pytest.mark.parametrize(
    ("after", "says"),
    [
        ('{siret: "12345678901234"}', "« siret » ne se change pas par une proposition"),
        ("{date_verification: 2020-01-01}", "« date_verification » ne se change pas"),
        ("{statut: actif}", "dire qu'une structure a fermé"),
    ],
)
def test_only_the_fields_the_form_offers_can_be_proposed(after, says):
    with pytest.raises(ProposalError, match=says):
        read_proposal(f"proposition:\n  fiche: partenaire\n  id: epicea\n  apres: {after}\n")


def test_the_public_site_hands_the_form_no_pro_only_person_or_field(built_sites):
    import json
    import re

    from site_build.pages.proposal import KIND_BY_NAME, offered_names

    people = read_yaml(ROOT / "data/professionals.yaml")
    pro_only = {person["id"] for person in people if person["visibilite"] == "pro"}
    seen: dict[str, set[str]] = {}
    for profile, site in built_sites.items():
        for page in site.rglob("index.html"):
            block = re.search(
                r'<script type="application/json" id="gp-valeurs">(.*?)</script>', page.read_text("utf-8")
            )
            for kind, entries in json.loads(block[1]).items() if block else ():
                for ident, fields in entries.items():
                    assert set(fields) <= offered_names(KIND_BY_NAME[kind]), (page, ident)
                    seen.setdefault(profile, set()).add(ident)
    assert not pro_only & seen["public"] and pro_only <= seen["pro"]
    assert {"epicea", "epicea--aide-alimentaire", "atelier-soupe-epicea"} <= seen["public"]


def test_markup_in_a_proposal_is_refused_by_the_gate_and_nothing_is_written(project):
    partners = project / "data/partners.yaml"
    before = partners.read_text(encoding="utf-8")
    message = 'proposition:\n  fiche: partenaire\n  id: epicea\n  apres: {nom: "<script>alert(1)</script> Épicéa"}\n'
    result = _apply(project, message)
    assert (
        result.returncode == 1
        and "data/partners.yaml:" in result.stderr
        and "le HTML n'est pas accepté" in result.stderr
    )
    assert partners.read_text(encoding="utf-8") == before


def test_a_message_file_that_is_not_there_is_said_so(project):
    result = run_cli(project, "appliquer", "courriel.txt")
    assert result.returncode == 2 and "fichier introuvable : courriel.txt" in result.stderr


def test_the_form_s_themes_fold_into_the_same_groups_in_every_language(built_sites):
    # a translation writes its own colon (« Health: mental health »): the groups are the French ones,
    # each heading and choice in the page's language
    import re

    from .helpers import OTHER_LANGUAGES

    site = built_sites["public"]

    def headings(folder: str) -> list[str]:
        page = (site / folder / "proposer/index.html").read_text(encoding="utf-8")
        return re.findall(r'<details class="gp-proposer__theme">\s*<summary>([^<]*)</summary>', page)

    french = headings("")
    assert len(french) >= 15 and "Santé" in french
    for code in OTHER_LANGUAGES:
        theirs = headings(code)
        assert len(theirs) == len(french), code
        assert not set(theirs) & (set(french) - {"Épi'santé"}), code  # each heading translated
