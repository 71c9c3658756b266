/* « Partager » on partner and recipe pages: the device's own share sheet (Web Share API) when
 * it has one; otherwise copy the link, or send it by SMS. Nothing goes through the network:
 * it works offline, and the page address is the only thing shared. */

import { copyText, once } from "./helpers.js";
import { say } from "./textes.js";

function setup(root) {
  var title = root.dataset.titre;
  var url = location.href.split("#")[0];
  var button = root.querySelector(".gp-partager__bouton");
  var others = root.querySelector(".gp-partager__autres");
  var message = root.querySelector(".gp-partager__message");
  root.querySelector(".gp-partager__sms").href = "sms:?&body=" + encodeURIComponent(title + " : " + url);
  button.addEventListener("click", function () {
    if (navigator.share) {
      navigator.share({ title: title, url: url }).catch(function () { /* closed by the visitor */ });
      return;
    }
    others.hidden = !others.hidden;
    button.setAttribute("aria-expanded", String(!others.hidden));
  });
  root.querySelector(".gp-partager__copier").addEventListener("click", function () {
    copyText(url).then(function () {
      message.textContent = say("copied");
    }, function () {
      message.textContent = say("copy_failed", { lien: url });
    });
  });
}

export function init() {
  document.querySelectorAll("[data-gp-partager]").forEach(function (root) { once(root, setup); });
}
