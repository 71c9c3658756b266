/* Search by need in the directory, in the browser and offline.
 *
 * People type "habits", "nounou", "epicrie" or "carte vitale", not the words of the
 * partners' sheets. So a partner is found by its own words (name, services,
 * descriptions) and by the words of what it offers: the everyday needs of
 * data/besoins.yaml and their synonyms, the labels of its thématiques and publics, its
 * commune. Case, accents, plurals and elisions (l', d') do not matter; a word of five
 * letters or more may have one typo; a word of three letters or more may be the
 * beginning of a longer one. Every word must match; a name or a need counts more than
 * a description, and a partner matching a word by its own text and by what it offers
 * counts both: this orders the results. Within a need, a partner that names it in its own
 * words, and whose services are mostly about it, fits best (an épicerie before a CCAS that
 * also serves meals). A service only for charities or volunteers (`rs`) answers no need:
 * it is found by its own words when they are not a need's ("approvisionnement"), or by the
 * name of its public ("associations"). */

import { fold } from "./helpers.js";
import { pageLanguage } from "./textes.js";

// Words that say nothing about the need: dropped, unless the query has nothing else.
var STOP_WORDS = "a au aux avec ce ces chez comment dans de des du elle en est et il ils je la le les " +
  "leur lui ma me mes moi mon ne nous on ou par pas plus pour qu que qui quoi sa sans se ses son sur " +
  "ta te tes ton tu un une vous veux voudrais cherche chercher trouver besoin aide aider faire ai " +
  "avoir suis etre y";
// "pas cher" says the price, not the département of that name (in many partners' names there)
var STOP_PHRASES = /\b(?:pas|moins|tres|trop) cher\b/g;
var ELISION = /\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/g;
var WEIGHT = { name: 10, need: 8, synonym: 6, serviceName: 5, theme: 5, commune: 4, audience: 3, text: 3 };
// A prefix or a typo counts half: "habits" finds the need S'habiller before the "habitants".
var EXACT = 1, PREFIX = 0.5, TYPO = 0.5;
// How well a partner fits a need: the best of its services for people, by four marks — it answers
// the need's heart, the first thématique the need names (food aid, not nutrition workshops); it is
// only about the need (the share of its thématiques in it); it is open to anyone (a hostel for
// young workers fits « dormir ce soir » less than a day centre); its name or the partner's says
// one of the need's own words (« colis », « épicerie »). Then the partner whose services are most
// about the need (their share, times FIT.specialist): a budget advice point before a CCAS.
var FIT = { heart: 2, focus: 1, openToAll: 1, words: 2, specialist: 1 };
// The publics (data·inclusion) of a service open to anyone in need, whoever they are.
var OPEN_TO_ALL = ["tous-publics", "personnes-en-situation-durgence"];
// Several words found one after the other in a partner's own text ("soutien scolaire").
var PHRASE_BONUS = 5;
// The query names the partner (« banque alimentaire », « CMP »): it comes first.
var NAMED_BONUS = 10;

var NOT_ASCII = /[^ -~]/;  // a character outside printable ASCII

function stem(word) {
  // Arabic: the article is part of the word ("الطعام", "طعام")
  if (word.length > 3 && word.lastIndexOf("ال", 0) === 0) return word.slice(2);
  // plurals: "vêtements" → "vetement", "jeux" → "jeu" (the same rule on both sides)
  return word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word;
}

var STOP = new Set(STOP_WORDS.split(" ").map(stem));

/* The words of a text as the index keeps them: folded, without elisions, singular. */
export function words(text) {
  var folded = fold(text).replace(/œ/g, "oe").replace(/æ/g, "ae").replace(ELISION, " ");
  // Latin text (most of it) splits on the fast ASCII rule; other scripts on Unicode letters
  var separators = NOT_ASCII.test(folded) ? /[^\p{L}\p{N}]+/u : /[^a-z0-9]+/;
  return folded.split(separators).filter(function (w) { return w.length > 0; }).map(stem);
}

/* The words of a query that count: without the words that say nothing. */
export function queryWords(query) {
  var all = words(fold(query).replace(STOP_PHRASES, " "));
  var kept = all.filter(function (w) { return !STOP.has(w); });
  return kept.length ? kept : all;
}

