"""« Proposer une modification »: the form a partner or a social worker fills in to correct an entry,
drawn from the entry's JSON Schema, and the current values every entry's page carries for it.

The form page (/proposer/) has one form per kind of entry. Its script (proposer.js) reads which entry
from the address (?fiche=service&id=…&depuis=annuaire/mission-locale/), takes the entry's current values from
the page it came from (its #gp-valeurs block, so it works offline wherever that page does), and writes
a proposal: the changed fields only, with the values they were based on (editing/proposals.py applies
it). What a form offers is declared once below; labels and help are the form's own (the schema's
descriptions speak of YAML quotes), marked for the catalogs; the widget comes from the schema.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from site_build import urls
from site_build.data.loading import schemas
from site_build.data.loading.settings import SiteSettings
from site_build.data.loading.vocabularies import term_label
from site_build.data.model.editions import PUBLICS as TASTE_PUBLICS
from site_build.data.model.labels import shown_label
from site_build.data.model.records import Partner, Professional, Records
from site_build.i18n.current import N_, gettext
from site_build.pages.model import Page
from site_build.pages.render import in_language, render, said_label


@dataclass(frozen=True)
class Offered:
    """A field the form offers to change: its key, the form's label and help, and for a block of fields
    or a list of blocks, the keys offered inside."""

    name: str
    label: str
    help: str = ""
    parts: tuple[Offered, ...] = ()
    vocabulary: str = ""  # the labels of its choices (the site's words), when the schema lists them
    grouped: bool = False  # its choices shown by category (« Santé : Accès aux soins »), each folded


@dataclass(frozen=True)
class EntryKind:
    name: str  # the proposal's `fiche`
    title: str  # what the form's heading calls it
    schema: Mapping[str, Any]  # the JSON Schema of one entry
    offered: tuple[Offered, ...]
    confirmable: bool = False  # « Tout est juste » sets its verification date
    closable: bool = False  # « Cette structure a fermé »

    @property
    def fields(self) -> tuple[Offered, ...]:
        """What a proposal may carry: the offered fields, and the status « a fermé » changes."""
        return (*self.offered, Offered("statut", "")) if self.closable else self.offered


_ADDRESS = (
    Offered("voie", N_("Numéro et rue")),
    Offered("complement", N_("Complément d'adresse"), N_("Bâtiment, étage, quartier…")),
    Offered("code_postal", N_("Code postal"), N_("5 chiffres.")),
    Offered("commune", N_("Commune")),
)
_HOURS_HELP = N_("Écrites au format OpenStreetMap. L'aide ci-dessous les écrit pour vous.")
_PHONE_HELP = N_("Un numéro à 10 chiffres, par exemple 02 61 91 00 01.")

PARTNER = EntryKind(
    "partenaire",
    N_("Structure"),
    schemas.PARTNER,
    (
        Offered("nom", N_("Nom de la structure")),
        Offered("sigle", N_("Sigle"), N_("Le nom court, par exemple CAF.")),
        Offered("description", N_("Présentation"), N_("Ce que fait la structure, en phrases simples.")),
        Offered("adresse", N_("Adresse"), parts=_ADDRESS),
        Offered("telephone", N_("Téléphone"), _PHONE_HELP),
        Offered("courriel", N_("Courriel")),
        Offered("site_web", N_("Site web"), N_("L'adresse complète, qui commence par https://.")),
        Offered("horaires_accueil", N_("Horaires d'accueil"), _HOURS_HELP),
        Offered("horaires_distribution", N_("Horaires de distribution alimentaire"), _HOURS_HELP),
    ),
    confirmable=True,
    closable=True,
)
SERVICE = EntryKind(
    "service",
    N_("Service"),
    schemas.SERVICE,
    (
        Offered("nom", N_("Nom du service")),
        Offered("description", N_("Présentation"), N_("Ce que fait le service, en phrases simples.")),
        Offered("types", N_("Type d'aide"), vocabulary="types"),
        Offered(
            "thematiques",
            N_("Ce que fait le service"),
            N_("Ouvrez un thème pour cocher."),
            vocabulary="thematiques",
            grouped=True,
        ),
        Offered("publics", N_("Pour qui"), vocabulary="publics"),
        Offered("publics_precisions", N_("Précisions sur le public"), N_("Âge, situation…")),
        Offered("conditions_acces", N_("Conditions d'accès"), N_("En phrases simples.")),
        Offered("justificatifs", N_("Documents à apporter"), N_("Un document par ligne.")),
        Offered("frais", N_("Frais"), vocabulary="frais"),
        Offered("modes_accueil", N_("Modes d'accueil"), vocabulary="modes_accueil"),
        Offered("modes_mobilisation", N_("Comment entrer en contact"), vocabulary="modes_mobilisation"),
        Offered("langues", N_("Langues parlées à l'accueil"), vocabulary="langues"),
        Offered("horaires_accueil", N_("Horaires d'accueil"), _HOURS_HELP),
        Offered("telephone", N_("Téléphone"), _PHONE_HELP),
        Offered("courriel", N_("Courriel")),
    ),
    confirmable=True,
)
PROFESSIONAL = EntryKind(
    "professionnel",
    N_("Professionnel"),
    schemas.PROFESSIONAL,
    (
        Offered("prenom", N_("Prénom")),
        Offered("nom", N_("Nom")),
        Offered("fonction", N_("Fonction"), N_("Par exemple « Conseillère en économie sociale et familiale ».")),
        Offered(
            "telephones",
            N_("Téléphones"),
            N_("Laissez un numéro vide pour l'enlever."),
            parts=(Offered("numero", N_("Numéro"), _PHONE_HELP), Offered("type", N_("Sorte de ligne"))),
            vocabulary="types_telephone",
        ),
        Offered("courriel", N_("Courriel professionnel")),
    ),
    confirmable=True,
)
TASTE_EVENT = EntryKind(
    "animation",
    N_("Animation de la Semaine du goût"),
    schemas.TASTE_EVENT,
    (
        Offered("titre", N_("Titre de l'animation")),
        Offered("jour", N_("Jour")),
        Offered("debut", N_("Début")),
        Offered("fin", N_("Fin")),
        Offered("publics", N_("Pour qui")),
        Offered("description", N_("Présentation")),
        Offered(
            "inscription",
            N_("Inscription"),
            parts=(
                Offered("obligatoire", N_("Inscription obligatoire")),
                Offered("modalites", N_("Comment s'inscrire")),
            ),
        ),
        Offered("accessibilite", N_("Accès"), N_("Fauteuil roulant, poussette, boucle magnétique…")),
    ),
)
KINDS = (PARTNER, SERVICE, PROFESSIONAL, TASTE_EVENT)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}
_OTHER_CHOICE_LABELS = {"publics": TASTE_PUBLICS}  # the Semaine du goût's own publics


@dataclass(frozen=True)
class Control:
    """One control of a form, as proposal.html draws it."""

    name: str  # the field's key; "adresse.voie" inside a block
    label: str  # French: translated when drawn
    help: str
    widget: str  # text, prose, email, tel, url, date, time, hours, choice, choices, lines, boolean, group, rows
    required: bool = False
    max_length: int | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (value, French label)
    parts: tuple[Control, ...] = ()
    grouped: bool = False

    @property
    def groups(self) -> list[tuple[str, list[tuple[int, str, str]]]]:
        """(category, [(number, value, label)]) of choices labelled « Category : label », in their order."""
        found: dict[str, list[tuple[int, str, str]]] = {}
        for number, (value, label) in enumerate(self.choices):
            category, _, own = label.partition(" : ")
            found.setdefault(category, []).append((number, value, own or category))
        return list(found.items())


_WIDGET_OF_PATTERN = {
    schemas.PHONE["pattern"]: "tel",
    schemas.EMAIL["pattern"]: "email",
    schemas.URL["pattern"]: "url",
    schemas.DATE["pattern"]: "date",
    schemas.TIME["pattern"]: "time",
}


def _widget(schema: Mapping[str, Any]) -> str:
    kind = schema.get("type")
    if kind == "object":
        return "group"
    if kind == "array":
        items = schema.get("items", {})
        return "rows" if items.get("type") == "object" else "choices" if "enum" in items else "lines"
    if kind == "boolean":
        return "boolean"
    if "enum" in schema:
        return "choice"
    if schema.get("x-horaires"):
        return "hours"
    if schema.get("pattern") in _WIDGET_OF_PATTERN:
        return _WIDGET_OF_PATTERN[schema["pattern"]]
    return "text" if schema.get("x-texte-simple") or "pattern" in schema else "prose"


def _choices(schema: Mapping[str, Any], offered: Offered) -> tuple[tuple[str, str], ...]:
    enum = schema.get("enum") or schema.get("items", {}).get("enum") or ()
    others = _OTHER_CHOICE_LABELS.get(offered.name, {})
    if offered.grouped:  # « Category : the site's words for it », in the page's language
        return tuple((slug, _grouped_label(offered.vocabulary, slug)) for slug in enum)
    return tuple(
        (slug, said_label(offered.vocabulary, slug) if offered.vocabulary else others.get(slug, slug)) for slug in enum
    )


def _grouped_label(vocabulary: str, slug: str) -> str:
    """« Category : label », each part in the page's language (Control.groups splits at « : »). A
    translation writes its own colon (« Health: mental health »): the parts are translated apart."""
    shown = shown_label(vocabulary, slug)
    if " : " in shown:  # a national label: its category is already in front
        category, _, own = shown.partition(" : ")
        said = said_label(vocabulary, slug)
        own = said.split(":", 1)[1].strip() if said != shown and ":" in said else own
    else:
        category, found, _ = term_label(vocabulary, slug).partition(" : ")
        own = said_label(vocabulary, slug)
        if not found:  # a local theme outside the national categories: a group of its own
            return own
    return f"{in_language('categories', category)} : {own}"


def _control(offered: Offered, schema: Mapping[str, Any], required: bool, prefix: str = "") -> Control:
    widget = _widget(schema)
    inner = schema.get("items", {}) if widget == "rows" else schema
    parts = tuple(
        _control(
            part,
            inner["properties"][part.name],
            part.name in inner.get("required", ()),
            "" if widget == "rows" else f"{prefix}{offered.name}.",
        )
        for part in offered.parts
    )
    if widget == "rows" and offered.vocabulary:  # the items' one choice of a vocabulary (a phone's kind)
        parts = tuple(
            dataclasses.replace(part, choices=_choices(inner["properties"][part.name], offered))
            if part.widget == "choice"
            else part
            for part in parts
        )
    return Control(
        name=prefix + offered.name,
        label=offered.label,
        help=offered.help,
        widget=widget,
        required=required,
        max_length=schema.get("maxLength"),
        choices=_choices(schema, offered) if widget in ("choice", "choices") else (),
        parts=parts,
        grouped=offered.grouped,
    )


def controls(kind: EntryKind) -> tuple[Control, ...]:
    properties, required = kind.schema["properties"], kind.schema.get("required", ())
    return tuple(_control(o, properties[o.name], o.name in required) for o in kind.offered)


def offered_names(kind: EntryKind) -> frozenset[str]:
    """The keys a proposal for this kind of entry may change."""
    return frozenset(o.name for o in kind.fields)


# The current values of entries, in the page that shows them (#gp-valeurs).


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if _kept(getattr(value, f.name))
        }
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _kept(value: Any) -> bool:
    return value is not None and value != "" and value != ()


def entry_values(kind: EntryKind, record: Any) -> dict[str, Any]:
    """The offered fields of an entry as its data file says them (dates as written, lists as lists):
    in French on every language's page, since a proposal changes the file."""
    record = getattr(record, "as_written", None) or record
    values = {}
    for offered in kind.fields:
        value = getattr(record, offered.name, None)
        if not _kept(value):
            continue
        plain = _plain(value)
        if offered.parts and isinstance(plain, dict):
            plain = {k: v for k, v in plain.items() if k in {p.name for p in offered.parts}}
        values[offered.name] = plain
    return values


