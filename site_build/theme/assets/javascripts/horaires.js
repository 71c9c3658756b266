/* "Ouvert — ferme à 12 h" / "Fermé — ouvre mardi à 14 h", computed on the device.
 *
 * Schedules come from the build (site_build/text/opening_schedule.py): a weekly pattern
 * of [start, end) minutes per day (Monday first) plus the days that differ
 * (public holidays, monthly rules), exact between horizon[0] and horizon[1].
 * A range is [start, end] (open) or [start, end, n] with schedule.notes[n] =
 * {etat: "ouvert"|"inconnu", texte}: "sur rendez-vous", "unknown" and the like
 * are said as « Horaires à confirmer », never as open or closed.
 * Time is Europe/Paris whatever the device's time zone; no network is needed.
 */

import { pageLanguage, say } from "./textes.js";

var DAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

var formats = {};  // one formatter per kind: a directory formats many times

function intl(options) {
  var key = pageLanguage() + JSON.stringify(options);
  if (!formats[key]) {
    formats[key] = new Intl.DateTimeFormat(pageLanguage() + "-u-nu-latn", Object.assign({ timeZone: "UTC" }, options));
  }
  return formats[key];
}
var MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
  "septembre", "octobre", "novembre", "décembre"];
var LOOKAHEAD_DAYS = 60;
var parisClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit",
  hour: "2-digit", minute: "2-digit", hourCycle: "h23"
});