/* True when b is a with one letter changed, added, removed, or two neighbours swapped. */
export function oneEditApart(a, b) {
  if (a === b) return true;
  var la = a.length, lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  var i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;  // one letter changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);  // swapped
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function Postings() {
  this.byWord = new Map();
}

/* Each (word, target) keeps its best weight. Targets come in order, so the last one is checked. */
Postings.prototype.add = function (word, target, weight) {
  var list = this.byWord.get(word);
  if (!list) this.byWord.set(word, (list = []));
  var last = list.length - 2;
  if (last >= 0 && list[last] === target) {
    if (list[last + 1] < weight) list[last + 1] = weight;
  } else {
    list.push(target, weight);
  }
};

/* Words that lead to groups of partners (a need, a thématique, a commune…). */
function Groups() {
  this.postings = new Postings();
  this.members = [];  // group → partner numbers
  this.bonuses = [];  // group → extra weight of each of its partners (or undefined)
}

Groups.prototype.add = function (members, bonuses) {
  this.members.push(members);
  this.bonuses.push(bonuses);
  return this.members.length - 1;
};

function groupBy(partners, keysOf) {
  var byKey = new Map();
  partners.forEach(function (p, i) {
    keysOf(p).forEach(function (key) {
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push(i);
    });
  });
  return byKey;
}

function distinct(values) {
  return Array.from(new Set(values));
}

/* A record's words in the site's other languages (and in French on a translated page): found too,
   with the weight of a description. */
function alsoIn(record) {
  return (record.tr || []).map(function (text) { return [text, WEIGHT.text]; });
}

/* The search index of the directory's partners (see annuaire-donnees.js), built a slice at a
   time: `step(count)` indexes the next partners' own words (the page calls it while the
   browser is idle, so 10,000 partners never freeze it); `finish()` does what is left and
   returns the index. Three kinds of evidence, each counted once per word: the partner's own
   words, the needs its services answer, and the labels of its thématiques, publics and commune. */
export function indexBuilder(partners, data) {
  var cache = new Map();
  var cachedWords = function (text) {
    if (!text) return [];
    var found = cache.get(text);
    if (!found) cache.set(text, (found = words(text)));
    return found;
  };
  var fitter = needFitter(partners, data, cachedWords);
  var own = new Postings(), reserved = new Postings();
  var texts = new Array(partners.length), reservedTexts = new Array(partners.length);
  var names = new Array(partners.length);
  var next = 0, index = null;

  /* Adds [text, weight] pairs to `postings` for partner i; returns the texts' words (for phrases). */
  function indexTexts(postings, i, weighted) {
    var all = [];
    for (var t = 0; t < weighted.length; t++) {
      var found = cachedWords(weighted[t][0]);
      for (var w = 0; w < found.length; w++) postings.add(found[w], i, weighted[t][1]);
      if (found.length) all.push(found);
    }
    return all;
  }

  function step(count) {
    var stop = Math.min(partners.length, next + count);
    for (var i = next; i < stop; i++) {
      var p = partners[i];
      texts[i] = indexTexts(own, i, [[p.nom, WEIGHT.name], [p.sigle, WEIGHT.name], [p.desc, WEIGHT.text],
                                      [p.cp, WEIGHT.commune]].concat(alsoIn(p)));
      var nameWords = cachedWords(p.nom), acronym = cachedWords(p.sigle);
      names[i] = { words: nameWords.concat(acronym),
                   whole: [nameWords, acronym].filter(function (w) { return w.length === 1; }).map(function (w) { return w[0]; }) };
      reservedTexts[i] = [];
      for (var s = 0; s < p.services.length; s++) {
        var service = p.services[s], phrases = service.rs ? reservedTexts[i] : texts[i];
        phrases.push.apply(phrases, indexTexts(service.rs ? reserved : own, i,
                                               [[service.nom, WEIGHT.serviceName], [service.desc, WEIGHT.text]]
                                                 .concat(alsoIn(service))));
      }
    }
    next = stop;
    return next >= partners.length;
  }

  function finish() {
    if (index) return index;
    step(partners.length);
    var byTheme = fitter.byTheme();
    var labels = new Groups();
    var label = function (members, text, weight) {
      var g = labels.add(members);
      cachedWords(text).forEach(function (w) { labels.postings.add(w, g, weight); });
    };
    // the labels in French and in the page's language (libelles@ar): not every language's, whose
    // words, one letter from a French one (« paper », « payer »), would answer French queries
    var pageLabels = (pageLanguage() && data["libelles@" + pageLanguage()]) || {};
    var everyWording = function (key, slug) {
      return [(data.libelles[key] || {})[slug], (pageLabels[key] || {})[slug]];
    };
    byTheme.forEach(function (members, slug) {
      // the label the site shows and the national one: both wordings find the thématique
      label(members, everyWording("th", slug).concat([(data.nationaux || {})[slug]]).join(" "), WEIGHT.theme);
    });
    groupBy(partners, function (p) { return distinct(p.services.flatMap(function (s) { return s.pu; })); })
      .forEach(function (members, slug) { label(members, everyWording("pu", slug).join(" "), WEIGHT.audience); });
    groupBy(partners, function (p) { return p.commune ? [p.commune] : []; })
      .forEach(function (members, commune) { label(members, commune, WEIGHT.commune); });

    var needs = new Groups();
    (data.besoins || []).forEach(function (need) {
      var fit = fitter.group(need);
      var g = needs.add(fit.members, fit.bonuses);
      cachedWords(need.nom).forEach(function (w) { needs.postings.add(w, g, WEIGHT.need); });
      need.mots.forEach(function (phrase) {
        cachedWords(phrase).forEach(function (w) { needs.postings.add(w, g, WEIGHT.synonym); });
      });
    });
    var vocabulary = distinct([own, reserved, needs.postings, labels.postings].flatMap(function (postings) {
      return Array.from(postings.byWord.keys());
    }));
    index = { size: partners.length, own: own.byWord, reserved: reserved.byWord, texts: texts, names: names,
              reservedTexts: reservedTexts, groups: [needs, labels], vocabulary: vocabulary };
    return index;
  }

  return { step: step, finish: finish, fitter: fitter };
}

function closeness(word, token) {
  if (token === word) return EXACT;
  var digits = /^[0-9]+$/.test(word);
  if ((word.length >= 3 || (digits && word.length >= 2)) && token.lastIndexOf(word, 0) === 0) return PREFIX;
  if (word.length >= 5 && !digits && oneEditApart(word, token)) return TYPO;
  return 0;
}

/* For a query: each partner's score and how many of the query's words it matches.
   Returns null when the query has no word (no search). */
export function search(index, query) {
  var terms = queryWords(query);
  if (!terms.length) return null;
  var n = index.size;
  var total = new Float64Array(n), matched = new Uint8Array(n);
  var own = new Float64Array(n), reserved = new Float64Array(n);
  var best = [own].concat(index.groups.map(function () { return new Float64Array(n); }));
  var personalNeed = false;  // a word of a need was typed: services for charities do not answer it
  // A word of a need finds the partners that answer that need for people, not every text that
  // says it (« aide alimentaire » is not the Banque alimentaire, which supplies charities) — unless
  // the partner is asked for by its name: what its own words gave is kept aside until then.
  var aside = new Float64Array(n), asideWords = new Uint8Array(n);
  terms.forEach(function (term) {
    best.forEach(function (scores) { scores.fill(0); });
    reserved.fill(0);
    var needWord = false;
    for (var v = 0; v < index.vocabulary.length; v++) {
      var token = index.vocabulary[v];
      var factor = closeness(term, token);
      if (!factor) continue;
      keepBest(own, index.own.get(token), factor);
      keepBest(reserved, index.reserved.get(token), factor);
      for (var kind = 0; kind < index.groups.length; kind++) {
        var groups = index.groups[kind], scores = best[kind + 1];
        var list = groups.postings.byWord.get(token);
        if (!list) continue;
        if (kind === 0) needWord = true;
        for (var k = 0; k < list.length; k += 2) {
          var members = groups.members[list[k]], bonus = groups.bonuses[list[k]];
          for (var m = 0; m < members.length; m++) {
            var score = (list[k + 1] + (bonus ? bonus[m] : 0)) * factor;  // a typo halves it all: same order
            if (score > scores[members[m]]) scores[members[m]] = score;
          }
        }
      }
    }
    personalNeed = personalNeed || needWord;
    var answering = best[1];  // > 0: the partner answers a need this word names
    for (var i = 0; i < n; i++) {
      if (!needWord && reserved[i] > own[i]) own[i] = reserved[i];
      if (needWord && answering[i] === 0 && own[i] > 0) {
        aside[i] += own[i];
        own[i] = 0;
        if (best[2][i] === 0) asideWords[i] += 1;
      }
      var sum = 0;
      for (var b = 0; b < best.length; b++) sum += best[b][i];
      if (sum > 0) { total[i] += sum; matched[i] += 1; }
    }
  });
  for (var a = 0; a < n; a++) {
    if (!named(index.names[a], terms)) continue;
    total[a] += aside[a] + NAMED_BONUS;
    matched[a] += asideWords[a];
  }
  if (terms.length > 1) {
    var phrase = function (w) { return hasSequence(w, terms); };
    for (var p = 0; p < n; p++) {
      if (matched[p] === terms.length &&
          (index.texts[p].some(phrase) || (!personalNeed && index.reservedTexts[p].some(phrase)))) {
        total[p] += PHRASE_BONUS;
      }
    }
  }
  return { words: terms.length, score: total, matched: matched };
}

/* Each partner of a postings list keeps its best weight for the word. */
function keepBest(scores, list, factor) {
  if (!list) return;
  for (var k = 0; k < list.length; k += 2) {
    var score = list[k + 1] * factor;
    if (score > scores[list[k]]) scores[list[k]] = score;
  }
}

/* How well partners fit the everyday needs, without the whole index (a need chosen among the
   tiles is ranked at once, even on 10,000 partners). `group(need)`: the partners that offer
   people something for the need, each with its bonus; `scores(needId)`: one score per partner,
   0 for the others. Each is computed once per need, for the index and the tiles alike. */
function needFitter(partners, data, cachedWords) {
  var themes = null, byId = new Map(), needsUsing = new Map(), groups = new Map(), scored = new Map();
  (data.besoins || []).forEach(function (need) {
    byId.set(need.id, need);
    wordsOfNeed(need).forEach(function (w) { needsUsing.set(w, (needsUsing.get(w) || 0) + 1); });
  });
  // a word of one need only names it: « santé » is said of care and of mental health alike
  var naming = function (w) { return needsUsing.get(w) === 1; };
  var forPeople = function (p) { return p.services.filter(function (s) { return !s.rs; }); };

  // thématique → partners offering it to people (a food bank's supplies for charities are not)
  function byTheme() {
    return themes || (themes = groupBy(partners, function (p) {
      return distinct(forPeople(p).flatMap(function (s) { return s.th; }));
    }));
  }

  function group(need) {
    if (!groups.has(need.id)) groups.set(need.id, fitOf(need));
    return groups.get(need.id);
  }

  function fitOf(need) {
    var inNeed = new Set(need.th), heart = new Set(need.coeur || need.th);
    var members = distinct(need.th.flatMap(function (slug) { return byTheme().get(slug) || []; }));
    var needWords = new Set(Array.from(wordsOfNeed(need)).filter(naming));
    var says = function (text) {
      return !!text && cachedWords(text).some(function (w) { return needWords.has(w); });
    };
    var bonuses = members.map(function (i) {
      var p = partners[i], named = says(p.nom) || says(p.sigle), best = 0, answering = 0;
      forPeople(p).forEach(function (s) {
        var inside = s.th.filter(function (t) { return inNeed.has(t); }).length;
        if (!inside) return;
        answering += 1;
        var fit = (s.th.some(function (t) { return heart.has(t); }) ? FIT.heart : 0) +
          FIT.focus * inside / s.th.length +
          (s.pu.some(function (slug) { return OPEN_TO_ALL.indexOf(slug) >= 0; }) ? FIT.openToAll : 0) +
          (named || says(s.nom) ? FIT.words : 0);
        if (fit > best) best = fit;
      });
      return best + FIT.specialist * answering / p.services.length;
    });
    return { members: members, bonuses: bonuses };
  }

  function scores(needId) {
    if (scored.has(needId)) return scored.get(needId);
    var fit = new Float64Array(partners.length), need = byId.get(needId);
    if (need) {
      var found = group(need);
      for (var m = 0; m < found.members.length; m++) fit[found.members[m]] = WEIGHT.need + found.bonuses[m];
    }
    scored.set(needId, fit);
    return fit;
  }

  return { byTheme: byTheme, group: group, scores: scores };
}

function wordsOfNeed(need) {
  return new Set(need.mots.concat([need.nom]).flatMap(queryWords));
}

/* The query names the partner: it is its acronym or one-word name (« CMP », « Emmaüs »), or each
   of two words or more begins a word of its name (« banque alimentaire », not « alimentaire »). */
function named(name, terms) {
  if (terms.length === 1) return name.whole.indexOf(terms[0]) >= 0;
  return terms.every(function (term) {
    return name.words.some(function (w) { return w.lastIndexOf(term, 0) === 0; });
  });
}

function hasSequence(text, terms) {
  for (var start = 0; start + terms.length <= text.length; start++) {
    var k = 0;
    while (k < terms.length && text[start + k] === terms[k]) k++;
    if (k === terms.length) return true;
  }
  return false;
}
