"""argparse speaks French: its usage lines, help headings and error messages.

argparse looks its strings up through gettext, and Python ships no French catalogue for
it; giving the module a French lookup is the documented hook (it calls `_` at run time).
"""

from __future__ import annotations

import argparse

FRENCH = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\nAide : %(prog)s --help\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s : %(message)s",
    "the following arguments are required: %s": "il manque : %s",
    "unrecognized arguments: %s": "argument inconnu : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix inconnu %(value)r ; choix possibles : %(choices)s",
    "invalid %(type)s value: %(value)r": "valeur incorrecte %(value)r",
    "expected one argument": "une valeur est attendue après l'option",
    "expected at most one argument": "au plus une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë %(option)s : %(matches)s ?",
    "not allowed with argument %s": "impossible avec %s",
    "ignored explicit argument %r": "valeur inattendue %r",
    "one of the arguments %s is required": "il faut l'un de ces arguments : %s",
    "unexpected option string: %s": "option inattendue : %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande inconnue %(parser_name)r ; commandes : %(choices)s"
    ),
    "subcommands": "commandes",
}


def _gettext(message: str) -> str:
    return FRENCH.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)


def use_french() -> None:
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
