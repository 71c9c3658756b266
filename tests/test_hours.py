"""Opening hours: plain French for real-world strings, and the schedule sent to the browser."""

from datetime import date, datetime, timedelta

import pytest

from site_build.text.hours import describe_hours, parse_hours
from site_build.text.opening_schedule import _intervals, intervals_by_state, schedule

FRENCH = [
    (
        "Mo-Fr 08:30-12:00,13:30-16:30; PH off",
        "Du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 16 h 30 ; fermé les jours fériés",
    ),
    ("24/7", "Ouvert tous les jours, jour et nuit"),
    ("Tu[2] 14:00-16:00", "Le deuxième mardi du mois, de 14 h à 16 h"),
    ("Th[-1] 14:00-16:00; PH off", "Le dernier jeudi du mois, de 14 h à 16 h ; fermé les jours fériés"),
    ("We 14:00-18:00; Sa[1] 10:00-12:00", "Le mercredi, de 14 h à 18 h ; le premier samedi du mois, de 10 h à 12 h"),
    ("Mo,We,Fr 14:00-17:00", "Le lundi, le mercredi et le vendredi, de 14 h à 17 h"),
    (
        "Tu,Th 09:00-12:00,14:00-17:30; PH off",
        "Le mardi et le jeudi, de 9 h à 12 h et de 14 h à 17 h 30 ; fermé les jours fériés",
    ),
    # the parser's normalised form: a month closed becomes the months open
    (
        "Mo-Fr 08:00-12:00; Aug off",
        "De janvier à juillet et de septembre à décembre, du lundi au vendredi, de 8 h à 12 h",
    ),
    (
        "Tu,Th 09:00-12:00; Jul-Aug off",
        "De janvier à juin et de septembre à décembre, le mardi et le jeudi, de 9 h à 12 h",
    ),
    (
        "Mo-Fr 09:00-17:00; Dec 24-Jan 01 off",
        "Du lundi au vendredi, de 9 h à 17 h ; fermé du 24 décembre au 1er janvier",
    ),
    (
        "Mo-Fr 08:30-12:00; 2026 Dec 24-2027 Jan 02 off",
        "Du lundi au vendredi, de 8 h 30 à 12 h ; fermé du 24 décembre 2026 au 2 janvier 2027",
    ),
    ("Mo-Fr 22:00-06:00", "Du lundi au vendredi, de 22 h à 6 h le lendemain"),
    ("Mo-Fr 20:00-24:00", "Du lundi au vendredi, de 20 h à minuit"),
    ("Mo-Su 00:00-24:00", "Ouvert tous les jours, jour et nuit"),
    ("Sa,Su off", "Fermé"),  # nothing else opens it
    # what the text means, not how it is written: the later rule wins
    ("Mo 08:00-12:00; Mo 14:00-16:00", "Le lundi, de 14 h à 16 h"),
    ("PH off; Mo-Fr 08:30-12:00", "Du lundi au vendredi, de 8 h 30 à 12 h ; ouvert aussi les jours fériés"),
    (
        "Mo-Fr 09:00-12:00,13:30-18:00; We 09:00-18:00",
        "Le lundi, le mardi, le jeudi et le vendredi, de 9 h à 12 h et de 13 h 30 à 18 h ; le mercredi, de 9 h à 18 h",
    ),
    (
        'Mo-Fr 09:00-12:00 || "sur rendez-vous"',
        "Du lundi au vendredi, de 9 h à 12 h ; les autres jours : sur rendez-vous",
    ),
    ('"sur rendez-vous"', "Sur rendez-vous"),
    ('Mo-Fr "sur rendez-vous"', "Du lundi au vendredi, sur rendez-vous"),
    ("unknown", "Horaires à confirmer"),
    (
        'Mo-Fr 09:00-12:00 unknown "appeler avant"',
        "Du lundi au vendredi, de 9 h à 12 h (horaires à confirmer : appeler avant)",
    ),
    ("Mo-Fr 09:00-12:00; PH 10:00-11:00", "Du lundi au vendredi, de 9 h à 12 h ; les jours fériés, de 10 h à 11 h"),
    ('Mo-Fr 09:00-12:00 "sur rendez-vous"', "Du lundi au vendredi, de 9 h à 12 h (sur rendez-vous)"),
    ("PH 10:00-12:00", "Les jours fériés, de 10 h à 12 h"),
    (
        "Mo-We 08:30-16:30; Th 08:30-12:30; Fr 08:30-15:30; PH off",
        "Du lundi au mercredi, de 8 h 30 à 16 h 30 ; le jeudi, de 8 h 30 à 12 h 30 ; le vendredi, de 8 h 30 à "
        "15 h 30 ; fermé les jours fériés",
    ),
    ("Jul-Aug Mo-Fr 09:00-12:00", "De juillet à août, du lundi au vendredi, de 9 h à 12 h"),
]