def values_block(entries: Iterable[tuple[EntryKind, Any]]) -> dict[str, dict[str, Any]]:
    """{kind: {id: values}}: what a page hands the proposal form."""
    block: dict[str, dict[str, Any]] = {}
    for kind, record in entries:
        block.setdefault(kind.name, {})[record.id] = entry_values(kind, record)
    return block


def partner_entries(partner: Partner, people: Iterable[Professional] = ()) -> list[tuple[EntryKind, Any]]:
    return [(PARTNER, partner), *((SERVICE, s) for s in partner.services), *((PROFESSIONAL, p) for p in people)]


def propose_query(kind_name: str, ident: str, source_page: str) -> str:
    """The form's query for one entry shown at site path `source_page` (where its values are)."""
    return urlencode({"fiche": kind_name, "id": ident, "depuis": source_page})


# The form page.


def proposal_page(records: Records, settings: SiteSettings) -> Page:
    kinds = [kind for kind in KINDS if kind is not TASTE_EVENT or records.editions]
    github = settings.proposal_github.rstrip("/")
    html = render(
        "proposal.html",
        urls.PROPOSE,
        forms=[(kind, controls(kind)) for kind in kinds],
        email=settings.proposal_email,
        github_new_issue=f"{github}/issues/new" if github else "",
        days=settings.proposal_days,
        organisation=settings.organisation or settings.site_name,
        week=[N_("lundi"), N_("mardi"), N_("mercredi"), N_("jeudi"), N_("vendredi"), N_("samedi"), N_("dimanche")],
    )
    return Page(urls.source(urls.PROPOSE), gettext("Proposer une modification"), html, searchable=False, wide=True)
