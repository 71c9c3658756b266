/* /annuaire/: search and filters over the directory JSON, with counts, state in the URL.
 *
 * The HTML already lists the partners (the first ones of a large directory), so the
 * page works without JavaScript. The script writes the drawn cards' open/closed line
 * from the page's own schedules, and reads annuaire.json (precached, offline) only when
 * the visitor reaches for the search or the filters, or arrives with some in the address:
 * an old phone spends nothing on data the visitor who just scrolls never needs.
 * Then it drives the list: search by need (recherche.js), combinable filters whose
 * options show how many partners each choice would give, "open now".
 */

import { bestStatus, card, showStatus } from "./annuaire-carte.js";
import { partnersOf } from "./annuaire-donnees.js";
import { keepInUrl, once, readControls, readState, writeControls } from "./helpers.js";
import { isOpen, parisNow } from "./horaires.js";
import { bindNearMe, metresBetween } from "./pres-de-moi.js";
import { indexBuilder, search } from "./recherche.js";
import { say } from "./textes.js";

var SERVICE_FACETS = { besoin: "bs", thematique: "th", "public": "pu", frais: "fr", accueil: "ac" };
// not "q": Material opens its own search for ?q= in the address
var PARAMS = ["mots", "besoin", "thematique", "public", "frais", "accueil", "commune", "ouvert", "liaison"];
// the filters inside « Plus de filtres », counted on its summary
var MORE = ["thematique", "public", "frais", "accueil", "commune", "liaison"];
var SOON_COUNT = 5;

/* The places whose hours make a partner's status (reception, distribution, services), from
   the numbers of their schedules in `table.horaires` (annuaire.json, or the page's own table). */
function placesOf(numbers, statut, closure, table) {
  var places = numbers.map(function (h) {
    return { horizon: table.horizon, schedule: table.horaires[h], closure: closure || null, statut: statut };
  });
  if (!places.length && statut === "ferme") {
    places.push({ horizon: table.horizon, schedule: { semaine: [[], [], [], [], [], [], []], exceptions: {} },
                  closure: null, statut: "ferme" });
  }
  return places;
}

/* The open/closed line of the cards the build drew, from the schedules written in the page. */
function statusOfDrawnCards(root, now) {
  var block = root.querySelector(".gp-horaires-cartes");
  if (!block) return;
  var table = JSON.parse(block.textContent);
  root.querySelectorAll(".gp-cartes > .gp-carte").forEach(function (item) {
    var state = item.querySelector(".gp-etat[data-lieux]");
    if (!state) return;
    var hours = JSON.parse(state.dataset.lieux);
    showStatus(item, { places: placesOf(hours.h, hours.statut, hours.fermeture, table) }, now);
  });
}

/* Directory data made ready for filtering: records, search index, "open now" places. */
function prepare(data) {
  var partners = partnersOf(data);
  var needs = (data.besoins || []).map(function (need) { return { id: need.id, th: new Set(need.th) }; });
  partners.forEach(function (p) {
    p.services.forEach(function (s) {
      s.bs = needs.filter(function (need) { return s.th.some(function (t) { return need.th.has(t); }); })
        .map(function (need) { return need.id; });
    });
  });
  var entries = partners.map(function (p) {
    var numbers = [p.h, p.hd].concat(p.services.map(function (s) { return s.h; }))
      .filter(function (h) { return h !== undefined && h !== null; });
    var places = placesOf(numbers, p.statut, p.fermeture, data);
    return { partner: p, services: p.services, places: places, openKey: null, open: false };
  });
  var builder = indexBuilder(partners, data);
  // the search index is built while the browser is idle (`index` finishes it when a search comes first)
  return { entries: entries, builder: builder, get index() { return builder.finish(); } };
}

var IDLE_SLICE = 20;  // partners indexed at a time, as long as the browser says it is idle

function whenIdle(callback) {
  if (window.requestIdleCallback) window.requestIdleCallback(callback, { timeout: 2000 });
  else setTimeout(function () { callback({ timeRemaining: function () { return 10; } }); }, 50);
}

/* Index slices while the browser is idle (never a long task on a slow phone); the total work
   time goes to `data-indexation` (bench/directory.py). */
function buildWhenIdle(directory, root, spent) {
  whenIdle(function (deadline) {
    var started = performance.now(), done;
    do { done = directory.builder.step(IDLE_SLICE); } while (!done && deadline.timeRemaining() > 4);
    spent += performance.now() - started;
    if (!done) return buildWhenIdle(directory, root, spent);
    whenIdle(function () {
      var last = performance.now();
      directory.builder.finish();
      root.dataset.indexation = String(spent + performance.now() - last);
    });
  });
}

var FACET_NAMES = Object.keys(SERVICE_FACETS);
var LIAISON_BIT = 1 << FACET_NAMES.length;
var NO_VALUES = [];