@pytest.mark.parametrize("text,expected", FRENCH)
def test_hours_in_plain_french(text, expected):
    parse_hours(text)  # every example is valid OSM syntax
    assert describe_hours(text) == expected


def test_unusual_shapes_fall_back_to_the_raw_text():
    assert describe_hours("sunrise-sunset") == "sunrise-sunset"


def test_schedule_is_a_weekly_pattern_with_holidays_as_exceptions():
    result = schedule("Mo-Fr 08:30-12:00,13:30-16:30; PH off", date(2026, 11, 26))
    assert result["semaine"][0] == [[510, 720], [810, 990]] and result["semaine"][6] == []
    assert result["exceptions"]["2026-12-25"] == []  # Christmas, a Friday
    assert result["exceptions"]["2027-05-06"] == []  # Ascension Thursday
    assert "2026-12-24" not in result["exceptions"]


def test_schedule_of_monthly_rule_lists_each_day():
    result = schedule("Tu[2] 14:00-16:00", date(2026, 11, 26))
    assert result["semaine"][1] == []
    assert result["exceptions"]["2026-12-08"] == [[840, 960]]
    assert result["exceptions"]["2027-01-12"] == [[840, 960]]


def test_schedule_splits_ranges_at_midnight_and_handles_24_7():
    night = schedule("Fr 22:00-02:00", date(2026, 11, 26))
    assert night["semaine"][4] == [[1320, 1440]] and night["semaine"][5] == [[0, 120]]
    always = schedule("24/7", date(2026, 11, 26))
    assert always["semaine"] == [[[0, 1440]]] * 7 and always["exceptions"] == {}


@pytest.mark.parametrize(
    "text",
    [text for text, _ in FRENCH if "||" not in text]
    + [
        "Tu 14:00-17:00; PH off; 2026 Dec 24 off",
        "week 01-53/2 Mo 09:00-12:00",
        "Mo-Sa 10:00-20:00; Dec 24 10:00-16:00",
    ],
)
def test_the_parser_s_own_ranges_are_those_read_instant_by_instant(text):
    """Without a fallback rule, schedules come from the parser's intervals(), five times faster than
    asking its state() at each clock time of each day: over the 400 days, the same ranges."""
    start = datetime(2026, 11, 26)
    assert list(_intervals(text, start, start + timedelta(days=400))) == list(
        intervals_by_state(text, start, start + timedelta(days=400))
    )


def test_a_fallback_rule_is_read_instant_by_instant():
    """intervals() stops after its first range on « A || B »: such a text keeps the state() reading."""
    result = schedule('Mo-Fr 09:00-12:00 || "sur rendez-vous"', date(2026, 11, 26))
    assert result["semaine"][0][0][:2] == [540, 720] and result["semaine"][6]  # a Sunday: « sur rendez-vous »
    assert result["semaine"] == schedule('Mo-Fr 09:00-12:00 || "sur rendez-vous"', date(2027, 3, 1))["semaine"]
