/* « Proposer une modification »: the form of one entry, filled in with its current values, turned into a
 * proposal (the changed fields and the values they were based on, as a YAML block and a French sentence)
 * that the person sends by e-mail, as a GitHub issue, or copies. Nothing leaves the device unless a
 * button is pressed; a prepared proposal waits on the device until the person removes it.
 * site_build/editing/proposals.py reads the block; pages/proposal.py draws the forms. */

import { copyText, element, once, siteRoot } from "./helpers.js";
import { clock, dayName } from "./horaires.js";
import { say } from "./textes.js";

const STORE = "gp-propositions";
const MAIL_LIMIT = 1900;  // characters of a mailto: link that every mail client opens whole
const ISSUE_LIMIT = 7500;  // characters of a GitHub new-issue address
const DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const RANGE = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;

/* ---- Opening hours: the simple OpenStreetMap rules the helper writes, and the same in words. ---- */

/* "Mo-Fr 09:00-12:00,14:00-17:00; PH off" → {days: [ranges per day], holidaysClosed}, or null when the
   rules say more than days and times (weeks, dates, comments): those stay as written. */
export function readHours(text) {
  const days = DAYS.map(() => []);
  let holidaysClosed = false;
  const rules = String(text || "").split(";").map((rule) => rule.trim()).filter(Boolean);
  for (const rule of rules) {
    if (rule === "PH off") { holidaysClosed = true; continue; }
    const match = /^([A-Za-z,-]+) (.+)$/.exec(rule);
    if (!match) return null;
    const chosen = dayList(match[1]);
    const ranges = match[2] === "off" ? [] : match[2].split(",");
    if (!chosen || ranges.length > 2 || !ranges.every((r) => RANGE.test(r))) return null;
    chosen.forEach((day) => { days[day] = ranges; });
  }
  return { days, holidaysClosed };
}

function dayList(text) {
  const chosen = [];
  for (const part of text.split(",")) {
    const ends = part.split("-").map((d) => DAYS.indexOf(d));
    if (ends.some((d) => d < 0) || ends.length > 2) return null;
    const [from, to] = [ends[0], ends[ends.length - 1]];
    if (to < from) return null;
    for (let d = from; d <= to; d++) chosen.push(d);
  }
  return chosen;
}

/* Days with the same times written together: "Mo-Fr 09:00-12:00; Sa 09:00-12:00"… */
export function writeHours(hours) {
  const groups = daysBySameHours(hours);
  const rules = [...groups].map(([ranges, days]) => runs(days).map(([a, b]) =>
    a === b ? DAYS[a] : b === a + 1 ? DAYS[a] + "," + DAYS[b] : DAYS[a] + "-" + DAYS[b]).join(",") + " " + ranges);
  if (hours.holidaysClosed) rules.push("PH off");
  return rules.join("; ");
}

/* "09:00-12:00,14:00-17:00" → the days open at exactly those times, in the week's order. */
function daysBySameHours(hours) {
  const groups = new Map();
  hours.days.forEach((ranges, day) => {
    if (!ranges.length) return;
    const key = ranges.join(",");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(day);
  });
  return groups;
}

function runs(days) {
  const found = [];
  days.forEach((day) => {
    const last = found[found.length - 1];
    if (last && last[1] === day - 1) last[1] = day;
    else found.push([day, day]);
  });
  return found;
}

function weekdayName(day) {  // 0 = Monday: 1 January 2024 was one
  return dayName("2024-01-0" + (1 + day));
}

function timeText(hhmm) {
  const [h, m] = hhmm.split(":").map(Number);
  return h === 24 ? say("midnight") : clock(h * 60 + m);  // the directory's way: « 9 h 30 »
}

export function hoursInWords(text) {
  if (!String(text || "").trim()) return "";
  const hours = readHours(text);
  if (!hours) return say("hours_as_written");
  const sentences = [];
  const groups = daysBySameHours(hours);
  groups.forEach((days, key) => {
    const when = runs(days).map(([a, b]) => a === b ? weekdayName(a)
      : say(b === a + 1 ? "days_pair" : "days_span", { de: weekdayName(a), a: weekdayName(b) })).join(", ");
    const times = key.split(",").map((r) => say("time_span",
      { de: timeText(r.slice(0, 5)), a: timeText(r.slice(6)) })).join(", ");
    sentences.push(say("hours_rule", { jours: when, heures: times }));
  });
  if (!groups.size) sentences.push(say("closed"));
  if (hours.holidaysClosed) sentences.push(say("closed_on_holidays"));
  return sentences.join(" ");
}

