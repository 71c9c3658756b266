"""Typed records: what the pages and feeds read, built once from data that passed validation.

Field names are the YAML keys editors write (the guide's vocabulary), so a template
reads `partner.horaires_accueil` exactly as CONTRIBUTING.md names it. Validation has
already refused every wrong shape: building a record never checks, it only converts
(dates become `date`, absent lists become empty tuples).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from site_build.data.loading.vocabularies import NOT_A_PERSON_IN_NEED
from site_build.data.model.editions import Edition, Questionnaire, Signup  # Signup: Épi'santé's too
from site_build.data.model.translated import parallel, set_by_translation, translation_in, words_in
from site_build.text.french import sort_key

if TYPE_CHECKING:
    from site_build.data.loading.dataset import Dataset

Raw = Mapping[str, Any]  # a record as loaded from YAML, before typing


@dataclass(frozen=True)
class Address:
    voie: str
    code_postal: str
    commune: str
    complement: str = ""
    code_insee: str = ""
    latitude: float | None = None
    longitude: float | None = None

    @property
    def street_line(self) -> str:
        """ "12 rue des Forges, bâtiment B": the street and its complement, as one line."""
        return ", ".join(x for x in (self.voie, self.complement) if x)

    @property
    def has_position(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class Closure:
    du: date
    au: date
    message: str = ""
    langue: str = set_by_translation("fr")  # the language of its message

    def as_list(self) -> list[str]:
        """[du, au, message]: how the browser reads a temporary closure (horaires.js)."""
        return [self.du.isoformat(), self.au.isoformat(), self.message]


@dataclass(frozen=True)
class ServiceTranslation:
    langue: str  # the key of `traductions:` in the file
    nom: str = ""
    description: str = ""
    publics_precisions: str = ""
    conditions_acces: str = ""
    frais_precisions: str = ""
    justificatifs: tuple[str, ...] = ()  # in the order of the French list
    relu: bool = False


@dataclass(frozen=True)
class Service:
    id: str
    nom: str
    types: tuple[str, ...]
    thematiques: tuple[str, ...]
    publics: tuple[str, ...]
    description: str = ""
    publics_precisions: str = ""
    conditions_acces: str = ""
    justificatifs: tuple[str, ...] = ()
    frais: tuple[str, ...] = ()
    frais_precisions: str = ""
    modes_accueil: tuple[str, ...] = ()
    modes_mobilisation: tuple[str, ...] = ()
    mobilisable_par: tuple[str, ...] = ()
    langues: tuple[str, ...] = ()
    horaires_accueil: str = ""
    telephone: str = ""
    courriel: str = ""
    lien_mobilisation: str = ""
    orientable: bool = False
    date_verification: date | None = None
    traductions: tuple[ServiceTranslation, ...] = ()
    langue: str = set_by_translation("fr")  # the language of its own words
    relu: bool = set_by_translation(True)  # False: a translation nobody fluent has checked yet
    as_written: Service | None = set_by_translation(None)  # in another language: the French record

    @property
    def for_organisations_only(self) -> bool:
        """Meant for charities or volunteers, not for a person in need (see NOT_A_PERSON_IN_NEED)."""
        return bool(self.publics) and set(self.publics) <= NOT_A_PERSON_IN_NEED

    def in_language(self, code: str) -> Service:
        """Its own words (name, description, conditions, documents…) in that language when the data has them."""
        found = translation_in(self.traductions, code)
        if not found:
            return self
        return replace(
            self,
            **words_in(self, found, "nom", "description", "publics_precisions", "conditions_acces", "frais_precisions"),
            justificatifs=parallel(found.justificatifs, self.justificatifs),
            langue=code,
            relu=found.relu,
            as_written=self,
        )


@dataclass(frozen=True)
class NeedTranslation:
    langue: str  # the key of `traductions:` in the file
    nom: str = ""
    mots: tuple[str, ...] = ()
    maintenant: str = ""
    relu: bool = False


@dataclass(frozen=True)
class RightNow:
    """What to do at once for a need when no place is open: a sentence, and the numbers to call."""

    texte: str
    appeler: tuple[str, ...]


@dataclass(frozen=True)
class Need:
    """An everyday need (data/besoins.yaml): the words people use, the thématiques they mean."""

    id: str
    nom: str
    pictogramme: str
    thematiques: tuple[str, ...]
    mots: tuple[str, ...]
    maintenant: RightNow | None = None
    traductions: tuple[NeedTranslation, ...] = ()

    def words_in_every_language(self) -> list[str]:
        """What people may type for this need, whatever their language: the search understands them all."""
        found = [*self.mots, *(word for t in self.traductions for word in (t.nom, *t.mots) if word)]
        return list(dict.fromkeys(found))

    def in_language(self, code: str) -> Need:
        """The need as a page in that language shows it: its translation where there is one, else French."""
        found = translation_in(self.traductions, code)
        if not found:
            return self
        now = (
            replace(self.maintenant, texte=found.maintenant)
            if self.maintenant and found.maintenant
            else self.maintenant
        )
        return replace(self, nom=found.nom or self.nom, mots=found.mots or self.mots, maintenant=now)


@dataclass(frozen=True)
class EmergencyTranslation:
    langue: str  # the key of `traductions:` in the file
    nom: str = ""
    pour: str = ""
    relu: bool = False


@dataclass(frozen=True)
class Emergency:
    """A local emergency contact (data/urgences.yaml), shown under the national numbers."""

    nom: str
    telephone: str
    pour: str
    partenaire: str = ""
    horaires: str = ""
    traductions: tuple[EmergencyTranslation, ...] = ()

    def in_language(self, code: str) -> Emergency:
        found = translation_in(self.traductions, code)
        return replace(self, **words_in(self, found, "nom", "pour")) if found else self


@dataclass(frozen=True)
class PartnerTranslation:
    langue: str  # the key of `traductions:` in the file
    description: str = ""
    fermeture: str = ""  # the message of a temporary closure
    relu: bool = False


@dataclass(frozen=True)
class Partner:
    id: str
    nom: str
    adresse: Address
    date_verification: date
    sigle: str = ""
    description: str = ""
    telephone: str = ""
    courriel: str = ""
    site_web: str = ""
    siret: str = ""
    horaires_accueil: str = ""
    horaires_distribution: str = ""
    accessibilite_lieu: str = ""
    statut: str = "actif"
    fermeture_temporaire: Closure | None = None
    frequence_maj: int | None = None
    reseaux_porteurs: tuple[str, ...] = ()
    services: tuple[Service, ...] = ()
    traductions: tuple[PartnerTranslation, ...] = ()
    langue: str = set_by_translation("fr")  # the language of its own words
    relu: bool = set_by_translation(True)  # False: a translation nobody fluent has checked yet
    as_written: Partner | None = set_by_translation(None)  # in another language: the French record

    @property
    def closed(self) -> bool:
        return self.statut == "ferme"

    @property
    def reviewed(self) -> bool:
        """Its translated words, and its services', were all checked by someone fluent."""
        return self.relu and all(service.relu for service in self.services)

    def in_language(self, code: str) -> Partner:
        """Its own words and its services' in that language where the data has them, else French."""
        services = tuple(service.in_language(code) for service in self.services)
        found = translation_in(self.traductions, code)
        if not found:
            return replace(self, services=services, as_written=self)
        closure = self.fermeture_temporaire
        if closure and found.fermeture:
            closure = replace(closure, message=found.fermeture, langue=code)
        return replace(
            self,
            **words_in(self, found, "description"),
            fermeture_temporaire=closure,
            services=services,
            langue=code,
            relu=found.relu,
            as_written=self,
        )


