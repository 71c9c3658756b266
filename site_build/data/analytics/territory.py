"""The territory's offer, counted for the analyse des besoins sociaux (ABS): which needs are met
where and for whom, at what times, on what terms, and how fresh the entries are. Pure counts over
the records, shared by the pro dashboard (/tableau-de-bord/) and its CSV files, so both always give
the same numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from site_build import urls
from site_build.data.analytics.freshness import freshness_rows
from site_build.data.loading.dataset import Dataset
from site_build.data.loading.vocabularies import label
from site_build.data.model.labels import shown_label
from site_build.data.model.needs import expanded
from site_build.data.model.records import Partner, Records, Service
from site_build.text.french import numeric_date, sort_key
from site_build.text.hours import HoursError, parse_hours, public_holidays

# The publics the ABS looks at first; a service for everyone (tous-publics) counts for each.
FOCUS_PUBLICS = ("seniors", "jeunes", "familles", "personnes-en-situation-de-handicap", "personnes-exilees")
EVENING, LUNCH = time(18, 0), (time(12, 0), time(14, 0))
PAYING = {"payant", "participation-symbolique", "adhesion"}

Cell = int | str


@dataclass(frozen=True)
class CountTable:
    """A table of counts: rows by a label, one value per column."""

    id: str  # its anchor on the page and its CSV file's name
    title: str
    row_header: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]
    note: str = ""
    # the table at a glance, for its chart: each service counted once per bar
    totals_title: str = ""
    totals: tuple[tuple[str, int], ...] = ()
    totals_header: str = ""  # what the chart's bars are, when not the rows
    lacking: int = 0  # a 0 in the first `lacking` columns is something missing (0: in every column)

    @property
    def csv_path(self) -> str:
        return f"{urls.DASHBOARD}{self.id}.csv"

    def gaps(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each row with the columns where its count is 0 (what the territory lacks), in table order."""
        width = self.lacking or len(self.columns)
        found = [
            (row, tuple(c for c, v in zip(self.columns[:width], values[:width], strict=True) if v == 0))
            for row, values in self.rows
        ]
        return [(row, columns) for row, columns in found if columns]


@dataclass(frozen=True)
class Need:
    """A row of the coverage tables: an everyday need (data/besoins.yaml) or, without it, a thématique."""

    label: str
    thematiques: frozenset[str]

    def met_by(self, service: Service) -> bool:
        return not self.thematiques.isdisjoint(service.thematiques)


def needs_of(records: Records) -> list[Need]:
    if records.needs:
        return [Need(n.nom, expanded(n.thematiques)) for n in records.needs]  # a theme covers its sub-themes
    used = sorted({t for _, s in active_services(records) for t in s.thematiques})
    return [Need(shown_label("thematiques", t), frozenset({t})) for t in used]


def active_services(records: Records) -> list[tuple[Partner, Service]]:
    """Every service of a partner that has not closed for good (a temporary closure still counts)."""
    return [(p, s) for p in records.partners if p.statut != "ferme" for s in p.services]


Test = Callable[[Partner, Service], bool]


@dataclass(frozen=True)
class Offer:
    """The active services, each with the needs it meets, worked out once: every table counts them in
    one pass (20,000 services by 15 needs is 300,000 comparisons, not 3 million)."""

    needs: list[Need]
    services: list[tuple[Partner, Service]]
    meets: list[tuple[int, ...]]  # for each service, the positions of the needs it meets

    @classmethod
    def of(cls, records: Records) -> Offer:
        needs, services = needs_of(records), active_services(records)
        return cls(needs, services, [tuple(i for i, n in enumerate(needs) if n.met_by(s)) for _, s in services])

    def by_need(self, tests: list[Test]) -> tuple[tuple[str, tuple[Cell, ...]], ...]:
        """For each need, how many of the services meeting it pass each test."""
        counts = [[0] * len(tests) for _ in self.needs]
        for (partner, service), met in zip(self.services, self.meets, strict=True):
            passed = [column for column, test in enumerate(tests) if test(partner, service)]
            for need in met:
                for column in passed:
                    counts[need][column] += 1
        return tuple((need.label, tuple(row)) for need, row in zip(self.needs, counts, strict=True))

    def total(self, test: Test) -> int:
        """How many services pass the test, whatever their needs."""
        return sum(1 for partner, service in self.services if test(partner, service))


