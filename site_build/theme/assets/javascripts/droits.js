/* The rights helper: one question at a time, then the rights whose rules fit the answers.
 * Answers stay in the page: nothing is stored (no storage API is touched) and nothing is sent. */

import { element, once } from "./helpers.js";
import { listing, number, say } from "./textes.js";

/* A rule fits when one of its alternatives fits: each question it names is unanswered or has an
   answer it accepts (an unanswered question never rules a right out). */
function fits(rule, answers) {
  return rule.si.some(function (alternative) {
    return Object.keys(alternative).every(function (question) {
      var given = answers[question];
      return !given || given.some(function (value) { return alternative[question].indexOf(value) >= 0; });
    });
  });
}

var INCOME = "revenus";
var HIGH_INCOME = ["1000-2000", "plus-de-2000"];

function setup(root) {
  var form = root.querySelector(".gp-droits__questions");
  var steps = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-question]"));
  var progress = form.querySelector(".gp-droits__etape");
  var results = root.querySelector(".gp-droits__resultats");
  var rules = JSON.parse(root.querySelector(".gp-droits-regles").textContent);

  function answers() {
    var found = {};
    steps.forEach(function (step) {
      var values = Array.prototype.map.call(step.querySelectorAll("input:checked"), function (i) { return i.value; });
      if (values.length) found[step.dataset.question] = values;
    });
    return found;
  }

  function ask(n) {
    results.hidden = true;
    form.hidden = false;
    steps.forEach(function (step, i) { step.hidden = i !== n; });
    progress.textContent = say("question_of", { n: n + 1, total: steps.length });
    steps[n].querySelector("legend").focus();
  }

  /* What was answered, said back in words (printed with the result for the professional). */
  function summary(given) {
    var list = results.querySelector(".gp-droits__reponses");
    list.replaceChildren();
    steps.forEach(function (step) {
      var chosen = step.querySelectorAll("input:checked");
      if (!chosen.length) return;
      list.appendChild(element("dt", "", step.querySelector("legend").textContent));
      list.appendChild(element("dd", "", listing(Array.prototype.map.call(chosen, function (input) {
        return step.querySelector("label[for='" + input.id + "']").textContent;
      }))));
    });
    list.hidden = Object.keys(given).length === 0;
  }

  /* The rights found, as links at the top of the result: the reader sees them all at once. */
  function contents() {
    var nav = results.querySelector(".gp-droits__sommaire");
    var list = nav.querySelector("ul");
    list.replaceChildren();
    results.querySelectorAll(".gp-droit:not([hidden]) h3").forEach(function (heading) {
      var item = document.createElement("li");
      var link = element("a", "", heading.textContent);
      link.href = "#" + heading.id;
      item.appendChild(link);
      list.appendChild(item);
    });
    nav.hidden = !list.children.length;
  }

  function conclude() {
    var given = answers();
    var shown = 0;
    // the rough income never takes a right away: it only asks to run the simulation when it is high
    var high = (given[INCOME] || []).some(function (value) { return HIGH_INCOME.indexOf(value) >= 0; });
    rules.forEach(function (rule) {
      var article = results.querySelector("[data-droit='" + rule.id + "']");
      article.hidden = !fits(rule, given);
      shown += article.hidden ? 0 : 1;
      var hint = article.querySelector(".gp-droit__revenus");
      if (hint) hint.hidden = !high;
    });
    results.querySelectorAll(".gp-droits__groupe").forEach(function (group) {
      group.hidden = !group.querySelector(".gp-droit:not([hidden])");
    });
    contents();
    summary(given);
    results.querySelector(".gp-droits__compte").textContent =
      say(shown === 1 ? "rights_one" : "rights_many", { n: number(shown) });
    results.querySelector(".gp-droits__aucune").hidden = shown > 0;
    form.hidden = true;
    progress.textContent = "";
    results.hidden = false;
    results.querySelector("h2").focus();
  }

  steps.forEach(function (step, i) {
    step.querySelector("[data-action='suivant']").addEventListener("click", function () {
      if (i + 1 < steps.length) ask(i + 1);
      else conclude();
    });
    var back = step.querySelector("[data-action='precedent']");
    if (back) back.addEventListener("click", function () { ask(i - 1); });
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  results.querySelector("[data-action='recommencer']").addEventListener("click", function () {
    form.reset();
    ask(0);
  });
  results.hidden = true;
  steps.forEach(function (step, i) { step.hidden = i !== 0; });
  progress.textContent = say("question_of", { n: 1, total: steps.length });
}

export function init() {
  document.querySelectorAll("[data-gp-droits]").forEach(function (root) { once(root, setup); });
}

export { fits };