function setUpHoursHelper(field) {
  const input = field.querySelector("input");
  const words = field.querySelector(".gp-proposer__en-mots");
  const helper = field.querySelector(".gp-proposer__aide-horaires");
  const showWords = () => { words.textContent = hoursInWords(input.value); };
  const fillGrid = () => {
    const hours = readHours(input.value);
    helper.querySelector("[data-trop-detaille]").hidden = hours !== null;
    helper.querySelectorAll("[data-jour]").forEach((day) => {
      const ranges = hours ? hours.days[Number(day.dataset.jour)] : [];
      day.querySelectorAll("input").forEach((box) => {
        const range = ranges[Number(box.dataset.part)];
        box.value = range ? (box.dataset.bout === "de" ? range.slice(0, 5) : range.slice(6)) : "";
      });
    });
    helper.querySelector("[data-feries]").checked = hours ? hours.holidaysClosed : true;
  };
  input.addEventListener("input", showWords);
  helper.addEventListener("toggle", () => { if (helper.open) fillGrid(); });
  helper.querySelector("[data-action='ecrire-horaires']").addEventListener("click", () => {
    const days = [...helper.querySelectorAll("[data-jour]")].map((day) => [0, 1].map((part) => {
      const de = day.querySelector(`[data-part="${part}"][data-bout="de"]`).value;
      const a = day.querySelector(`[data-part="${part}"][data-bout="a"]`).value;
      return de && a ? de + "-" + a : "";
    }).filter(Boolean));
    input.value = writeHours({ days, holidaysClosed: helper.querySelector("[data-feries]").checked });
    showWords();
    input.focus();
  });
  return { showWords, fillGrid };
}

/* ---- Values: the entry's as its data file says them, and the form's. ---- */

function blank(value) {
  return value === undefined || value === null || value === "" || value === false ||
    (Array.isArray(value) && value.length === 0);
}

function same(a, b) {
  if (blank(a) && blank(b)) return true;
  if (typeof a === "string" && typeof b === "string") return a.trimEnd() === b.trimEnd();  // a block's last line break
  return JSON.stringify(a) === JSON.stringify(b);
}

function directFields(root) {
  return [...root.querySelectorAll("[data-champ]")].filter((field) =>
    field.parentElement.closest("[data-champ], .gp-proposer__rangee, form") === root);
}

function key(field) {
  return field.dataset.champ.split(".").pop();
}

function writeField(field, value) {
  const widget = field.dataset.widget;
  if (widget === "group") {
    directFields(field).forEach((part) => writeField(part, (value || {})[key(part)]));
  } else if (widget === "rows") {
    const list = field.querySelector(".gp-proposer__rangees");
    list.replaceChildren();
    [...(value || []), {}].forEach((item) => addRow(field, item));
  } else if (widget === "choices" || widget === "choice") {
    const chosen = [].concat(value || []);
    field.querySelectorAll("input").forEach((box) => { box.checked = chosen.includes(box.value); });
    if (widget === "choices") field.dataset.ordre = JSON.stringify(chosen);
    field.querySelectorAll("details").forEach((group) => { group.open = Boolean(group.querySelector(":checked")); });
  } else if (widget === "boolean") {
    field.querySelector("input").checked = value === true;
  } else {
    const control = field.querySelector("input, textarea");
    control.value = Array.isArray(value) ? value.join("\n") : value === undefined ? "" : String(value).replace(/\n$/, "");
  }
}

function addRow(field, item) {
  const list = field.querySelector(".gp-proposer__rangees");
  const number = String(list.children.length + 1);
  const row = element("li", "gp-proposer__rangee");
  const copy = field.querySelector("template").content.cloneNode(true);
  copy.querySelectorAll("[id], [for], [name], [aria-describedby]").forEach((node) => {
    ["id", "for", "name", "aria-describedby"].forEach((attribute) => {
      if (node.hasAttribute(attribute)) node.setAttribute(attribute, node.getAttribute(attribute).replace(/__n__/g, number));
    });
  });
  row.append(copy);
  list.append(row);
  directFields(row).forEach((part) => writeField(part, item[key(part)]));
}

