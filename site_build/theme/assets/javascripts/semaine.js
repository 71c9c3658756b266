/* The Semaine du goût programme: show one day, or what is for one public (the choice kept in
 * the address, so it can be shared). Works offline: everything is in the page. */

import { bindFilters, once } from "./helpers.js";

function setup(root) {
  var form = root.querySelector(".gp-filtres");
  var counter = root.querySelector(".gp-compte");
  var nothing = root.querySelector(".gp-rien");
  var days = Array.prototype.slice.call(root.querySelectorAll(".gp-jour"));
  bindFilters(form, ["jour", "public"], function (state) {
    var shown = 0;
    days.forEach(function (day) {
      var dayShown = 0;
      day.querySelectorAll(".gp-moment").forEach(function (moment) {
        var publics = moment.dataset.publics.split(" ");
        var ok = !state.public || publics.indexOf(state.public) >= 0 || publics.indexOf("tout-public") >= 0;
        moment.hidden = !ok;
        if (ok) dayShown += 1;
      });
      day.hidden = (state.jour && day.dataset.jour !== state.jour) || (state.public && dayShown === 0);
      if (!day.hidden) shown += dayShown;
    });
    nothing.hidden = shown > 0;
    counter.textContent = state.jour || state.public
      ? (shown === 1 ? "1 moment correspond." : shown + " moments correspondent.")
      : "";
  });
}

export function init() {
  document.querySelectorAll("[data-gp-semaine]").forEach(function (root) { once(root, setup); });
}
