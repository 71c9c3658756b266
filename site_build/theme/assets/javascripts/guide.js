/* The guide's only script tag: each page loads the modules its content uses, nothing more.
 * A module is imported once and set up again on every page of an instant navigation. */

import { onEveryPage } from "./helpers.js";
import { start as startOffline } from "./pwa.js";

// [what in the page needs it, module]
const COMPONENTS = [
  ["[data-gp-horaires]", "./horaires.js"],
  ["[data-gp-annuaire]", "./annuaire.js"],
  ["[data-gp-a-verifier-le]", "./fiche.js"],
  ["[data-gp-imprime-le], .gp-imprimer", "./impression.js"],
  ["[data-md-component='search-query']", "./recherche-site.js"],
  ["[data-gp-sante]", "./sante.js"],
  ["[data-gp-pros]", "./professionnels.js"],
  [".gp-recette[data-portions], [data-gp-recettes], [data-gp-mois]", "./recettes.js"],
  ["[data-gp-fiche-hors-ligne]", "./fiche-hors-ligne.js"],
  ["form[data-gp-liaison]", "./liaison.js"],
  ["[data-gp-partager]", "./partager.js"],
  ["[data-gp-langues]", "./langues.js"],
  ["[data-gp-ecouter]", "./ecouter.js"],
  ["[data-gp-semaine], [data-gp-bus], [data-gp-affiche]", "./semaine.js"],
  ["[data-gp-droits]", "./droits.js"],
  ["[data-gp-proposer]", "./proposer.js"],
];

onEveryPage(() => {
  COMPONENTS.forEach(([selector, path]) => {
    if (document.querySelector(selector)) import(path).then((module) => module.init());
  });
});
startOffline();