@dataclass(frozen=True)
class Phone:
    numero: str
    type: str = ""


@dataclass(frozen=True)
class Permanence:
    horaires: str
    lieu: str
    precisions: str = ""


@dataclass(frozen=True)
class ProfessionalTranslation:
    langue: str  # the key of `traductions:` in the file
    fonction: str = ""
    relu: bool = False


@dataclass(frozen=True)
class Professional:
    id: str
    nom: str
    prenom: str
    fonction: str
    partenaire: str
    visibilite: str
    date_verification: date
    courriel: str = ""
    telephones: tuple[Phone, ...] = ()
    permanences: tuple[Permanence, ...] = ()
    thematiques: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    frequence_maj: int | None = None
    traductions: tuple[ProfessionalTranslation, ...] = ()
    langue: str = set_by_translation("fr")  # the language of its function
    relu: bool = set_by_translation(True)  # False: a translation nobody fluent has checked yet
    as_written: Professional | None = set_by_translation(None)  # in another language: the French record

    @property
    def full_name(self) -> str:
        return f"{self.prenom} {self.nom}"

    def in_language(self, code: str) -> Professional:
        found = translation_in(self.traductions, code)
        if not found or not found.fonction:
            return self
        return replace(self, fonction=found.fonction, langue=code, relu=found.relu, as_written=self)


