/* Helpers shared by the guide's modules: page life cycle, DOM building, accent folding,
 * and filter state kept in the URL (a filtered list can be shared as a link). */

/* Run `callback` on every page: Material's instant navigation swaps pages without a
   reload and announces each one on its `document$` observable. */
export function onEveryPage(callback) {
  if (window.document$) window.document$.subscribe(() => callback());
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => callback());
  else callback();
}

/* An element with a class and a text; data never becomes markup (textContent only). */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/* "Épicerie" → "epicerie": search that ignores accents and case. */
var ARABIC = /[\u0600-\u06FF]/;

export function fold(text) {
  var folded = String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if (ARABIC.test(folded)) {  // short vowels and hamza marks; the letters people write either way
    folded = folded.replace(/\p{M}/gu, "").replace(/[أإآ]/g, "ا").replace(/ة/g, "ه").replace(/ى/g, "ي");
  }
  return folded.toLowerCase().trim();
}

/* The value of a form control as kept in the URL: "1" or "" for a checkbox. */
export function controlValue(form, name) {
  const control = form.elements[name];
  if (!control) return "";
  return control.type === "checkbox" ? (control.checked ? "1" : "") : control.value.trim();
}

/* {name: value} of the names found in a query string. */
export function readState(search, names) {
  const params = new URLSearchParams(search);
  const state = {};
  names.forEach((name) => { state[name] = params.get(name) || ""; });
  return state;
}

/* The query string of a state ("" when every filter is empty). */
export function stateToSearch(state, names) {
  const params = new URLSearchParams();
  names.forEach((name) => { if (state[name]) params.set(name, state[name]); });
  const text = params.toString();
  return text ? "?" + text : "";
}

export function writeControls(form, state, names) {
  names.forEach((name) => {
    const control = form.elements[name];
    if (!control) return;
    if (control.type === "checkbox") control.checked = state[name] === "1";
    else control.value = state[name];
    if (control.tagName === "SELECT" && control.value !== state[name]) control.value = "";
  });
}

export function readControls(form, names) {
  const state = {};
  names.forEach((name) => { state[name] = controlValue(form, name); });
  return state;
}

/* The state into the address bar, without a new history entry. */
export function keepInUrl(state, names) {
  const search = stateToSearch(state, names);
  if (search !== location.search) history.replaceState(history.state, "", location.pathname + search + location.hash);
}

/* Restore the controls from the URL, show the form, and run `apply(state)` on every change. */
export function bindFilters(form, names, apply) {
  writeControls(form, readState(location.search, names), names);
  const run = () => {
    const state = readControls(form, names);
    apply(state);
    keepInUrl(state, names);
  };
  form.hidden = false;
  form.addEventListener("input", run);
  form.addEventListener("change", run);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(run, 0));
  run();
}

/* The site root of the page's language (also under a sub-path): the folder of its manifest. */
export function siteRoot() {
  var manifest = document.querySelector('link[rel="manifest"]');
  return new URL(".", manifest ? manifest.href : new URL("/", location.href)).href;
}

/* Set up each root once (instant navigation may announce a page twice). */
export function once(root, setup) {
  if (root.dataset.ready) return;
  root.dataset.ready = "1";
  setup(root);
}

// A tel: link in international form for a 10-digit French number ("02 61 91 00 30" →
// tel:+33261910030), as site_build/text/french.py tel_uri() writes it (a test compares them).
export function telHref(number) {
  var digits = String(number).replace(/[^\d+]/g, "");
  return "tel:" + (/^0\d{9}$/.test(digits) ? "+33" + digits.slice(1) : digits);
}

/* Text put on the clipboard: the Clipboard API where the page may use it, else (older phones, plain
   http) a hidden field and the copy command. */
export function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // older phones and plain http: a hidden field and the copy command
  return new Promise(function (resolve, reject) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var done = document.execCommand("copy");
    field.remove();
    if (done) resolve();
    else reject(new Error("copy"));
  });
}
