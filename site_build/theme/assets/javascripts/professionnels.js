/* /professionnels/ (pro only): search by name, fonction, structure and theme over
 * the cards of the page; the state lives in the URL so a link can be shared. */
(function () {
  "use strict";

  var PARAMS = ["q", "thematique", "structure"];

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setup(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var form = root.querySelector(".gp-filtres");
    var counter = root.querySelector(".gp-compte");
    var cards = Array.prototype.slice.call(root.querySelectorAll(".gp-carte"));

    function apply() {
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
      var params = new URLSearchParams();
      PARAMS.forEach(function (name) { if (form.elements[name].value) params.set(name, form.elements[name].value); });
      var search = params.toString() ? "?" + params.toString() : "";
      if (search !== location.search) history.replaceState(history.state, "", location.pathname + search);
    }

    var initial = new URLSearchParams(location.search);
    PARAMS.forEach(function (name) { form.elements[name].value = initial.get(name) || ""; });
    form.hidden = false;
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();
  }

  function init() {
    document.querySelectorAll("[data-gp-pros]").forEach(setup);
  }

  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