function readField(field) {
  const widget = field.dataset.widget;
  if (widget === "group") {
    const value = {};
    directFields(field).forEach((part) => {
      const v = readField(part);
      if (!blank(v)) value[key(part)] = v;
    });
    return value;
  }
  if (widget === "rows") {
    const typed = (part) => !["choice", "choices", "boolean"].includes(part.dataset.widget);
    return [...field.querySelectorAll(".gp-proposer__rangee")].map((row) => {
      const item = {};
      let written = false;  // a row with only a choice ticked is an empty row
      directFields(row).forEach((part) => {
        const v = readField(part);
        if (!blank(v)) item[key(part)] = v;
        written = written || (typed(part) && !blank(v));
      });
      return written ? item : null;
    }).filter(Boolean);
  }
  if (widget === "choices") {
    const checked = [...field.querySelectorAll("input:checked")].map((box) => box.value);
    const before = JSON.parse(field.dataset.ordre || "[]");  // the file's order first: only the change differs
    return [...before.filter((v) => checked.includes(v)), ...checked.filter((v) => !before.includes(v))];
  }
  if (widget === "choice") {
    const box = field.querySelector("input:checked");
    return box ? box.value : null;
  }
  if (widget === "boolean") return field.querySelector("input").checked;
  const text = field.querySelector("input, textarea").value;
  if (widget === "lines") return text.split("\n").map((line) => line.trim()).filter(Boolean);
  return widget === "prose" ? text.replace(/\s+$/, "") : text.trim();
}

/* {name: [before, after]} of the fields that changed; a block of fields gives only its changed keys. */
function changes(form, current) {
  const found = {};
  directFields(form).forEach((field) => {
    const name = field.dataset.champ;
    const now = readField(field);
    const was = current[name];
    if (field.dataset.widget === "group") {
      const before = {}, after = {};
      new Set([...Object.keys(now), ...Object.keys(was || {})]).forEach((part) => {
        const old = (was || {})[part];
        if (!same(old, now[part])) {
          before[part] = blank(old) ? null : old;
          after[part] = blank(now[part]) ? null : now[part];
        }
      });
      if (Object.keys(after).length) found[name] = [before, after];
    } else if (!same(was, now)) {
      found[name] = [blank(was) ? null : was, blank(now) ? null : now];
    }
  });
  return found;
}

/* ---- The proposal: a YAML block editing/proposals.py reads, and a sentence in French. ---- */

function yamlValue(value) {
  if (Array.isArray(value)) return "[" + value.map(yamlValue).join(", ") + "]";
  if (value && typeof value === "object") {
    return "{" + Object.entries(value).map(([k, v]) => k + ": " + yamlValue(v)).join(", ") + "}";
  }
  return value === undefined ? "null" : JSON.stringify(value);
}

export function proposalBlock(proposal) {
  const lines = ["proposition:", "  fiche: " + proposal.fiche, "  id: " + proposal.id];
  if (proposal.confirme) lines.push("  confirme: true");
  [["avant", 0], ["apres", 1]].forEach(([title, side]) => {
    const names = Object.keys(proposal.changes);
    if (!names.length) return;
    lines.push("  " + title + ":");
    names.forEach((name) => lines.push("    " + name + ": " + yamlValue(proposal.changes[name][side])));
  });
  return lines.join("\n") + "\n";
}

function shown(value) {
  if (Array.isArray(value)) return value.map(shown).join(", ");
  if (value && typeof value === "object") return Object.values(value).map(shown).join(" ");
  return value === true ? "oui" : value === false ? "non" : String(value);
}

/* A choice's French words instead of its code (the options are labelled in French in every language). */
function choiceWords(form, name, value) {
  const field = form.querySelector(`[data-champ="${name}"]`);
  if (!field || !["choice", "choices"].includes(field.dataset.widget) || blank(value)) return value;
  const words = (code) => {
    const box = [...field.querySelectorAll("input")].find((input) => input.value === code);
    const label = box && field.querySelector(`label[for="${box.id}"]`);
    return label ? label.textContent : code;
  };
  return Array.isArray(value) ? value.map(words) : words(value);
}