/* The Paris calendar day and minute of an instant. */
function parisNow(instant) {
  var parts = {};
  parisClock.formatToParts(instant).forEach(function (p) { parts[p.type] = p.value; });
  return { day: parts.year + "-" + parts.month + "-" + parts.day,
           minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

function addDays(isoDay, count) {
  var d = new Date(isoDay + "T12:00:00Z");
  d.setUTCDate(d.getUTCDate() + count);
  return d.toISOString().slice(0, 10);
}

function weekday(isoDay) {  // 0 = Monday
  return (new Date(isoDay + "T12:00:00Z").getUTCDay() + 6) % 7;
}

function clock(minutes) {
  var h = Math.floor(minutes / 60) % 24, m = minutes % 60;
  // the 24-hour clock in every language, as on the door (site_build/i18n/formats.py)
  if (pageLanguage()) return intl({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(Date.UTC(2000, 0, 3, h, m)));
  return h + " h" + (m ? " " + (m < 10 ? "0" : "") + m : "");
}

function dayName(isoDay) {
  if (pageLanguage()) return intl({ weekday: "long" }).format(new Date(isoDay + "T12:00:00Z"));
  return DAY_NAMES[weekday(isoDay)];
}

function longDay(isoDay) {
  if (pageLanguage()) return intl({ weekday: "long", day: "numeric", month: "long" }).format(new Date(isoDay + "T12:00:00Z"));
  var parts = isoDay.split("-");
  var day = Number(parts[2]);
  return "le " + DAY_NAMES[weekday(isoDay)] + " " + (day === 1 ? "1er" : day) + " " + MONTHS[Number(parts[1]) - 1];
}

function whenText(today, isoDay, minutes) {
  if (isoDay === today) return say("at", { heure: clock(minutes) });
  if (minutes === 0 && isoDay === addDays(today, 1)) return say("midnight");
  if (isoDay === addDays(today, 1)) return say("tomorrow_at", { heure: clock(minutes) });
  if (isoDay < addDays(today, 7)) return say("day_at", { jour: dayName(isoDay), heure: clock(minutes) });
  return say("day_at", { jour: longDay(isoDay), heure: clock(minutes) });
}

function inClosure(closure, isoDay) {
  return !!closure && isoDay >= closure[0] && isoDay <= closure[1];
}

/* Open ranges of one day, or null outside the horizon (unknown). */
function rangesOn(place, isoDay) {
  if (isoDay < place.horizon[0] || isoDay > place.horizon[1]) return null;
  if (inClosure(place.closure, isoDay)) return [];
  var exceptions = place.schedule.exceptions;
  if (Object.prototype.hasOwnProperty.call(exceptions, isoDay)) return exceptions[isoDay];
  return place.schedule.semaine[weekday(isoDay)];
}

function note(place, range) {
  return range.length > 2 ? (place.schedule.notes || [])[range[2]] || null : null;
}

function isOpenRange(place, range) {
  var n = note(place, range);
  return !n || n.etat === "ouvert";
}

/* When an open range ending at `end` really closes, following open ranges that run past
   midnight; null when it stays open for over a week (24/7). */
function closingTime(place, isoDay, end) {
  var day = isoDay, stop = end;
  for (var n = 0; n < 8 && stop === 1440; n++) {
    var next = rangesOn(place, addDays(day, 1));
    if (!next || !next.length || next[0][0] !== 0 || !isOpenRange(place, next[0])) {
      return { day: addDays(day, 1), minute: 0 };
    }
    day = addDays(day, 1);
    stop = next[0][1];
  }
  return stop === 1440 ? null : { day: day, minute: stop };
}

/* `instant` is a Date or, to spare the time-zone conversion in loops, parisNow(date). */
function paris(instant) {
  return instant instanceof Date ? parisNow(instant) : instant;
}

/* {open: true|false|null, text}: null when it cannot be known (« Horaires à confirmer »:
   a rule without times, "unknown", or a day past the horizon the build computed). */
function status(place, instant) {
  if (place.statut === "ferme") return { open: false, text: say("closed_for_good") };
  var now = paris(instant);
  var today = rangesOn(place, now.day);
  if (today === null) return { open: null, text: say("confirm") };
  for (var i = 0; i < today.length; i++) {
    if (today[i][0] <= now.minute && now.minute < today[i][1]) {
      var n = note(place, today[i]);
      if (!isOpenRange(place, today[i])) return { open: null, text: say("confirm") + (n.texte ? " : " + n.texte : "") };
      var end = closingTime(place, now.day, today[i][1]);
      var extra = n && n.texte ? " (" + n.texte + ")" : "";
      if (!end) return { open: true, text: say("open_24") + extra };
      return { open: true, text: say("open_until", { quand: whenText(now.day, end.day, end.minute) }) + extra };
    }
  }
  var prefix = say(inClosure(place.closure, now.day) ? "closed_for_now" : "closed");
  for (var d = 0; d <= LOOKAHEAD_DAYS; d++) {
    var day = addDays(now.day, d);
    var ranges = rangesOn(place, day);
    if (ranges === null) break;
    for (var j = 0; j < ranges.length; j++) {
      if (d > 0 || ranges[j][0] > now.minute) {
        if (!isOpenRange(place, ranges[j])) return { open: false, text: say("then_confirm", { etat: prefix }) };
        // `opensIn`: minutes until it opens, to list what opens next when nothing is open
        return { open: false, text: say("opens", { etat: prefix, quand: whenText(now.day, day, ranges[j][0]) }),
                 opensIn: d * 1440 + ranges[j][0] - now.minute };
      }
    }
  }
  return { open: false, text: prefix };
}

function isOpen(place, instant) {
  if (place.statut === "ferme") return false;
  var now = paris(instant);
  var ranges = rangesOn(place, now.day) || [];
  return ranges.some(function (r) { return r[0] <= now.minute && now.minute < r[1] && isOpenRange(place, r); });
}

/* Fill every [data-gp-horaires] element of the page (partner pages). */
/* Write a status (or nothing, for `null`) into a .gp-etat element, coloured by what it says. */
function showStatus(element, result) {
  element.textContent = result ? result.text : "";
  element.classList.toggle("gp-etat--ouvert", !!result && result.open === true);
  element.classList.toggle("gp-etat--ferme", !!result && result.open === false);
  element.classList.toggle("gp-etat--inconnu", !!result && result.open === null);
}

function showAll(root) {
  var now = new Date();
  (root || document).querySelectorAll("[data-gp-horaires]").forEach(function (element) {
    showStatus(element, status(JSON.parse(element.getAttribute("data-gp-horaires")), now));
    element.hidden = false;
  });
}

export { status, isOpen, showAll as init, showStatus, parisNow, clock, dayName, MONTHS };
