"""The compact JSON of the directory: search, filters and "open now" in the browser, and every
partner's details offline when its page was not saved (see pwa/service_worker.py).

One file, `annuaire/annuaire.json`, always precached by the service worker, so the whole
directory stays searchable offline. At 10,000 partners it must stay a few megabytes, so it is
laid out in columns (`partenaires` and `services`: one list per field, one value per record)
and every value that repeats (descriptions, communes, lists of slugs, hours) is written once
in a table (`textes`, `listes`, `horaires`) and referred to by its number. The browser turns it
back into records (assets/javascripts/annuaire-donnees.js). A partner's or a service's own words
translated in its `traductions:` are columns named after the field and the language (`desc@ar`):
each language's page shows its own, and the search finds by the words of every language.
`libelles` gives the French label
of every slug, `besoins` the everyday needs and their words for the search, in every language
of the site: one file serves every language's directory, and an Arabic word finds in French too.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from site_build.data.loading.vocabularies import SERVICE_FACETS, term_label
from site_build.data.model.labels import shown_label
from site_build.data.model.needs import expanded
from site_build.data.model.profile import Profile
from site_build.data.model.records import Partner, Records, Service
from site_build.data.model.translated import parallel
from site_build.i18n.current import gettext, is_translated, speaking
from site_build.i18n.hours_words import words_of
from site_build.i18n.languages import DEFAULT
from site_build.text.hours import describe_hours
from site_build.text.opening_schedule import Schedules
from site_build.text.safe_markdown import markdown_plain

VERSION = 2
# Lists of slugs shown as labels beside the filters' facets (key in the JSON → vocabulary).
LABELLED = {
    **{key: vocabulary for key, (_, vocabulary) in SERVICE_FACETS.items()},
    "mo": "modes_mobilisation",
    "la": "langues",
}


class Table:
    """Values numbered once: the JSON refers to a repeated value by its number."""

    def __init__(self) -> None:
        self._numbers: dict[Any, int] = {}
        self.values: list[Any] = []

    def number(self, value: Any) -> int:
        key = tuple(value) if isinstance(value, list) else value
        if key not in self._numbers:
            self._numbers[key] = len(self.values)
            self.values.append(value)
        return self._numbers[key]


class Columns:
    """One list per field; a field every record leaves empty is left out."""

    def __init__(self) -> None:
        self.fields: dict[str, list[Any]] = {}
        self.count = 0

    def add(self, **values: Any) -> None:
        for name, value in values.items():
            if name not in self.fields:
                self.fields[name] = [None] * self.count
            self.fields[name].append(value)
        self.count += 1
        for column in self.fields.values():
            if len(column) < self.count:
                column.append(None)

    def as_json(self) -> dict[str, list[Any]]:
        return {name: column for name, column in self.fields.items() if any(v is not None for v in column)}


def _or_none(value: str) -> str | None:
    return value or None


class _Encoder:
    def __init__(self, today: date, profile: Profile, languages: Sequence[str] = ()):
        self.profile = profile
        self.languages = set(languages)  # the other languages whose words the file carries
        self.schedules = Schedules(today)
        self.texts, self.lists = Table(), Table()
        self.partners, self.services = Columns(), Columns()
        self.hours_texts: list[str] = []  # each numbered schedule as written (OpenStreetMap)

    def text(self, value: str) -> int | None:
        return self.texts.number(value) if value else None

    def slugs(self, values: Iterable[str]) -> int | None:
        values = list(values)
        return self.lists.number(values) if values else None

    def hours(self, text: str) -> int | None:
        number = self.schedules.number(text)
        if number is not None and number == len(self.hours_texts):
            self.hours_texts.append(text)
        return number

    def partner(self, partner: Partner) -> None:
        address = partner.adresse
        closure = partner.fermeture_temporaire
        self.partners.add(
            id=partner.id,
            nom=partner.nom,
            sigle=_or_none(partner.sigle),
            commune=self.text(address.commune),
            cp=self.text(address.code_postal),
            adresse=_or_none(address.street_line),
            lat=address.latitude,
            lon=address.longitude,
            tel=_or_none(partner.telephone),
            mail=_or_none(partner.courriel),
            web=_or_none(partner.site_web),
            desc=self.text(markdown_plain(partner.description)),
            statut=None if partner.statut == "actif" else self.text(partner.statut),
            fermeture=closure.as_list() if closure else None,
            h=self.hours(partner.horaires_accueil),
            hd=self.hours(partner.horaires_distribution),
            **self.translated(partner.traductions, desc=lambda t: markdown_plain(t.description)),
        )
        for service in partner.services:
            self.service(self.partners.count - 1, service)

    def service(self, owner: int, service: Service) -> None:
        facets = {key: self.slugs(getattr(service, field)) for key, (field, _) in SERVICE_FACETS.items()}
        self.services.add(
            p=owner,
            id=service.id,
            nom=service.nom,
            desc=self.text(markdown_plain(service.description)),
            **facets,
            pu_plus=self.text(service.publics_precisions),
            fr_plus=self.text(service.frais_precisions),
            conditions=self.text(service.conditions_acces),
            justificatifs=self.slugs(service.justificatifs),
            mo=self.slugs(service.modes_mobilisation),
            la=self.slugs(service.langues),
            h=self.hours(service.horaires_accueil),
            tel=_or_none(service.telephone),
            mail=_or_none(service.courriel),
            lien=_or_none(service.lien_mobilisation),
            li=1 if self.profile.has_liaison_forms and service.orientable else None,
            rs=1 if service.for_organisations_only else None,
            **self.translated(
                service.traductions,
                nom=lambda t: t.nom,
                desc=lambda t: markdown_plain(t.description),
                pu_plus=lambda t: t.publics_precisions,
                fr_plus=lambda t: t.frais_precisions,
                conditions=lambda t: t.conditions_acces,
            ),
            **{
                f"justificatifs@{t.langue}": self.slugs(parallel(t.justificatifs, service.justificatifs))
                for t in service.traductions
                if t.langue in self.languages and t.justificatifs
            },
        )

    def translated(self, translations: Iterable[Any], **fields: Callable[[Any], str]) -> dict[str, int | None]:
        """The columns `field@language` of a record's translated words (numbers into `textes`)."""
        return {
            f"{name}@{t.langue}": number
            for t in translations
            if t.langue in self.languages
            for name, words in fields.items()
            if (number := self.text(words(t))) is not None
        }

    def labels(self) -> dict[str, dict[str, str]]:
        """The label of every slug the services use, by facet."""
        used: dict[str, set[str]] = {key: set() for key in LABELLED}
        for key in LABELLED:
            for number in self.services.fields.get(key, []):
                if number is not None:
                    used[key].update(self.lists.values[number])
        return {key: {slug: shown_label(LABELLED[key], slug) for slug in sorted(used[key])} for key in LABELLED}