function frenchLabel(form, name) {
  const field = form.querySelector(`[data-champ="${name}"]`);
  return field ? field.dataset.libelleFr : name;
}

/* Always in French: the team that applies it reads French. */
function sentence(form, proposal, entryName) {
  const what = `« ${entryName} » (${form.dataset.ficheFr.toLowerCase()}, ${proposal.id})`;
  const parts = [];
  if (proposal.confirme) parts.push(`Tout est juste sur la fiche ${what} : elle est à marquer comme vérifiée.`);
  const lines = [];
  Object.entries(proposal.changes).forEach(([name, [was, now]]) => {
    if (name === "statut" && now === "ferme") {
      parts.push(`La structure ${what} a fermé : elle est à marquer comme fermée.`);
    } else if (was && now && typeof now === "object" && !Array.isArray(now)) {
      Object.keys(now).forEach((part) => lines.push(
        change(frenchLabel(form, name) + ", " + frenchLabel(form, name + "." + part).toLowerCase(), was[part], now[part])));
    } else {
      lines.push(change(frenchLabel(form, name), choiceWords(form, name, was), choiceWords(form, name, now)));
    }
  });
  if (lines.length) parts.push(`Modification proposée pour la fiche ${what} : ` + lines.join(" ; ") + ".");
  return parts.join(" ");
}

function change(label, was, now) {
  if (blank(was)) return `${label} : ajouter « ${shown(now)} »`;
  if (blank(now)) return `${label} : retirer « ${shown(was)} »`;
  return `${label} : « ${shown(was)} » devient « ${shown(now)} »`;
}

