/* « Près de moi »: the device's position, asked only when the visitor presses the button,
 * kept in memory for this page only (never stored, never sent: the distance is computed
 * here, from the coordinates in annuaire.json), so it works offline too. */

var EARTH_RADIUS_M = 6371000;

/* Straight-line distance in metres between two {lat, lon} points (haversine). */
export function metresBetween(a, b) {
  var rad = Math.PI / 180;
  var dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad;
  var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

var REFUSED = "Position non disponible : la liste reste dans l'ordre habituel. " +
  "Vous pouvez choisir une commune dans « Plus de filtres ».";

/* Wire the button: `changed(position | null)` on each change. */
export function bindNearMe(button, message, changed) {
  var position = null;
  button.addEventListener("click", function () {
    if (position) {
      position = null;
      button.setAttribute("aria-pressed", "false");
      message.textContent = "Liste dans l'ordre habituel.";
      changed(null);
      return;
    }
    if (!navigator.geolocation) {
      message.textContent = REFUSED;
      return;
    }
    message.textContent = "Recherche de votre position…";
    navigator.geolocation.getCurrentPosition(function (found) {
      position = { lat: found.coords.latitude, lon: found.coords.longitude };
      button.setAttribute("aria-pressed", "true");
      message.textContent = "Les plus proches d'abord (à vol d'oiseau).";
      changed(position);
    }, function () {
      message.textContent = REFUSED;
    }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
  });
}
