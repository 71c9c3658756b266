/* Partner page: the "à vérifier" notice follows the device's date (a site built
 * weeks ago must still warn). Its print button: impression.js. */

import { parisNow } from "./horaires.js";

export function init() {
  var today = parisNow(new Date()).day;
  document.querySelectorAll("[data-gp-a-verifier-le]").forEach(function (line) {
    var due = line.getAttribute("data-gp-a-verifier-le");
    var notice = line.querySelector(".gp-a-verifier");
    if (due && notice) notice.hidden = today < due;
  });
}
