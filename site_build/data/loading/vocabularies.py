"""Reference vocabularies: one source for the JSON Schemas, the filters and the labels.

The data·inclusion v1 lists come from the `data-inclusion-schema` package so that
our slugs stay the national ones. They are read from a snapshot that `site-build
schemas` writes and a test keeps equal to the package, because importing the
package (pydantic models) costs ~0.1 s on every build. Local additions are
marked `local=True`: they are valid here but have no national equivalent
(exports map them to nothing).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

NATIONAL_FILE = Path(__file__).parents[2] / "schemas" / "data-inclusion-v1.json"
# our vocabulary name → enum of data_inclusion.schema.v1
NATIONAL_ENUMS = {
    "thematiques": "Thematique",
    "categories": "Categorie",
    "publics": "Public",
    "types": "TypeService",
    "frais": "Frais",
    "modes_accueil": "ModeAccueil",
    "modes_mobilisation": "ModeMobilisation",
    "mobilisable_par": "PersonneMobilisatrice",
    "reseaux_porteurs": "ReseauPorteur",
}


def national_snapshot() -> dict[str, list[list[str]]]:
    """[slug, label] pairs of every national list, straight from the pinned package."""
    from data_inclusion.schema import v1 as di

    return {name: [[m.value, m.label] for m in getattr(di, enum)] for name, enum in NATIONAL_ENUMS.items()}


def national_text() -> str:
    """The snapshot as JSON, one [slug, label] pair per line (readable diffs on package updates)."""
    lists = [
        f"  {json.dumps(name)}: [\n"
        + ",\n".join(f"    {json.dumps(pair, ensure_ascii=False)}" for pair in pairs)
        + "\n  ]"
        for name, pairs in national_snapshot().items()
    ]
    return "{\n" + ",\n".join(lists) + "\n}\n"


_NATIONAL = json.loads(NATIONAL_FILE.read_text(encoding="utf-8")) if NATIONAL_FILE.is_file() else national_snapshot()


@dataclass(frozen=True)
class Term:
    slug: str
    label: str
    local: bool = False


def _national(name: str) -> list[Term]:
    return [Term(slug, label) for slug, label in _NATIONAL[name]]


def _local(*pairs: tuple[str, str]) -> list[Term]:
    return [Term(slug, label, local=True) for slug, label in pairs]


VOCABULARIES: dict[str, list[Term]] = {
    "thematiques": _national("thematiques")
    + _local(
        ("sante--prevention-nutrition", "Prévention et nutrition"),
        ("sante--depistage-et-prevention", "Dépistage et prévention"),
        ("remobilisation--culture-et-loisirs", "Culture et loisirs"),
        ("famille--accueil-petite-enfance", "Accueil de la petite enfance"),
        ("seniors--vie-a-domicile-et-hebergement", "Vie à domicile et hébergement des personnes âgées"),
    ),
    "categories": _national("categories"),
    "publics": _national("publics")
    + _local(
        # not a person in need: the directory never offers these services for a need unless asked
        ("structures", "Associations et structures"),
        ("benevoles", "Bénévoles de la structure"),
    ),
    "types": _national("types"),
    "frais": _national("frais")
    + _local(
        ("participation-symbolique", "Participation symbolique (par exemple 10 %)"),
        ("adhesion", "Adhésion à l'association"),
    ),
    "modes_accueil": _national("modes_accueil"),
    "modes_mobilisation": _national("modes_mobilisation"),
    "mobilisable_par": _national("mobilisable_par"),
    "reseaux_porteurs": _national("reseaux_porteurs")
    + _local(
        ("mediatheques", "Médiathèques et bibliothèques"),
        ("musees", "Musées"),
        ("offices-de-tourisme", "Offices de tourisme"),
        ("auberges-de-jeunesse", "Auberges de jeunesse"),
        ("mutuelles", "Mutuelles"),
        ("associations-de-quartier", "Associations de quartier"),
        ("epiceries-sociales", "Épiceries sociales et solidaires"),
        ("ehpad", "Établissements pour personnes âgées (EHPAD, résidences)"),
        ("education-populaire", "Éducation populaire"),
        ("petite-enfance", "Petite enfance (crèches, relais)"),
        ("associations-jeunesse", "Associations de jeunesse"),
    ),
    # EU regulation 1169/2011, Annex II: the 14 allergens that must be declared.
    "allergenes": [
        Term("gluten", "Céréales contenant du gluten"),
        Term("crustaces", "Crustacés"),
        Term("oeufs", "Œufs"),
        Term("poissons", "Poissons"),
        Term("arachides", "Arachides (cacahuètes)"),
        Term("soja", "Soja"),
        Term("lait", "Lait"),
        Term("fruits-a-coque", "Fruits à coque (noix, noisettes, amandes…)"),
        Term("celeri", "Céleri"),
        Term("moutarde", "Moutarde"),
        Term("sesame", "Graines de sésame"),
        Term("sulfites", "Anhydride sulfureux et sulfites"),
        Term("lupin", "Lupin"),
        Term("mollusques", "Mollusques"),
    ],
    "regimes": _local(
        ("vegetarien", "Végétarien"),
        ("vegetalien", "Végétalien"),
        ("sans-porc", "Sans porc"),
        ("sans-gluten", "Sans gluten"),
        ("sans-lactose", "Sans lactose"),
        ("halal-possible", "Peut se préparer halal"),
    ),
    "materiel": _local(
        ("plaque", "Plaque de cuisson"),
        ("four", "Four"),
        ("micro-ondes", "Four à micro-ondes"),
        ("mixeur", "Mixeur"),
        ("sans-cuisson", "Aucune cuisson"),
        ("refrigerateur", "Réfrigérateur"),
    ),
    "difficulte": _local(("facile", "Facile"), ("moyenne", "Moyenne"), ("difficile", "Difficile")),
    "unites": _local(
        ("g", "g"),
        ("kg", "kg"),
        ("ml", "ml"),
        ("cl", "cl"),
        ("l", "l"),
        ("piece", "pièce"),
        ("cuillere-a-soupe", "cuillère à soupe"),
        ("cuillere-a-cafe", "cuillère à café"),
        ("pincee", "pincée"),
        ("gousse", "gousse"),
        ("botte", "botte"),
        ("boite", "boîte"),
        ("tranche", "tranche"),
    ),
    "statuts": _local(
        ("actif", "Actif"), ("fermeture-temporaire", "Fermeture temporaire"), ("ferme", "Fermé définitivement")
    ),
    "visibilite": _local(("public", "Public"), ("pro", "Réservé aux professionnels")),
    "types_telephone": _local(("voice", "Fixe"), ("cell", "Portable"), ("fax", "Fax"), ("text", "SMS")),
    "langues": _local(
        ("fr", "français"),
        ("en", "anglais"),
        ("ar", "arabe"),
        ("es", "espagnol"),
        ("pt", "portugais"),
        ("tr", "turc"),
        ("ru", "russe"),
        ("uk", "ukrainien"),
        ("ro", "roumain"),
        ("ps", "pachto"),
        ("fa", "persan"),
        ("ti", "tigrigna"),
        ("so", "somali"),
        ("lsf", "langue des signes française"),
    ),
    "types_champ": _local(
        ("texte", "Texte court"),
        ("texte-long", "Texte long"),
        ("date", "Date"),
        ("telephone", "Téléphone"),
        ("courriel", "Courriel"),
        ("choix", "Choix unique"),
        ("choix-multiples", "Choix multiples"),
        ("case-a-cocher", "Case à cocher"),
    ),
}


# The vocabularies shown in every language of the site: the recipes' and the services' (who for,
# what kind of help, fees, how to get in touch…). Their labels as the public site shows them are
# interface strings (site_build/i18n/locales). The others stay French in a translated page.
TRANSLATED_VOCABULARIES = (
    *("allergenes", "regimes", "materiel", "difficulte", "unites"),
    *("thematiques", "categories", "publics", "types", "frais", "modes_accueil", "modes_mobilisation"),
    *("mobilisable_par", "langues", "types_telephone"),
)


def translated_labels(everyday: Mapping[str, Mapping[str, str]] | None = None) -> set[str]:
    """The labels of TRANSLATED_VOCABULARIES as the public site shows them, in French (the everyday
    ones of data/libelles.yaml where it has them): interface strings every catalog translates."""
    everyday = everyday or {}
    return {
        (everyday.get(name) or {}).get(term.slug) or term_label(name, term.slug)
        for name in TRANSLATED_VOCABULARIES
        for term in VOCABULARIES[name]
    }


def slugs(name: str) -> list[str]:
    return [term.slug for term in VOCABULARIES[name]]


_LABELS = {name: {t.slug: t.label for t in terms} for name, terms in VOCABULARIES.items()}


def label(name: str, slug: str) -> str:
    """French label of a slug; the slug itself if unknown (validation reports those)."""
    return _LABELS[name].get(slug, slug)


_CATEGORIES = dict(_NATIONAL["categories"])


def term_label(vocabulary: str, slug: str) -> str:
    """French label of a slug of any vocabulary; thématiques get their category in front."""
    return thematique_label(slug) if vocabulary == "thematiques" else label(vocabulary, slug)


def terms_text(vocabulary: str, slugs: Iterable[str] | None) -> str:
    """The labels of several slugs, as one line: "Familles, Jeunes"."""
    return ", ".join(term_label(vocabulary, s) for s in slugs or ())


def thematique_label(slug: str) -> str:
    """'Catégorie : sous-thème' for a data·inclusion thématique."""
    base = label("thematiques", slug)
    category = slug.split("--")[0]
    categories = _CATEGORIES
    if category in categories and base != categories[category]:
        return f"{categories[category]} : {base[0].lower()}{base[1:]}"
    return base


# Publics that are not a person in need: a service only for them (a food bank supplying charities,
# the training of a structure's volunteers) answers no everyday need in the directory unless the
# visitor asks for it by its words or by choosing that public.
NOT_A_PERSON_IN_NEED = frozenset({"structures", "benevoles"})

# facet key in the JSON → (service field, vocabulary)
SERVICE_FACETS = {
    "th": ("thematiques", "thematiques"),
    "pu": ("publics", "publics"),
    "fr": ("frais", "frais"),
    "ac": ("modes_accueil", "modes_accueil"),
}


# The national lists the public site shows: each has an everyday label in data/libelles.yaml.
EVERYDAY_VOCABULARIES = (
    "thematiques",
    "publics",
    "types",
    "frais",
    "modes_accueil",
    "modes_mobilisation",
    "mobilisable_par",
)
