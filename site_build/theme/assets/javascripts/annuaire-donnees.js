/* annuaire.json read back into records (site_build/feeds/directory_json.py writes it).
 *
 * The file is laid out in columns, and repeated values are numbers into the tables
 * `textes`, `listes` and `horaires`: this keeps 10,000 partners within a few megabytes.
 * Here each partner becomes one object with its services, as the pages use them. */

import { listing, pageLanguage, say } from "./textes.js";

function column(columns, name, index) {
  var values = columns[name];
  return values ? values[index] : null;
}

function fromTable(table, number) {
  return number === null || number === undefined ? null : table[number];
}

/* A record's own words in the page's language (the column `name@lang`) when the data has them,
   else the French column; `table`: the texts or the lists the columns number. */
function ownWords(table, columns, name, index, french) {
  var lang = pageLanguage();
  var translated = lang ? fromTable(table, column(columns, name + "@" + lang, index)) : null;
  return translated || (french === undefined ? fromTable(table, column(columns, name, index)) : french);
}

/* What else the search finds a record by: its translated words in every language, and its French
   words on a page in another language. */
function otherWords(data, columns, index, french) {
  var names = Object.keys(columns).filter(function (name) { return /^(nom|desc)@/.test(name); });
  var found = names.map(function (name) { return fromTable(data.textes, columns[name][index]); });
  return (pageLanguage() ? found.concat(french) : found).filter(Boolean);
}

/* The records of the directory: [{id, nom, commune, …, services: [{id, nom, th, …}]}]. */
export function partnersOf(data) {
  var p = data.partenaires, s = data.services;
  var count = p.id.length, partners = new Array(count);
  for (var i = 0; i < count; i++) {
    partners[i] = {
      index: i,
      id: p.id[i],
      nom: p.nom[i],
      sigle: column(p, "sigle", i),
      commune: fromTable(data.textes, column(p, "commune", i)),
      cp: fromTable(data.textes, column(p, "cp", i)),
      adresse: column(p, "adresse", i),
      lat: column(p, "lat", i),
      lon: column(p, "lon", i),
      tel: column(p, "tel", i),
      mail: column(p, "mail", i),
      web: column(p, "web", i),
      desc: ownWords(data.textes, p, "desc", i),
      tr: otherWords(data, p, i, [fromTable(data.textes, column(p, "desc", i))]),
      statut: fromTable(data.textes, column(p, "statut", i)) || "actif",
      fermeture: column(p, "fermeture", i),
      h: column(p, "h", i),
      hd: column(p, "hd", i),
      services: [],
    };
  }
  var owners = s.p || [];
  for (var k = 0; k < owners.length; k++) {
    partners[owners[k]].services.push({
      id: s.id[k],
      nom: ownWords(data.textes, s, "nom", k, s.nom[k]),
      translated: !!pageLanguage() && fromTable(data.textes, column(s, "nom@" + pageLanguage(), k)) !== null,
      desc: ownWords(data.textes, s, "desc", k),
      tr: otherWords(data, s, k, [s.nom[k], fromTable(data.textes, column(s, "desc", k))]),
      th: fromTable(data.listes, column(s, "th", k)) || [],
      pu: fromTable(data.listes, column(s, "pu", k)) || [],
      fr: fromTable(data.listes, column(s, "fr", k)) || [],
      ac: fromTable(data.listes, column(s, "ac", k)) || [],
      h: column(s, "h", k),
      li: column(s, "li", k) === 1,
      rs: column(s, "rs", k) === 1,  // for charities or volunteers only, not a person in need
      row: k,
    });
  }
  return partners;
}

/* Slugs' labels in the page's language where the file has them (`libelles@ar`), else French. */
function labels(data, key, slugs) {
  var lang = pageLanguage();
  var own = (lang && data["libelles@" + lang] || {})[key] || {};
  var names = data.libelles[key] || {};
  return listing((slugs || []).map(function (slug) { return own[slug] || names[slug] || slug; }));
}

function withPrecision(base, extra) {
  return base && extra ? base + " — " + extra : base || extra || "";
}

function hoursWords(data, number) {
  if (number === null || number === undefined) return "";
  var table = data.horaires[number];
  return (pageLanguage() && table["texte@" + pageLanguage()]) || table.texte;
}

/* [title, text, kind] rows of a partner's sheet; kind: "", "tel", "mail" or "web". */
/* The title of a row of the sheet, in the page's language: title("adresse") → « Adresse ». */
function title(key) {
  return say("row_" + key);
}

export function partnerDetails(data, partner) {
  var place = [partner.adresse, [partner.cp, partner.commune].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return [
    [title("adresse"), place, ""],
    [title("tel"), partner.tel, "tel"],
    [title("mail"), partner.mail, "mail"],
    [title("web"), partner.web, "web"],
    [title("h"), hoursWords(data, partner.h), ""],
    [title("hd"), hoursWords(data, partner.hd), ""],
  ].filter(function (row) { return row[1]; });
}

export function serviceDetails(data, service) {
  var s = data.services, k = service.row;
  var list = function (name) { return ownWords(data.listes, s, name, k) || []; };
  var text = function (name) { return ownWords(data.textes, s, name, k) || ""; };
  return [
    [title("pour_qui"), withPrecision(labels(data, "pu", service.pu), text("pu_plus")), ""],
    [title("conditions"), text("conditions"), ""],
    [title("justificatifs"), list("justificatifs").join(" ; "), ""],
    [title("frais"), withPrecision(labels(data, "fr", service.fr), text("fr_plus")), ""],
    [title("comment"), labels(data, "mo", list("mo")), ""],
    [title("langues"), labels(data, "la", list("la")), ""],
    [title("horaires"), hoursWords(data, service.h), ""],
    [title("tel"), column(s, "tel", k), "tel"],
    [title("mail"), column(s, "mail", k), "mail"],
    [title("lien"), column(s, "lien", k), "web"],
  ].filter(function (row) { return row[1]; });
}