def _every(partner: Partner, service: Service) -> bool:
    return True


def _in_commune(commune: str) -> Test:
    return lambda partner, service: partner.adresse.commune == commune


def coverage_by_commune(offer: Offer) -> CountTable:
    by_commune: dict[str, int] = {}
    for partner, _ in offer.services:
        by_commune[partner.adresse.commune] = by_commune.get(partner.adresse.commune, 0) + 1
    communes = sorted(by_commune, key=lambda c: (-by_commune[c], sort_key(c)))
    rows = offer.by_need([_in_commune(c) for c in communes])
    return CountTable(
        "besoins-communes",
        "Services actifs par besoin et par commune",
        "Besoin",
        tuple(communes),
        rows,
        "Un service compte pour chaque besoin auquel il répond. La commune est celle du lieu d'accueil.",
        "Services actifs par besoin, toutes communes",
        tuple((need, sum(int(v) for v in values)) for need, values in rows),
    )


def _for_public(public: str) -> Test:
    return lambda partner, service: public in service.publics or "tous-publics" in service.publics


def coverage_by_public(offer: Offer) -> CountTable:
    tests = [_for_public(p) for p in FOCUS_PUBLICS]
    return CountTable(
        "besoins-publics",
        "Services actifs par besoin et par public",
        "Besoin",
        tuple(label("publics", p) for p in FOCUS_PUBLICS),
        offer.by_need(tests),
        "Un service « tous publics » compte pour chaque public.",
        "Services actifs par public, tous besoins",
        tuple((label("publics", p), offer.total(test)) for p, test in zip(FOCUS_PUBLICS, tests, strict=True)),
        "Public",
    )


def typical_week(today: date) -> date:
    """The Monday of the first whole week from today without a public holiday."""
    monday = today + timedelta(days=(7 - today.weekday()) % 7)
    holidays = set(public_holidays(monday))
    while any(monday + timedelta(days=n) in holidays for n in range(7)):
        monday += timedelta(days=7)
    return monday


@lru_cache(maxsize=4096)
def opening_times(hours: str, monday: date) -> frozenset[str]:
    """When a place with these hours opens over the week starting `monday` (keys of HOURS_COLUMNS);
    kept per distinct hours, which many services share."""
    found: set[str] = set()
    try:
        parsed = parse_hours(hours)
    except HoursError:
        return frozenset()  # reported by the validation
    start = datetime.combine(monday, time())
    for begin, end, state, _ in parsed.intervals(start, start + timedelta(days=7)):
        if str(state) != "open":
            continue
        day = begin.weekday()
        if day == 5:
            found.add("samedi")
        if day == 6:
            found.add("dimanche")
        if end > datetime.combine(begin.date(), EVENING):
            found.add("soir")
        noon, two = (datetime.combine(begin.date(), t) for t in LUNCH)
        if begin < two and end > noon:
            found.add("midi")
    return frozenset(found)


HOURS_COLUMNS = {
    "soir": "Le soir (après 18 h)",
    "samedi": "Le samedi",
    "dimanche": "Le dimanche",
    "midi": "Entre midi et 14 h",
}


def _hours(partner: Partner, service: Service) -> str:
    return service.horaires_accueil or partner.horaires_accueil  # a service without its own: its place's


def hours_by_need(offer: Offer, today: date) -> CountTable:
    monday = typical_week(today)

    def open_at(key: str) -> Test:
        return lambda partner, service: key in opening_times(_hours(partner, service), monday)

    times = [open_at(key) for key in HOURS_COLUMNS]
    unknown: Test = lambda partner, service: not _hours(partner, service)  # noqa: E731
    return CountTable(
        "besoins-horaires",
        "Quand les services sont ouverts, par besoin",
        "Besoin",
        (*HOURS_COLUMNS.values(), "Sans horaires", "Services"),
        offer.by_need([*times, unknown, _every]),
        f"Semaine type : du {numeric_date(monday)} au {numeric_date(monday + timedelta(days=6))}, "
        "sans jour férié. Horaires du service, ou à défaut de la structure.",
        f"Services actifs ouverts à ces moments-là (sur {len(offer.services)})",
        (
            *((name, offer.total(test)) for name, test in zip(HOURS_COLUMNS.values(), times, strict=True)),
            ("Sans horaires", offer.total(unknown)),
        ),
        "Moment",
        len(HOURS_COLUMNS),
    )


