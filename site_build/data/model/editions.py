"""The records of a Semaine du goût edition (data/semaine-du-gout/<année>.yaml), typed: built by
records.build like the others, read by the pages of pages/taste_week.py."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from site_build.data.model.translated import set_by_translation, translation_in, words_in

# French labels: the pages say them in their language (the catalogs translate them)
PUBLICS = {"tout-public": "Tout public", "familles": "Familles", "seniors": "Seniors", "scolaires": "Scolaires"}


@dataclass(frozen=True)
class Place:
    """A place that is not a partner of the directory."""

    nom: str
    commune: str
    latitude: float
    longitude: float
    voie: str = ""


@dataclass(frozen=True)
class Signup:
    """Whether to sign up, and how (a Semaine du goût event, an Épi'santé intervention)."""

    obligatoire: bool
    modalites: str = ""


@dataclass(frozen=True)
class TasteEventTranslation:
    langue: str  # the key of `traductions:` in the file
    titre: str = ""
    description: str = ""
    inscription: str = ""  # how to sign up
    accessibilite: str = ""
    relu: bool = False


@dataclass(frozen=True)
class TasteEvent:
    id: str
    titre: str
    jour: date
    debut: str
    fin: str
    organisateurs: tuple[str, ...]
    publics: tuple[str, ...]
    lieu: str = ""  # a partner id, or
    adresse: Place | None = None
    description: str = ""
    inscription: Signup | None = None
    accessibilite: str = ""
    traductions: tuple[TasteEventTranslation, ...] = ()
    langue: str = set_by_translation("fr")  # the language of its own words
    relu: bool = set_by_translation(True)  # False: a translation nobody fluent has checked yet
    as_written: TasteEvent | None = set_by_translation(None)  # in another language: the French record

    def in_language(self, code: str) -> TasteEvent:
        found = translation_in(self.traductions, code)
        if not found:
            return self
        signup = self.inscription
        if signup and found.inscription:
            signup = replace(signup, modalites=found.inscription)
        return replace(
            self,
            **words_in(self, found, "titre", "description", "accessibilite"),
            inscription=signup,
            langue=code,
            relu=found.relu,
            as_written=self,
        )


@dataclass(frozen=True)
class BusStop:
    id: str
    nom: str
    quartier: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class BusPassageTranslation:
    langue: str  # the key of `traductions:` in the file
    animation: str = ""
    relu: bool = False


@dataclass(frozen=True)
class BusPassage:
    arret: str
    arrivee: str
    depart: str
    animation: str
    traductions: tuple[BusPassageTranslation, ...] = ()
    langue: str = set_by_translation("fr")  # the language of its animation
    relu: bool = set_by_translation(True)

    def in_language(self, code: str) -> BusPassage:
        found = translation_in(self.traductions, code)
        if not found or not found.animation:
            return self
        return replace(self, animation=found.animation, langue=code, relu=found.relu)


@dataclass(frozen=True)
class BusDay:
    jour: date
    passages: tuple[BusPassage, ...]


@dataclass(frozen=True)
class Bus:
    arrets: tuple[BusStop, ...]
    tournees: tuple[BusDay, ...]
    partenaires: tuple[str, ...] = ()

    def in_language(self, code: str) -> Bus:
        tours = tuple(replace(t, passages=tuple(p.in_language(code) for p in t.passages)) for t in self.tournees)
        return replace(self, tournees=tours)

    def stop(self, identifier: str) -> BusStop | None:
        return next((s for s in self.arrets if s.id == identifier), None)


@dataclass(frozen=True)
class SchoolWorkshop:
    ecole: str
    niveau: str
    partenaire: str
    jour: date
    titre: str
    debut: str = ""
    fin: str = ""
    details_pro: str = ""  # left out of the public view (Profile.view)


@dataclass(frozen=True)
class Stand:
    partenaire: str
    titre: str
    description: str = ""


@dataclass(frozen=True)
class Forum:
    titre: str
    jour: date
    debut: str
    fin: str
    stands: tuple[Stand, ...]
    lieu: str = ""
    adresse: Place | None = None
    description: str = ""


@dataclass(frozen=True)
class WorkingGroup:
    nom: str
    referent: str
    membres: tuple[str, ...]
    reunions: tuple[date, ...] = ()
    role: str = ""


@dataclass(frozen=True)
class Quote:
    texte: str
    qui: str


@dataclass(frozen=True)
class Answers:
    """The paper questionnaires handed back: how many, and per question the count of each box ticked."""

    rendus: int
    reponses: dict[str, dict[str, int]]


@dataclass(frozen=True)
class Review:
    """An edition's review, written after the week."""

    participants: dict[str, int] | None = None  # public → people
    partenaires: int | None = None
    ateliers: int | None = None
    points_forts: tuple[str, ...] = ()
    points_faibles: tuple[str, ...] = ()
    citations: tuple[Quote, ...] = ()
    questionnaire: Answers | None = None

    @property
    def people(self) -> int | None:
        return sum(self.participants.values()) if self.participants else None


@dataclass(frozen=True)
class Choice:
    id: str
    libelle: str


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    choix: tuple[Choice, ...]
    plusieurs: bool = False  # several boxes may be ticked
    plus_posee: bool = False  # no longer printed; older reviews still count it


@dataclass(frozen=True)
class Questionnaire:
    """The anonymous paper questionnaire on eating habits (data/questionnaire.yaml)."""

    titre: str
    questions: tuple[Question, ...]
    introduction: str = ""

    @property
    def printed(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if not q.plus_posee)


@dataclass(frozen=True)
class EditionTranslation:
    langue: str  # the key of `traductions:` in the file
    theme: str = ""
    presentation: str = ""
    forum: str = ""  # the forum's title
    forum_description: str = ""
    relu: bool = False


@dataclass(frozen=True)
class Edition:
    annee: str  # the file's name
    theme: str
    du: date
    au: date
    presentation: str = ""
    evenements: tuple[TasteEvent, ...] = ()
    bus: Bus | None = None
    ateliers_scolaires: tuple[SchoolWorkshop, ...] = ()
    forum: Forum | None = None
    groupes: tuple[WorkingGroup, ...] = ()  # empty in the public view
    bilan: Review | None = None
    commune: str = ""  # where the week is held: on the programme and the poster
    traductions: tuple[EditionTranslation, ...] = ()
    langue: str = set_by_translation("fr")  # the language of its theme, presentation and forum
    relu: bool = set_by_translation(True)  # False: a translation nobody fluent has checked yet

    @property
    def reviewed(self) -> bool:
        """Its translated words, its events' and its bus's, were all checked by someone fluent."""
        passages = [p for tour in self.bus.tournees for p in tour.passages] if self.bus else []
        return self.relu and all(e.relu for e in self.evenements) and all(p.relu for p in passages)

    def in_language(self, code: str) -> Edition:
        """Its theme, presentation, forum and events in that language where the data has them."""
        events = tuple(event.in_language(code) for event in self.evenements)
        bus = self.bus.in_language(code) if self.bus else None
        found = translation_in(self.traductions, code)
        if not found:
            return replace(self, evenements=events, bus=bus)
        forum = self.forum
        if forum:
            forum = replace(
                forum, titre=found.forum or forum.titre, description=found.forum_description or forum.description
            )
        return replace(
            self,
            **words_in(self, found, "theme", "presentation"),
            evenements=events,
            bus=bus,
            forum=forum,
            langue=code,
            relu=found.relu,
        )

    @property
    def days(self) -> list[date]:
        return [date.fromordinal(n) for n in range(self.du.toordinal(), self.au.toordinal() + 1)]

    @property
    def partners(self) -> list[str]:
        """Every partner id the edition involves, once, in order of appearance."""
        found = [who for event in self.evenements for who in (*event.organisateurs, event.lieu)]
        found += list(self.bus.partenaires) if self.bus else []
        found += [w.partenaire for w in self.ateliers_scolaires]
        found += [s.partenaire for s in self.forum.stands] + [self.forum.lieu] if self.forum else []
        found += [m for g in self.groupes for m in g.membres]
        return list(dict.fromkeys(p for p in found if p))


def featured(editions: tuple[Edition, ...], today: date) -> Edition | None:
    """The edition under way or to come, else the latest."""
    coming = [e for e in editions if e.au >= today]
    return min(coming, key=lambda e: e.du) if coming else (max(editions, key=lambda e: e.du) if editions else None)
