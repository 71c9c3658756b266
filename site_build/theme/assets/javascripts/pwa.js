/* Offline use: registers the service worker, offers updates without ever forcing them,
 * asks for persistent storage once installed, and lists on /hors-ligne/ what is available. */

import { onEveryPage, siteRoot } from "./helpers.js";
import { say } from "./textes.js";

var root = "";  // the site root, also under a sub-path (from the manifest link)
var reloading = false;

/* A form the user started to fill (liaison.js marks it): its content would be lost by a reload. */
function typing() {
  return !!document.querySelector('form.gp-liaison[data-saisie="1"]');
}

/* A bar at the bottom of the screen, in the page's language: the new version waits for « Recharger ». */
function offer(worker) {
  if (document.querySelector(".gp-mise-a-jour")) return;
  var banner = document.createElement("div");
  banner.className = "gp-mise-a-jour";
  banner.setAttribute("role", "status");
  var text = document.createElement("p");
  text.textContent = say("update_ready");
  var buttons = document.createElement("p");
  buttons.className = "gp-mise-a-jour__boutons";
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-button md-button--primary";
  button.textContent = say("update_reload");
  var later = document.createElement("button");
  later.type = "button";
  later.className = "md-button";
  later.textContent = say("update_later");
  button.addEventListener("click", function () {
    if (typing() && !button.dataset.confirme) {
      text.textContent = say("update_form_first");
      button.textContent = say("update_reload_anyway");
      button.dataset.confirme = "1";
      return;
    }
    reloading = true;
    worker.postMessage({ type: "SKIP_WAITING" });
  });
  later.addEventListener("click", function () { banner.remove(); });
  buttons.appendChild(button);
  buttons.appendChild(later);
  banner.appendChild(text);
  banner.appendChild(buttons);
  document.body.appendChild(banner);
}

function watch(registration) {
  if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
  registration.addEventListener("updatefound", function () {
    var worker = registration.installing;
    worker.addEventListener("statechange", function () {
      if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
    });
  });
}

function markReady() {
  navigator.serviceWorker.ready.then(function () {
    if (navigator.serviceWorker.controller) document.documentElement.dataset.horsLigne = "pret";
  });
}

function persistOnceInstalled() {
  var installed = window.matchMedia("(display-mode: standalone)").matches || navigator.standalone;
  if (!installed || !navigator.storage || !navigator.storage.persist || localStorage.getItem("gp-persist")) return;
  navigator.storage.persist().then(function (granted) { localStorage.setItem("gp-persist", String(granted)); });
}

/* /hors-ligne/: the pages this device can open without network, by section, each once:
   month pages in calendar order, the others by title. */
var SECTIONS = [["annuaire/", "offline_directory"], ["recettes/", "offline_recipes"], ["sante/", "offline_health"],
  ["", "offline_pages"]];
var MONTH_PAGE = /\/(\d{4}-\d{2})\/$/;

function sortKey(entry) {
  var month = entry.url.match(MONTH_PAGE);
  return month ? "0 " + month[1] : "1 " + entry.title.toLocaleLowerCase("fr");
}

function listOffline() {
  var list = document.querySelector("[data-gp-hors-ligne]");
  if (!list || !window.caches) return;
  caches.keys().then(function (names) {
    var own = "guide-precache:" + new URL(root).pathname + ":";  // this language's (sw.template.js)
    var name = names.filter(function (n) { return n.indexOf(own) === 0; })[0];
    if (!name) return null;
    return caches.open(name).then(function (cache) { return cache.match(new URL("precache.json", root).href); });
  }).then(function (response) {
    return response ? response.json() : [];
  }).then(function (entries) {
    var seen = new Set();
    var pages = entries.filter(function (e) {
      if (!e.title || e.url.indexOf("hors-ligne/") === 0 || seen.has(e.url)) return false;
      seen.add(e.url);
      return true;
    });
    var fragment = document.createDocumentFragment();
    SECTIONS.forEach(function (section) {
      var inSection = pages.filter(function (e) {
        var own = SECTIONS.filter(function (s) { return s[0] && e.url.indexOf(s[0]) === 0; })[0];
        return (own ? own[0] : "") === section[0];
      }).sort(function (a, b) { return sortKey(a).localeCompare(sortKey(b), "fr"); });
      if (!inSection.length) return;
      var item = document.createElement("li");
      item.appendChild(document.createElement("strong")).textContent = say(section[1]);
      var sub = item.appendChild(document.createElement("ul"));
      inSection.forEach(function (entry) {
        var link = sub.appendChild(document.createElement("li")).appendChild(document.createElement("a"));
        link.href = new URL(entry.url, root).href;
        link.textContent = entry.title.replace(/ - Le guide partagé( — professionnels)?$/, "");
      });
      fragment.appendChild(item);
    });
    list.replaceChildren(fragment);
    var count = document.querySelector("[data-gp-hors-ligne-compte]");
    if (count) count.textContent = say("offline_count", { n: pages.length });
  });
}

/* Register the service worker and keep the offline list up to date; once per visit. */
export function start() {
  if (!("serviceWorker" in navigator)) return;
  root = siteRoot();
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading) location.reload();
    markReady();
  });
  var register = function () {
    navigator.serviceWorker.register(new URL("sw.js", root).href).then(function (registration) {
      if (!registration) return;  // service workers turned off (some private modes, test browsers)
      watch(registration);
      markReady();
      var last = Date.now();
      onEveryPage(function () {  // instant navigation: look for updates now and then
        if (Date.now() - last > 60000) { last = Date.now(); registration.update(); }
        listOffline();
      });
    }).catch(function () { /* no offline use on this device: the site works as a plain website */ });
  };
  // the first visit's precache of the whole site waits until the page itself has loaded
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
  window.addEventListener("appinstalled", persistOnceInstalled);
  persistOnceInstalled();
}
