"""Which pages axe-core must see: enough pages to show it every element in every context, not every page.

axe's WCAG rules judge an element by what it is (tag, classes hence colours and sizes, role,
language, label, whether it has a text or an alternative), by what it sits in (its ancestors: the
background behind a text, the list around an item, the landmark around a link) and by what it holds
(the kinds of its children: a button's name, a list's items). Two pages whose elements all sit in
contexts already seen give it nothing new: 38 partner pages made of the same blocks in other
combinations, 12 month pages of recipes. So each element of a page is written as one context
(ancestors, itself, the kinds of its children) that keeps every attribute listed in SHAPED and
writes whether each text, link, image or id is there rather than what it says; then pages are
chosen, the one that shows most unseen contexts first, until every context of every page of both
profiles has been shown once.

Languages: a `lang` is written as the page's own or another one, so a page in English made of the
same blocks as its French page shows axe nothing new; a right-to-left page (`dir="rtl"`) is a context
of its own for every element in it.

Inside a checked page, the same reasoning goes down to the element (`narrowed_axe_run`): axe's rules
read the whole page, except the three that judge an element by its own box and colours (contrast,
target size, a link within a text), which cost four fifths of a run: they see the first element of
each context that no page before it in the same tab showed. The contexts are then read from the live
page (`page_shapes.js`, the same contexts written the same way: equal digests), so that what the
scripts drew is judged too.

What the contexts leave out is checked on every page elsewhere: duplicate and dangling ids by the
Nu Html Checker (`test_every_generated_page_is_valid_html`), links and texts by the gate, reflow and
focus per page type (`test_page_type_reflows_and_keeps_keyboard_use`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from pathlib import Path

from .helpers import SCREEN_STILL

SHAPED = (
    "class", "role", "lang", "dir", "type", "tabindex", "hidden", "for", "href", "src", "alt", "id", "title",
    "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
)  # fmt: skip
# Attributes whose value is words or an address: only whether they are there counts.
PRESENCE_ONLY = {"for", "href", "src", "alt", "id", "title", "aria-label", "aria-labelledby", "aria-describedby"}
# Where the page is in the menus (the active tab), not a structure.
STATE = re.compile(r"\S*--active\b")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# A block on top of every translated page (« not yet reviewed »): a context of its own, seen once, but
# not one of its parent's children, which would make every translated page's article new to axe.
NOTICES = re.compile(r"\bgp-relecture\b")
TEXT = "T"
# The same contexts read from a live page: an async function of the digests already checked.
LIVE_CONTEXTS = Path(__file__).with_suffix(".js").read_text(encoding="utf-8").strip().removesuffix(";")
# axe's rules that judge each element by its own box and colours: all but a fifth of a run's time.
ELEMENT_RULES = ["color-contrast", "target-size", "link-in-text-block"]


class _Contexts(HTMLParser):
    """Each element as (its ancestors, itself) with the kinds of its children, collected as the page is read."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, list[str]]] = [("document", [])]  # (path to the element, its children's kinds)
        self.contexts: set[str] = set()
        self.page_language = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.page_language = values.get("lang") or ""
        parts = [tag]
        for name in SHAPED:
            if name in values:
                value = values[name] or ""
                shown = "" if name in PRESENCE_ONLY else STATE.sub("", value).strip()
                if name == "lang":  # the page's language or another: not which one
                    shown = "page" if value == self.page_language else "other"
                parts.append(f"{name}={shown}{'+' if value else '-'}")
        head = " ".join(parts)
        if not NOTICES.search(values.get("class") or ""):
            self._child(head)
        element = (f"{self.open[-1][0]} > {head}", [])
        if tag in VOID:
            self._close(element)
        else:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and len(self.open) > 1:
            self._close(self.open.pop())

    def handle_data(self, data: str) -> None:
        if data.strip():
            self._child(TEXT)

    def close(self) -> None:
        super().close()
        while len(self.open) > 1:  # elements left open by the page
            self._close(self.open.pop())

    def _child(self, kind: str) -> None:
        kinds = self.open[-1][1]
        if not kinds or kinds[-1] != kind:  # a run of identical siblings counts once
            kinds.append(kind)

    def _close(self, element: tuple[str, list[str]]) -> None:
        path, kinds = element
        self.contexts.add(hashlib.sha1(f"{path} ({','.join(kinds)})".encode()).hexdigest())


def contexts(html: str) -> set[str]:
    """The contexts of a page's elements, as short digests: equal for pages that differ only in words."""
    parser = _Contexts()
    parser.feed(html)
    parser.close()
    return parser.contexts


def enough_pages(every: Mapping[tuple[str, str], set[str]]) -> dict[str, list[str]]:
    """profile → its pages to check, so that every element context of every page is in one of them:
    `every` gives each page's contexts (page_contexts). Chosen greedily, the page with most unseen
    contexts first (ties: the first in order), so the choice is the same on every run."""
    every = dict(every)
    unseen = set().union(*every.values())
    chosen: dict[str, list[str]] = {profile: [] for profile, _ in every}
    while unseen:
        profile, path = max(every, key=lambda page: len(every[page] & unseen))
        chosen[profile].append(path)
        unseen -= every.pop((profile, path))
    return chosen


def page_contexts(pages: Mapping[str, tuple[Path, list[str]]]) -> dict[tuple[str, str], set[str]]:
    """(profile, path) → the contexts of its page, read from its file: `pages` as for enough_pages."""
    return {
        (profile, path): contexts((site / path.lstrip("/") / "index.html").read_text(encoding="utf-8"))
        for profile, (site, paths) in pages.items()
        for path in paths
    }


def live_contexts(page) -> set[str]:
    """The contexts of the page as the browser holds it now (Playwright page)."""
    return set(page.evaluate(f"async () => (await ({LIVE_CONTEXTS})([])).digests"))


NARROWED_RUN = f"""async ([checked, tags, elementRules]) => {{
  {SCREEN_STILL}
  const shapes = await ({LIVE_CONTEXTS})(checked.split(" "));
  const off = Object.fromEntries(elementRules.map((id) => [id, {{ enabled: false }}]));
  const only = (values) => ({{ runOnly: {{ type: "tag", values }}, resultTypes: ["violations"] }});
  const whole = await axe.run(document, {{ ...only(tags), rules: off }});
  const fresh = shapes.fresh.length === 0 ? [] : (await axe.run(
    {{ include: shapes.fresh, exclude: shapes.under }},
    {{ runOnly: {{ type: "rule", values: elementRules }}, resultTypes: ["violations"] }},
  )).violations;
  return {{ violations: [...whole.violations, ...fresh], checked: shapes.freshDigests }};
}}"""


def narrowed_axe_run(page, tags: Iterable[str], checked: set[str]) -> list[dict]:
    """axe's violations on the page (with axe-core loaded in it): every rule of `tags` on the whole page,
    but ELEMENT_RULES only on the elements whose context is not in `checked`, which gains the page's."""
    # the digests go as one string and only the page's new ones come back: sent as lists, the
    # thousands already checked cost a tenth of the axe pass
    result = page.evaluate(NARROWED_RUN, [" ".join(checked), list(tags), ELEMENT_RULES])
    checked.update(result["checked"])
    return result["violations"]
