/* Fiche de liaison: checks, print, plain-text copy, and an opt-in draft kept on this device only.
 * Nothing typed here is ever sent: there is no submission and no request while filling the form. */

import { copyText, element } from "./helpers.js";
import { MONTHS, parisNow } from "./horaires.js";

var EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]{2,}$/;

function fields(form) {
  return Array.prototype.slice.call(form.querySelectorAll(".gp-champ"));
}

function controls(field) {
  return Array.prototype.slice.call(field.querySelectorAll("input, textarea"));
}

/* The value of a field: text, the checked choices, or "oui" for a ticked box. */
function valueOf(field) {
  var inputs = controls(field);
  if (inputs[0].type === "radio" || inputs[0].type === "checkbox") {
    return inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
  }
  return inputs[0].value.trim();
}

function isEmpty(value) {
  return Array.isArray(value) ? value.length === 0 : value === "";
}

function today() {
  return parisNow(new Date()).day;
}

function frenchDate(iso) {
  var p = iso.split("-");
  return Number(p[2]) + " " + MONTHS[Number(p[1]) - 1] + " " + p[0];
}

function problemOf(field) {
  var value = valueOf(field);
  var input = controls(field)[0];
  if (field.dataset.obligatoire && isEmpty(value)) {
    return input.type === "checkbox" && controls(field).length === 1 ? "cochez cette case" :
      (input.type === "radio" || input.type === "checkbox") ? "choisissez une réponse" : "ce champ est à remplir";
  }
  if (!isEmpty(value) && input.type === "email" && !EMAIL.test(value)) return "écrivez une adresse comme nom@exemple.fr";
  if (!isEmpty(value) && input.type === "tel" && value.replace(/\D/g, "").length < 10) {
    return "écrivez un numéro à 10 chiffres, par exemple 02 61 91 00 00";
  }
  return "";
}

/* Errors listed at the top (announced, focused) and next to each field. */
function check(form) {
  var summary = form.querySelector(".gp-erreurs");
  var problems = [];
  fields(form).forEach(function (field) {
    var problem = problemOf(field);
    var note = field.querySelector(".gp-erreur");
    controls(field).forEach(function (c) { c.setAttribute("aria-invalid", problem ? "true" : "false"); });
    note.hidden = !problem;
    note.textContent = problem ? "Erreur : " + problem + "." : "";
    if (problem) problems.push({ field: field, text: field.dataset.libelle + " : " + problem });
  });
  summary.replaceChildren();
  summary.hidden = problems.length === 0;
  if (!problems.length) return true;
  var title = document.createElement("h2");
  title.textContent = problems.length === 1 ? "La fiche contient 1 erreur" :
    "La fiche contient " + problems.length + " erreurs";
  var list = document.createElement("ul");
  problems.forEach(function (p) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    var target = controls(p.field)[0];
    link.href = "#" + target.id;
    link.textContent = p.text;
    link.addEventListener("click", function (event) { event.preventDefault(); target.focus(); });
    item.appendChild(link);
    list.appendChild(item);
  });
  summary.appendChild(title);
  summary.appendChild(list);
  summary.focus();
  return false;
}

function plainText(form) {
  var lines = [document.querySelector(".md-content h1").textContent.trim(), ""];
  Array.prototype.forEach.call(form.querySelectorAll("fieldset.gp-section"), function (section) {
    lines.push(section.querySelector("legend").textContent.toUpperCase());
    section.querySelectorAll(".gp-champ").forEach(function (field) {
      var value = valueOf(field);
      lines.push(field.dataset.libelle + " : " + (Array.isArray(value) ? value.join(", ") : value));
    });
    lines.push("");
  });
  lines.push(form.querySelector(".gp-consentement").textContent, form.querySelector(".gp-engagement").textContent,
    "", form.querySelector(".gp-impression-pied").textContent);
  return lines.join("\n");
}

/* The receiving service chosen with "Orienter vers ce service" (?service=…), as the build described it. */
function chosenService(form) {
  var data = JSON.parse(form.querySelector(".gp-prerempli").textContent);
  return data[new URLSearchParams(location.search).get("service")] || {};
}

function prefill(form) {
  var service = chosenService(form);
  form.querySelectorAll("[data-prerempli]").forEach(function (field) {
    var input = controls(field)[0];
    var kind = field.dataset.prerempli;
    if (kind === "date-du-jour") { if (!input.value) input.value = today(); return; }
    if (service[kind] && !input.value) input.value = service[kind];
  });
}

