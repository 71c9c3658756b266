/* « Écouter »: the page read aloud with the browser's speech synthesis, in the page's language,
 * by a voice installed on the device (a voice that speaks through a server is never used: the
 * text does not leave the device). No such voice: a sentence says so instead of the buttons. */

import { once } from "./helpers.js";

// what is read: the page's text, without the buttons themselves, the menus or hidden parts
var SKIPPED = ".gp-ecouter, .gp-entete-impression, .gp-venir, .headerlink, [hidden], .md-source-file, script, style, template, .gp-partager, .gp-relecture, .gp-lien-facile";

/* A voice of the device for the page's language ("fa-af"): of that very region first, else of the
   same language ("fa-IR" reads Dari better than no voice at all). */
function localVoice(lang) {
  var voices = window.speechSynthesis.getVoices().filter(function (voice) { return voice.localService; });
  var spoken = function (voice) { return voice.lang.toLowerCase().replace("_", "-"); };
  var base = lang.split("-")[0];
  return voices.find(function (voice) { return spoken(voice) === lang; }) ||
    voices.find(function (voice) { return spoken(voice).split("-")[0] === base; }) || null;
}

/* The page's text in reading order, one piece per block: a short utterance each (some engines
   stop a long one after a few seconds), so pause and stop answer at once. Each piece says its
   language: a block left in French on an Arabic page (lang="fr") is read by a French voice. */
function pieces(article, pageLang) {
  var copy = article.cloneNode(true);
  copy.querySelectorAll(SKIPPED).forEach(function (element) { element.remove(); });
  var BLOCKS = "h1, h2, h3, p, li, td, th, figcaption";
  // the innermost blocks only: a list item holding a paragraph is said once
  var blocks = Array.prototype.filter.call(copy.querySelectorAll(BLOCKS), function (block) {
    return !block.querySelector(BLOCKS);
  });
  // the notice of an unreviewed translation is said too, after the text it is about
  var notice = article.querySelector(".gp-relecture");
  if (notice) blocks.push(notice);
  return blocks.map(function (block) {
    var marked = block.closest("[lang]");
    return { text: block.textContent.replace(/\s+/g, " ").trim(), lang: marked ? marked.lang.toLowerCase() : pageLang };
  }).filter(function (piece) { return piece.text; });
}

// voices arrive after the page on some browsers: wait this long for them before saying there is none
var VOICE_WAIT_MS = 1500;

function noVoice(root) {
  root.querySelectorAll("button").forEach(function (button) { button.hidden = true; });
  root.querySelector(".gp-ecouter__sans-voix").hidden = false;
  root.hidden = false;
}

function setup(root) {
  var synth = window.speechSynthesis;
  if (!synth || !window.SpeechSynthesisUtterance) {
    noVoice(root);
    return;
  }
  var lang = (document.documentElement.lang || "fr").toLowerCase();
  var play = root.querySelector('[data-action="lire"]');
  var pause = root.querySelector('[data-action="pause"]');
  var stop = root.querySelector('[data-action="arret"]');
  var state = root.querySelector(".gp-ecouter__etat");
  var playLabel = play.querySelector("span").textContent;

  function show(reading, paused) {
    play.hidden = reading && !paused;
    pause.hidden = !reading || paused;
    stop.hidden = !reading;
    play.querySelector("span").textContent = paused ? state.dataset.reprendre : playLabel;
  }

  var waited = false;
  function check() {
    var none = root.querySelector(".gp-ecouter__sans-voix");
    if (localVoice(lang)) {
      if (root.hidden || !none.hidden) {  // first found (or installed since): the buttons, ready to read
        none.hidden = true;
        show(false, false);
        root.hidden = false;
      }
    } else if (waited || synth.getVoices().length) {
      noVoice(root);
    }
  }
  check();
  synth.addEventListener("voiceschanged", check);
  setTimeout(function () { waited = true; check(); }, VOICE_WAIT_MS);

  play.addEventListener("click", function () {
    if (synth.paused) {
      synth.resume();
      show(true, false);
      return;
    }
    var voice = localVoice(lang);
    if (!voice) return;
    synth.cancel();
    var texts = pieces(document.querySelector(".md-content article") || document.body, lang);
    texts.forEach(function (piece, index) {
      // a block in another language: that language's voice when the device has one, else the page's
      var own = piece.lang === lang ? voice : localVoice(piece.lang) || voice;
      var utterance = new SpeechSynthesisUtterance(piece.text);
      utterance.lang = own.lang;
      utterance.voice = own;
      if (index === texts.length - 1) {
        utterance.addEventListener("end", function () { show(false, false); state.textContent = state.dataset.fin; });
      }
      synth.speak(utterance);
    });
    state.textContent = state.dataset.lecture;
    show(true, false);
    pause.focus();
  });
  pause.addEventListener("click", function () {
    synth.pause();
    show(true, true);
    play.focus();
  });
  stop.addEventListener("click", function () {
    synth.cancel();
    show(false, false);
    state.textContent = "";
    play.focus();
  });
  // leaving the page stops the voice (instant navigation keeps the same document)
  window.addEventListener("pagehide", function () { synth.cancel(); });
}

export function init() {
  document.querySelectorAll("[data-gp-ecouter]").forEach(function (root) { once(root, setup); });
}