/* A service's values for a filter. A service only for charities or volunteers answers no
   everyday need, unless the visitor chose its public: it is not help for a person. */
function facetValues(service, name, state) {
  if (name === "besoin" && service.rs && service.pu.indexOf(state["public"]) < 0) return NO_VALUES;
  return service[SERVICE_FACETS[name]] || NO_VALUES;
}

/* Bitmask of the service-level filters a service fails (bit k: FACET_NAMES[k]; then liaison). */
function serviceFailures(service, state) {
  var mask = 0;
  for (var k = 0; k < FACET_NAMES.length; k++) {
    var wanted = state[FACET_NAMES[k]];
    if (wanted && facetValues(service, FACET_NAMES[k], state).indexOf(wanted) < 0) mask |= 1 << k;
  }
  if (state.liaison && !service.li) mask |= LIAISON_BIT;
  return mask;
}

/* Open now, computed once per partner and per minute (the filters change far more often). */
function openAt(entry, now) {
  var key = now.day + " " + now.minute;
  if (entry.openKey !== key) {
    entry.openKey = key;
    entry.open = entry.places.some(function (place) { return isOpen(place, now); });
  }
  return entry.open;
}

/* One pass over the partners: the matching ones and, for every filter, the count of
   partners each of its values would give with the other filters kept. Written without
   allocations per partner: it must answer within 100 ms for 10,000 partners.
   With words, only the partners matching every word count, best first; when none
   does, those matching the most words, marked `partial`. */
function evaluate(directory, state, now) {
  var entries = directory.entries;
  var found = state.mots && state.mots.trim() ? search(directory.index, state.mots) : null;
  var needed = found ? found.words : 0;
  if (found) {
    var most = 0;
    for (var j = 0; j < found.matched.length; j++) if (found.matched[j] > most) most = found.matched[j];
    needed = Math.min(needed, Math.max(most, 1));
  }
  var counts = { commune: {}, ouvert: 0, liaison: 0 }, stamps = {};
  FACET_NAMES.forEach(function (n) { counts[n] = {}; stamps[n] = {}; });
  var matches = [];
  var serviceActive = FACET_NAMES.some(function (n) { return state[n]; }) || !!state.liaison;
  for (var i = 0; i < entries.length; i++) {
    var entry = entries[i], p = entry.partner, services = entry.services;
    if (found && found.matched[i] < needed) continue;
    var open = openAt(entry, now);
    var communeOk = !state.commune || p.commune === state.commune;
    var openOk = !state.ouvert || open;
    var masks = entry.masks || (entry.masks = []);
    var anyPassing = false;
    for (var s = 0; s < services.length; s++) {
      masks[s] = serviceFailures(services[s], state);
      if (masks[s] === 0) anyPassing = true;
    }
    var servicesOk = !serviceActive || anyPassing;
    if (communeOk && openOk && servicesOk) matches.push(entry);
    if (openOk && servicesOk && p.commune) counts.commune[p.commune] = (counts.commune[p.commune] || 0) + 1;
    if (communeOk && servicesOk && open) counts.ouvert += 1;
    if (!(communeOk && openOk)) continue;
    for (var k = 0; k < FACET_NAMES.length; k++) {
      var name = FACET_NAMES[k], bit = 1 << k;
      for (s = 0; s < services.length; s++) {
        if (masks[s] !== 0 && masks[s] !== bit) continue;
        var values = facetValues(services[s], name, state);
        for (var v = 0; v < values.length; v++) {
          if (stamps[name][values[v]] === i) continue;  // count a partner once per value
          stamps[name][values[v]] = i;
          counts[name][values[v]] = (counts[name][values[v]] || 0) + 1;
        }
      }
    }
    for (s = 0; s < services.length; s++) {
      if ((masks[s] === 0 || masks[s] === LIAISON_BIT) && services[s].li) { counts.liaison += 1; break; }
    }
  }
  // how well each match fits: the words typed, and the need chosen among the tiles
  var score = found ? found.score : null;
  if (state.besoin) {
    var fit = directory.builder.fitter.scores(state.besoin);  // computed once per need
    if (score) for (var f = 0; f < score.length; f++) score[f] += fit[f];  // the search's own array
    else score = fit;  // shared by every evaluation of this need: read, never written
  }
  return { matches: matches, score: score, counts: counts, partial: !!found && needed < found.words };
}

// Matches whose scores are within a tenth of the best's of each other fit as well: within such a
// band, what is open now comes first, then what is nearest (a closed place is no answer at 21:30
// when an open one fits as well), then the higher score.
var BANDS = 10;

