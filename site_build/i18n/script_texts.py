"""The sentences the theme's scripts write (horaires.js: « Ouvert — ferme à 12 h »), in French.

A page in another language carries them translated (`#gp-textes`, from its catalog); French
pages need nothing, the script has the same French texts. {name} marks a value the script fills.
A test keeps this list and the script's own in step.
"""

from __future__ import annotations

from site_build.i18n.current import N_

SCRIPT_TEXTS = {
    "open_until": N_("Ouvert — ferme {quand}"),
    "open_24": N_("Ouvert 24 h sur 24"),
    "closed": N_("Fermé"),
    "closed_for_now": N_("Fermé temporairement"),
    "closed_for_good": N_("Fermé définitivement"),
    "opens": N_("{etat} — ouvre {quand}"),
    "then_confirm": N_("{etat} — ensuite : horaires à confirmer"),
    "confirm": N_("Horaires à confirmer"),
    "at": N_("à {heure}"),
    "midnight": N_("à minuit"),
    "tomorrow_at": N_("demain à {heure}"),
    "day_at": N_("{jour} à {heure}"),
}
