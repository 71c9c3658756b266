"""Recipes and Épi'santé outputs: quantities, Recipe and Event JSON-LD, the iCalendar feeds."""

import json
import re
import shutil
from datetime import date, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from site_build.data.checks.validate import validate
from site_build.feeds.icalendar import epi_sante_calendar, intervention_marks, read_state, stale_events, updated_state
from site_build.pages.recipes import quantity_text

from .conftest import ROOT
from .helpers import JsonLd, public_feed_input

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    "quantity,unit,text",
    [
        (1200, "g", "1,2 kg"),
        (500, "g", "500 g"),
        (187.5, "g", "190 g"),
        (1500, "ml", "1,5 l"),
        (1.5, "piece", "1 ½"),
        (0.25, "piece", "¼"),
        (0.1, "piece", "¼"),
        (3, "piece", "3"),
        (0.5, "cuillere-a-soupe", "½ cuillère à soupe"),
        (3, "cuillere-a-soupe", "3 cuillères à soupe"),
        (2, "pincee", "2 pincées"),
        (0.75, "kg", "0,8 kg"),
    ],
)
def test_quantities_read_the_french_way(quantity, unit, text):
    assert quantity_text(quantity, unit) == text


def test_recipe_json_ld_has_what_google_asks(built_sites):
    parser = JsonLd()
    parser.feed((built_sites["public"] / "recettes/veloute-de-potimarron/index.html").read_text(encoding="utf-8"))
    [recipe] = parser.blocks
    assert recipe["@type"] == "Recipe" and recipe["name"] == "Velouté de potimarron"
    assert recipe["image"][0].startswith("http") and recipe["image"][0].endswith("-960.jpg")
    assert recipe["recipeIngredient"] and all(isinstance(i, str) for i in recipe["recipeIngredient"])
    assert all(step["@type"] == "HowToStep" and step["text"] for step in recipe["recipeInstructions"])
    for key in ("prepTime", "cookTime", "totalTime"):
        assert re.fullmatch(r"PT(\d+H)?(\d+M)?", recipe[key]), recipe[key]
    assert recipe["recipeYield"].endswith("portions") and recipe["keywords"]


def test_recipe_photo_is_responsive_lazy_and_described(built_sites):
    html = (built_sites["public"] / "recettes/veloute-de-potimarron/index.html").read_text(encoding="utf-8")
    picture = re.search(r"<picture.*?</picture>", html)[0]
    assert 'type="image/webp"' in picture and 'loading="lazy"' in picture and "320w" in picture and "960w" in picture
    assert 'alt="Dessin d' in picture
    for size in (320, 640, 960):
        assert (built_sites["public"] / f"images/recettes/veloute-de-potimarron-{size}.webp").stat().st_size < 60_000


def _shown_upcoming(site):
    """(start, end) of the upcoming interventions listed on /sante/, in Paris time."""
    html = (site / "sante/index.html").read_text(encoding="utf-8")
    coming = html.split('class="gp-a-venir"')[1].split('id="passees"')[0]
    return sorted(
        (datetime.fromisoformat(s), datetime.fromisoformat(f))
        for s, f in re.findall(r'data-debut="([^"]+)" data-fin="([^"]+)"', coming)
    )


def test_feed_occurrences_equal_the_page_across_summer_time(built_sites):
    calendar = icalendar.Calendar.from_ical((built_sites["public"] / "sante/epi-sante.ics").read_bytes())
    shown = _shown_upcoming(built_sites["public"])
    start, end = datetime(2026, 11, 26, tzinfo=PARIS), shown[-1][1].replace(tzinfo=PARIS)
    expanded = sorted(
        (e["DTSTART"].dt.astimezone(PARIS).replace(tzinfo=None), e["DTEND"].dt.astimezone(PARIS).replace(tzinfo=None))
        for e in recurring_ical_events.of(calendar).between(start, end)
    )
    assert expanded == shown
    assert any(s.month == 4 and s.year == 2027 for s, _ in shown)  # after the March change
    summer = next(
        e
        for e in recurring_ical_events.of(calendar).between(
            datetime(2027, 4, 1, tzinfo=PARIS), datetime(2027, 5, 1, tzinfo=PARIS)
        )
    )
    assert summer["DTSTART"].dt.utcoffset().total_seconds() == 7200


def test_feed_timezone_is_built_from_rules_and_uids_are_stable(built_sites):
    text = (built_sites["public"] / "sante/epi-sante.ics").read_text(encoding="utf-8")
    timezone = text.split("BEGIN:VTIMEZONE")[1].split("END:VTIMEZONE")[0]
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in timezone and "RDATE" not in timezone
    assert "UID:depistage-diabete@guide-partage.example.org" in text
    assert "RRULE:FREQ=MONTHLY;BYDAY=2TH" in text and "EXDATE;TZID=Europe/Paris:20271111T093000" in text
    single = (built_sites["public"] / "sante/depistage-diabete.ics").read_text(encoding="utf-8")
    assert single.count("BEGIN:VEVENT") == 1 and "UID:depistage-diabete@" in single


def test_two_builds_give_identical_calendar_files(built_sites):
    """The calendars come from the feeds alone: made again from the same data (a later build's
    validation, its own feeds), every file is the one the sample's build published, byte for byte."""
    from site_build.feeds.feed_files import feed_files

    again, _ = feed_files(public_feed_input(ROOT / "mkdocs.yml", ROOT / "data"))
    published = built_sites["public"]
    files = sorted(p.relative_to(published).as_posix() for p in published.glob("sante/*.ics"))
    assert len(files) > 10
    assert sorted(name for name in again if name.endswith(".ics") and name.startswith("sante/")) == files
    for name in files:
        assert again[name] == (published / name).read_bytes(), name