/* The band of an entry among `matches`: 0 for the best fits, up to BANDS - 1; 0 for all without a score. */
function banding(matches, score) {
  if (!score) return function () { return 0; };
  var best = 0;
  for (var i = 0; i < matches.length; i++) best = Math.max(best, score[matches[i].partner.index]);
  return function (entry) {
    return best > 0 ? Math.min(BANDS - 1, Math.floor((1 - score[entry.partner.index] / best) * BANDS)) : 0;
  };
}

/* The matches in the order to show them. With a score (words typed, a need chosen): by band,
   then open now, then the nearest when the visitor's position is known, then the higher score,
   then the directory's order. Without: the nearest first, else the directory's order.
   `distance(entry)` is undefined when unknown. */
function ranked(matches, score, distance) {
  if (!score && !distance) return matches;
  var band = banding(matches, score);
  var keys = matches.map(function (entry, order) {
    var points = score ? score[entry.partner.index] : 0;
    var metres = distance ? distance(entry) : undefined;
    return {
      entry: entry,
      band: band(entry),
      closed: score && !entry.open ? 1 : 0,  // `open` was computed for this minute by evaluate
      metres: metres === undefined ? Infinity : metres,
      points: points,
      order: order,
    };
  });
  keys.sort(function (a, b) {
    return a.band - b.band || a.closed - b.closed || compare(a.metres, b.metres) ||
      b.points - a.points || a.order - b.order;
  });
  return keys.map(function (key) { return key.entry; });
}

function compare(a, b) {
  return a === b ? 0 : a < b ? -1 : 1;  // Infinity - Infinity is NaN
}

function controlActive(control) {
  return control.type === "checkbox" ? control.checked : !!control.value;
}

function updateOptions(form, counts) {
  Object.keys(SERVICE_FACETS).concat(["commune"]).forEach(function (name) {
    var select = form.elements[name];
    if (!select || select.tagName !== "SELECT") return;  // the needs are radio buttons: counted below
    Array.prototype.forEach.call(select.options, function (option) {
      if (!option.value) return;
      if (!option.dataset.label) option.dataset.label = option.textContent;
      var count = counts[name][option.value] || 0;
      option.textContent = option.dataset.label + " (" + count + ")";
    });
  });
  form.querySelectorAll('input[name="besoin"]').forEach(function (radio) {
    var number = radio.labels[0].querySelector(".gp-puce__nombre");
    if (number) number.textContent = radio.value ? "(" + (counts.besoin[radio.value] || 0) + ")" : "";
  });
  var active = MORE.filter(function (name) { return form.elements[name] && controlActive(form.elements[name]); }).length;
  form.querySelector(".gp-nb-filtres").textContent = active ? "(" + active + " actif" + (active > 1 ? "s" : "") + ")" : "";
  ["ouvert", "liaison"].forEach(function (name) {
    var box = form.elements[name];
    if (!box) return;
    var labelNode = form.querySelector('label[for="' + box.id + '"]');
    if (!labelNode.dataset.label) labelNode.dataset.label = labelNode.textContent;
    labelNode.textContent = labelNode.dataset.label + " (" + counts[name] + ")";
  });
}

/* When « Ouvert maintenant » finds nothing: the partners that open next, with the other filters
   kept; those that fit best first (a service for charities is not among them, see facetValues). */
function openingSoon(directory, state, now) {
  var others = Object.assign({}, state, { ouvert: "" });
  var result = evaluate(directory, others, now), band = banding(result.matches, result.score);
  return ranked(result.matches, result.score, null)
    .map(function (entry) { return { entry: entry, band: band(entry), state: bestStatus(entry, now) }; })
    .filter(function (item) { return item.state && item.state.opensIn !== undefined; })
    .sort(function (a, b) { return a.band - b.band || a.state.opensIn - b.state.opensIn; })
    .slice(0, SOON_COUNT)
    .map(function (item) { return item.entry; });
}

