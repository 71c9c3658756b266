"""The rights helper (/mes-droits/): the questions it asks, one at a time, and the checks of its rules
(data/droits.yaml) beyond their schema. A rule says when a right is worth checking, as simple data:
`si` lists alternatives, each naming questions and the answers that fit; the helper never promises an
amount, it says "vous pourriez avoir droit à… vérifiez avec…"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Answer:
    id: str
    label: str


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    answers: tuple[Answer, ...]
    several: bool = False  # several boxes may be ticked
    help: str = ""


def _answers(*pairs: tuple[str, str]) -> tuple[Answer, ...]:
    return tuple(Answer(slug, label) for slug, label in pairs)


# The questions a rule's `si` may name.
RULE_QUESTIONS: tuple[Question, ...] = (
    Question("foyer", "Vous vivez…", _answers(("seul", "Seul ou seule"), ("en-couple", "En couple"))),
    Question(
        "age",
        "Quel âge avez-vous ?",
        _answers(
            ("moins-de-25", "Moins de 25 ans"),
            ("25-59", "De 25 à 59 ans"),
            ("60-64", "De 60 à 64 ans"),
            ("65-et-plus", "65 ans ou plus"),
        ),
    ),
    Question(
        "enfants",
        "Combien d'enfants vivent avec vous ?",
        _answers(("aucun", "Aucun"), ("un", "Un enfant"), ("deux-ou-plus", "Deux enfants ou plus")),
    ),
    Question(
        "ressources",
        "D'où vient l'argent du foyer ?",
        _answers(
            ("travail", "D'un travail"),
            ("chomage", "Du chômage"),
            ("retraite", "D'une retraite"),
            ("allocations", "D'allocations (RSA, AAH…)"),
            ("aucune", "Il n'y a pas d'argent qui rentre"),
        ),
        several=True,
        help="Cochez tout ce qui compte.",
    ),
    Question(
        "logement",
        "Où vivez-vous ?",
        _answers(
            ("locataire", "Je loue un logement"),
            ("proprietaire", "Je suis propriétaire"),
            ("heberge", "Chez quelqu'un"),
            ("sans-logement", "Je n'ai pas de logement"),
        ),
    ),
    Question(
        "sante",
        "Pour vos frais de santé, avez-vous…",
        _answers(
            ("mutuelle", "La Sécurité sociale et une mutuelle"),
            ("sans-mutuelle", "La Sécurité sociale, sans mutuelle"),
            ("rien", "Rien, ou je ne sais pas"),
        ),
    ),
    Question(
        "situation",
        "Êtes-vous dans une de ces situations ?",
        _answers(
            ("etudiant", "Étudiant ou étudiante"),
            ("handicap", "Handicap ou maladie longue"),
            ("demandeur-asile", "Demandeur ou demandeuse d'asile"),
            ("aucune", "Aucune de ces situations"),
        ),
        several=True,
    ),
)
# Optional and rough: it never decides which rights are shown, it only adds « faites la simulation » to the
# rights that depend on income (`sous_conditions_de_ressources`) when the answer is high. Not in rules.
INCOME = Question(
    "revenus",
    "Combien d'argent rentre dans le foyer chaque mois, à peu près ?",
    _answers(
        ("moins-de-1000", "Moins de 1 000 €"),
        ("1000-2000", "De 1 000 à 2 000 €"),
        ("plus-de-2000", "Plus de 2 000 €"),
        ("ne-sait-pas", "Je ne sais pas"),
    ),
    help="Cette réponse ne retire aucune aide de la liste : elle dit seulement où faire une simulation.",
)
QUESTIONS = (*RULE_QUESTIONS[:4], INCOME, *RULE_QUESTIONS[4:])  # as the page asks them
QUESTION_BY_ID = {q.id: q for q in QUESTIONS}


def question_texts() -> set[str]:
    """The questions' French words (text, help, answers): interface strings every catalog translates."""
    return {text for q in QUESTIONS for text in (q.text, q.help, *(a.label for a in q.answers)) if text}


def conditions_schema() -> dict[str, Any]:
    """One alternative of a rule's `si`: questions, each with the answers that fit."""
    return {
        "type": "object",
        "additionalProperties": False,
        "minProperties": 1,
        "description": "Une façon d'avoir droit : pour chaque question, les réponses qui conviennent.",
        "properties": {
            q.id: {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "description": q.text,
                "items": {
                    "type": "string",
                    "enum": [a.id for a in q.answers],
                    "x-erreur": "écrivez " + ", ".join(a.id for a in q.answers),
                },
            }
            for q in RULE_QUESTIONS
        },
    }
