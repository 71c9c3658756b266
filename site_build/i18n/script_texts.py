"""The sentences the theme's scripts write (textes.js: « Ouvert — ferme à 12 h »), in French.

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
    "portions_one": N_("Quantités pour {n} portion."),
    "portions_many": N_("Quantités pour {n} portions."),
    "recipes_none": N_("Aucune recette ne correspond. Retirez un filtre."),
    "recipes_one": N_("{n} recette"),
    "recipes_many": N_("{n} recettes"),
    "unit_cuillere_a_soupe": N_("cuillère à soupe"),
    "units_cuillere_a_soupe": N_("cuillères à soupe"),
    "unit_cuillere_a_cafe": N_("cuillère à café"),
    "units_cuillere_a_cafe": N_("cuillères à café"),
    "unit_pincee": N_("pincée"),
    "units_pincee": N_("pincées"),
    "unit_gousse": N_("gousse"),
    "units_gousse": N_("gousses"),
    "unit_botte": N_("botte"),
    "units_botte": N_("bottes"),
    "unit_boite": N_("boîte"),
    "units_boite": N_("boîtes"),
    "unit_tranche": N_("tranche"),
    "units_tranche": N_("tranches"),
    "found_one": N_("{n} partenaire trouvé"),
    "found_many": N_("{n} partenaires trouvés"),
    "found_partly_one": N_("{n} partenaire trouvé avec une partie des mots cherchés seulement."),
    "found_partly_many": N_("{n} partenaires trouvés avec une partie des mots cherchés seulement."),
    "none_open": N_(
        "Aucun partenaire n'est ouvert en ce moment. Voici ceux qui ouvrent bientôt, et les numéros d'urgence."
    ),
    "none_found": N_("Aucun partenaire ne correspond. Retirez un filtre ou changez les mots cherchés."),
    "show_more": N_("Afficher {n} résultats de plus"),
    "search_failed": N_(
        "La recherche n'a pas pu démarrer. Vérifiez la connexion, puis réessayez. La liste ci-dessous reste valable."
    ),
    "metres_away": N_("à {n} m"),
    "kilometres_away": N_("à {n} km"),
    "position_refused": N_(
        "Position non disponible : la liste reste dans l'ordre habituel. Vous pouvez choisir une commune dans « Plus de filtres »."
    ),
    "usual_order": N_("Liste dans l'ordre habituel."),
    "locating": N_("Recherche de votre position…"),
    "nearest_first": N_("Les plus proches d'abord (à vol d'oiseau)."),
    "row_adresse": N_("Adresse"),
    "row_tel": N_("Téléphone"),
    "row_mail": N_("Courriel"),
    "row_web": N_("Site web"),
    "row_h": N_("Horaires d'accueil"),
    "row_hd": N_("Distribution alimentaire"),
    "row_pour_qui": N_("Pour qui"),
    "row_conditions": N_("Conditions"),
    "row_justificatifs": N_("Documents à apporter"),
    "row_frais": N_("Frais"),
    "row_comment": N_("Comment faire"),
    "row_langues": N_("Langues parlées"),
    "row_horaires": N_("Horaires"),
    "row_lien": N_("En ligne"),
    "sheet_contact": N_("Contact"),
    "sheet_from_device": N_("Fiche tirée de l'annuaire enregistré sur cet appareil (mis à jour le {date})."),
    "sheet_unknown": N_("Ce partenaire n'est pas dans l'annuaire enregistré."),
    "copied": N_("Lien copié. Vous pouvez le coller dans un message."),
    "copy_failed": N_("Copie impossible sur cet appareil. Le lien : {lien}"),
}
