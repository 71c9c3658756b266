"""Checks of the Semaine du goût editions (data/semaine-du-gout/<année>.yaml) beyond their schema:
the file is named after the edition's year, every date falls within the edition, the partners
and the referents exist, an event has one place, the bus goes forward in time along its route
and is never at one stop twice at once, an event is not set where the place is closed, and the
review's counted answers fit the questionnaire."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

from site_build import urls
from site_build.data.checks.problems import FieldPath
from site_build.data.loading.dataset import Dataset
from site_build.text.french import date_or_none, numeric_date
from site_build.text.hours import HoursError, open_throughout

Report = Callable[..., None]
PartnerRef = Callable[[str, FieldPath, object, str], None]


def _minutes(value: object) -> int | None:
    try:
        hours, minutes = str(value).split(":")
        return int(hours) * 60 + int(minutes)
    except ValueError:
        return None


class EditionChecks:
    def __init__(self, dataset: Dataset, today: date, report: Report, partner_ref: PartnerRef):
        self.dataset, self.today, self.report, self.partner_ref = dataset, today, report, partner_ref

    def run(self) -> None:
        for year, edition in self.dataset.editions.items():
            if isinstance(edition, dict):
                self.edition(urls.TASTE_WEEK + str(year), year, edition)
        self.questionnaire()

    def questionnaire(self) -> None:
        """Each question, and each box of a question, has its own id: the reviews count by id."""
        questions = [q for q in self.dataset.questionnaire.get("questions") or [] if isinstance(q, dict)]
        self._unique(("questions",), questions, "question")
        for j, question in enumerate(questions):
            boxes = [c for c in question.get("choix") or [] if isinstance(c, dict)]
            self._unique(("questions", j, "choix"), boxes, "case de cette question")

    def _unique(self, path: FieldPath, items: list[dict[str, Any]], what: str) -> None:
        seen: set[object] = set()
        for k, item in enumerate(items):
            if item.get("id") in seen:
                self.report(
                    "questionnaire", (*path, k, "id"), f"l'id « {item.get('id')} » sert déjà à une autre {what}"
                )
            seen.add(item.get("id"))

    def edition(self, kind: str, year: str, edition: dict[str, Any]) -> None:
        first, last = date_or_none(edition.get("du")), date_or_none(edition.get("au"))
        if not first or not last:
            return
        if str(first.year) != year:
            self.report(kind, ("du",), f"l'édition commence en {first.year} : nommez le fichier « {first.year}.yaml »")
        if last < first:
            self.report(kind, ("au",), f"la fin ({numeric_date(last)}) est avant le début ({numeric_date(first)})")
            return
        current = last >= self.today  # hours and closures describe the present, not a past edition
        for path, day in self._dates(edition):
            if day and not first <= day <= last:
                self.report(
                    kind,
                    path,
                    f"le {numeric_date(day)} est en dehors de l'édition "
                    f"(du {numeric_date(first)} au {numeric_date(last)}) : corrigez la date",
                )
        self._unique_ids(kind, edition)
        for path, value, what in self._partners(edition):
            self.partner_ref(kind, path, value, what)
        for j, group in enumerate(edition.get("groupes") or []):
            if isinstance(group, dict):
                self._professional(kind, ("groupes", j, "referent"), group.get("referent"))
        for j, event in enumerate(edition.get("evenements") or []):
            if isinstance(event, dict):
                self._event(kind, ("evenements", j), event, current)
        forum = edition.get("forum")
        if isinstance(forum, dict):
            self._event(kind, ("forum",), forum, current)
        bus = edition.get("bus")
        if isinstance(bus, dict):
            self._bus(kind, bus)
        review = edition.get("bilan")
        answers = review.get("questionnaire") if isinstance(review, dict) else None
        if isinstance(answers, dict):
            self._answers(kind, answers)

    def _answers(self, kind: str, answers: dict[str, Any]) -> None:
        """The counted answers match the questionnaire: its questions, their boxes, and no more answers
        than questionnaires handed back."""
        path: FieldPath = ("bilan", "questionnaire")
        questionnaire = self.dataset.questionnaire
        if not questionnaire:
            self.report(
                kind, path, "le questionnaire n'existe pas : ajoutez data/questionnaire.yaml (voir CONTRIBUTING.md)"
            )
            return
        questions: dict[object, dict[str, Any]] = {}
        for question in questionnaire.get("questions") or []:
            if isinstance(question, dict):
                questions.setdefault(question.get("id"), question)  # a second one with that id is reported
        handed_back = answers.get("rendus")
        for question_id, counts in (answers.get("reponses") or {}).items():
            question = questions.get(question_id)
            where = (*path, "reponses", question_id)
            if question is None:
                self.report(
                    kind,
                    where,
                    f"la question « {question_id} » n'est pas dans data/questionnaire.yaml : "
                    f"recopiez l'« id » d'une question ({', '.join(str(q) for q in questions)})",
                )
                continue
            if not isinstance(counts, dict) or not isinstance(handed_back, int):
                continue
            boxes = [c.get("id") for c in question.get("choix") or [] if isinstance(c, dict)]
            for box, count in counts.items():
                if box not in boxes:
                    self.report(
                        kind,
                        (*where, box),
                        f"la question « {question_id} » n'a pas de case « {box} » : "
                        f"écrivez {', '.join(map(str, boxes))}",
                    )
                elif isinstance(count, int) and count > handed_back:
                    self.report(
                        kind,
                        (*where, box),
                        f"{count} cases cochées pour {handed_back} questionnaires rendus : vérifiez le compte",
                    )
            total = sum(c for c in counts.values() if isinstance(c, int))
            if not question.get("plusieurs") and total > handed_back:
                self.report(
                    kind,
                    where,
                    f"{total} réponses pour {handed_back} questionnaires rendus, alors qu'on ne coche qu'une case "
                    "à cette question : vérifiez les comptes (ou écrivez « plusieurs: true » dans la question)",
                )

    def _dates(self, edition: dict[str, Any]) -> Iterator[tuple[FieldPath, date | None]]:
        for key in ("evenements", "ateliers_scolaires"):
            for j, item in enumerate(edition.get(key) or []):
                if isinstance(item, dict):
                    yield (key, j, "jour"), date_or_none(item.get("jour"))
        forum = edition.get("forum")
        if isinstance(forum, dict):
            yield ("forum", "jour"), date_or_none(forum.get("jour"))
        bus = edition.get("bus")
        for j, tour in enumerate((bus.get("tournees") or []) if isinstance(bus, dict) else []):
            if isinstance(tour, dict):
                yield ("bus", "tournees", j, "jour"), date_or_none(tour.get("jour"))

    def _partners(self, edition: dict[str, Any]) -> Iterator[tuple[FieldPath, object, str]]:
        for j, event in enumerate(edition.get("evenements") or []):
            if isinstance(event, dict):
                yield ("evenements", j, "lieu"), event.get("lieu"), "le lieu"
                for k, who in enumerate(event.get("organisateurs") or []):
                    yield ("evenements", j, "organisateurs", k), who, "la structure"
        for j, workshop in enumerate(edition.get("ateliers_scolaires") or []):
            if isinstance(workshop, dict):
                yield ("ateliers_scolaires", j, "partenaire"), workshop.get("partenaire"), "la structure"
        forum = edition.get("forum")
        if isinstance(forum, dict):
            yield ("forum", "lieu"), forum.get("lieu"), "le lieu"
            for k, stand in enumerate(forum.get("stands") or []):
                if isinstance(stand, dict):
                    yield ("forum", "stands", k, "partenaire"), stand.get("partenaire"), "la structure"
        bus = edition.get("bus")
        if isinstance(bus, dict):
            for k, who in enumerate(bus.get("partenaires") or []):
                yield ("bus", "partenaires", k), who, "la structure"
        for j, group in enumerate(edition.get("groupes") or []):
            if isinstance(group, dict):
                for k, member in enumerate(group.get("membres") or []):
                    yield ("groupes", j, "membres", k), member, "la structure"

    def _unique_ids(self, kind: str, edition: dict[str, Any]) -> None:
        """An event's id is its calendar UID and its anchor on the programme; a stop's, its anchor."""
        lists: list[tuple[FieldPath, Any, str]] = [(("evenements",), edition.get("evenements"), "un autre événement")]
        bus = edition.get("bus")
        if isinstance(bus, dict):
            lists.append((("bus", "arrets"), bus.get("arrets"), "un autre arrêt du bus"))
        for path, items, what in lists:
            seen: dict[object, int] = {}
            for k, item in enumerate(items if isinstance(items, list) else []):
                ident = item.get("id") if isinstance(item, dict) else None
                if not isinstance(ident, str):
                    continue
                if ident in seen:
                    self.report(
                        kind,
                        (*path, k, "id"),
                        f"l'id « {ident} » sert déjà à {what} (n° {seen[ident] + 1}) : donnez un id différent à chacun",
                    )
                else:
                    seen[ident] = k

    def _professional(self, kind: str, path: FieldPath, value: object) -> None:
        known = {p.get("id") for p in self.dataset.professionals if isinstance(p, dict)}
        if isinstance(value, str) and value not in known:
            self.report(
                kind,
                path,
                f"le professionnel « {value} » n'existe pas dans data/professionals.yaml : "
                "recopiez l'« id » d'une personne de l'annuaire des professionnels",
            )

    def _event(self, kind: str, path: FieldPath, event: dict[str, Any], current: bool) -> None:
        has_place, has_address = "lieu" in event, "adresse" in event
        if has_place == has_address:
            self.report(
                kind,
                (*path, "adresse") if has_place else path,
                "écrivez soit « lieu » (l'id d'une structure de l'annuaire), soit « adresse » (un autre lieu, "
                "avec ses coordonnées), mais pas les deux"
                if has_place
                else "il manque le lieu : ajoutez « lieu » (l'id d'une structure) ou « adresse » (un autre lieu)",
            )
        start, end, day = _minutes(event.get("debut")), _minutes(event.get("fin")), date_or_none(event.get("jour"))
        if start is None or end is None or day is None:
            return
        if end <= start:
            self.report(kind, (*path, "fin"), "l'heure de fin est avant l'heure de début")
            return
        place = self.dataset.partner_by_id.get(event.get("lieu"))
        if current and isinstance(place, dict):
            self._open(kind, path, place, day, start, end)

    def _open(self, kind: str, path: FieldPath, place: dict[str, Any], day: date, start: int, end: int) -> None:
        """An event at a partner's place falls within its opening hours, and not in a closure."""
        closure = place.get("fermeture_temporaire")
        if isinstance(closure, dict) and str(closure.get("du")) <= day.isoformat() <= str(closure.get("au")):
            self.report(kind, (*path, "lieu"), f"« {place.get('nom')} » est fermé ce jour-là (fermeture temporaire)")
            return
        hours = place.get("horaires_accueil")
        if not isinstance(hours, str):
            return
        begin = datetime.combine(day, datetime.min.time()).replace(hour=start // 60, minute=start % 60)
        finish = begin.replace(hour=end // 60, minute=end % 60)
        try:
            open_all_along = open_throughout(hours, begin, finish)
        except HoursError:
            return  # reported on the partner
        if not open_all_along:
            self.report(
                kind,
                (*path, "lieu"),
                f"« {place.get('nom')} » est fermé à ces heures-là selon ses horaires ({hours}) : changez l'heure "
                "ou le lieu, ou écrivez l'ouverture exceptionnelle dans ses horaires",
            )

    def _bus(self, kind: str, bus: dict[str, Any]) -> None:
        stops = {s.get("id") for s in bus.get("arrets") or [] if isinstance(s, dict)}
        seen: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for j, tour in enumerate(bus.get("tournees") or []):
            if not isinstance(tour, dict):
                continue
            previous = None
            for k, passage in enumerate(tour.get("passages") or []):
                if not isinstance(passage, dict):
                    continue
                path = ("bus", "tournees", j, "passages", k)
                stop = passage.get("arret")
                if isinstance(stop, str) and stop not in stops:
                    self.report(
                        kind, (*path, "arret"), f"l'arrêt « {stop} » n'est pas dans « arrets » : recopiez son « id »"
                    )
                arrival, departure = _minutes(passage.get("arrivee")), _minutes(passage.get("depart"))
                if arrival is None or departure is None:
                    continue
                if departure <= arrival:
                    self.report(kind, (*path, "depart"), "le bus repart avant d'arriver : corrigez l'heure de départ")
                    continue
                if previous is not None and arrival < previous:
                    self.report(
                        kind,
                        (*path, "arrivee"),
                        "le bus arrive ici avant d'avoir quitté l'arrêt d'avant : les arrêts se suivent dans "
                        "l'ordre du trajet, à des heures qui avancent",
                    )
                previous = departure
                times = seen.setdefault((str(tour.get("jour")), str(stop)), [])
                if any(arrival < other_end and other_start < departure for other_start, other_end in times):
                    self.report(kind, (*path, "arrivee"), "le bus est déjà à cet arrêt à cette heure-là ce jour-là")
                times.append((arrival, departure))