def _labels_in(code: str, labels: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """The labels another language's catalog translates (`libelles@en`): its pages show them."""
    with speaking(code):
        return {
            key: {slug: gettext(label) for slug, label in names.items() if is_translated(label)}
            for key, names in labels.items()
        }


def directory_data(records: Records, profile: Profile, today: date, languages: Sequence[str] = ()) -> dict[str, Any]:
    """`languages`: the site's other languages (the public site's; the professionals' is French only)."""
    others = [code for code in languages if code != DEFAULT]
    encoder = _Encoder(today, profile, others)
    for partner in records.partners_by_name():
        encoder.partner(partner)
    labels = encoder.labels()
    # each schedule in words: `texte` in French, `texte@en` in each other language
    schedules = [
        dict(
            table,
            texte=describe_hours(text),
            **{f"texte@{code}": describe_hours(text, None, words_of(code)) for code in others},
        )
        for table, text in zip(encoder.schedules.table, encoder.hours_texts, strict=True)
    ]
    return {f"libelles@{code}": _labels_in(code, labels) for code in others} | {
        "version": VERSION,
        "profil": profile.name,
        "genere": today.isoformat(),
        "horizon": encoder.schedules.horizon(),
        "horaires": schedules,
        "textes": encoder.texts.values,
        "listes": encoder.lists.values,
        "libelles": labels,
        # the national labels of the thématiques too: the search understands both wordings
        "nationaux": {slug: term_label("thematiques", slug) for slug in labels["th"]},
        # `coeur`: the first thématique a need names is its heart (food aid, not nutrition workshops)
        "besoins": [
            {
                "id": n.id,
                "nom": n.nom,
                "mots": n.words_in_every_language(),
                "th": sorted(expanded(n.thematiques)),
                "coeur": sorted(expanded(n.thematiques[:1])),
            }
            for n in records.needs
        ],
        "partenaires": encoder.partners.as_json(),
        "services": encoder.services.as_json(),
    }


def directory_json(records: Records, profile: Profile, today: date, languages: Sequence[str] = ()) -> bytes:
    data = directory_data(records, profile, today, languages)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