/* Before printing: the service's conditions and documents, to go through with the person. */
function showWhatToCheck(form) {
  var service = chosenService(form);
  var panel = form.querySelector(".gp-avant-orientation");
  if (!service.service) return;
  panel.querySelector(".gp-avant-orientation__service").textContent = service.partenaire + " — " + service.service;
  panel.querySelector(".gp-avant-orientation__conditions").textContent =
    service.conditions || "La fiche du service n'écrit pas de condition.";
  var documents = (service.justificatifs || "").split("\n").map(function (line) {
    return line.replace(/^- /, "").trim();
  }).filter(Boolean);
  panel.querySelector(".gp-avant-orientation__documents").replaceChildren.apply(
    panel.querySelector(".gp-avant-orientation__documents"),
    (documents.length ? documents : ["La fiche du service n'en demande pas."]).map(function (text) {
      return element("li", "", text);
    })
  );
  panel.hidden = false;
}

/* An anonymous tally of orientations by need, opt-in, on this device only: counts, nothing else. */
var TALLY = "gp-orientations";
var COUNTING = "gp-compter";

function tally(form) {
  var box = form.querySelector("#gp-compter");
  var rows = form.querySelector(".gp-comptes tbody");
  var since = form.querySelector(".gp-comptes-depuis");
  var needs = form.querySelector("[data-besoins]");

  function read() {
    try { return JSON.parse(localStorage.getItem(TALLY)); } catch { return null; }
  }
  function show() {
    var saved = read();
    var names = saved ? Object.keys(saved.besoins).sort(function (a, b) { return a.localeCompare(b, "fr"); }) : [];
    rows.replaceChildren.apply(rows, names.map(function (name) {
      var row = element("tr");
      row.appendChild(element("th", "", name)).scope = "row";
      row.appendChild(element("td", "", String(saved.besoins[name])));
      return row;
    }));
    since.textContent = saved ? "Comptées depuis le " + frenchDate(saved.depuis) + "." :
      "Aucune orientation comptée sur cet appareil.";
  }
  function count() {
    if (!box.checked || !needs || form.dataset.compte) return;
    var saved = read() || { depuis: today(), besoins: {} };
    valueOf(needs).forEach(function (need) { saved.besoins[need] = (saved.besoins[need] || 0) + 1; });
    localStorage.setItem(TALLY, JSON.stringify(saved));
    form.dataset.compte = "1";  // once per filled form, however often it is printed
    show();
  }
  // A need's name that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets an
  // apostrophe in front, as in every CSV file the site writes (site_build/text/spreadsheet.py).
  function safeCell(text) {
    return /^[=+\-@\t\r]/.test(text) && text !== "-" && !/^[+-]?[0-9]+([.,][0-9]+)?$/.test(text) ? "'" + text : text;
  }
  function download() {
    var saved = read();
    var lines = ["Besoin;Orientations;Comptées depuis le"];
    Object.keys(saved ? saved.besoins : {}).forEach(function (name) {
      lines.push('"' + safeCell(name).replace(/"/g, '""') + '";' + saved.besoins[name] + ";" + saved.depuis);
    });
    var link = element("a");
    link.href = URL.createObjectURL(new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv" }));
    link.download = "orientations-" + today() + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  box.checked = localStorage.getItem(COUNTING) === "1";
  box.addEventListener("change", function () {
    if (box.checked) localStorage.setItem(COUNTING, "1");
    else localStorage.removeItem(COUNTING);
  });
  form.querySelector('[data-action="telecharger-comptes"]').addEventListener("click", download);
  form.querySelector('[data-action="effacer-comptes"]').addEventListener("click", function () {
    localStorage.removeItem(TALLY);
    show();
  });
  form.addEventListener("input", function (event) {
    if (!event.target.closest(".gp-comptes")) delete form.dataset.compte;  // another orientation
  });
  show();
  return count;
}

/* Drafts: off by default; when chosen, kept in this browser only, until the form's delay. */
function drafts(form) {
  var key = "gp-brouillon-" + form.dataset.gpLiaison;
  var hours = Number(form.dataset.brouillonHeures) || 72;
  var box = form.querySelector("#gp-garder-brouillon");
  var state = form.querySelector(".gp-brouillon-etat");
  var wipe = form.querySelector('[data-action="effacer"]');

  function read() {
    try { return JSON.parse(localStorage.getItem(key)); } catch { return null; }
  }
  function show(expires) {
    if (!expires) { state.textContent = ""; wipe.hidden = true; return; }
    var when = new Date(expires);
    var local = parisNow(when);
    state.textContent = "Un brouillon est enregistré sur cet appareil jusqu'au " + frenchDate(local.day) + " à " +
      Math.floor(local.minute / 60) + " h " + String(local.minute % 60).padStart(2, "0") + ".";
    wipe.hidden = false;
  }
  function save() {
    if (!box.checked) return;
    var saved = read();
    var expires = saved && saved.expire > Date.now() ? saved.expire : Date.now() + hours * 3600 * 1000;
    var values = {};
    fields(form).forEach(function (field) { values[controls(field)[0].name] = valueOf(field); });
    localStorage.setItem(key, JSON.stringify({ expire: expires, values: values }));
    show(expires);
  }
  function remove() {
    localStorage.removeItem(key);
    show(null);
  }
  function restore(saved) {
    fields(form).forEach(function (field) {
      var value = saved.values[controls(field)[0].name];
      controls(field).forEach(function (input) {
        if (input.type === "radio" || input.type === "checkbox") input.checked = (value || []).indexOf(input.value) >= 0;
        else input.value = value || "";
      });
    });
  }

  var saved = read();
  if (saved && saved.expire > Date.now()) {
    restore(saved);
    box.checked = true;
    show(saved.expire);
  } else if (saved) {
    remove();  // past its delay
  }
  box.addEventListener("change", function () {
    if (box.checked) save();
    else remove();
  });
  wipe.addEventListener("click", function () {
    remove();
    box.checked = false;
    form.reset();
    prefill(form);
    state.textContent = "Brouillon effacé.";
  });
  return { save: save, active: function () { return box.checked; } };
}

function setup(form) {
  if (form.dataset.ready) return;
  form.dataset.ready = "1";
  form.noValidate = true;  // our messages, in French, listed at the top
  prefill(form);
  showWhatToCheck(form);
  var counted = tally(form);
  var draft = drafts(form);
  var status = form.querySelector(".gp-statut");
  var dirty = false;

  form.querySelectorAll("textarea[maxlength]").forEach(function (area) {
    var counter = document.getElementById(area.id + "-compteur");
    var update = function () { counter.textContent = area.value.length + " sur " + area.maxLength + " caractères"; };
    area.addEventListener("input", update);
    update();
  });
  function typed(event) {
    if (event.target.id === "gp-garder-brouillon") return;
    form.dataset.saisie = "1";  // the update offer (pwa.js) checks this before any reload
    dirty = !draft.active();
    draft.save();
  }
  form.addEventListener("input", typed);
  form.addEventListener("change", typed);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelector('[data-action="verifier"]').addEventListener("click", function () {
    if (check(form)) status.textContent = "La fiche est complète.";
  });
  form.querySelector('[data-action="imprimer"]').addEventListener("click", function () {
    if (!check(form)) return;
    counted();
    window.print();
  });
  form.querySelector('[data-action="copier"]').addEventListener("click", function () {
    if (!check(form)) return;
    copyText(plainText(form)).then(function () {
      counted();
      status.textContent = "Texte copié. Collez-le dans votre messagerie sécurisée de santé.";
    }, function () {
      status.textContent = "La copie n'a pas marché : utilisez « Imprimer / PDF ».";
    });
  });
  window.addEventListener("beforeprint", function () {
    var partner = form.querySelector("[data-prerempli='partenaire'] input");
    var service = form.querySelector("[data-prerempli='service'] input");
    form.querySelector(".gp-impression-entete").textContent = "Destinataire : " +
      [partner && partner.value, service && service.value].filter(Boolean).join(" — ");
    // the consent, said in words on the paper
    var consent = form.querySelector("[data-prerempli='date-du-jour'] input");
    var agreed = form.querySelector(".gp-option input[type=checkbox][name='consentement']");
    form.querySelector(".gp-accord-imprime").textContent = agreed && agreed.checked ?
      "La personne a donné son accord" + (consent && consent.value ? " le " + frenchDate(consent.value) : "") + "." : "";
  });
  // Leaving with unsaved input: ask first (page unload, and the theme's instant navigation).
  window.addEventListener("beforeunload", function (event) {
    if (dirty && document.body.contains(form)) { event.preventDefault(); event.returnValue = ""; }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.hasAttribute("download") || !dirty || !document.body.contains(form) || form.contains(link)) return;
    if (!window.confirm("La fiche n'est pas enregistrée : quitter la page et perdre la saisie ?")) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  form.querySelector(".gp-liaison-actions").hidden = false;
  form.querySelector(".gp-brouillon").hidden = false;
}

export function init() {
  document.querySelectorAll("form[data-gp-liaison]").forEach(setup);
}