function setup(root) {
  var model = root.querySelector(".gp-carte-modele");
  var form = root.querySelector(".gp-filtres");
  var list = root.querySelector(".gp-cartes");
  var counter = root.querySelector(".gp-compte");
  var more = root.querySelector(".gp-plus");
  var nothingOpen = root.querySelector(".gp-rien-d-ouvert");
  var soonList = root.querySelector(".gp-bientot");
  var pageSize = Number(root.dataset.page) || 50;
  var directory = null, shown = pageSize, lastMatches = [], position = null;

  function distance(entry) {
    var p = entry.partner;
    return position && p.lat !== null && p.lon !== null ? metresBetween(position, p) : undefined;
  }

  function cards(target, entries, now) {
    var fragment = document.createDocumentFragment();
    entries.forEach(function (entry) { fragment.appendChild(card(model, entry, now, distance(entry))); });
    target.replaceChildren(fragment);
  }

  /* The cards the build drew, when they are the ones to show: only their status line is missing. */
  function drawnByTheBuild(entries) {
    var items = list.children;
    if (position || items.length !== entries.length) return false;
    for (var i = 0; i < items.length; i++) {
      var link = items[i].querySelector(".gp-carte__titre a");
      if (!link || link.getAttribute("href") !== encodeURIComponent(entries[i].partner.id) + "/") return false;
    }
    return true;
  }

  function render(matches, now) {
    var page = matches.slice(0, shown);
    if (drawnByTheBuild(page)) {
      // the first load of an unfiltered list: no need to draw the same cards again
      Array.prototype.forEach.call(list.children, function (item, i) { showStatus(item, page[i], now); });
    } else {
      cards(list, page, now);
    }
    more.hidden = matches.length <= shown;
    if (!more.hidden) more.textContent = say("show_more", { n: Math.min(pageSize, matches.length - shown) });
  }

  function apply(resetPaging) {
    var started = performance.now();
    var state = readControls(form, PARAMS);
    var now = parisNow(new Date());
    if (resetPaging) shown = pageSize;
    var result = evaluate(directory, state, now);
    // partners without coordinates keep their order, after the others
    result.matches = ranked(result.matches, result.score, position ? distance : null);
    lastMatches = result.matches;
    updateOptions(form, result.counts);
    render(result.matches, now);
    var soon = state.ouvert && !result.matches.length ? openingSoon(directory, state, now) : [];
    nothingOpen.hidden = !state.ouvert || result.matches.length > 0;
    // a need none of whose places is open now (the night, a Sunday): what to do at once, above the list
    var noneOpen = !!state.besoin && result.counts.ouvert === 0;
    root.querySelectorAll(".gp-maintenant__besoin").forEach(function (block) {
      block.hidden = !noneOpen || block.dataset.besoin !== state.besoin;
    });
    cards(soonList, soon, now);
    var count = result.matches.length;
    counter.textContent = count === 0
      ? say(state.ouvert ? "none_open" : "none_found")
      : say((result.partial ? "found_partly_" : "found_") + (count === 1 ? "one" : "many"), { n: count });
    keepInUrl(state, PARAMS);
    root.dataset.duree = String(performance.now() - started);  // read by bench/directory.py
  }

  function showMore() {
    var first = shown;
    shown += pageSize;
    render(lastMatches, parisNow(new Date()));
    var next = list.children[first];
    if (next) next.querySelector("a").focus();
  }

  /* annuaire.json, read once, when first needed; then the list is drawn from it. */
  var loading = null;
  function load() {
    if (loading) return loading;
    loading = fetch(root.dataset.gpAnnuaire)
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        var started = performance.now();
        var prepared = prepare(data);
        root.dataset.preparation = String(performance.now() - started);  // read by bench/directory.py
        // reading the data and drawing the list are two tasks, each short enough not to block a slow phone
        return new Promise(function (resolve) { setTimeout(function () { resolve(prepared); }, 0); });
      })
      .then(function (prepared) {
        directory = prepared;
        apply(false);  // with what the visitor chose meanwhile
        buildWhenIdle(directory, root, 0);
        root.dataset.loaded = "1";
      })
      .catch(function (error) {
        // The HTML list stays, and the next search or filter tries again.
        loading = null;
        root.dataset.loaded = "erreur";
        counter.textContent = say("search_failed");
        console.error(error);
      });
    return loading;
  }

  /* A change of the search or the filters: answered at once, or as soon as the data is read. */
  function changed() {
    if (directory) apply(true);
    else load();
  }

  var state = readState(location.search, PARAMS);
  writeControls(form, state, PARAMS);
  // a link that sets one of these filters opens them, on a screen wide enough not to push the results away
  var wide = window.matchMedia("(min-width: 60em)").matches;
  if (wide && MORE.some(function (name) { return form.elements[name] && controlActive(form.elements[name]); })) {
    root.querySelector(".gp-plus-de-filtres").open = true;
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(changed, 0); });
  // reaching for the search or a filter: the data is read while the visitor types or chooses
  form.addEventListener("focusin", load);
  form.addEventListener("pointerdown", load);
  bindNearMe(root.querySelector(".gp-pres"), root.querySelector(".gp-pres__message"), function (found) {
    position = found;
    changed();
  });
  more.addEventListener("click", function () {
    if (directory) showMore();
    else load().then(function () { if (directory) showMore(); });
  });
  var total = Number(root.dataset.total) || 0;
  if (list.children.length < total) {
    more.hidden = false;
    more.textContent = say("show_more", { n: Math.min(pageSize, total - list.children.length) });
  }
  if (PARAMS.some(function (name) { return state[name]; })) load();
  else statusOfDrawnCards(root, parisNow(new Date()));
}

export function init() {
  document.querySelectorAll("[data-gp-annuaire]").forEach(function (root) { once(root, setup); });
}

export { evaluate, placesOf, prepare, ranked };
