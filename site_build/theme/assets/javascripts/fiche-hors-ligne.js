/* The partner sheet drawn from annuaire.json, when the service worker serves it for a
 * partner page that was not saved (large directories, see site_build/pwa/service_worker.py). */

import { partnerDetails, partnersOf, serviceDetails } from "./annuaire-donnees.js";
import { element, telHref } from "./helpers.js";
import { pageLanguage, say } from "./textes.js";

function details(rows) {
  var list = element("dl");
  rows.forEach(function (row) {
    list.appendChild(element("dt", "", row[0]));
    var value = element("dd");
    if (pageLanguage()) value.lang = "fr";  // the partner's data is in French
    if (row[2]) {
      var link = element("a", "", row[1]);
      link.href = row[2] === "tel" ? telHref(row[1])
        : row[2] === "mail" ? "mailto:" + row[1] : (/^https?:/.test(row[1]) ? row[1] : "#");
      value.appendChild(link);
    } else {
      value.textContent = row[1];
    }
    list.appendChild(value);
  });
  return list;
}

function render(root, partner, data) {
  var title = document.querySelector(".md-content h1");
  if (title) title.textContent = partner.nom;
  // the site's name as the page's title ends with it, in the page's language
  var site = document.title.split(" - ").slice(1).join(" - ");
  document.title = partner.nom + (site ? " - " + site : "");
  var parts = [];
  if (partner.sigle) parts.push(element("p", "gp-sigle", partner.sigle));
  if (partner.desc) parts.push(element("p", "", partner.desc));
  parts.push(element("h2", "", say("sheet_contact")), details(partnerDetails(data, partner)));
  (partner.services || []).forEach(function (service) {
    var section = element("section", "gp-service");
    section.appendChild(element("h3", "", service.nom));
    if (service.desc) section.appendChild(element("p", "", service.desc));
    section.appendChild(details(serviceDetails(data, service)));
    parts.push(section);
  });
  parts.push(element("p", "", say("sheet_from_device", { date: data.genere.split("-").reverse().join("/") })));
  root.replaceChildren.apply(root, parts);
}

export function init() {
  var root = document.querySelector("[data-gp-fiche-hors-ligne]");
  var match = location.pathname.match(/\/annuaire\/([^/]+)\/$/);
  if (!root || !match) return;
  fetch("../annuaire.json").then(function (r) { return r.json(); }).then(function (data) {
    var id = decodeURIComponent(match[1]);
    var partner = partnersOf(data).filter(function (p) { return p.id === id; })[0];
    if (partner) render(root, partner, data);
    else root.replaceChildren(element("p", "", say("sheet_unknown")));
  });
}
