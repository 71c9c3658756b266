"""A static server for the benchmarks that behaves like a real host: gzip for text files, and
optionally an emulated network (latency per request, one shared downlink)."""

from __future__ import annotations

import contextlib
import functools
import gzip
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSED = (".html", ".css", ".js", ".json", ".ics", ".svg", ".webmanifest", ".xml", ".csv", ".vcf")
TYPES = {".webmanifest": "application/manifest+json", ".js": "text/javascript", ".ics": "text/calendar"}


class Pipe:
    """One shared downlink: concurrent responses queue for its bandwidth."""

    def __init__(self, bytes_per_s: float):
        self.bytes_per_s, self.lock, self.free_at = bytes_per_s, threading.Lock(), time.monotonic()

    def send(self, size: int):
        with self.lock:
            start = max(self.free_at, time.monotonic())
            self.free_at = start + size / self.bytes_per_s
            until = self.free_at
        time.sleep(max(0.0, until - time.monotonic()))


class HostHandler(SimpleHTTPRequestHandler):
    latency_s = 0.0
    pipe: Pipe | None = None
    sent = 0

    def log_message(self, *args):
        pass

    def do_GET(self):
        time.sleep(self.latency_s)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        gzipped = path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, 6)
        if self.pipe:
            self.pipe.send(len(body))
        type(self).sent += len(body)
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(path.suffix) or self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    """A site folder served as plain files on an ephemeral loopback port, as the tests serve sites
    (no compression, the standard library's answers to conditional requests); stop() stops it."""

    def __init__(self, folder: Path) -> None:
        self.httpd: ThreadingHTTPServer | None = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder))
        )
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        # stop() waits for the loop's next poll: half a second by default
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def stop(self) -> None:
        if self.httpd:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None


@contextlib.contextmanager
def host(site: Path, latency_s: float = 0.0, bytes_per_s: float | None = None):
    """Yield (base URL, handler class) of `site` served on 127.0.0.1; the server stops on exit."""
    handler = type(
        "Host", (HostHandler,), {"latency_s": latency_s, "pipe": Pipe(bytes_per_s) if bytes_per_s else None, "sent": 0}
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


# Debian's Chromium, as the tests and the benchmarks launch it (Playwright cannot download a browser
# here); tests/conftest.py imports this list.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# The tests check what pages do, not how fast their scripts run (the benchmarks measure that, with V8
# as people get it): V8's optimising compilers would spend CPU on pages that live a few seconds.
# Without them the renderers' CPU for the axe pass falls by about an eighth (bench/README.md).
# bench/yardstick.py keeps these flags, so that its readings stay comparable from one change to the next.
YARDSTICK_CHROMIUM_FLAGS = [*CHROMIUM_FLAGS, "--js-flags=--no-opt --no-maglev"]

# Playwright gives Chromium a --disable-features list of its own, and Chromium keeps only the last
# --disable-features it is given: a list of ours repeats Playwright's (tests/test_browser.py reads
# both on the running browser's command line).
PLAYWRIGHT_DISABLED_FEATURES = [
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
    "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin",
    "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
    "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
]  # fmt: skip
# RenderDocument: Chromium gives each new page of the same site a new frame of its own; without it
# the frame is reused, as Chromium long did, and a page load costs about a tenth less CPU
# (bench/README.md). How a browser recycles its frames is not what the tests check.
# WebUIOmniboxPopup, WebUIOmniboxAimPopup: without a screen, Chromium still makes the address bar's
# two drop-down panels for every window, each a chrome:// page in a renderer process of its own: two
# fifths of the CPU of a new context, a sixth of a new page's. No one sees them; tests/test_browser.py
# checks that the test browser holds no such page.
TESTS_DISABLED_FEATURES = ["RenderDocument", "WebUIOmniboxPopup", "WebUIOmniboxAimPopup"]
TESTS_CHROMIUM_FLAGS = [
    *YARDSTICK_CHROMIUM_FLAGS,
    "--disable-features=" + ",".join([*PLAYWRIGHT_DISABLED_FEATURES, *TESTS_DISABLED_FEATURES]),
]


def launch_chromium(playwright):
    import shutil

    return playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
