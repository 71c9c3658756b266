/* The theme's search (the magnifier): people type what they need there, « manger », « avocat ». Above its
 * list of pages, a link sends them to the directory's answer for the same words, where the places are. */

import { siteRoot } from "./helpers.js";
import { say } from "./textes.js";

function directoryUrl(words) {
  return new URL("annuaire/?mots=" + encodeURIComponent(words), siteRoot()).href;
}

function update(input, output) {
  var words = input.value.trim();
  var link = output.querySelector(".gp-vers-annuaire");
  if (!words) {
    if (link) link.hidden = true;
    return;
  }
  if (!link) {
    link = document.createElement("a");
    link.className = "gp-vers-annuaire";
    output.prepend(link);
  }
  link.href = directoryUrl(words);
  link.textContent = say("search_directory", { mots: words });
  link.hidden = false;
}

export function init() {
  var input = document.querySelector("[data-md-component='search-query']");
  var output = document.querySelector(".md-search__scrollwrap");
  if (!input || !output || input.dataset.gpVersAnnuaire) return;
  input.dataset.gpVersAnnuaire = "1";
  input.addEventListener("input", function () { update(input, output); });
}
