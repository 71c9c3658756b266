/* Printing: the « Imprimer » buttons, and the day a printout was made (« Imprimé le 5 décembre 2026 »),
 * in the page's language with Latin digits; written again just before printing, for a page left open. */

import { pageLanguage, say } from "./textes.js";

var listening = false;

function stamp() {
  var day = new Intl.DateTimeFormat((pageLanguage() || "fr") + "-u-nu-latn", {
    dateStyle: "long", timeZone: "Europe/Paris"
  }).format(new Date());
  document.querySelectorAll("[data-gp-imprime-le]").forEach(function (line) {
    line.textContent = say("printed_on", { date: day });
  });
}

export function init() {
  stamp();
  if (!listening) {
    listening = true;
    window.addEventListener("beforeprint", stamp);
  }
  document.querySelectorAll(".gp-imprimer").forEach(function (button) {
    button.hidden = false;
    if (button.dataset.ready) return;
    button.dataset.ready = "1";
    button.addEventListener("click", function () { window.print(); });
  });
}
