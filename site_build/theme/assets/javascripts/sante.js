/* /sante/: an intervention whose end is past (device clock, Paris time) moves to "Dates passées",
 * so a site built weeks ago still shows what is coming. */

import { parisNow } from "./horaires.js";

function parisStamp(instant) {  // "2026-12-08T14:30", comparable with the data-fin attributes
  var now = parisNow(instant);
  var h = Math.floor(now.minute / 60), m = now.minute % 60;
  return now.day + "T" + (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
}

function setup(root) {
  var now = parisStamp(new Date());
  var past = root.querySelector(".gp-passees");
  var moved = [];
  root.querySelectorAll(".gp-a-venir .gp-evenement").forEach(function (item) {
    if (item.dataset.fin.slice(0, 16) <= now) moved.push(item);
  });
  moved.forEach(function (item) { past.insertBefore(item, past.firstChild); });  // newest first
  root.querySelectorAll(".gp-a-venir .gp-mois").forEach(function (section) {
    section.hidden = !section.querySelector(".gp-evenement");
  });
  root.dataset.ready = "1";
}

export function init() {
  document.querySelectorAll("[data-gp-sante]").forEach(setup);
}
