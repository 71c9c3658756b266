/* A result card of /annuaire/: a copy of the card the build drew (partner_card.html, kept in
 * a <template>), filled with textContent only: data never becomes markup. */

import { showStatus as writeStatus, status } from "./horaires.js";
import { listing, number, say } from "./textes.js";
import { telHref } from "./helpers.js";

// open first, then « à confirmer », then closed (and, closed, the one that opens first)
function rank(state) {
  return state.open === true ? 3e6 : state.open === null ? 2e6 : 1e6 - (state.opensIn === undefined ? 1e6 - 1 : state.opensIn);
}

/* The status worth showing for a partner: its best place (reception, distribution, a service). */
export function bestStatus(entry, now) {
  var found = null;
  for (var i = 0; i < entry.places.length && !(found && found.open === true); i++) {
    var candidate = status(entry.places[i], now);
    if (!found || rank(candidate) > rank(found)) found = candidate;
  }
  return found;
}

function kilometres(metres) {
  if (metres < 1000) return say("metres_away", { n: Math.max(100, Math.round(metres / 100) * 100) });
  return say("kilometres_away", { n: number(metres / 1000, 1) });
}

/* The open/closed line of a card (always present, empty without hours: the card keeps the
   height the HTML gave it). */
export function showStatus(item, entry, now) {
  writeStatus(item.querySelector(".gp-etat"), bestStatus(entry, now));
}

export function card(model, entry, now, metres) {
  var p = entry.partner;
  var item = model.content.firstElementChild.cloneNode(true);
  var link = item.querySelector(".gp-carte__titre a");
  link.textContent = p.nom;
  link.href = encodeURIComponent(p.id) + "/";
  var place = item.querySelector(".gp-carte__lieu");
  place.firstChild.textContent = [p.sigle, p.commune].filter(Boolean).join(" · ");
  place.querySelector(".gp-carte__distance").textContent = metres === undefined ? "" : " · " + kilometres(metres);
  item.querySelector(".gp-carte__alerte").hidden = p.statut !== "ferme";
  showStatus(item, entry, now);
  var services = item.querySelector(".gp-carte__services");
  services.hidden = !entry.services.length;
  var names = services.querySelector(".gp-carte__noms");
  names.textContent = listing(entry.services.map(function (s) { return s.nom; }));
  if (entry.services.length && entry.services.every(function (s) { return s.translated; })) {
    names.removeAttribute("lang");  // in the page's language: no longer French
    names.removeAttribute("dir");
  }
  var call = item.querySelector(".gp-carte__actions");
  call.hidden = !p.tel;
  if (p.tel) {
    call.querySelector("a").href = telHref(p.tel);
    call.querySelector(".gp-appeler__numero").textContent = p.tel;
  }
  return item;
}
