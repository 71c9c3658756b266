"""The open/closed status the browser computes agrees with opening-hours-py, instant by instant.

The build expands each hours string into a schedule (site_build/text/opening_schedule.py) and
horaires.js reads it on the device; here both are compared with the parser's own state()
for real-world strings at holidays, both daylight-saving nights, ranked weekdays, month
ranges, past midnight and a sweep of the whole horizon. What cannot be known (no time
given, "unknown", past the horizon) must be « à confirmer » (null), never closed.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import opening_hours

from site_build.text.hours import parse_hours
from site_build.text.opening_schedule import comment_only, horizon, schedule

from .conftest import open_page

PARIS = ZoneInfo("Europe/Paris")
FIRST_DAY = date(2026, 11, 26)
REAL_WORLD = [
    "Mo-Fr 08:30-12:00,13:30-16:30; PH off",
    "PH off; Mo-Fr 08:30-12:00",
    "Mo 08:00-12:00; Mo 14:00-16:00",
    'Mo-Fr 09:00-12:00 || "sur rendez-vous"',
    '"sur rendez-vous"',
    "unknown",
    'Mo-Fr 09:00-12:00 unknown "appeler avant"',
    "Tu[2] 14:00-16:00",
    "Th[-1] 14:00-16:00; PH off",
    "Mo-Fr 22:00-02:00",
    "Mo-Fr 20:00-24:00",
    "24/7",
    "Jul-Aug Mo-Fr 09:00-12:00",
    "Mo-Fr 08:00-12:00; Aug off",
    "Mo-Fr 09:00-17:00; Dec 24-Jan 01 off",
    "Mo-Fr 08:30-12:00; 2026 Dec 24-2027 Jan 02 off",
    "We 14:00-18:00; Sa[1] 10:00-12:00",
    "Mo,We,Fr 14:00-17:00",
    "Sa,Su off",
    'Mo-Fr 09:00-12:00 "sur rendez-vous"',
    "PH 10:00-12:00",
    "Mo-We 08:30-16:30; Th 08:30-12:30; Fr 08:30-15:30; PH off",
    "Mo-Fr 09:00-12:00,13:30-18:00; We 09:00-18:00",
    "Tu,Th,Fr 13:00-18:00; We,Sa 10:00-18:00; PH off",
    "Mo-Th 08:00-12:00,13:30-16:30; Fr 08:00-12:00",
    "Mo-Fr 11:45-13:30; PH off",
    "We-Su 14:00-18:00; PH off",
    "Mo-Sa 09:00-19:00; Su 09:00-12:00; PH 09:00-12:00",
    "Mo-Fr 08:00-18:00; Sa 08:00-12:00; Dec 25 off; Jan 01 off",
    "Sa 00:00-24:00; Su 00:00-12:00",
    "Mo-Fr 07:00-19:00; Jul 14-Aug 15 Mo-Fr 09:00-12:00",
    'Mo-Fr 09:00-12:00; Sa 10:00-12:00 "un samedi sur deux"',
    "Fr 18:00-01:00",
    "Mo-Fr 02:00-03:00",  # inside both daylight-saving nights
]
# Paris wall-clock moments that catch mistakes: holidays, DST nights, ranked days, summer, midnight.
SPECIAL = [
    datetime(2026, 12, 25, 10),
    datetime(2026, 12, 24, 11),
    datetime(2027, 1, 1, 10),
    datetime(2027, 3, 29, 10),
    datetime(2027, 5, 6, 10),
    datetime(2027, 5, 1, 10),
    datetime(2027, 7, 14, 10),
    datetime(2027, 8, 16, 10),
    datetime(2027, 3, 28, 1, 30),
    datetime(2027, 3, 28, 3, 30),
    datetime(2027, 10, 31, 1, 30),
    datetime(2027, 10, 31, 3, 30),
    datetime(2026, 12, 8, 15),
    datetime(2027, 1, 12, 15),
    datetime(2027, 1, 28, 15),
    datetime(2027, 7, 5, 10),
    datetime(2027, 8, 31, 10),
    datetime(2027, 9, 6, 10),
    datetime(2026, 12, 5, 11),
    datetime(2026, 11, 27, 23, 30),
    datetime(2026, 11, 28, 0, 30),
    datetime(2026, 11, 28, 1, 30),
    datetime(2026, 11, 30, 0, 0),
    datetime(2026, 11, 27, 12, 59),
    datetime(2026, 11, 27, 13, 30),
]


def instants() -> list[datetime]:
    """UTC instants: the special moments, then every 7 h 13 min across the horizon."""
    moments = [m.replace(tzinfo=PARIS).astimezone(UTC) for m in SPECIAL]
    moment = datetime(2026, 11, 26, 0, 7, tzinfo=PARIS).astimezone(UTC)
    last = datetime.combine(date.fromisoformat(horizon(FIRST_DAY)[1]), datetime.min.time(), PARIS)
    while moment < last:
        moments.append(moment)
        moment += timedelta(hours=7, minutes=13)
    return moments


def _place(text: str) -> dict:
    """What a partner page gives horaires.js for these hours (see directory_pages.status_slot)."""
    return {"horizon": horizon(FIRST_DAY), "schedule": schedule(text, FIRST_DAY), "closure": None, "statut": "actif"}


def expected(text: str, moment: datetime) -> bool | None:
    """The parser's answer: open, closed, or None when it cannot be known."""
    state, comment = parse_hours(text).state(moment.astimezone(PARIS).replace(tzinfo=None))
    if state == opening_hours.State.UNKNOWN or (state == opening_hours.State.OPEN and comment in comment_only(text)):
        return None
    return state == opening_hours.State.OPEN


