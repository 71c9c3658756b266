"""Browser contexts, and their pages, shared by the tests of one pytest-xdist worker.

Opening the sample's partner page costs Chromium 1.4 CPU-seconds in a new browser context, 0.65 as
a new page in a context that has another page open, 0.4 as a reload (measured on this project's
two-core machine). So a test that only needs a clean device gets a page in a context shared with
the tests that asked for the same options, kept alive by a blank page, and closing it wipes what the
test left there.

The page itself is lent too: a new tab costs Chromium about 0.45 CPU-seconds for one page load, a
tab that goes back to about:blank and is wiped 0.27, one that only navigates 0.18 (60 loads of six
sample pages). A lent page is given back when its context is closed: it leaves its document for
about:blank, and what the test added to it goes (its listeners, routes, viewport, print media). A
page changed in a way that cannot be taken back (an init script, an exposed function, extra
headers, other media features) is closed instead.

A shared context is never given what cannot be taken back: an init script (axe's, a fake speech
engine) or a clock when the test did not ask for one. Those tests create a context of their own.

Unless a test asks for the site search (`site_search=True`), the theme's search worker is not
started: on each page load it reads the whole search index and builds a Lunr index in the
background, a fifth of Chromium's work for a page, for pages where no one searches the site (the
directory's own search does not use it). Its box and dialog are still there, as before it is ready.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

# The theme starts its search worker from assets/javascripts/workers/search.<hash>.min.js: a worker
# that never answers stands in for it; any other worker is a real one.
NO_SITE_SEARCH = """(() => {
  const RealWorker = window.Worker;
  class SearchNotStarted extends EventTarget { postMessage() {} terminate() {} }
  window.Worker = function (url, options) {
    return String(url).includes("/workers/search.") ? new SearchNotStarted() : new RealWorker(url, options);
  };
})();"""

# (browser, options) → contexts free to use, each with the blank page kept open in it and a DevTools
# session of that page (it wipes the origins' storage), for the life of the browser; a context is taken
# while a test (or a module's fixture) holds it, and given back clean
_IDLE: dict[tuple[int, str], list[tuple[Any, Any, Any]]] = {}
# id(context) → its pages free to lend, at about:blank
_FREE_PAGES: dict[int, list[Any]] = {}
# What cannot be taken back: a lent page given it is closed rather than lent again; a shared context refuses it.
IRREVERSIBLE = {
    "add_init_script", "expose_binding", "expose_function", "route_from_har", "route_web_socket",
    "set_default_navigation_timeout", "set_default_timeout", "set_extra_http_headers", "set_geolocation",
}  # fmt: skip
DEFAULT_VIEWPORT = {"width": 1280, "height": 720}  # Playwright's


class LentPage:
    """A page of a shared context, lent to one test: what the test adds to it is noted, to be taken
    away when the page is given back. Anything else is the page's."""

    def __init__(self, page, holder: SharedContext) -> None:
        self._page = page
        self._holder = holder  # what the test holds as this page's context
        self._listeners: list[tuple[str, Any]] = []
        self._changed: set[str] = set()
        self._irreversible = False

    def on(self, event: str, handler) -> None:
        self._listeners.append((event, handler))
        self._page.on(event, handler)

    def once(self, event: str, handler) -> None:
        self._listeners.append((event, handler))
        self._page.once(event, handler)

    def route(self, *args, **kwargs):
        self._changed.add("routes")
        return self._page.route(*args, **kwargs)

    def set_viewport_size(self, size) -> None:
        self._changed.add("viewport")
        self._page.set_viewport_size(size)

    def emulate_media(self, media=None, **features) -> None:
        if features:  # colour scheme, reduced motion…: the context's own would be lost
            self._irreversible = True
        self._changed.add("media")
        self._page.emulate_media(media=media, **features)

    def close(self, **_options) -> None:
        raise TypeError("a lent page is given back when its context is closed")

    @property
    def context(self) -> SharedContext:
        return self._holder

    def __getattr__(self, name: str):
        if name in IRREVERSIBLE:
            self._irreversible = True
        return getattr(self._page, name)

    def give_back(self, viewport: dict) -> Any | None:
        """The page wiped of what the test added, at about:blank; None when it was closed instead."""
        page = self._page
        for event, handler in self._listeners:
            page.remove_listener(event, handler)
        if page.is_closed():
            return None
        if self._irreversible:
            page.close()
            return None
        try:
            if page.url.startswith(("http:", "https:")):
                page.evaluate("sessionStorage.clear()")  # the tab's own storage
            page.goto("about:blank")
            if "routes" in self._changed:
                page.unroute_all(behavior="ignoreErrors")
            if "viewport" in self._changed:
                page.set_viewport_size(viewport)
            if "media" in self._changed:
                page.emulate_media(media="null")
        except Exception:  # a page that crashed or hangs is not lent again
            page.close()
            return None
        return page


