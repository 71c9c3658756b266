/* Partner page: the "à vérifier" notice follows the device's date (a site built
 * weeks ago must still warn), and a print button for the one-page A4 sheet. */

import { parisNow } from "./horaires.js";

export function init() {
  var today = parisNow(new Date()).day;
  document.querySelectorAll("[data-gp-a-verifier-le]").forEach(function (line) {
    var due = line.getAttribute("data-gp-a-verifier-le");
    var notice = line.querySelector(".gp-a-verifier");
    if (due && notice) notice.hidden = today < due;
  });
  document.querySelectorAll(".gp-imprimer").forEach(function (button) {
    button.hidden = false;
    if (button.dataset.ready) return;
    button.dataset.ready = "1";
    button.addEventListener("click", function () { window.print(); });
  });
}