@dataclass(frozen=True)
class FoodOfTheMonth:
    nom: str
    atouts: str = ""
    conservation: str = ""
    langue: str = set_by_translation("fr")  # the language of its name
    textes_langue: str = set_by_translation("fr")  # of `atouts` and `conservation`


@dataclass(frozen=True)
class Ingredient:
    nom: str
    quantite: float | None = None
    unite: str = ""
    prix: float | None = None
    ajustable: bool = True


@dataclass(frozen=True)
class Photo:
    src: str
    alt: str
    langue: str = "fr"  # the language of `alt` (in_language)


@dataclass(frozen=True)
class RecipeWorkshop:
    """An Épicé'bon workshop or demonstration around a recipe."""

    jour: date
    debut: str
    fin: str
    lieu: str
    nature: str = "atelier"  # or "demonstration"

    @property
    def starts(self) -> datetime:
        return datetime.combine(self.jour, time.fromisoformat(self.debut))

    @property
    def ends(self) -> datetime:
        return datetime.combine(self.jour, time.fromisoformat(self.fin))


@dataclass(frozen=True)
class UserCredit:
    """Who shared a recipe among the people the épicerie serves: a first name, with their consent, or a group."""

    prenom: str = ""
    groupe: bool = False
    accord: bool = False
    texte: str = ""
    langue: str = set_by_translation("fr")  # the language of `texte`


@dataclass(frozen=True)
class RecipeTranslation:
    langue: str  # the key of `traductions:` in the file
    titre: str = ""
    ingredients: tuple[str, ...] = ()  # the names, in the order of the French list
    etapes: tuple[str, ...] = ()
    photo: str = ""  # the photo's text alternative
    aliment: str = ""  # the food of the month's name
    atouts: str = ""  # why it is good
    conservation: str = ""  # how to keep it
    astuces: tuple[str, ...] = ()  # in the order of the French list
    partage: str = ""  # the words of who shared it (partagee_par.texte)
    relu: bool = False


@dataclass(frozen=True)
class Recipe:
    id: str
    titre: str
    mois: str
    aliment_du_mois: FoodOfTheMonth
    portions: int
    preparation_min: int
    cuisson_min: int
    difficulte: str
    materiel: tuple[str, ...]
    ingredients: tuple[Ingredient, ...]
    etapes: tuple[str, ...]
    allergenes: tuple[str, ...]
    description: str = ""
    traces: tuple[str, ...] = ()
    regimes: tuple[str, ...] = ()
    astuces: tuple[str, ...] = ()
    image: Photo | None = None
    prix_releves: str = ""
    propose_par: str = ""
    saison: tuple[str, ...] = ()
    partagee_par: UserCredit | None = None
    ateliers: tuple[RecipeWorkshop, ...] = ()
    traductions: tuple[RecipeTranslation, ...] = ()
    langue: str = "fr"  # the language of its title, ingredients and steps (in_language)
    relu: bool = True  # False: a translation nobody fluent has checked yet
    astuces_langue: str = set_by_translation("fr")  # the language of its tips

    @property
    def total_minutes(self) -> int:
        return self.preparation_min + self.cuisson_min

    @property
    def needs_oven(self) -> bool:
        return "four" in self.materiel

    @property
    def from_users(self) -> bool:
        """Shared by the people the épicerie serves (« Recettes des usagers »)."""
        return self.partagee_par is not None

    def in_language(self, code: str) -> Recipe:
        """Its title, ingredients and steps in that language when the data has them, else French."""
        found = translation_in(self.traductions, code)
        if not found:
            return self
        names = parallel(found.ingredients, tuple(ingredient.nom for ingredient in self.ingredients))
        tips = parallel(found.astuces, self.astuces)  # the French tuple itself when not translated
        food = replace(self.aliment_du_mois, nom=found.aliment, langue=code) if found.aliment else self.aliment_du_mois
        if found.atouts or found.conservation:
            food = replace(
                food,
                atouts=found.atouts or food.atouts,
                conservation=found.conservation or food.conservation,
                textes_langue=code,
            )
        credit = self.partagee_par
        if credit and credit.texte and found.partage:
            credit = replace(credit, texte=found.partage, langue=code)
        return replace(
            self,
            **words_in(self, found, "titre", "etapes"),
            aliment_du_mois=food,
            astuces=tips,
            astuces_langue="fr" if tips is self.astuces else code,
            partagee_par=credit,
            ingredients=tuple(replace(i, nom=n) for i, n in zip(self.ingredients, names, strict=True)),
            image=replace(self.image, alt=found.photo, langue=code) if self.image and found.photo else self.image,
            langue=code,
            relu=found.relu,
        )