ACCESS: dict[str, Test] = {
    "Gratuit": lambda p, s: "gratuit" in s.frais,
    "Payant ou participation": lambda p, s: not PAYING.isdisjoint(s.frais),
    "Sans rendez-vous": lambda p, s: "se-presenter" in s.modes_mobilisation,
    "Sur rendez-vous ou contact": lambda p, s: (
        bool(s.modes_mobilisation) and "se-presenter" not in s.modes_mobilisation
    ),
    "Fiche Acceslibre": lambda p, s: bool(p.accessibilite_lieu),
}


def access_by_need(offer: Offer) -> CountTable:
    return CountTable(
        "besoins-acces",
        "Conditions d'accès, par besoin",
        "Besoin",
        tuple(ACCESS),
        offer.by_need(list(ACCESS.values())),
        "« Fiche Acceslibre » : le lieu a une fiche d'accessibilité sur acceslibre.beta.gouv.fr.",
        f"Services actifs, tous besoins (sur {len(offer.services)})",
        tuple((name, offer.total(test)) for name, test in ACCESS.items()),
        "Condition",
    )


def languages(offer: Offer) -> CountTable:
    services = offer.services
    spoken: dict[str, int] = {}
    for _, service in services:
        for code in service.langues:
            spoken[code] = spoken.get(code, 0) + 1
    order = sorted(spoken, key=lambda c: (-spoken[c], sort_key(label("langues", c))))
    silent = sum(1 for _, s in services if not s.langues)
    rows = tuple((label("langues", c), (spoken[c],)) for c in order) + (("Non renseigné", (silent,)),)
    return CountTable(
        "langues",
        "Langues parlées à l'accueil",
        "Langue",
        ("Services",),
        rows,
        "Un service compte pour chaque langue parlée à son accueil.",
        "Services actifs par langue parlée",
        tuple((name, int(values[0])) for name, values in rows),
    )


def freshness_by_partner(dataset: Dataset, today: date) -> CountTable:
    """Entries overdue for checking, by partner, with the oldest check of each."""
    names = {p["id"]: p["nom"] for p in dataset.partners}
    late: dict[str, list[str]] = {}
    for row in freshness_rows(dataset, today):
        if row.late(today) and row.partner in names:
            late.setdefault(row.partner, []).append(row.checked)
    order = sorted(late, key=lambda pid: (min(late[pid]), sort_key(names[pid])))
    rows = tuple((names[pid], (len(late[pid]), numeric_date(date.fromisoformat(min(late[pid]))))) for pid in order)
    return CountTable(
        "fraicheur",
        "Fiches à vérifier, par structure",
        "Structure",
        ("Fiches en retard", "Plus ancienne vérification"),
        rows,
        "Une fiche est en retard quand sa date de vérification dépasse la fréquence prévue (un an par défaut).",
        "Fiches en retard, par structure",
        tuple((name, int(values[0])) for name, values in rows),
    )


def dashboard_tables(dataset: Dataset, records: Records, today: date) -> list[CountTable]:
    offer = Offer.of(records)
    return [
        coverage_by_commune(offer),
        coverage_by_public(offer),
        hours_by_need(offer, today),
        access_by_need(offer),
        languages(offer),
        freshness_by_partner(dataset, today),
    ]


# The names hand-written pages may quote (the gate checks them without computing the figures).
FIGURE_NAMES = ("services", "structures", "communes", "besoins", "cases-sans-service", "fiches-en-retard")


def territory_figures(dataset: Dataset, records: Records, today: date) -> dict[str, int]:
    """The figures hand-written pages may quote with `{chiffre NOM}`, computed like the dashboard's."""
    offer = Offer.of(records)
    return {
        "services": len(offer.services),
        "structures": len({partner.id for partner, _ in offer.services}),
        "communes": len({partner.adresse.commune for partner, _ in offer.services}),
        "besoins": len(offer.needs),
        "cases-sans-service": sum(len(columns) for _, columns in coverage_by_commune(offer).gaps()),
        "fiches-en-retard": sum(1 for row in freshness_rows(dataset, today) if row.late(today)),
    }