class SharedContext:
    """Stands for a browser context of the test's own, which no one else uses until it is closed:
    new_page() lends a page of it; close() gives the pages back, closes the others, wipes the storage
    of every origin they visited (its cookies, service workers and their caches with it: a site
    visited again is a first visit), undoes what the test did to the context
    (cookies added, permissions granted, offline mode, routes) and gives the context back. Anything
    else is the context's."""

    def __init__(self, key: tuple[int, str], context, keeper, session, options: dict, viewport: dict | None) -> None:
        self._key = key
        self._permissions = options.get("permissions") or []  # given with the context's options: kept
        self._viewport = viewport  # the test's, given to each page it is lent (the context keeps Playwright's)
        self._context = context
        self._keeper = keeper  # the blank page that keeps the context warm
        self._session = session  # kept open: attaching one for each test cost three calls, not one
        self._origins: set[str] = set()
        self._lent: list[LentPage] = []
        self._touched: set[str] = set()  # the context's methods the test used

    def new_page(self) -> LentPage:
        free = _FREE_PAGES.setdefault(id(self._context), [])
        page = free.pop() if free else self._context.new_page()
        lent = LentPage(page, self)
        if self._viewport:
            lent.set_viewport_size(self._viewport)
        lent.on("framenavigated", lambda frame: self._origins.add(_origin(frame.url)))
        self._lent.append(lent)
        return lent

    def close(self) -> None:
        context = self._context
        if context is None:
            return
        free = _FREE_PAGES.setdefault(id(context), [])
        for lent in self._lent:
            page = lent.give_back(DEFAULT_VIEWPORT)
            if page is not None:
                free.append(page)
        for page in context.pages:  # pages the site opened (a new tab)
            if page != self._keeper and page not in free:
                page.close()
        for origin in self._origins - {""}:
            self._session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        # what the test did to the context itself is undone (cookies the site set went with its origin's data)
        touched = self._touched
        if touched & {"add_cookies", "storage_state"}:
            context.clear_cookies()
        if touched & {"grant_permissions", "clear_permissions"}:
            context.clear_permissions()
            if self._permissions:
                context.grant_permissions(self._permissions)
        if "set_offline" in touched:
            context.set_offline(False)
        if touched & {"route", "route_from_har", "route_web_socket"}:
            context.unroute_all(behavior="ignoreErrors")
        _IDLE[self._key].append((context, self._keeper, self._session))
        self._context = None

    def __getattr__(self, name: str):
        if name in IRREVERSIBLE:
            raise TypeError(f"{name} stays in a shared context: create a context of your own")
        self._touched.add(name)
        return getattr(self._context, name)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""


def shared_context(browser, clock: bool = False, site_search: bool = False, **options) -> SharedContext:
    """A context with these options (Playwright's new_context ones), shared with this worker's other
    tests: a free one, or a new one when all are held (a module's fixture may hold one). `clock`: the
    test sets the page's clock (page.clock.set_fixed_time) before it navigates, as every test given
    such a context must, since the clock cannot be removed. `site_search`: the theme's search works.
    A `viewport` is given to each page lent, not to the context: a phone-sized test shares the context
    of the same options at Playwright's default size (a context costs Chromium a second of CPU)."""
    viewport = options.pop("viewport", None)
    key = (id(browser), repr((clock, site_search, sorted(options.items()))))
    idle = _IDLE.setdefault(key, [])
    if not idle:
        context = browser.new_context(**options)
        if not site_search:
            context.add_init_script(NO_SITE_SEARCH)
        keeper = context.new_page()
        idle.append((context, keeper, context.new_cdp_session(keeper)))
    return SharedContext(key, *idle.pop(), options, viewport)