@dataclass(frozen=True)
class InterventionTranslation:
    langue: str  # the key of `traductions:` in the file
    titre: str = ""
    relu: bool = False


@dataclass(frozen=True)
class Intervention:
    id: str
    titre: str
    intervenant: str
    partenaire: str
    lieu: str
    debut: str
    description: str = ""
    duree: int | None = None
    fin: str = ""
    recurrence: str = ""
    exceptions: tuple[str, ...] = ()
    inscription: Signup | None = None
    thematiques: tuple[str, ...] = ()
    traductions: tuple[InterventionTranslation, ...] = ()
    langue: str = "fr"  # the language of its title (in_language)

    def in_language(self, code: str) -> Intervention:
        found = translation_in(self.traductions, code)
        return replace(self, titre=found.titre or self.titre, langue=code) if found and found.titre else self

    @property
    def timing(self) -> dict[str, Any]:
        """Its dates as written in YAML, for text.occurrences (which also reads unvalidated data)."""
        keys = ("debut", "duree", "fin", "recurrence", "exceptions")
        return {k: getattr(self, k) for k in keys if getattr(self, k) not in (None, "", ())}


@dataclass(frozen=True)
class FormField:
    id: str
    libelle: str
    type: str
    aide: str = ""
    choix: tuple[str, ...] = ()
    choix_thematiques: bool = False
    max_longueur: int | None = None
    obligatoire: bool = False
    personnel: bool = False
    prerempli: str = ""


@dataclass(frozen=True)
class FormSection:
    id: str
    titre: str
    champs: tuple[FormField, ...]
    aide: str = ""


@dataclass(frozen=True)
class Form:
    id: str
    titre: str
    sections: tuple[FormSection, ...]
    consentement: str
    engagement: str
    description: str = ""
    services: tuple[str, ...] = ()
    brouillon_heures: int = 72


@dataclass(frozen=True)
class RightTranslation:
    langue: str  # the key of `traductions:` in the file
    nom: str = ""
    resume: str = ""
    organisme: str = ""
    documents: tuple[str, ...] = ()  # in the order of the French list
    relu: bool = False


@dataclass(frozen=True)
class Right:
    """A right or aid the rights helper proposes to check (data/droits.yaml)."""

    id: str
    nom: str
    resume: str
    organisme: str
    si: tuple[dict[str, list[str]], ...]  # alternatives: question → the answers that fit
    aide: tuple[str, ...]  # services that help with the application
    source: str
    verifie_le: date
    documents: tuple[str, ...] = ()
    simulateur: str = ""
    automatique: bool = False  # arrives without an application: shown apart
    sous_conditions_de_ressources: bool = False  # depends on income: a high answer adds « faites la simulation »
    traductions: tuple[RightTranslation, ...] = ()
    langue: str = "fr"  # the language of its texts (in_language)
    relu: bool = True  # False: a translation nobody fluent has checked yet

    def in_language(self, code: str) -> Right:
        """Its name, summary, organisation and documents in that language when the data has them."""
        found = translation_in(self.traductions, code)
        if not found:
            return self
        return replace(
            self,
            **words_in(self, found, "nom", "resume", "organisme"),
            documents=parallel(found.documents, self.documents),
            langue=code,
            relu=found.relu,
        )


R = TypeVar("R")


def build(kind: type[R], raw: Raw, **given: Any) -> R:
    """A record of `kind` from its validated YAML mapping; `given` sets fields the file name decides (ids)."""
    values = dict(given)
    for name, hint in _hints(typing.cast(type, kind)).items():
        if name in raw and name not in values and raw[name] is not None:
            values[name] = _convert(hint, raw[name])
    return kind(**values)


@cache
def _hints(kind: type) -> dict[str, Any]:
    hints = typing.get_type_hints(kind)
    return {f.name: hints[f.name] for f in dataclasses.fields(kind)}


