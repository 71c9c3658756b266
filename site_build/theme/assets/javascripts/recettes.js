/* Épicé'bon in the browser, offline: portions that rescale the ingredients, filters on
 * /recettes/, and the home's recipe of the month taken from the device's date. */

import { bindFilters, fold, once } from "./helpers.js";
import { parisNow } from "./horaires.js";
import { number, say } from "./textes.js";

var FRACTIONS = { 1: "¼", 2: "½", 3: "¾" };

function decimal(value) {
  return number(Math.round(value * 10) / 10, 1);
}

function grouped(value) {
  return number(Math.round(value), 0);
}

/* "cuillère à soupe" / "cuillères à soupe" in the page's language */
function unitWord(unit, many) {
  return say((many ? "units_" : "unit_") + unit.replace(/-/g, "_"));
}

/* How a quantity reads; mirrors quantity_text() in site_build/pages/recipes.py. */
function quantityText(quantity, unit) {
  if (unit === "g" || unit === "ml") {
    if (quantity >= 1000) return decimal(quantity / 1000) + " " + (unit === "g" ? "kg" : "l");
    var step = quantity >= 50 ? 5 : 1;
    return grouped(Math.round(quantity / step) * step) + " " + unit;
  }
  if (unit === "kg" || unit === "l" || unit === "cl") return decimal(quantity) + " " + unit;
  var quarters = Math.max(1, Math.round(quantity * 4));
  var whole = Math.floor(quarters / 4), rest = quarters % 4;
  var amount = [whole ? String(whole) : "", FRACTIONS[rest] || ""].filter(Boolean).join(" ");
  if (!unit || unit === "piece") return amount;
  return amount + " " + unitWord(unit, quarters > 4);
}

function scaled(item, ratio) {
  var quantity = Number(item.dataset.quantite);
  if (item.dataset.ajustable === "0") return Math.max(1, Math.round(quantity * ratio));  // a pinch, an egg
  return quantity * ratio;
}

function setupPortions(article) {
  var control = article.querySelector(".gp-portions");
  if (!control || control.dataset.ready) return;
  control.dataset.ready = "1";
  var base = Number(article.dataset.portions);
  var input = control.querySelector("input");
  var status = control.querySelector(".gp-portions__etat");
  function apply() {
    var portions = Math.min(40, Math.max(1, Math.round(Number(input.value) || base)));
    var ratio = portions / base;
    article.querySelectorAll(".gp-ingredient[data-quantite]").forEach(function (item) {
      item.querySelector(".gp-quantite").textContent = quantityText(scaled(item, ratio), item.dataset.unite);
    });
    article.querySelectorAll(".gp-nombre-portions").forEach(function (n) { n.textContent = portions; });
    status.textContent = say(portions > 1 ? "portions_many" : "portions_one", { n: portions });
  }
  control.querySelectorAll("button[data-pas]").forEach(function (button) {
    button.addEventListener("click", function () {
      input.value = Math.min(40, Math.max(1, (Number(input.value) || base) + Number(button.dataset.pas)));
      apply();
    });
  });
  input.addEventListener("input", apply);
  control.hidden = false;
}

function setupFilters(root) {
  var form = root.querySelector(".gp-filtres");
  var counter = root.querySelector(".gp-compte");
  var cards = Array.prototype.slice.call(root.querySelectorAll(".gp-carte"));

  bindFilters(form, ["sans", "ingredient", "sans-four", "rapide", "usagers"], function (state) {
    var without = state.sans, ingredient = fold(state.ingredient);
    var value = function (name) { return state[name]; };
    var shown = 0;
    cards.forEach(function (card) {
      var ok = (!without || card.dataset.allergenes.split(" ").indexOf(without) < 0)
        && (!ingredient || card.dataset.ingredients.indexOf(ingredient) >= 0)
        && (!value("sans-four") || card.dataset.four === "0")
        && (!value("rapide") || Number(card.dataset.minutes) <= 30)
        && (!value("usagers") || card.dataset.usagers === "1");
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    counter.textContent = shown === 0 ? say("recipes_none")
      : say(shown === 1 ? "recipes_one" : "recipes_many", { n: shown });
  });
}

/* The home's recipe of the month for the device's month (Paris time): the build may be weeks old.
   The build drew the card (recipe_of_the_month.html); its texts, link and photo change here. */
function setupMonth(block) {
  var choices = JSON.parse(block.querySelector(".gp-mois-choix").textContent);
  if (!choices.length) return;
  var month = parisNow(new Date()).day.slice(0, 7);
  var chosen = choices.filter(function (c) { return c.mois === month; })[0]
    || choices.filter(function (c) { return c.mois > month; })[0] || choices[choices.length - 1];
  if (block.dataset.mois === chosen.mois) return;
  block.querySelector(".gp-mois-aliment").textContent = chosen.aliment.toLowerCase();
  var link = block.querySelector(".gp-mois-lien");
  link.textContent = chosen.titre;
  link.href = link.getAttribute("href").replace(/[^/]+\/$/, encodeURIComponent(chosen.id) + "/");
  block.querySelector(".gp-mois-minutes").textContent = chosen.minutes;
  block.querySelector(".gp-mois-cout").hidden = !chosen.cout;
  block.querySelector(".gp-mois-cout__valeur").textContent = chosen.cout;
  var photo = block.querySelector(".gp-carte-accueil__photo");
  if (photo) {
    photo.hidden = !chosen.photo;
    var image = photo.querySelector("img");
    photo.querySelectorAll("source").forEach(function (source) { source.remove(); });
    if (chosen.photo) {
      image.src = chosen.photo;  // relative to the home, where this card is
      image.removeAttribute("srcset");
      image.alt = chosen.alt;
    }
  }
  block.dataset.mois = chosen.mois;
}

/* /recettes/: the card of the device's month is marked « Ce mois-ci » (the build may be weeks old). */
function markMonth(root) {
  var month = parisNow(new Date()).day.slice(0, 7);
  root.querySelectorAll(".gp-carte-recette[data-mois]").forEach(function (card) {
    var current = card.dataset.mois === month;
    card.classList.toggle("gp-carte-recette--ce-mois", current);
    card.querySelector(".gp-badge-mois").hidden = !current;
  });
}

export function init() {
  document.querySelectorAll("[data-gp-recettes]").forEach(markMonth);
  document.querySelectorAll(".gp-recette[data-portions]").forEach(setupPortions);
  document.querySelectorAll("[data-gp-recettes]").forEach(function (root) { once(root, setupFilters); });
  document.querySelectorAll("[data-gp-mois]").forEach(setupMonth);
}

export { quantityText };
