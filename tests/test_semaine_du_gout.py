"""The Semaine du goût editions (data/semaine-du-gout/<année>.yaml): the schema and the checks
beyond it, each answered in French at the file and line an editor must change."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from site_build.data.checks.validate import validate

from .conftest import ROOT

FUTURE = """\
# yaml-language-server: $schema=../../site_build/schemas/edition.schema.json
theme: Le goût des saisons
du: 2027-10-11
au: 2027-10-17
evenements:
  - id: soupe
    titre: Atelier soupe
    jour: 2027-10-12
    debut: "14:00"
    fin: "16:00"
    lieu: epicea
    organisateurs: [epicea]
    publics: [tout-public]
bus:
  arrets:
    - {id: centre, nom: Place, quartier: Centre, latitude: 47.22, longitude: 2.07}
    - {id: gare, nom: Gare, quartier: Gare, latitude: 47.23, longitude: 2.06}
  tournees:
    - jour: 2027-10-11
      passages:
        - {arret: centre, arrivee: "10:00", depart: "11:00", animation: Jus de pomme}
        - {arret: gare, arrivee: "11:30", depart: "12:00", animation: Quiz}
groupes:
  - nom: Forum
    referent: martin-claire
    membres: [epicea, caf-du-cher]
"""
TODAY = date(2027, 9, 1)


def _edition(valid_data: Path, text: str, name: str = "2027.yaml") -> Path:
    folder = valid_data / "semaine-du-gout"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return valid_data


def _errors(valid_data: Path) -> list[tuple[int, str]]:
    _, problems = validate(valid_data, TODAY)
    return [(p.line, p.message) for p in problems if not p.warning]


def test_the_sample_editions_are_valid_and_loaded():
    dataset, problems = validate(ROOT / "data")
    assert not [p for p in problems if not p.warning]
    assert list(dataset.editions) == ["2015", "2025", "2026"]
    edition = dataset.editions["2026"]
    assert edition["theme"] and len(edition["forum"]["stands"]) == 8 and len(edition["groupes"]) == 3
    # checked as the week to come: every animation falls within its place's opening hours
    _, before = validate(ROOT / "data", date(2026, 9, 1))
    assert [p.format() for p in before if "semaine-du-gout" in p.file] == []


def test_a_valid_future_edition_has_no_error(valid_data):
    assert _errors(_edition(valid_data, FUTURE)) == []


@pytest.mark.parametrize(
    "change,line,words",
    [
        (("    jour: 2027-10-12\n", "    jour: 2027-10-19\n"), 8, "le 19/10/2027 est en dehors de l'édition"),
        (("    lieu: epicea\n", "    lieu: epicerie\n"), 11, "le lieu « epicerie » n'existe pas"),
        (("    referent: martin-claire\n", "    referent: martin\n"), 25, "le professionnel « martin » n'existe pas"),
        (('    debut: "14:00"\n', '    debut: "18:00"\n'), 10, "l'heure de fin est avant l'heure de début"),
        # Monday: the épicerie is closed
        (("    jour: 2027-10-12\n", "    jour: 2027-10-11\n"), 11, "» est fermé à ces heures-là selon ses horaires"),
        (('arrivee: "11:30"', 'arrivee: "10:30"'), 22, "le bus arrive ici avant d'avoir quitté l'arrêt d'avant"),
        (("{arret: gare,", "{arret: gares,"), 22, "l'arrêt « gares » n'est pas dans « arrets »"),
        (
            (
                "    lieu: epicea\n",
                "    lieu: epicea\n    adresse: {nom: Salle, commune: Vierzon, latitude: 47.2, longitude: 2.1}\n",
            ),
            12,
            "écrivez soit « lieu »",
        ),
    ],
)
def test_a_mistake_in_an_edition_is_explained_at_its_line(valid_data, change, line, words):
    errors = _errors(_edition(valid_data, FUTURE.replace(*change)))
    assert len(errors) == 1, errors
    assert errors[0][0] == line and words in errors[0][1]


def test_the_bus_cannot_be_twice_at_one_stop_at_once(valid_data):
    twice = FUTURE.replace(
        '        - {arret: gare, arrivee: "11:30", depart: "12:00", animation: Quiz}\n',
        '        - {arret: gare, arrivee: "11:30", depart: "12:00", animation: Quiz}\n'
        "    - jour: 2027-10-11\n      passages:\n"
        '        - {arret: centre, arrivee: "10:30", depart: "10:45", animation: Encore}\n',
    )
    errors = _errors(_edition(valid_data, twice))
    assert [(line, "déjà à cet arrêt" in words) for line, words in errors] == [(25, True)]


def test_the_file_is_named_after_the_year_and_a_past_edition_keeps_its_places(valid_data):
    errors = _errors(_edition(valid_data, FUTURE, name="2026.yaml"))
    assert [(line, "nommez le fichier « 2027.yaml »" in words) for line, words in errors] == [(3, True)]
    (valid_data / "semaine-du-gout/2026.yaml").unlink()
    # an edition that is over: today's opening hours say nothing of that week
    monday = FUTURE.replace("    jour: 2027-10-12\n", "    jour: 2027-10-11\n")
    _edition(valid_data, monday)
    _, problems = validate(valid_data, date(2027, 11, 1))
    assert not [p for p in problems if not p.warning]


def test_the_public_view_leaves_out_the_working_groups_and_the_workshop_details():
    from site_build.data.model.profile import PRO, PUBLIC

    dataset, _ = validate(ROOT / "data")
    public = PUBLIC.view(dataset).editions["2026"]
    assert "groupes" not in public and all("details_pro" not in w for w in public["ateliers_scolaires"])
    pro = PRO.view(dataset).editions["2026"]
    assert pro["groupes"] and any("details_pro" in w for w in pro["ateliers_scolaires"])
    assert "groupes" in dataset.editions["2026"]  # the data itself is untouched


def test_the_contributing_example_is_a_valid_edition(valid_data):
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split("## 9. La Semaine du goût")[1]
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    data = ROOT / "data"
    for name in ("partners.yaml", "professionals.yaml"):
        (valid_data / name).write_text((data / name).read_text(encoding="utf-8"), encoding="utf-8")
    _edition(valid_data, example, name="2026.yaml")
    _, problems = validate(valid_data, date(2026, 9, 1))  # before the week: opening hours are checked too
    assert [p.format() for p in problems if not p.warning and "semaine-du-gout" in p.file] == []


def test_the_pages_of_the_editions(built_sites):
    public = built_sites["public"]
    page = (public / "semaine-du-gout/index.html").read_text(encoding="utf-8")
    assert "Semaine du goût 2026 : Le goût des saisons" in page and "Lundi 12 octobre 2026" in page
    assert "Atelier soupe de potimarron" in page and 'href="../annuaire/epicea/"' in page  # partners linked
    assert "Cette édition est terminée" in page  # the sample's today is after October 2026
    assert '<a href="2015/">2015 : Les 5 sens, faites le plein des sens</a>' in page  # the archive
    assert "Groupes de travail" not in page and "Prévoir 26 élèves" not in page  # pro only
    bus = (public / "semaine-du-gout/2026/bus/index.html").read_text(encoding="utf-8")
    assert '<th scope="row">Place du Clos du Roy' in bus and "Jeu des 5 sens et recettes à emporter" in bus
    assert (public / "semaine-du-gout/2015/index.html").is_file()
    forum = (public / "semaine-du-gout/2026/forum/index.html").read_text(encoding="utf-8")
    assert 'L&#39;odorat : les boîtes à odeurs</strong>, avec <a href="../../../annuaire/fol18/">FOL 18</a>' in forum
    pro = (built_sites["pro"] / "semaine-du-gout/2026/index.html").read_text(encoding="utf-8")
    assert "Groupes de travail (professionnels)" in pro and "Prévoir 26 élèves" in pro
    assert "Référent : Hélène Girard" in pro


def test_each_edition_has_its_calendar_with_stable_uids_and_the_same_bytes_for_the_same_data(built_sites):
    import icalendar

    from site_build.data.model.profile import PUBLIC
    from site_build.feeds.icalendar import read_state
    from site_build.feeds.taste_week_calendar import edition_calendars

    records, state, day = PUBLIC.records(validate(ROOT / "data")[0]), read_state(ROOT / "data"), date(2026, 11, 26)
    first, again = edition_calendars(records, state, day), edition_calendars(records, state, day)
    assert first == again and set(first) == {f"semaine-du-gout/{y}.ics" for y in (2015, 2025, 2026)}
    built = (built_sites["public"] / "semaine-du-gout/2026.ics").read_bytes()
    assert built == first["semaine-du-gout/2026.ics"]
    events = icalendar.Calendar.from_ical(built).walk("VEVENT")
    assert len(events) == 6 + 1 + 8 + 1  # the animations, the forum, the bus's stops, an Épicé'bon workshop
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids) and "semaine-du-gout-2026-atelier-soupe-epicea@guide-partage.example.org" in uids
    soup = next(e for e in events if str(e["uid"]).startswith("semaine-du-gout-2026-atelier-soupe"))
    assert soup.decoded("dtstart").isoformat() == "2026-10-13T14:00:00+02:00"  # Paris summer time
    assert "Épicéa" in str(soup["location"]) and "Sur inscription" in str(soup["description"])
    cooking = next(e for e in events if "-epicebon-" in str(e["uid"]))
    assert str(cooking["summary"]).startswith("Épicé'bon : ") and "L'aliment du mois" in str(cooking["description"])
    assert all(e["sequence"] == 0 for e in events)  # as recorded in data/calendrier.json
    page = (built_sites["public"] / "semaine-du-gout/index.html").read_text(encoding="utf-8")
    assert 'href="2026.ics" download>Ajouter tout le programme à mon agenda' in page


def test_a_changed_event_of_the_programme_gets_a_new_sequence(tmp_path):
    import icalendar

    from site_build.data.model.profile import PUBLIC
    from site_build.editing.calendar import changed_events, record_changes
    from site_build.feeds.icalendar import read_state
    from site_build.feeds.taste_week_calendar import edition_calendar

    data = shutil.copytree(ROOT / "data", tmp_path / "data")
    path = data / "semaine-du-gout/2026.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('debut: "14:30"', 'debut: "15:00"', 1), encoding="utf-8")
    dataset, _ = validate(data, date(2026, 12, 1))
    assert changed_events(data, dataset) == ["semaine-du-gout-2026-gouter-intergenerationnel"]
    records = PUBLIC.records(dataset)
    edition = next(e for e in records.editions if e.annee == "2026")
    events = {
        str(e["uid"]).split("@")[0]: e
        for e in icalendar.Calendar.from_ical(
            edition_calendar(edition, records, read_state(data), date(2026, 12, 1))
        ).walk("VEVENT")
    }
    moved, kept = events["semaine-du-gout-2026-gouter-intergenerationnel"], events["semaine-du-gout-2026-forum"]
    assert moved["sequence"] == 1 and moved.decoded("dtstamp").date() == date(2026, 12, 1)
    assert kept["sequence"] == 0 and kept.decoded("dtstamp").date() == date(2026, 11, 26)
    assert record_changes(data, dataset, date(2026, 12, 1)) == ["semaine-du-gout-2026-gouter-intergenerationnel"]
    assert read_state(data)["semaine-du-gout-2026-gouter-intergenerationnel"]["sequence"] == 1
    assert changed_events(data, dataset) == []


def test_the_data_package_has_the_editions_tables_linked_to_the_partners(built_sites):
    import csv
    import json

    folder = built_sites["public"] / "donnees"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    keys = resources["semaine_du_gout_organisateurs"]["schema"]["foreignKeys"]
    assert {"fields": "partenaire_id", "reference": {"resource": "partenaires", "fields": "id"}} in keys
    assert resources["semaine_du_gout_animations"]["schema"]["foreignKeys"][0]["fields"] == "lieu_id"
    with (folder / "semaine_du_gout_bus.csv").open(encoding="utf-8") as handle:
        stops = list(csv.DictReader(handle))
    assert len(stops) == 2 + 8 and stops[-1]["arrivee"] == "14:00:00"  # 2015's two stops, 2026's eight
    with (folder / "semaine_du_gout_animations.csv").open(encoding="utf-8") as handle:
        animations = {row["id"]: row for row in csv.DictReader(handle)}
    assert animations["2026--forum"]["lieu"] == "Salle des fêtes, Forum République"
    assert animations["2026--atelier-soupe-epicea"]["lieu_id"] == "epicea"