def _convert(hint: Any, value: Any) -> Any:
    if isinstance(hint, types.UnionType):  # X | None
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if isinstance(value, dict):  # `traductions:` {en: {…}, ar: {…}}: one record per language
            return tuple(build(item, text, langue=code) for code, text in value.items() if isinstance(text, dict))
        return tuple(_convert(item, v) for v in value)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return build(hint, value)
    if hint is date:
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    if hint is str:
        return str(value)
    return value


def _indexes(partners: tuple[Partner, ...]) -> dict[str, Any]:
    """Records' lookups by id: partners, services and each service's partner."""
    services = {s.id: (s, p) for p in partners for s in p.services}
    return {
        "partner_by_id": {p.id: p for p in partners},
        "service_by_id": {sid: s for sid, (s, _) in services.items()},
        "partner_of_service": {sid: p for sid, (_, p) in services.items()},
    }


@dataclass(frozen=True)
class Records:
    """Everything one build publishes, typed; indexes included."""

    partners: tuple[Partner, ...] = ()
    professionals: tuple[Professional, ...] = ()
    recipes: tuple[Recipe, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    forms: tuple[Form, ...] = ()
    needs: tuple[Need, ...] = ()
    emergencies: tuple[Emergency, ...] = ()
    editions: tuple[Edition, ...] = ()  # the Semaine du goût, oldest first
    questionnaire: Questionnaire | None = None  # its paper questionnaire on eating habits
    rights: tuple[Right, ...] = ()  # the rights helper's rules
    partner_by_id: dict[str, Partner] = field(default_factory=dict)
    service_by_id: dict[str, Service] = field(default_factory=dict)
    partner_of_service: dict[str, Partner] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        partners: Sequence[Raw],
        professionals: Sequence[Raw],
        recipes: Mapping[str, Raw],
        interventions: Sequence[Raw],
        forms: Mapping[str, Raw],
        needs: Sequence[Raw] = (),
        emergencies: Sequence[Raw] = (),
        editions: Mapping[str, Raw] | None = None,
        questionnaire: Raw | None = None,
        rights: Sequence[Raw] = (),
    ) -> Records:
        built = tuple(build(Partner, p) for p in partners)
        return cls(
            partners=built,
            professionals=tuple(build(Professional, p) for p in professionals),
            recipes=tuple(build(Recipe, r, id=rid) for rid, r in recipes.items()),
            interventions=tuple(build(Intervention, i) for i in interventions),
            forms=tuple(build(Form, f, id=fid) for fid, f in forms.items()),
            needs=tuple(build(Need, n) for n in needs),
            emergencies=tuple(build(Emergency, e) for e in emergencies),
            editions=tuple(build(Edition, e, annee=year) for year, e in (editions or {}).items()),
            questionnaire=build(Questionnaire, questionnaire) if questionnaire else None,
            rights=tuple(build(Right, r) for r in rights),
            **_indexes(built),
        )

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> Records:
        """The records of a dataset (a profile's view of it: see Profile.view)."""
        return cls.of(
            dataset.partners,
            dataset.professionals,
            dataset.recipes,
            dataset.interventions,
            dataset.forms,
            dataset.needs,
            dataset.emergencies,
            dataset.editions,
            dataset.questionnaire,
            dataset.rights,
        )

    def in_language(self, code: str) -> Records:
        """The records as pages in that language show them: translated texts where the data has them."""
        partners = tuple(partner.in_language(code) for partner in self.partners)
        return replace(
            self,
            partners=partners,
            **_indexes(partners),
            professionals=tuple(person.in_language(code) for person in self.professionals),
            needs=tuple(need.in_language(code) for need in self.needs),
            emergencies=tuple(contact.in_language(code) for contact in self.emergencies),
            recipes=tuple(recipe.in_language(code) for recipe in self.recipes),
            interventions=tuple(event.in_language(code) for event in self.interventions),
            rights=tuple(right.in_language(code) for right in self.rights),
            editions=tuple(edition.in_language(code) for edition in self.editions),
        )

    def epicebon_in(self, edition: Edition) -> list[tuple[Recipe, RecipeWorkshop]]:
        """The Épicé'bon workshops held during an edition of the Semaine du goût, with their recipe."""
        return [
            (r, session) for r in self.recipes for session in r.ateliers if edition.du <= session.jour <= edition.au
        ]

    def partners_by_name(self) -> list[Partner]:
        return sorted(self.partners, key=lambda p: sort_key(p.nom))

    def partner_name(self, partner_id: str) -> str:
        partner = self.partner_by_id.get(partner_id)
        return partner.nom if partner else partner_id
