/* /professionnels/ (pro only): search by name, fonction, structure and theme over
 * the cards of the page; the state lives in the URL so a link can be shared. */
(function () {
  "use strict";

  var PARAMS = ["q", "thematique", "structure"];

  function setup(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var form = root.querySelector(".gp-filtres");
    var counter = root.querySelector(".gp-compte");
    var cards = Array.prototype.slice.call(root.querySelectorAll(".gp-carte"));
    var fold = window.GuideFiltres.fold;

    window.GuideFiltres.bind(form, PARAMS, function () {
      var words = fold(form.elements.q.value).split(/\s+/).filter(Boolean);
      var theme = form.elements.thematique.value, structure = form.elements.structure.value;
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

  function init() {
    document.querySelectorAll("[data-gp-pros]").forEach(setup);
  }

  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
