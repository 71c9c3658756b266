/* The language menu: the choice is remembered on this device (nothing leaves it), and the
 * guide opened at a home page in another language, from outside the site or the installed
 * app, goes to the home page in the language chosen before. */

import { once } from "./helpers.js";

var KEY = "gp-langue";

function remembered() {
  try { return localStorage.getItem(KEY); } catch { return null; }  // storage off: no memory
}

function remember(code) {
  try { localStorage.setItem(KEY, code); } catch { /* storage off: the menu still works */ }
}

function fromThisSite() {
  try { return !!document.referrer && new URL(document.referrer).origin === location.origin; }
  catch { return false; }
}

function setup(root) {
  root.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-langue]");
    if (link) remember(link.dataset.langue);
  });
  var chosen = remembered();
  var home = root.hasAttribute("data-gp-accueil-langue");
  if (!chosen || chosen === document.documentElement.lang || !home || fromThisSite() || location.hash) return;
  var target = root.querySelector('a[data-langue="' + chosen + '"]');
  if (target) location.replace(target.href);
}

export function init() {
  document.querySelectorAll("[data-gp-langues]").forEach(function (root) { once(root, setup); });
}
