"""JSON Schemas (Draft 2020-12) of every data file, built from the vocabularies.

`x-erreur` is our own keyword: the French hint shown to editors when a value
does not match; `x-texte-simple` marks one-line plain text (see schema_errors.py).
Validators ignore unknown keywords; yaml-language-server shows
`description` and `enum` for autocompletion.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from site_build.data.loading.vocabularies import EVERYDAY_VOCABULARIES, VOCABULARIES
from site_build.data.model.rights import conditions_schema

SCHEMA_DIR = Path(__file__).parents[2] / "schemas"  # beside the code: editors point their YAML at it
BASE_URI = "https://guide-partage.example.org/schemas/"


def _vocab(name: str, description: str) -> dict[str, Any]:
    terms = VOCABULARIES[name]
    return {
        "type": "string",
        "enum": [t.slug for t in terms],
        "description": description,
        "markdownEnumDescriptions": [t.label + (" (ajout local)" if t.local else "") for t in terms],
    }


def _list_of(item: dict[str, Any], description: str, min_items: int = 0) -> dict[str, Any]:
    schema = {"type": "array", "items": item, "description": description, "uniqueItems": True}
    if min_items:
        schema["minItems"] = min_items
    return schema


# Length limits (CONTRIBUTING.md): a name fits on a line, a description on a screen.
SHORT_TEXT = 300
ONE_LINE = "^[^=+@\\n][^\\n]*\\n?$"
LONG_TEXT = 2000
MARKDOWN_TEXT = 5000


def _text(description: str, min_length: int = 1, max_length: int = SHORT_TEXT, one_line: bool = True) -> dict[str, Any]:
    """Plain text: shown as typed, never as markup. One line unless it is prose (conditions, steps…)."""
    schema = {"type": "string", "minLength": min_length, "maxLength": max_length, "description": description}
    if one_line:
        # One line (a folded block ">" ends with one line feed), not starting like a spreadsheet
        # formula: the open-data CSV files carry these texts.
        schema["pattern"] = ONE_LINE
        schema["x-texte-simple"] = True
    return schema


def _prose(description: str) -> dict[str, Any]:
    return _text(description, max_length=LONG_TEXT, one_line=False)


def _obj(properties: dict[str, Any], required: list[str], description: str = "") -> dict[str, Any]:
    schema = {"type": "object", "additionalProperties": False, "required": required, "properties": properties}
    if description:
        schema["description"] = description
    return schema


SLUG = {
    "type": "string",
    "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)*$",
    "description": "Identifiant : minuscules sans accents, chiffres et tirets.",
    "x-erreur": "écrivez un identifiant en minuscules sans accents ni espaces, avec des tirets, "
    "par exemple « mission-locale »",
}
# Years 2000 to 2099, ASCII digits only ("\d" would accept ٢٠٢٦ or ２０２６).
DATE = {
    "type": "string",
    "format": "date",
    "pattern": r"^20[0-9]{2}-[0-9]{2}-[0-9]{2}$",
    "description": "Date au format AAAA-MM-JJ, par exemple 2026-10-15.",
    "x-erreur": "écrivez une vraie date, entre 2000 et 2099, au format AAAA-MM-JJ, par exemple « 2026-10-15 »",
}
MONTH = {
    "type": "string",
    "pattern": r"^20[0-9]{2}-(0[1-9]|1[0-2])$",
    "description": "Mois au format AAAA-MM, par exemple 2027-01.",
    "x-erreur": 'écrivez un mois au format AAAA-MM entre guillemets, par exemple « "2027-01" »',
}
DATETIME = {
    "type": "string",
    "pattern": r"^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$",
    "description": "Date et heure de Paris, AAAA-MM-JJTHH:MM, par exemple 2026-12-08T14:00.",
    "x-erreur": "écrivez la date et l'heure au format AAAA-MM-JJTHH:MM, par exemple « 2026-12-08T14:00 »",
}
TIME = {
    "type": "string",
    "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
    "description": 'Heure HH:MM entre guillemets, par exemple "16:00".',
    "x-erreur": 'écrivez une heure au format HH:MM entre guillemets, par exemple « "16:00" »',
}
PHONE = {
    "type": "string",
    "pattern": r"^(0[1-9]( [0-9]{2}){4}|0[1-9][0-9]{8}|\+33 ?[1-9]( ?[0-9]{2}){4}|[0-9]{3,4})$",
    "description": 'Numéro français entre guillemets, par exemple "02 61 91 00 01".',
    "x-erreur": 'écrivez un numéro français à 10 chiffres entre guillemets, par exemple « "02 61 91 00 01" » '
    '(ou un numéro court comme « "115" »)',
}
EMAIL = {
    "type": "string",
    "pattern": r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$",
    "description": "Adresse électronique, par exemple accueil@exemple.org.",
    "x-erreur": "écrivez une adresse électronique complète, par exemple « accueil@caf.example.org »",
}
URL = {
    "type": "string",
    "pattern": r"^https?://[^\s/?#]+\.[^\s/?#]+(/[^\s]*)?$",
    "description": "Adresse web commençant par https://.",
    "x-erreur": "écrivez une adresse web complète qui commence par « https:// »",
}
HOURS = {
    "type": "string",
    "minLength": 1,
    "maxLength": 500,
    "description": 'Horaires au format OpenStreetMap, par exemple "Mo-Fr 08:30-12:00,13:30-16:30; PH off".',
    "x-horaires": True,  # the proposal form offers its opening hours helper (pages/proposal.py)
}
POSTCODE = {
    "type": "string",
    "pattern": r"^[0-9]{5}$",
    "description": 'Code postal à 5 chiffres entre guillemets, sous la forme "12345".',
    "x-erreur": 'écrivez le code postal entre guillemets, 5 chiffres sous la forme « "12345" »',
}
INSEE = {
    "type": "string",
    "pattern": r"^([0-9]{5}|2[AB][0-9]{3})$",
    "description": 'Code INSEE de la commune entre guillemets, sous la forme "12345".',
    "x-erreur": 'écrivez le code INSEE entre guillemets, 5 caractères sous la forme « "12345" »',
}
MARKDOWN = _text(
    "Texte libre ; Markdown simple accepté (gras, listes, liens), pas de HTML ni d'image.",
    max_length=MARKDOWN_TEXT,
    one_line=False,
)


# The open data (feeds/record_columns.py): each property of a partner, a service or a person
# says under which column the public tables publish it, or why they do not. A property that
# says neither fails tests/test_fields.py.
def column(title: str, name: str = "", first: str = "") -> dict[str, Any]:
    """Published as the column `name` (the property's own name by default) titled `title`;
    `first`: for a list, the key of its first item that is published (the first telephone)."""
    spec = {"titre": title} | ({"nom": name} if name else {}) | ({"premier": first} if first else {})
    return {"x-colonne": spec}


def unpublished(reason: str) -> dict[str, Any]:
    """Kept out of the open-data tables, for this reason (said to whoever adds a column)."""
    return {"x-hors-donnees-ouvertes": reason}


MARKDOWN_TEXT_REASON = "texte long mis en forme : lu sur la fiche du site, pas dans un tableur"


def _translations(fields: dict[str, Any], what: str) -> dict[str, Any]:
    """`traductions:` of a record: per language of the site (its code: en, ar…), the texts in that language."""
    return {
        "type": "object",
        "description": f"{what} dans les autres langues du site, par code de langue (en, ar…). "
        "Sans traduction, le français est affiché.",
        "patternProperties": {
            "^[a-z]{2,3}(-[A-Z]{2})?$": _obj(  # en, ar, or with a region: fa-AF (Dari)
                {
                    **fields,
                    "relu": {
                        "type": "boolean",
                        "description": "true quand une personne dont c'est la langue a relu cette traduction.",
                    },
                },
                [],
                "La traduction dans une langue.",
            )
        },
        "additionalProperties": False,
    }


TRANSLATIONS_REASON = "lues sur les pages de chaque langue du site"


FREQUENCY = {
    "type": "integer",
    "minimum": 1,
    "maximum": 36,
    "description": "Nombre de mois entre deux vérifications (par défaut 12).",
    "x-erreur": "écrivez un nombre de mois entre 1 et 36, par exemple 6",
}

ADDRESS = _obj(
    {
        "voie": _text("Numéro et rue.") | column("Adresse"),
        "complement": _text("Bâtiment, étage, quartier…") | unpublished("pour trouver la porte : sur la fiche"),
        "code_postal": POSTCODE | column("Code postal"),
        "commune": _text("Nom de la commune.") | column("Commune"),
        "code_insee": INSEE | column("Code INSEE"),
        "latitude": {"type": "number", "minimum": -90, "maximum": 90, "description": "Latitude (WGS 84)."}
        | column("Latitude"),
        "longitude": {"type": "number", "minimum": -180, "maximum": 180, "description": "Longitude (WGS 84)."}
        | column("Longitude"),
    },
    ["voie", "code_postal", "commune"],
    "Adresse du lieu d'accueil.",
)

SERVICE = _obj(
    {
        "id": SLUG | column("Identifiant"),
        "nom": _text("Nom du service.") | column("Nom"),
        "description": MARKDOWN | unpublished(MARKDOWN_TEXT_REASON),
        "types": _list_of(_vocab("types", "Type de service (data·inclusion)."), "Types de service.", 1)
        | column("Types"),
        "thematiques": _list_of(_vocab("thematiques", "Thématique (data·inclusion)."), "Thématiques.", 1)
        | column("Thématiques"),
        "publics": _list_of(_vocab("publics", "Public (data·inclusion)."), "Publics.", 1) | column("Publics"),
        "publics_precisions": _prose("Précisions sur le public (âge, situation…).")
        | column("Précisions sur le public"),
        "frais": _list_of(_vocab("frais", "Frais."), "Frais.") | column("Frais"),
        "frais_precisions": _prose("Précisions sur les frais.") | column("Précisions sur les frais"),
        "modes_accueil": _list_of(_vocab("modes_accueil", "Mode d'accueil."), "Modes d'accueil.")
        | column("Modes d'accueil"),
        "modes_mobilisation": _list_of(
            _vocab("modes_mobilisation", "Comment entrer en contact."), "Modes de mobilisation."
        )
        | column("Modes de mobilisation"),
        "mobilisable_par": _list_of(
            _vocab("mobilisable_par", "Qui peut faire la démarche."), "Qui peut mobiliser le service."
        )
        | column("Mobilisable par"),
        "conditions_acces": _prose("Conditions d'accès, en phrases simples.") | column("Conditions d'accès"),
        "justificatifs": _list_of(_text("Un document à apporter."), "Documents à apporter.") | column("Justificatifs"),
        "langues": _list_of(_vocab("langues", "Langue parlée à l'accueil."), "Langues parlées.") | column("Langues"),
        "horaires_accueil": HOURS | column("Horaires d'accueil (OpenStreetMap)"),
        "telephone": PHONE | column("Téléphone"),
        "courriel": EMAIL | column("Courriel"),
        "lien_mobilisation": URL | column("Lien pour faire la démarche"),
        "orientable": {"type": "boolean", "description": "true si le service accepte une fiche de liaison."}
        | column("Accepte une fiche de liaison"),
        "date_verification": DATE | column("Date de vérification"),
        "traductions": _translations(
            {
                "nom": _text("Le nom du service dans cette langue."),
                "description": MARKDOWN | {"description": "La description, dans cette langue."},
                "publics_precisions": _prose("Les précisions sur le public, dans cette langue."),
                "conditions_acces": _prose("Les conditions d'accès, dans cette langue."),
                "frais_precisions": _prose("Les précisions sur les frais, dans cette langue."),
                "justificatifs": _list_of(
                    _text("Un document dans cette langue."),
                    "Les documents à apporter, dans l'ordre de la liste en français (autant qu'en français).",
                    min_items=1,
                ),
            },
            "Les mots du service",
        )
        | unpublished(TRANSLATIONS_REASON),
    },
    ["id", "nom", "types", "thematiques", "publics"],
    "Un service proposé par la structure.",
)

PARTNER = _obj(
    {
        "id": SLUG | column("Identifiant"),
        "nom": _text("Nom complet de la structure.") | column("Nom"),
        "sigle": _text("Sigle usuel, par exemple CAF.") | column("Sigle"),
        "siret": {
            "type": "string",
            "pattern": r"^[0-9]{14}$",
            "description": "SIRET à 14 chiffres, entre guillemets.",
            "x-erreur": "écrivez les 14 chiffres du SIRET entre guillemets, sans espaces",
        }
        | unpublished("publié par data·inclusion (structures.json), qui le demande"),
        "reseaux_porteurs": _list_of(_vocab("reseaux_porteurs", "Réseau (data·inclusion)."), "Réseaux porteurs.")
        | column("Réseaux porteurs"),
        "description": MARKDOWN | unpublished(MARKDOWN_TEXT_REASON),
        "adresse": ADDRESS,
        "telephone": PHONE | column("Téléphone"),
        "courriel": EMAIL | column("Courriel"),
        "site_web": URL | column("Site web"),
        "horaires_accueil": HOURS | column("Horaires d'accueil (OpenStreetMap)"),
        "horaires_distribution": HOURS
        | {"description": "Heures de distribution alimentaire (épiceries), format OpenStreetMap."}
        | column("Horaires de distribution (OpenStreetMap)"),
        "accessibilite_lieu": URL | column("Accessibilité du lieu (Acceslibre)"),
        "statut": _vocab("statuts", "actif, fermeture-temporaire ou ferme.") | column("Statut"),
        "fermeture_temporaire": _obj(
            {"du": DATE, "au": DATE, "message": _prose("Message aux usagers.")},
            ["du", "au"],
            "Dates d'une fermeture temporaire.",
        )
        | unpublished("passagère : dite sur la fiche et dans l'annuaire tant qu'elle dure"),
        "date_verification": DATE | column("Date de vérification"),
        "frequence_maj": FREQUENCY | unpublished("règle interne de l'équipe qui tient le guide"),
        "services": _list_of(SERVICE, "Services proposés.") | unpublished("table à part : services.csv"),
        "traductions": _translations(
            {
                "description": MARKDOWN | {"description": "La description, dans cette langue."},
                "fermeture": _prose("Le message de la fermeture temporaire, dans cette langue."),
            },
            "Les mots de la structure",
        )
        | unpublished(TRANSLATIONS_REASON),
    },
    ["id", "nom", "adresse", "date_verification"],
    "Une structure partenaire.",
)

PROFESSIONAL = _obj(
    {
        "id": SLUG | column("Identifiant"),
        "nom": _text("Nom de famille.") | column("Nom"),
        "prenom": _text("Prénom.") | column("Prénom"),
        "fonction": _text("Fonction, par exemple « Conseillère en économie sociale et familiale ».")
        | column("Fonction"),
        "partenaire": SLUG
        | {"description": "Identifiant de la structure (voir data/partners.yaml)."}
        | column("Partenaire", name="partenaire_id"),
        "services": _list_of(SLUG, "Identifiants des services où intervient la personne.")
        | unpublished("lien interne entre fiches, redit par la structure"),
        "telephones": _list_of(
            _obj({"numero": PHONE, "type": _vocab("types_telephone", "voice, cell, fax ou text.")}, ["numero"]),
            "Téléphones.",
        )
        | column("Téléphone", name="telephone", first="numero"),
        "courriel": EMAIL | column("Courriel"),
        "thematiques": _list_of(_vocab("thematiques", "Thématique."), "Domaines de la personne.")
        | unpublished("pour chercher dans l'annuaire des professionnels, réservé aux professionnels"),
        "permanences": _list_of(
            _obj(
                {
                    "horaires": HOURS,
                    "lieu": SLUG | {"description": "Structure où a lieu la permanence."},
                    "precisions": _prose("Précisions (sur rendez-vous…)."),
                },
                ["horaires", "lieu"],
            ),
            "Permanences.",
        )
        | unpublished("horaires d'une personne : sur l'annuaire des professionnels seulement"),
        "visibilite": _vocab("visibilite", "public ou pro (réservé aux professionnels).")
        | unpublished("la table ne garde que les personnes « public »"),
        "date_verification": DATE | unpublished("suivi interne des fiches de personnes"),
        "frequence_maj": FREQUENCY | unpublished("règle interne de l'équipe qui tient le guide"),
        "traductions": _translations({"fonction": _text("La fonction, dans cette langue.")}, "La fonction")
        | unpublished(TRANSLATIONS_REASON),
    },
    ["id", "nom", "prenom", "fonction", "partenaire", "visibilite", "date_verification"],
    "Une personne de l'annuaire.",
)

INGREDIENT = _obj(
    {
        "nom": _text("Nom de l'ingrédient."),
        "quantite": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 100000,
            "description": "Quantité pour le nombre de portions.",
            "x-erreur": "écrivez un nombre positif, avec un point pour les décimales, par exemple 0.5",
        },
        "unite": _vocab("unites", "Unité."),
        "ajustable": {"type": "boolean", "description": "false si la quantité ne se divise pas (une pincée, un œuf)."},
        "prix": {
            "type": "number",
            "minimum": 0,
            "maximum": 1000,
            "description": "Prix en euros de la quantité utilisée.",
            "x-erreur": "écrivez un prix en euros avec un point, par exemple 0.45",
        },
    },
    ["nom"],
    "Un ingrédient.",
)


RECIPE = _obj(
    {
        "titre": _text("Titre de la recette."),
        "mois": MONTH,
        "aliment_du_mois": _obj(
            {
                "nom": _text("L'aliment du mois."),
                "atouts": _prose("Pourquoi il est bon pour la santé et le budget."),
                "conservation": _prose("Comment le choisir et le conserver."),
            },
            ["nom"],
            "Aliment mis à l'honneur ce mois-ci (Épicé'bon).",
        ),
        "description": MARKDOWN,
        "portions": {
            "type": "integer",
            "minimum": 1,
            "maximum": 50,
            "description": "Nombre de portions.",
            "x-erreur": "écrivez un nombre entier de portions, par exemple 4",
        },
        "preparation_min": {
            "type": "integer",
            "minimum": 0,
            "maximum": 1440,
            "description": "Temps de préparation en minutes.",
            "x-erreur": "écrivez un nombre de minutes, par exemple 20",
        },
        "cuisson_min": {
            "type": "integer",
            "minimum": 0,
            "maximum": 1440,
            "description": "Temps de cuisson en minutes.",
            "x-erreur": "écrivez un nombre de minutes, par exemple 30",
        },
        "difficulte": _vocab("difficulte", "facile, moyenne ou difficile."),
        "materiel": _list_of(_vocab("materiel", "Matériel nécessaire."), "Matériel.", 1),
        "ingredients": _list_of(INGREDIENT, "Ingrédients.", 1),
        "prix_releves": MONTH | {"description": "Mois où les prix ont été relevés, AAAA-MM."},
        "etapes": {
            "type": "array",
            "items": _prose("Une étape."),
            "minItems": 1,
            "description": "Étapes, dans l'ordre.",
        },
        "allergenes": _list_of(_vocab("allergenes", "Allergène (règlement UE 1169/2011)."), "Allergènes présents."),
        "traces": _list_of(_vocab("allergenes", "Allergène."), "Peut contenir (traces)."),
        "regimes": _list_of(_vocab("regimes", "Régime."), "Régimes compatibles."),
        "saison": _list_of(
            {"type": "integer", "minimum": 1, "maximum": 12, "x-erreur": "écrivez un numéro de mois de 1 à 12"},
            "Mois de saison (1 à 12).",
        ),
        "image": _obj(
            {
                "src": {
                    "type": "string",
                    "maxLength": 200,
                    "pattern": r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\.(jpg|jpeg|png|webp)$",
                    "description": "Photo (JPEG, PNG ou WebP) dans content/, par exemple images/recettes/soupe.jpg.",
                    "x-erreur": "écrivez le nom d'un fichier image, par exemple « images/soupe.jpg »",
                },
                "alt": _text("Ce que montre la photo, en une phrase."),
            },
            ["src", "alt"],
            "Photo.",
        ),
        "astuces": _list_of(_prose("Une astuce."), "Astuces."),
        "propose_par": _text("Qui propose la recette : une structure, un atelier, un rôle."),
        "ateliers": _list_of(
            _obj(
                {
                    "jour": DATE,
                    "debut": TIME,
                    "fin": TIME,
                    "lieu": SLUG | {"description": "La structure qui accueille (son id)."},
                    "nature": {
                        "type": "string",
                        "enum": ["atelier", "demonstration"],
                        "description": "atelier (on cuisine ensemble) ou demonstration (on regarde et on goûte).",
                        "x-erreur": "écrivez atelier ou demonstration",
                    },
                },
                ["jour", "debut", "fin", "lieu"],
                "Un atelier ou une démonstration Épicé'bon autour de cette recette.",
            ),
            "Les ateliers et démonstrations Épicé'bon de cette recette.",
        ),
        "partagee_par": _obj(
            {
                "prenom": {
                    "type": "string",
                    "pattern": "^[^\\s0-9,.;:()]{1,30}$",
                    "description": "Le prénom seul de la personne qui a partagé sa recette (jamais le nom de famille).",
                    "x-erreur": "écrivez le prénom seul, sans nom de famille, par exemple « Yasmina »",
                },
                "groupe": {"type": "boolean", "description": "true : « un groupe d'usagers » (aucun prénom)."},
                "accord": {
                    "type": "boolean",
                    "description": "true quand la personne a donné son accord écrit pour que son prénom soit publié.",
                },
                "texte": _text("Quelques mots, par exemple « qui l'a fait goûter au forum du goût »."),
            },
            [],
            "Une recette partagée par une personne accompagnée (son prénom, avec son accord) ou par un groupe.",
        ),
        "traductions": _translations(
            {
                "titre": _text("Le titre dans cette langue."),
                "ingredients": _list_of(
                    _text("Le nom d'un ingrédient dans cette langue, sans la quantité."),
                    "Le nom de chaque ingrédient, dans l'ordre de la liste en français (un nom par ingrédient).",
                    min_items=1,
                ),
                "etapes": {
                    "type": "array",
                    "items": _prose("Une étape dans cette langue."),
                    "minItems": 1,
                    "description": "Les étapes dans cette langue, dans l'ordre (autant qu'en français).",
                },
                "photo": _text("Ce que montre la photo, dans cette langue, en une phrase."),
                "aliment": _text("Le nom de l'aliment du mois, dans cette langue."),
                "atouts": _prose("Pourquoi l'aliment est bon (aliment_du_mois.atouts), dans cette langue."),
                "conservation": _prose("Comment le conserver (aliment_du_mois.conservation), dans cette langue."),
                "astuces": _list_of(
                    _prose("Une astuce dans cette langue."),
                    "Les astuces, dans l'ordre de la liste en français (autant qu'en français).",
                    min_items=1,
                ),
                "partage": _text("Les mots de la personne qui a partagé la recette (partagee_par.texte), traduits."),
            },
            "Le titre, les ingrédients, les étapes et les astuces",
        ),
    },
    [
        "titre",
        "mois",
        "aliment_du_mois",
        "portions",
        "preparation_min",
        "cuisson_min",
        "difficulte",
        "materiel",
        "ingredients",
        "etapes",
        "allergenes",
    ],
    "Une recette du mois (Épicé'bon).",
)

INTERVENTION = _obj(
    {
        "id": SLUG,
        "titre": _text("Titre de l'intervention."),
        "intervenant": _text("Rôle de l'intervenant (pas de nom de personne sauf s'il est public)."),
        "partenaire": SLUG | {"description": "Structure qui intervient."},
        "lieu": SLUG | {"description": "Structure qui accueille (où a lieu la distribution)."},
        "debut": DATETIME,
        "fin": TIME,
        "duree": {
            "type": "integer",
            "minimum": 5,
            "maximum": 600,
            "description": "Durée en minutes.",
            "x-erreur": "écrivez une durée en minutes, par exemple 90",
        },
        "recurrence": {
            "type": "string",
            "pattern": r"^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Z0-9,+-]+)*$",
            "description": "Règle de répétition iCalendar, par exemple FREQ=MONTHLY;BYDAY=1TU.",
            "x-erreur": "écrivez une règle iCalendar, par exemple « FREQ=MONTHLY;BYDAY=2TU » (le 2e mardi du mois)",
        },
        "exceptions": _list_of(DATE, "Dates où l'intervention n'a pas lieu."),
        "description": MARKDOWN,
        "thematiques": _list_of(_vocab("thematiques", "Thématique."), "Thématiques."),
        "inscription": _obj(
            {"obligatoire": {"type": "boolean"}, "modalites": _prose("Comment s'inscrire.")},
            ["obligatoire"],
            "Inscription.",
        ),
        "traductions": _translations({"titre": _text("Le titre dans cette langue.")}, "Le titre"),
    },
    ["id", "titre", "intervenant", "partenaire", "lieu", "debut"],
    "Une intervention Épi'santé.",
)

FIELD = _obj(
    {
        "id": SLUG,
        "libelle": _text("Libellé affiché."),
        "type": _vocab("types_champ", "Type de champ."),
        "obligatoire": {"type": "boolean"},
        "aide": _prose("Aide affichée sous le champ."),
        "choix": _list_of(_text("Un choix."), "Choix proposés."),
        "choix_thematiques": {
            "type": "boolean",
            "description": "true pour proposer comme choix les besoins de data/besoins.yaml (les mots de tous les "
            "jours), ou les catégories de thématiques quand il n'y a pas de besoins.",
        },
        "max_longueur": {"type": "integer", "minimum": 1, "maximum": 5000},
        "prerempli": {
            "type": "string",
            "enum": ["partenaire", "service", "contact", "justificatifs", "date-du-jour"],
            "description": "Valeur remplie depuis l'annuaire.",
        },
        "personnel": {"type": "boolean", "description": "true pour une donnée personnelle (jamais enregistrée)."},
    },
    ["id", "libelle", "type"],
    "Un champ du formulaire.",
)

FORM = _obj(
    {
        "titre": _text("Titre de la fiche."),
        "description": MARKDOWN,
        "services": _list_of(SLUG, "Services qui acceptent cette fiche (vide : tous les services orientables)."),
        "brouillon_heures": {
            "type": "integer",
            "minimum": 1,
            "maximum": 720,
            "description": "Durée de conservation d'un brouillon sur l'appareil, en heures (72 par défaut).",
            "x-erreur": "écrivez un nombre d'heures entre 1 et 720, par exemple 72",
        },
        "sections": {
            "type": "array",
            "minItems": 1,
            "description": "Sections de la fiche.",
            "items": _obj(
                {
                    "id": SLUG,
                    "titre": _text("Titre de la section."),
                    "aide": _prose("Aide."),
                    "champs": {"type": "array", "minItems": 1, "items": FIELD},
                },
                ["id", "titre", "champs"],
            ),
        },
        "consentement": _prose("Texte du consentement de la personne."),
        "engagement": _prose("Engagement du professionnel sur la protection des données."),
    },
    ["titre", "sections", "consentement", "engagement"],
    "Une fiche de liaison.",
)


# Icon sets shipped inside mkdocs-material (templates/.icons/); the build inlines the SVG.
PICTOGRAM = {
    "type": "string",
    "pattern": r"^(material|octicons|simple|fontawesome/(solid|regular|brands))/[a-z0-9]+(-[a-z0-9]+)*$",
    "description": "Pictogramme des jeux d'icônes du thème, par exemple material/food-apple "
    "(liste : https://pictogrammers.com/library/mdi/).",
    "x-erreur": "écrivez le nom d'un pictogramme du thème, par exemple « material/food-apple »",
}


NEED = _obj(
    {
        "id": SLUG,
        "nom": _text("Le besoin en mots de tous les jours, par exemple « Manger ».", max_length=60),
        "pictogramme": PICTOGRAM,
        "thematiques": _list_of(
            {
                "type": "string",
                "enum": [t.slug for t in VOCABULARIES["categories"]] + [t.slug for t in VOCABULARIES["thematiques"]],
                "description": "Une thématique, ou une catégorie entière (toutes ses thématiques).",
                "markdownEnumDescriptions": [f"{t.label} (toute la catégorie)" for t in VOCABULARIES["categories"]]
                + [t.label for t in VOCABULARIES["thematiques"]],
                "x-erreur": "écrivez une thématique ou une catégorie de data·inclusion, par exemple "
                "« equipement-et-alimentation--alimentation » ou « mobilite »",
            },
            "Les thématiques des services qui répondent à ce besoin.",
            min_items=1,
        ),
        "mots": _list_of(
            _text("Un mot ou une expression que les gens tapent.", max_length=60),
            "Mots de tous les jours et synonymes : la recherche les comprend.",
            min_items=1,
        ),
        "maintenant": _obj(
            {
                "texte": _text(
                    "Que faire tout de suite, quand aucun lieu n'est ouvert (la nuit, le dimanche), en une ou deux "
                    "phrases simples.",
                    max_length=300,
                ),
                "appeler": _list_of(
                    {
                        "type": "string",
                        "pattern": r"^([0-9]{2,4}|0[1-9]( [0-9]{2}){4})$",
                        "description": "Un numéro national (115, 15…) ou un numéro de data/urgences.yaml.",
                        "x-erreur": 'écrivez un numéro entre guillemets, par exemple « "115" » ou « "02 61 91 00 01" »',
                    },
                    "Les numéros à appeler tout de suite, le plus utile d'abord.",
                    min_items=1,
                ),
            },
            ["texte", "appeler"],
            "Ce que l'annuaire dit quand rien n'est ouvert pour ce besoin.",
        ),
        "traductions": _translations(
            {
                "nom": _text("Le besoin dans cette langue.", max_length=60),
                "mots": _list_of(
                    _text("Un mot que les gens tapent dans cette langue.", max_length=60),
                    "Les mots de tous les jours dans cette langue : la recherche les comprend.",
                ),
                "maintenant": _text("« maintenant » (le texte) dans cette langue.", max_length=300),
            },
            "Le besoin et ses mots",
        ),
    },
    ["id", "nom", "pictogramme", "thematiques", "mots"],
    "Un besoin de la vie de tous les jours.",
)


EMERGENCY = _obj(
    {
        "nom": _text("Qui répond, par exemple « Pharmacie de garde ».", max_length=80),
        "telephone": PHONE,
        "pour": _text("Pour quoi appeler, en une phrase simple.", max_length=200),
        "partenaire": SLUG | {"description": "La structure de l'annuaire, s'il y en a une."},
        "horaires": HOURS,
        "traductions": _translations(
            {
                "nom": _text("Qui répond, dans cette langue.", max_length=80),
                "pour": _text("Pour quoi appeler, dans cette langue.", max_length=200),
            },
            "Le contact",
        ),
    },
    ["nom", "telephone", "pour"],
    "Un contact d'urgence d'ici.",
)


LABELS = {
    "type": "object",
    "additionalProperties": False,
    "description": "Les mots de tous les jours affichés à la place des libellés nationaux, par liste.",
    "properties": {
        name: {
            "type": "object",
            "additionalProperties": False,
            "properties": {t.slug: _text(f"À la place de « {t.label} ».", max_length=90) for t in VOCABULARIES[name]},
        }
        for name in EVERYDAY_VOCABULARIES
    },
}


def _document(name: str, title: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE_URI + f"{name}.schema.json",
        "title": title,
        **body,
    }


# The Semaine du goût: one file per edition, data/semaine-du-gout/<année>.yaml.
PUBLICS_SEMAINE = ["tout-public", "familles", "seniors", "scolaires"]
PLACE = _obj(
    {
        "nom": _text("Le nom du lieu, par exemple « Place de la Mairie »."),
        "voie": _text("Numéro et rue."),
        "commune": _text("La commune."),
        "latitude": {"type": "number", "minimum": -90, "maximum": 90, "description": "Latitude (WGS 84)."},
        "longitude": {"type": "number", "minimum": -180, "maximum": 180, "description": "Longitude (WGS 84)."},
    },
    ["nom", "commune", "latitude", "longitude"],
    "Un lieu qui n'est pas une structure de l'annuaire, avec ses coordonnées.",
)
TASTE_EVENT = _obj(
    {
        "id": SLUG,
        "titre": _text("Titre de l'animation."),
        "jour": DATE,
        "debut": TIME,
        "fin": TIME,
        "lieu": SLUG | {"description": "La structure de l'annuaire qui accueille (son id)."},
        "adresse": PLACE,
        "organisateurs": _list_of(SLUG | {"description": "Une structure qui organise (son id)."}, "Qui organise.", 1),
        "publics": _list_of(
            {
                "type": "string",
                "enum": PUBLICS_SEMAINE,
                "x-erreur": "écrivez tout-public, familles, seniors ou scolaires",
            },
            "Pour qui : tout-public, familles, seniors, scolaires.",
            1,
        ),
        "description": MARKDOWN,
        "inscription": _obj(
            {"obligatoire": {"type": "boolean"}, "modalites": _prose("Comment s'inscrire.")},
            ["obligatoire"],
            "Inscription.",
        ),
        "accessibilite": _text("Accès : fauteuil roulant, poussette, boucle magnétique…"),
        "traductions": _translations(
            {
                "titre": _text("Le titre dans cette langue."),
                "description": MARKDOWN | {"description": "La description, dans cette langue."},
                "inscription": _prose("Comment s'inscrire, dans cette langue."),
                "accessibilite": _text("L'accès, dans cette langue."),
            },
            "L'animation",
        ),
    },
    ["id", "titre", "jour", "debut", "fin", "organisateurs", "publics"],
    "Une animation de la semaine.",
)
BUS_STOP = _obj(
    {
        "id": SLUG,
        "nom": _text("Le nom de l'arrêt, par exemple « Parking du centre commercial »."),
        "quartier": _text("Le quartier."),
        "latitude": {"type": "number", "minimum": -90, "maximum": 90, "description": "Latitude (WGS 84)."},
        "longitude": {"type": "number", "minimum": -180, "maximum": 180, "description": "Longitude (WGS 84)."},
    },
    ["id", "nom", "quartier", "latitude", "longitude"],
    "Un arrêt du bus.",
)
BUS_DAY = _obj(
    {
        "jour": DATE,
        "passages": _list_of(
            _obj(
                {
                    "arret": SLUG | {"description": "L'arrêt (son id, dans « arrets »)."},
                    "arrivee": TIME,
                    "depart": TIME,
                    "animation": _text("Ce que le bus propose à cet arrêt."),
                    "traductions": _translations(
                        {"animation": _text("L'animation, dans cette langue.")}, "L'animation"
                    ),
                },
                ["arret", "arrivee", "depart", "animation"],
                "Un passage du bus à un arrêt.",
            ),
            "Les arrêts du jour, dans l'ordre du trajet.",
            1,
        ),
    },
    ["jour", "passages"],
    "Le trajet du bus un jour de la semaine.",
)
BUS = _obj(
    {
        "partenaires": _list_of(SLUG | {"description": "Une structure qui anime le bus (son id)."}, "Qui anime."),
        "arrets": _list_of(BUS_STOP, "Les arrêts du bus.", 1),
        "tournees": _list_of(BUS_DAY, "Le trajet, jour par jour.", 1),
    },
    ["arrets", "tournees"],
    "Le bus près de chez vous.",
)
SCHOOL_WORKSHOP = _obj(
    {
        "ecole": _text("L'école."),
        "niveau": _text("La classe, par exemple « CE2 » ou « grande section »."),
        "partenaire": SLUG | {"description": "La structure qui anime (son id)."},
        "jour": DATE,
        "debut": TIME,
        "fin": TIME,
        "titre": _text("L'atelier, par exemple « Chasse au trésor des 5 sens »."),
        "details_pro": _prose("Pour les professionnels seulement : contact de l'enseignant, matériel, effectif."),
    },
    ["ecole", "niveau", "partenaire", "jour", "titre"],
    "Un atelier dans une école.",
)
FORUM = _obj(
    {
        "titre": _text("Le nom du forum."),
        "jour": DATE,
        "debut": TIME,
        "fin": TIME,
        "lieu": SLUG | {"description": "La structure de l'annuaire qui accueille (son id)."},
        "adresse": PLACE,
        "description": MARKDOWN,
        "stands": _list_of(
            _obj(
                {
                    "partenaire": SLUG | {"description": "La structure qui tient le stand (son id)."},
                    "titre": _text("Le stand, par exemple « Le goût : reconnaître les saveurs »."),
                    "description": _prose("Ce qu'on y fait."),
                },
                ["partenaire", "titre"],
                "Un stand.",
            ),
            "Les stands.",
            1,
        ),
    },
    ["titre", "jour", "debut", "fin", "stands"],
    "Le forum du goût.",
)
WORKING_GROUP = _obj(
    {
        "nom": _text("Le groupe, par exemple « Ateliers conviviaux »."),
        "referent": SLUG | {"description": "Le professionnel référent (son id, dans data/professionals.yaml)."},
        "membres": _list_of(SLUG | {"description": "Une structure membre (son id)."}, "Les structures membres.", 1),
        "reunions": _list_of(DATE, "Les dates de réunion."),
        "role": _text("Ce que fait le groupe."),
    },
    ["nom", "referent", "membres"],
    "Un groupe de travail (visible sur le site des professionnels seulement).",
)
COUNT = {"type": "integer", "minimum": 0, "maximum": 1_000_000, "x-erreur": "écrivez un nombre entier, sans espace"}
REVIEW = _obj(
    {
        "participants": {
            "type": "object",
            "additionalProperties": False,
            "minProperties": 1,
            "description": "Combien de personnes sont venues, par public (un compte, même approché).",
            "properties": {
                public: COUNT | {"description": f"Les participants : {public}."} for public in PUBLICS_SEMAINE
            },
        },
        "partenaires": COUNT | {"description": "Combien de structures ont participé."},
        "ateliers": COUNT | {"description": "Combien d'ateliers et d'animations ont eu lieu."},
        "points_forts": _list_of(_text("Ce qui a bien marché."), "Ce qui a bien marché."),
        "points_faibles": _list_of(_text("Ce qui a moins bien marché, ou manque."), "Ce qui reste à améliorer."),
        "citations": _list_of(
            _obj(
                {
                    "texte": _text("Les mots de la personne, sans son nom.", max_length=400),
                    "qui": _text("Qui parle, sans nom : « une maman au bus », « un bénévole »…", max_length=80),
                },
                ["texte", "qui"],
                "Une parole entendue pendant la semaine.",
            ),
            "Quelques paroles entendues.",
        ),
        "questionnaire": _obj(
            {
                "rendus": COUNT | {"description": "Combien de questionnaires ont été rendus."},
                "reponses": {
                    "type": "object",
                    "description": "Pour chaque question (son id dans data/questionnaire.yaml), le nombre de "
                    "réponses par choix (l'id du choix).",
                    "additionalProperties": False,
                    "patternProperties": {
                        SLUG["pattern"]: {
                            "type": "object",
                            "additionalProperties": False,
                            "patternProperties": {SLUG["pattern"]: COUNT},
                            "minProperties": 1,
                        }
                    },
                },
            },
            ["rendus", "reponses"],
            "Les réponses au questionnaire anonyme, comptées à la main.",
        ),
    },
    [],
    "Le bilan de l'édition, écrit après la semaine.",
)
EDITION = _obj(
    {
        "theme": _text("Le thème de l'année, par exemple « Faites le plein des sens »."),
        "commune": _text("La commune où a lieu la semaine, écrite sur le programme et l'affiche."),
        "du": DATE,
        "au": DATE,
        "presentation": MARKDOWN,
        "evenements": _list_of(TASTE_EVENT, "Les animations de la semaine."),
        "bus": BUS,
        "ateliers_scolaires": _list_of(SCHOOL_WORKSHOP, "Les ateliers dans les écoles."),
        "forum": FORUM,
        "groupes": _list_of(WORKING_GROUP, "Les groupes de travail."),
        "bilan": REVIEW,
        "traductions": _translations(
            {
                "theme": _text("Le thème dans cette langue."),
                "presentation": MARKDOWN | {"description": "La présentation, dans cette langue."},
                "forum": _text("Le titre du forum, dans cette langue."),
                "forum_description": MARKDOWN | {"description": "La description du forum, dans cette langue."},
            },
            "Le thème, la présentation et le forum",
        ),
    },
    ["theme", "du", "au"],
    "Une édition de la Semaine du goût.",
)
# The rights helper's rules (data/droits.yaml).
RIGHT = _obj(
    {
        "id": SLUG,
        "nom": _text("Le nom de l'aide, par exemple « Prime d'activité »."),
        "resume": _prose("En une ou deux phrases simples : à quoi sert cette aide."),
        "organisme": _text("Qui décide et verse l'aide : la CAF, la CPAM, le Département…"),
        "si": _list_of(
            conditions_schema(),
            "Quand proposer de vérifier cette aide : il suffit d'une des façons de la liste.",
            1,
        ),
        "aide": _list_of(
            SLUG | {"description": "Un service qui aide à faire la demande (son id, dans data/partners.yaml)."},
            "Les services qui aident à faire la demande.",
            1,
        ),
        "documents": _list_of(_text("Un document à préparer."), "Les documents à préparer."),
        "simulateur": URL | {"description": "Le simulateur officiel, pour connaître le montant."},
        "automatique": {
            "type": "boolean",
            "description": "true quand l'aide arrive sans demande (le chèque énergie) : elle est montrée à part, "
            "« vérifiez que vous la recevez ».",
        },
        "sous_conditions_de_ressources": {
            "type": "boolean",
            "description": "true quand l'aide dépend des revenus : si la personne dit gagner plus, le guide "
            "conseille la simulation (il ne retire jamais l'aide).",
        },
        "source": URL | {"description": "La page officielle qui décrit l'aide (service-public.fr, caf.fr…)."},
        "verifie_le": DATE | {"description": "Le jour où la règle a été comparée à la source."},
        "traductions": _translations(
            {
                "nom": _text("Le nom de l'aide dans cette langue (le sigle français peut rester entre parenthèses)."),
                "resume": _prose("À quoi sert l'aide, dans cette langue."),
                "organisme": _text("Qui décide et verse l'aide, dans cette langue."),
                "documents": _list_of(
                    _text("Un document dans cette langue."),
                    "Les documents, dans l'ordre de la liste en français (autant qu'en français).",
                    min_items=1,
                ),
            },
            "L'aide",
        ),
    },
    ["id", "nom", "resume", "organisme", "si", "aide", "source", "verifie_le"],
    "Une aide à vérifier.",
)
# The anonymous paper questionnaire on eating habits, handed out during the week (data/questionnaire.yaml).
QUESTIONNAIRE = _obj(
    {
        "titre": _text("Le titre imprimé en haut du questionnaire."),
        "introduction": _prose("Quelques mots pour la personne qui répond : c'est anonyme, à quoi ça sert."),
        "questions": _list_of(
            _obj(
                {
                    "id": SLUG,
                    "question": _text("La question, courte, avec des mots de tous les jours.", max_length=160),
                    "plusieurs": {"type": "boolean", "description": "true : on peut cocher plusieurs cases."},
                    "plus_posee": {
                        "type": "boolean",
                        "description": "true : la question n'est plus imprimée, mais les anciens bilans la gardent.",
                    },
                    "choix": _list_of(
                        _obj(
                            {"id": SLUG, "libelle": _text("Ce qui est écrit à côté de la case.", max_length=80)},
                            ["id", "libelle"],
                            "Une case à cocher.",
                        ),
                        "Les cases à cocher.",
                        2,
                    ),
                },
                ["id", "question", "choix"],
                "Une question.",
            ),
            "Les questions, dans l'ordre du papier.",
            1,
        ),
    },
    ["titre", "questions"],
    "Le questionnaire anonyme sur les habitudes alimentaires.",
)


SCHEMAS: dict[str, dict[str, Any]] = {
    "partners": _document("partners", "Partenaires et services", {"type": "array", "items": PARTNER}),
    "professionals": _document(
        "professionals", "Annuaire des professionnels", {"type": "array", "items": PROFESSIONAL}
    ),
    "recipe": _document("recipe", "Recette du mois", RECIPE),
    "interventions": _document("interventions", "Interventions Épi'santé", {"type": "array", "items": INTERVENTION}),
    "form": _document("form", "Fiche de liaison", FORM),
    "emergencies": _document(
        "emergencies", "Contacts d'urgence d'ici", {"type": "array", "items": EMERGENCY, "maxItems": 12}
    ),
    "labels": _document("labels", "Libellés de tous les jours", LABELS),
    "needs": _document("needs", "Besoins de tous les jours", {"type": "array", "items": NEED, "minItems": 1}),
    "edition": _document("edition", "Semaine du goût : une édition", EDITION),
    "questionnaire": _document("questionnaire", "Questionnaire sur les habitudes alimentaires", QUESTIONNAIRE),
    "rights": _document("rights", "Aides et droits à vérifier", {"type": "array", "items": RIGHT}),
}


def schema_text(name: str) -> str:
    return json.dumps(SCHEMAS[name], ensure_ascii=False, indent=2) + "\n"


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    from site_build.data.loading.vocabularies import NATIONAL_FILE, national_text

    NATIONAL_FILE.write_text(national_text(), encoding="utf-8")
    written = [NATIONAL_FILE]
    for name in SCHEMAS:
        path = directory / f"{name}.schema.json"
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written