/* The block fenced by more backticks than any value holds: a value cannot end the block. */
function message(item) {
  const longest = Math.max(0, ...(item.bloc.match(/`+/g) || []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return item.phrase + "\n\n" + fence + "yaml\n" + item.bloc + fence + "\n";
}

function mailHref(address, item) {
  return "mailto:" + address + "?subject=" + encodeURIComponent(item.titre) + "&body=" + encodeURIComponent(message(item));
}

function issueHref(newIssue, item) {
  const query = new URLSearchParams({ template: "proposition.md", labels: "proposition", title: item.titre, body: message(item) });
  return newIssue + "?" + query.toString();
}

/* ---- Proposals waiting on the device. ---- */

function waiting() {
  try { return JSON.parse(localStorage.getItem(STORE)) || []; } catch { return []; }
}

function keep(item) {
  const list = waiting().filter((other) => other.cle !== item.cle);
  list.push(item);
  try { localStorage.setItem(STORE, JSON.stringify(list)); } catch { /* full or refused: it stays on screen */ }
}

function forget(cle) {
  localStorage.setItem(STORE, JSON.stringify(waiting().filter((item) => item.cle !== cle)));
}

/* ---- The page. ---- */

function sendingLinks(root, box, item) {
  const mail = box.querySelector("[data-envoi='courriel']");
  const issue = box.querySelector("[data-envoi='ticket']");
  const tooLong = box.querySelector("[data-trop-long]");
  if (mail) {
    const href = mailHref(root.dataset.courriel, item);
    mail.hidden = href.length > MAIL_LIMIT;
    mail.href = href;
    if (tooLong) tooLong.hidden = !mail.hidden;
  }
  if (issue) {
    const href = issueHref(root.dataset.ticket, item);
    issue.hidden = href.length > ISSUE_LIMIT;
    issue.href = href;
  }
}

function showWaiting(root) {
  const section = root.querySelector("[data-gp-proposer-attente]");
  const list = section.querySelector("ul");
  const items = waiting();
  list.replaceChildren();
  items.forEach((item) => {
    const line = element("li", "gp-proposer__gardee");
    const text = element("p", "", item.phrase);
    text.lang = "fr";
    const buttons = element("p", "gp-proposer__boutons");
    if (root.dataset.courriel) {
      const mail = element("a", "md-button", say("send_by_mail"));
      mail.dataset.envoi = "courriel";
      buttons.append(mail, " ");
    }
    if (root.dataset.ticket) {
      const issue = element("a", "md-button", say("open_issue"));
      issue.dataset.envoi = "ticket";
      issue.rel = "noopener";
      buttons.append(issue, " ");
    }
    const remove = element("button", "md-button", say("remove_sent"));
    remove.type = "button";
    remove.addEventListener("click", () => { forget(item.cle); showWaiting(root); });
    buttons.append(remove);
    const tooLong = element("p", "gp-aide", say("too_long_for_mail"));
    tooLong.dataset.tropLong = "";
    line.append(text, buttons, tooLong);
    list.append(line);
    sendingLinks(root, line, item);
  });
  section.hidden = items.length === 0;
}

function tell(root, text) {
  const box = root.querySelector("[data-gp-proposer-message]");
  box.textContent = text;
  box.hidden = !text;
}

async function entryValues(params) {
  const source = new URL(params.get("depuis") || "", siteRoot());
  if (source.origin !== location.origin || !params.get("depuis")) return null;
  const response = await fetch(source.href);
  if (!response.ok) return null;
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const block = page.getElementById("gp-valeurs");
  const all = block ? JSON.parse(block.textContent) : {};
  return (all[params.get("fiche")] || {})[params.get("id")] || null;
}

function entryName(values, ident) {
  return [values.prenom, values.nom].filter(Boolean).join(" ") || values.titre || ident;
}

function setUp(root) {
  showWaiting(root);
  const params = new URLSearchParams(location.search);
  const form = root.querySelector(`form[data-fiche="${CSS.escape(params.get("fiche") || "")}"]`);
  if (!form) { tell(root, say("open_from_entry")); return; }
  entryValues(params).then((values) => {
    if (!values) { tell(root, say("entry_not_found")); return; }
    start(root, form, params.get("id"), values);
  }).catch(() => tell(root, say("entry_not_found")));
}

function start(root, form, ident, values) {
  const name = entryName(values, ident);
  form.querySelector("[data-nom]").textContent = name;
  directFields(form).forEach((field) => writeField(field, values[field.dataset.champ]));
  const helpers = [...form.querySelectorAll("[data-widget='hours']")].map(setUpHoursHelper);
  helpers.forEach((helper) => helper.showWords());
  form.hidden = false;
  const box = root.querySelector("[data-gp-proposer-envoi]");
  const prepare = (extra) => {
    const proposal = { fiche: form.dataset.fiche, id: ident, changes: changes(form, values), ...extra };
    if (!Object.keys(proposal.changes).length && !proposal.confirme) {
      tell(root, say("nothing_changed"));
      return;
    }
    tell(root, "");
    const item = {
      cle: proposal.fiche + ":" + ident,
      titre: `Proposition : ${name}`,
      phrase: sentence(form, proposal, name),
      bloc: proposalBlock(proposal),
    };
    keep(item);
    box.querySelector("[data-phrase]").textContent = item.phrase;
    box.querySelector("[data-bloc]").textContent = item.bloc;
    box.querySelector("[data-statut]").textContent = navigator.onLine ? say("proposal_kept") : say("proposal_kept_offline");
    sendingLinks(root, box, item);
    box.hidden = false;
    box.dataset.message = message(item);
    showWaiting(root);
    box.querySelector("h2").focus();
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (form.reportValidity()) prepare({});
  });
  const confirm = form.querySelector("[data-action='confirmer']");
  if (confirm) confirm.addEventListener("click", () => prepare({ confirme: true }));
  const closed = form.querySelector("[data-action='fermee']");
  if (closed) {
    closed.addEventListener("click", () => prepare({ changes: { statut: [values.statut || "actif", "ferme"] } }));
  }
  box.querySelector("[data-action='copier']").addEventListener("click", () => {
    const status = box.querySelector("[data-statut]");
    copyText(box.dataset.message).then(() => { status.textContent = say("proposal_copied"); },
      () => { status.textContent = say("proposal_copy_failed"); });
  });
}

export function init() {
  const root = document.querySelector("[data-gp-proposer]");
  if (root) once(root, setUp);
}
