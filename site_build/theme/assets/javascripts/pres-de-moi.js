/* « Près de moi »: the device's position, asked only when the visitor presses the button,
 * kept in memory for this page only (never stored, never sent: the distance is computed
 * here, from the coordinates in annuaire.json), so it works offline too. */

import { say } from "./textes.js";

var EARTH_RADIUS_M = 6371000;

/* Straight-line distance in metres between two {lat, lon} points (haversine). */
export function metresBetween(a, b) {
  var rad = Math.PI / 180;
  var dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad;
  var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/* Wire the button: `changed(position | null)` on each change. */
export function bindNearMe(button, message, changed) {
  var position = null;
  button.addEventListener("click", function () {
    if (position) {
      position = null;
      button.setAttribute("aria-pressed", "false");
      message.textContent = say("usual_order");
      changed(null);
      return;
    }
    if (!navigator.geolocation) {
      message.textContent = say("position_refused");
      return;
    }
    message.textContent = say("locating");
    navigator.geolocation.getCurrentPosition(function (found) {
      position = { lat: found.coords.latitude, lon: found.coords.longitude };
      button.setAttribute("aria-pressed", "true");
      message.textContent = say("nearest_first");
      changed(position);
    }, function () {
      message.textContent = say("position_refused");
    }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
  });
}