def test_browser_status_agrees_with_the_parser(browser, site_urls):
    assert len(REAL_WORLD) >= 30
    moments = instants()
    context, page, errors = open_page(browser, site_urls["public"] + "/annuaire/")
    try:
        places = [_place(text) for text in REAL_WORLD]
        answers = page.evaluate(
            """async ([places, times]) => {
            const h = await import(new URL("../assets/javascripts/horaires.js", location.href).href);
            return places.map(place => times.map(t => {
                const s = h.status(place, new Date(t));
                return [s.open, h.isOpen(place, new Date(t))];
            }));
        }""",
            [places, [m.timestamp() * 1000 for m in moments]],
        )
        wrong = []
        for text, row in zip(REAL_WORLD, answers, strict=True):
            for moment, (shown, filtered) in zip(moments, row, strict=True):
                want = expected(text, moment)
                if shown != want or filtered != (want is True):
                    wrong.append(
                        f"{text!r} at {moment.astimezone(PARIS):%Y-%m-%d %H:%M} Paris: "
                        f"browser {shown}/{filtered}, parser {want}"
                    )
        assert not wrong, f"{len(wrong)} disagreements, first ones:\n" + "\n".join(wrong[:15])
        assert not errors, errors
    finally:
        context.close()


# the module itself, as the pages import it (no global: tests import it too)
STATUS = """async ([p, t]) => {
    const h = await import(new URL("../assets/javascripts/horaires.js", location.href).href);
    return h.status(p, new Date(t));
}"""


def test_past_the_horizon_is_to_be_confirmed_never_closed(browser, site_urls):
    context, page, _ = open_page(browser, site_urls["public"] + "/annuaire/")
    try:
        place = _place(REAL_WORLD[0])
        later = datetime(2028, 6, 1, 10, tzinfo=PARIS).timestamp() * 1000
        result = page.evaluate(STATUS, [place, later])
        assert result == {"open": None, "text": "Horaires à confirmer"}
        unknown = _place('"sur rendez-vous"')
        monday = datetime(2026, 11, 30, 10, tzinfo=PARIS).timestamp() * 1000
        shown = page.evaluate(STATUS, [unknown, monday])
        assert shown == {"open": None, "text": "Horaires à confirmer : sur rendez-vous"}
    finally:
        context.close()
