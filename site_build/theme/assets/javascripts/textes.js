/* The sentences the scripts write, in French: the one list of them (site_build/i18n/script_texts.py
 * reads it, one « key: "text", » per line, for the catalogs). A page in another language carries
 * its own (#gp-textes, written by the build from its catalog). {name} marks a value filled in.
 * Numbers are written the page's way in Latin digits, so that they stay readable beside times and phone numbers. */

var FRENCH_TEXTS = {
  open_until: "Ouvert — ferme {quand}",
  open_24: "Ouvert 24 h sur 24",
  closed: "Fermé",
  closed_for_now: "Fermé temporairement",
  closed_for_good: "Fermé définitivement",
  opens: "{etat} — ouvre {quand}",
  then_confirm: "{etat} — ensuite : horaires à confirmer",
  confirm: "Horaires à confirmer",
  at: "à {heure}",
  midnight: "à minuit",
  tomorrow_at: "demain à {heure}",
  day_at: "{jour} à {heure}",
  portions_one: "Quantités pour {n} portion.",
  portions_many: "Quantités pour {n} portions.",
  recipes_none: "Aucune recette ne correspond. Retirez un filtre.",
  recipes_one: "{n} recette",
  recipes_many: "{n} recettes",
  unit_cuillere_a_soupe: "cuillère à soupe",
  units_cuillere_a_soupe: "cuillères à soupe",
  unit_cuillere_a_cafe: "cuillère à café",
  units_cuillere_a_cafe: "cuillères à café",
  unit_pincee: "pincée",
  units_pincee: "pincées",
  unit_gousse: "gousse",
  units_gousse: "gousses",
  unit_botte: "botte",
  units_botte: "bottes",
  unit_boite: "boîte",
  units_boite: "boîtes",
  unit_tranche: "tranche",
  units_tranche: "tranches",
  found_one: "{n} partenaire trouvé",
  found_many: "{n} partenaires trouvés",
  found_partly_one: "{n} partenaire trouvé avec une partie des mots cherchés seulement.",
  found_partly_many: "{n} partenaires trouvés avec une partie des mots cherchés seulement.",
  none_open: "Aucun partenaire n'est ouvert en ce moment. Voici ceux qui ouvrent bientôt, et les numéros d'urgence.",
  none_found: "Aucun partenaire ne correspond. Retirez un filtre ou changez les mots cherchés.",
  show_more: "Afficher {n} résultats de plus",
  search_failed: "La recherche n'a pas pu démarrer. Vérifiez la connexion, puis réessayez. La liste ci-dessous reste valable.",
  metres_away: "à {n} m",
  kilometres_away: "à {n} km",
  position_refused: "Position non disponible : la liste reste dans l'ordre habituel. Vous pouvez choisir une commune dans « Plus de filtres ».",
  usual_order: "Liste dans l'ordre habituel.",
  locating: "Recherche de votre position…",
  nearest_first: "Les plus proches d'abord (à vol d'oiseau).",
  row_adresse: "Adresse",
  row_tel: "Téléphone",
  row_mail: "Courriel",
  row_web: "Site web",
  row_h: "Horaires d'accueil",
  row_hd: "Distribution alimentaire",
  row_pour_qui: "Pour qui",
  row_conditions: "Conditions",
  row_justificatifs: "Documents à apporter",
  row_frais: "Frais",
  row_comment: "Comment faire",
  row_langues: "Langues parlées",
  row_horaires: "Horaires",
  row_lien: "En ligne",
  sheet_contact: "Contact",
  sheet_from_device: "Fiche tirée de l'annuaire enregistré sur cet appareil (mis à jour le {date}).",
  sheet_unknown: "Ce partenaire n'est pas dans l'annuaire enregistré.",
  copied: "Lien copié. Vous pouvez le coller dans un message.",
  copy_failed: "Copie impossible sur cet appareil. Le lien : {lien}",
  printed_on: "Imprimé le {date}",
  update_ready: "Une nouvelle version du guide est prête.",
  update_reload: "Recharger",
  update_later: "Plus tard",
  update_form_first: "Vous avez commencé une fiche : imprimez-la ou copiez son texte avant de recharger, sinon elle sera perdue.",
  update_reload_anyway: "Recharger quand même",
  search_directory: "Chercher « {mots} » dans l'annuaire des partenaires",
  question_of: "Question {n} sur {total}",
  offline_count: "{n} pages sont disponibles sans connexion sur cet appareil.",
  offline_directory: "Annuaire",
  offline_recipes: "Recettes",
  offline_health: "Épi'santé",
  offline_pages: "Pages du guide",
  hours_as_written: "Horaires écrits au format OpenStreetMap : l'équipe du guide les lira.",
  hours_rule: "{jours} : {heures}.",
  days_span: "du {de} au {a}",
  days_pair: "{de} et {a}",
  time_span: "{de} – {a}",
  closed_on_holidays: "Fermé les jours fériés.",
  open_from_entry: "Ouvrez ce formulaire depuis une fiche du guide : son bouton « Proposer une modification ».",
  entry_not_found: "Cette fiche n'a pas pu être lue. Vérifiez la connexion, puis rouvrez-la depuis le guide.",
  nothing_changed: "Rien n'a changé dans le formulaire. Si tout est juste, appuyez sur « Tout est juste ».",
  proposal_kept: "La proposition est prête. Elle reste sur cet appareil jusqu'à ce que vous la retiriez.",
  proposal_kept_offline: "Pas de connexion : la proposition est gardée sur cet appareil. Envoyez-la quand vous aurez du réseau.",
  proposal_copied: "Proposition copiée. Collez-la dans un courriel ou un message à l'équipe du guide.",
  proposal_copy_failed: "Copie impossible sur cet appareil : sélectionnez le texte de la proposition, puis copiez-le.",
  send_by_mail: "Envoyer par courriel",
  open_issue: "Ouvrir un ticket GitHub",
  remove_sent: "Retirer (déjà envoyée)",
  too_long_for_mail: "Trop longue pour un courriel tout prêt : ouvrez-la, copiez-la et collez-la dans un courriel.",
  today_mark: "Aujourd'hui",
  moments_one: "{n} moment correspond.",
  moments_many: "{n} moments correspondent.",
  today_at: "aujourd'hui à {heure}",
  bus_gone: "Le bus ne repasse plus ici cette semaine.",
  bus_here: "Le bus est là jusqu'à {heure}.",
  bus_next: "Prochain passage : {quand}.",
  rights_one: "D'après vos réponses, {n} aide peut vous concerner.",
  rights_many: "D'après vos réponses, {n} aides peuvent vous concerner."
};
var texts = null;

