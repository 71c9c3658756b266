/* The Semaine du goût: the programme shows one day, or what is for one public (the choice kept
 * in the address, so it can be shared); the bus page says when the bus comes next to each stop.
 * Works offline: everything is in the page. */

import { bindFilters, once } from "./helpers.js";
import { clock as clockOf, dayName, parisNow } from "./horaires.js";
import { number, say } from "./textes.js";

/* During the week, today's part of the programme says so (Paris time, whatever the device's zone). */
function markToday(root) {
  var today = parisNow(new Date()).day;
  root.querySelectorAll(".gp-jour").forEach(function (day) {
    var heading = day.querySelector("h2");
    var mark = heading.querySelector(".gp-aujourdhui");
    var isToday = day.dataset.jour === today;
    day.classList.toggle("gp-jour--aujourdhui", isToday);
    if (isToday && !mark) {
      mark = document.createElement("span");
      mark.className = "gp-aujourdhui";
      mark.textContent = say("today_mark");
      heading.appendChild(document.createTextNode(" "));
      heading.appendChild(mark);
    }
  });
}

function setup(root) {
  markToday(root);
  var form = root.querySelector(".gp-filtres");
  var counter = root.querySelector(".gp-compte");
  var nothing = root.querySelector(".gp-rien");
  var days = Array.prototype.slice.call(root.querySelectorAll(".gp-jour"));
  bindFilters(form, ["jour", "public"], function (state) {
    var shown = 0;
    days.forEach(function (day) {
      var dayShown = 0;
      day.querySelectorAll(".gp-moment").forEach(function (moment) {
        var publics = moment.dataset.publics.split(" ");
        var ok = !state.public || publics.indexOf(state.public) >= 0 || publics.indexOf("tout-public") >= 0;
        moment.hidden = !ok;
        if (ok) dayShown += 1;
      });
      day.hidden = (state.jour && day.dataset.jour !== state.jour) || (state.public && dayShown === 0);
      if (!day.hidden) shown += dayShown;
    });
    nothing.hidden = shown > 0;
    counter.textContent = state.jour || state.public
      ? say(shown === 1 ? "moments_one" : "moments_many", { n: number(shown) })
      : "";
  });
}

/* "14:30" → "14 h 30", "10:00" → "10 h" in French, "14:30" elsewhere: the way the pages write times (horaires.js's rule) */
function clock(hhmm) {
  var parts = hhmm.split(":");
  return clockOf(Number(parts[0]) * 60 + Number(parts[1]));
}

function when(isoMinute, today) {
  var day = isoMinute.slice(0, 10), time = clock(isoMinute.slice(11));
  if (day === today) return say("today_at", { heure: time });
  return say("day_at", { jour: dayName(day), heure: time });
}

/* The bus page during the week (Paris time, offline too): is the bus at this stop, or when next? */
function nextPassages(root) {
  var now = parisNow(new Date());
  var minute = now.day + "T" + String(Math.floor(now.minute / 60)).padStart(2, "0") + ":" +
    String(now.minute % 60).padStart(2, "0");
  var all = Array.prototype.slice.call(root.querySelectorAll("li[data-debut]"));
  var first = all.map(function (p) { return p.dataset.debut; }).sort()[0];
  var last = all.map(function (p) { return p.dataset.fin; }).sort().pop();
  if (!first || minute.slice(0, 10) < first.slice(0, 10) || minute > last) return;  // outside the week
  root.querySelectorAll(".gp-arret").forEach(function (stop) {
    var line = stop.querySelector(".gp-prochain");
    var passages = Array.prototype.slice.call(stop.querySelectorAll("li[data-debut]"))
      .filter(function (p) { return p.dataset.fin > minute; })
      .sort(function (a, b) { return a.dataset.debut < b.dataset.debut ? -1 : 1; });
    if (!passages.length) line.textContent = say("bus_gone");
    else if (passages[0].dataset.debut <= minute) line.textContent = say("bus_here", { heure: clock(passages[0].dataset.fin.slice(11)) });
    else line.textContent = say("bus_next", { quand: when(passages[0].dataset.debut, now.day) });
  });
}

/* The poster page: the button says the format, the sheet is laid out for it, then printed. */
function posterButtons(tools) {
  var sheet = document.querySelector(".gp-affiche");
  tools.querySelectorAll("button[data-format]").forEach(function (button) {
    button.addEventListener("click", function () {
      sheet.dataset.format = button.dataset.format;
      window.print();
    });
  });
}

export function init() {
  document.querySelectorAll("[data-gp-semaine]").forEach(function (root) { once(root, setup); });
  document.querySelectorAll("[data-gp-affiche]").forEach(function (root) { once(root, posterButtons); });
  document.querySelectorAll("[data-gp-bus]").forEach(function (root) { once(root, nextPassages); });
}
