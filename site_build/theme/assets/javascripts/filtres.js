/* Filter forms over cards already in the page (/recettes/, /professionnels/): the state
 * is read from and written to the URL, so a filtered list can be shared as a link. */
(function () {
  "use strict";

  function value(form, name) {
    var control = form.elements[name];
    return control.type === "checkbox" ? (control.checked ? "1" : "") : control.value;
  }

  function writeUrl(form, names) {
    var params = new URLSearchParams();
    names.forEach(function (name) { if (value(form, name)) params.set(name, value(form, name)); });
    var search = params.toString() ? "?" + params.toString() : "";
    if (search !== location.search) history.replaceState(history.state, "", location.pathname + search);
  }

  /* Restore the controls from the URL, show the form, and run `apply` on every change. */
  function bind(form, names, apply) {
    var initial = new URLSearchParams(location.search);
    names.forEach(function (name) {
      var control = form.elements[name];
      if (control.type === "checkbox") control.checked = initial.get(name) === "1";
      else control.value = initial.get(name) || "";
    });
    function run() {
      apply();
      writeUrl(form, names);
    }
    form.hidden = false;
    form.addEventListener("input", run);
    form.addEventListener("change", run);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(run, 0); });
    run();
  }

  function fold(text) {  // "Épicerie" → "epicerie"
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  window.GuideFiltres = { bind: bind, value: value, fold: fold };
})();