def test_sequence_rises_when_an_intervention_changes(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "interventions.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "questions-réponses autour du panier", "questions et réponses autour du panier"
        ),
        encoding="utf-8",
    )
    dataset, problems = validate(data, date(2026, 12, 1))
    assert stale_events(intervention_marks(dataset), read_state(data)) == ["atelier-equilibre-alimentaire"]
    feed = icalendar.Calendar.from_ical(epi_sante_calendar(dataset, date(2026, 12, 1)))
    events = {str(e["UID"]): e for e in feed.walk("VEVENT")}
    changed = events["atelier-equilibre-alimentaire@guide-partage.example.org"]
    unchanged = events["depistage-diabete@guide-partage.example.org"]
    assert changed["SEQUENCE"] == 1 and changed["DTSTAMP"].dt.date() == date(2026, 12, 1)
    assert unchanged["SEQUENCE"] == 0 and unchanged["DTSTAMP"].dt.date() == date(2026, 11, 26)
    recorded = updated_state(intervention_marks(dataset), read_state(data), date(2026, 12, 1))
    assert recorded["atelier-equilibre-alimentaire"]["sequence"] == 1


def test_every_upcoming_occurrence_has_event_json_ld_on_its_month_page(built_sites):
    shown = _shown_upcoming(built_sites["public"])
    described = set()
    for page in (built_sites["public"] / "sante").glob("20*/index.html"):
        parser = JsonLd()
        parser.feed(page.read_text(encoding="utf-8"))
        described |= {
            datetime.fromisoformat(b["startDate"]).replace(tzinfo=None) for b in parser.blocks if b["@type"] == "Event"
        }
    assert {start for start, _ in shown} <= described and len(shown) > 30


def test_health_page_has_event_json_ld_and_subscription_help(built_sites):
    html = (built_sites["public"] / "sante/index.html").read_text(encoding="utf-8")
    parser = JsonLd()
    parser.feed(html)
    events = [b for b in parser.blocks if b["@type"] == "Event"]
    assert events and all(e["startDate"].endswith(("+01:00", "+02:00")) for e in events)
    assert "ICSx⁵" in html and "Thunderbird" in html and "Outlook" in html and "iPhone" in html
    assert 'aria-label="Code QR de l&#39;adresse du calendrier"><svg' in html and "webcal://" in html
    assert (
        "mardi 1 décembre 2026, de 14 h 30 à 16 h 30" in html or "mardi 1er décembre 2026, de 14 h 30 à 16 h 30" in html
    )


def test_recipe_checks(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (tmp_path / "content").symlink_to(ROOT / "content")
    path = data / "recipes/tartines-radis.yaml"
    text = path.read_text(encoding="utf-8")
    month = re.search(r'mois: "(\d{4}-\d{2})"', text)[1]
    other = next(p for p in (data / "recipes").glob("*.yaml") if f'mois: "{month}"' not in p.read_text())
    path.write_text(text.replace("nom: Le radis", "nom: La betterave"), encoding="utf-8")
    other_text = other.read_text(encoding="utf-8")
    other.write_text(re.sub(r'mois: "\d{4}-\d{2}"', f'mois: "{month}"', other_text), encoding="utf-8")
    problems = [p for p in validate(data, date(2026, 11, 26))[1] if not p.warning]
    assert any("écrivez le même nom dans toutes les recettes du mois" in p.message for p in problems), problems


def test_exception_must_be_an_occurrence(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (tmp_path / "content").symlink_to(ROOT / "content")
    path = data / "interventions.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("exceptions: [2027-11-11]", "exceptions: [2027-11-12]"),
        encoding="utf-8",
    )
    problems = [p for p in validate(data, date(2026, 11, 26))[1] if not p.warning]
    # 11 November, a public holiday, is no longer skipped: it falls outside distribution hours
    assert len(problems) == 2
    [problem] = [p for p in problems if "exceptions" in p.message]
    assert (
        problem.file.endswith("interventions.yaml")
        and "2027-11-12 n'est pas une date de cette intervention" in problem.message
    )


def test_euro_amounts_keep_their_sign_on_the_same_line(built_sites):
    from site_build.text.french import euros

    assert euros(0.5) == "0,50\u00a0€" and euros(12) == "12,00\u00a0€"
    page = (built_sites["public"] / "recettes/carottes-rapees-orange/index.html").read_text(encoding="utf-8")
    assert re.search(r"≈ [0-9]+,[0-9]{2}\u00a0€ par portion", page)


def test_site_search_finds_each_health_date_once_on_its_month_page(built_sites):
    """The /sante/ lists repeat the month pages: indexed twice, the agenda was 85 % of the site search
    index at 1,000 partners, fetched by every first visit."""
    docs = json.loads((built_sites["public"] / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    title = "Manger équilibré avec un petit budget"
    holders = {d["location"] for d in docs if title in d["text"] and d["location"].startswith("sante/")}
    assert holders and all(re.fullmatch(r"sante/\d{4}-\d{2}/", h) for h in holders)  # not /sante/ itself
    assert not any("févr." in d["text"] for d in docs)  # the date badge is a picture of the date, not text


@pytest.mark.parametrize(("month", "text"), [("2027-04", "d'avril 2027"), ("2027-03", "de mars 2027")])
def test_month_names_take_the_elision(month, text):
    from site_build.text.french import of_month

    assert of_month(month) == text
