"""Browser contexts shared by the tests of one pytest-xdist worker.

Opening the sample's partner page costs Chromium 1.4 CPU-seconds in a new browser context, 0.65 as
a new page in a context that has another page open, 0.4 as a reload (measured on this project's
two-core machine). So a test that only needs a clean device gets a new page in a context shared with
the tests that asked for the same options, kept alive by a blank page, and closing it wipes what the
test left there.

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

# (browser, options) → contexts free to use, each with the blank page kept open in it, for the life of
# the browser; a context is taken while a test (or a module's fixture) holds it, and given back clean
_IDLE: dict[tuple[int, str], list[tuple[Any, Any]]] = {}


class SharedContext:
    """Stands for a browser context of the test's own, which no one else uses until it is closed:
    new_page() opens a page in it; close() closes its pages, wipes the storage of every origin they
    visited, the cookies, the permissions granted since, the offline mode and the routes, and gives
    the context back. Anything else is the context's."""

    def __init__(self, key: tuple[int, str], context, keeper, permissions: list[str]) -> None:
        self._key = key
        self._permissions = permissions  # given with the context's options: kept
        self._context = context
        self._keeper = keeper  # the blank page that keeps the context warm
        self._origins: set[str] = set()

    def new_page(self):
        page = self._context.new_page()
        page.on("framenavigated", lambda frame: self._origins.add(_origin(frame.url)))
        return page

    def add_init_script(self, *args, **kwargs):
        raise TypeError("an init script stays in a shared context: create a context of your own")

    def close(self) -> None:
        context = self._context
        if context is None:
            return
        for page in context.pages:
            if page != self._keeper:
                page.close()
        session = context.new_cdp_session(self._keeper)
        for origin in self._origins - {""}:
            session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        session.detach()
        context.clear_cookies()
        context.clear_permissions()
        if self._permissions:
            context.grant_permissions(self._permissions)
        context.set_offline(False)
        context.unroute_all(behavior="ignoreErrors")
        _IDLE[self._key].append((context, self._keeper))
        self._context = None

    def __getattr__(self, name: str):
        return getattr(self._context, name)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""


def shared_context(browser, clock: bool = False, site_search: bool = False, **options) -> SharedContext:
    """A context with these options (Playwright's new_context ones), shared with this worker's other
    tests: a free one, or a new one when all are held (a module's fixture may hold one). `clock`: the
    test sets the page's clock (page.clock.set_fixed_time) before it navigates, as every test given
    such a context must, since the clock cannot be removed. `site_search`: the theme's search works."""
    key = (id(browser), repr((clock, site_search, sorted(options.items()))))
    idle = _IDLE.setdefault(key, [])
    if not idle:
        context = browser.new_context(**options)
        if not site_search:
            context.add_init_script(NO_SITE_SEARCH)
        idle.append((context, context.new_page()))
    return SharedContext(key, *idle.pop(), options.get("permissions") or [])
