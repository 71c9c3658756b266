/* /professionnels/ (pro only): search by name, fonction, structure and theme over
 * the cards of the page; the state lives in the URL so a link can be shared. */

import { bindFilters, fold, once } from "./helpers.js";

// not "q": Material opens its own search for ?q= in the address
var PARAMS = ["mots", "thematique", "structure"];

function setup(root) {
  var form = root.querySelector(".gp-filtres");
  var counter = root.querySelector(".gp-compte");
  var cards = Array.prototype.slice.call(root.querySelectorAll(".gp-carte"));

  bindFilters(form, PARAMS, function (state) {
    var words = fold(state.mots).split(/\s+/).filter(Boolean);
    var theme = state.thematique, structure = state.structure;
    var shown = 0;
    cards.forEach(function (card) {
      var ok = words.every(function (w) { return card.dataset.recherche.indexOf(w) >= 0; })
        && (!theme || card.dataset.thematiques.split(" ").indexOf(theme) >= 0)
        && (!structure || card.dataset.partenaire === structure);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    counter.textContent = shown === 0 ? "Aucun professionnel ne correspond. Retirez un filtre."
      : shown + (shown === 1 ? " professionnel trouvé" : " professionnels trouvés");
  });
}

export function init() {
  document.querySelectorAll("[data-gp-pros]").forEach(function (root) { once(root, setup); });
}