/* The page's language when it is not French (French pages need no translation). */
export function pageLanguage() {
  var lang = typeof document !== "undefined" ? document.documentElement.lang : "fr";
  return lang && lang !== "fr" ? lang : null;
}

export function say(key, values) {
  if (!texts) {
    var block = typeof document !== "undefined" && document.getElementById("gp-textes");
    texts = block ? Object.assign({}, FRENCH_TEXTS, JSON.parse(block.textContent)) : FRENCH_TEXTS;
  }
  return texts[key].replace(/\{(\w+)\}/g, function (whole, name) { return values ? values[name] : whole; });
}

var numbers = {};

/* 1.5 → "1,5" in French, "1.5" in English; 1200 → "1 200" (narrow no-break space), "1,200". */
export function number(value, decimals) {
  var key = (pageLanguage() || "fr") + decimals;
  if (!numbers[key]) {
    numbers[key] = new Intl.NumberFormat((pageLanguage() || "fr") + "-u-nu-latn", { maximumFractionDigits: decimals });
  }
  return numbers[key].format(value);
}

var lists = {};

/* ["a", "b", "c"] → "a, b et c" in French, "a، b و c" in Dari: the page's language's own list, as
   Babel writes it on the pages built in Python (i18n/formats.listing). */
export function listing(parts) {
  var lang = pageLanguage() || "fr";
  if (typeof Intl === "undefined" || !Intl.ListFormat) return parts.join(", ");  // an old browser
  if (!lists[lang]) lists[lang] = new Intl.ListFormat(lang, { type: "conjunction", style: "long" });
  return lists[lang].format(parts);
}
