// The element contexts of page_shapes.py, read from the live page (after its scripts drew on it):
// the same context, written the same way, gives the same SHA-1 digest. Called with the digests already
// checked, it returns {digests: every context of the page, fresh: the first element of each context not
// checked yet, freshDigests: their contexts, under: the elements right under a fresh one that are not
// fresh themselves}.
async (checked) => {
  const SHAPED = [
    "class", "role", "lang", "dir", "type", "tabindex", "hidden", "for", "href", "src", "alt", "id", "title",
    "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
  ];
  const PRESENCE_ONLY = new Set([
    "for", "href", "src", "alt", "id", "title", "aria-label", "aria-labelledby", "aria-describedby",
  ]);
  const STATE = /\S*--active\b/g;
  const NOTICES = /\bgp-relecture\b/;
  const pageLanguage = document.documentElement.getAttribute("lang") || "";
  const seen = new Set(checked);

  const head = (element) => {
    const parts = [element.localName];
    for (const name of SHAPED) {
      if (!element.hasAttribute(name)) continue;
      const value = element.getAttribute(name);
      let shown = PRESENCE_ONLY.has(name) ? "" : value.replace(STATE, "").trim();
      if (name === "lang") shown = value === pageLanguage ? "page" : "other";
      parts.push(`${name}=${shown}${value ? "+" : "-"}`);
    }
    return parts.join(" ");
  };
  // Python's str.strip() and JavaScript's trim() agree on what a blank text is
  const children = (node) => (node.localName === "template" ? node.content.childNodes : node.childNodes);

  const keys = []; // [element, text to digest]
  const walk = (element, path) => {
    const own = `${path} > ${head(element)}`;
    const kinds = [];
    for (const child of children(element)) {
      let kind = null;
      if (child.nodeType === Node.ELEMENT_NODE) {
        if (!NOTICES.test(child.getAttribute("class") || "")) kind = head(child);
        walk(child, own);
      } else if (child.nodeType === Node.TEXT_NODE && child.data.trim()) {
        kind = "T";
      }
      if (kind !== null && kinds[kinds.length - 1] !== kind) kinds.push(kind);
    }
    keys.push([element, `${own} (${kinds.join(",")})`]);
  };
  walk(document.documentElement, "document");

  // each text digested once: a page repeats its contexts (a list's items), and each digest is a task
  // on another thread of the renderer
  const texts = [...new Set(keys.map(([, text]) => text))];
  const digestOf = new Map(await Promise.all(texts.map(async (text) => {
    const bytes = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
    return [text, Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("")];
  })));
  const digests = keys.map(([, text]) => digestOf.get(text));
  const fresh = new Set();
  const freshDigests = [];
  keys.forEach(([element], index) => {
    if (!seen.has(digests[index])) {
      seen.add(digests[index]);
      fresh.add(element);
      freshDigests.push(digests[index]);
    }
  });
  const under = [];
  for (const element of fresh) {
    for (const child of element.children) if (!fresh.has(child)) under.push(child);
  }
  return { digests, fresh: [...fresh], freshDigests, under };
};
