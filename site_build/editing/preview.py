"""Preview server: the real built site, rebuilt when a source changes, with production cache headers.

HTML, sw.js and unversioned files are revalidated on every load (`no-cache`): a new
service worker or page is seen at once. Files whose name carries a content hash
(the theme's bundles) never change and are cached for a year (`immutable`).
An unknown address gets the site's own 404 page, as on the real server.
"""

from __future__ import annotations

import functools
import re
import signal
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HASHED = re.compile(r"\.[0-9a-f]{8,}\.min\.(js|css)$")
WATCHED = ("data", "content", "mkdocs.yml", "site_build/theme", "hooks")
_ADDRESS = re.compile(r"^(?:(?P<host>[A-Za-z0-9.-]+)|\[(?P<ipv6>[0-9A-Fa-f:]+)\])?:(?P<port>[0-9]{1,5})$")


class AddressError(ValueError):
    pass


def parse_address(text: str) -> tuple[str, int]:
    """'127.0.0.1:8000', ':8000', 'localhost:8000' or '[::1]:8000' → (host, port)."""
    match = _ADDRESS.match(text.strip())
    if not match or int(match["port"]) > 65535:
        raise AddressError(f"adresse « {text} » incorrecte : écrivez l'adresse et le port, par exemple 127.0.0.1:8000")
    return match["host"] or match["ipv6"] or "127.0.0.1", int(match["port"])


def cache_control(path: str) -> str:
    return "public, max-age=31536000, immutable" if HASHED.search(path) else "no-cache"


# a language's folder: en, ar, fa-AF (deploy/'s nginx and Caddy rules use the same pattern)
_LANGUAGE_FOLDER = re.compile(r"[a-z]{2,3}(-[A-Z]{2})?")
_FRENCH_REASONS = {
    400: "Requête mal formée",
    404: "Page introuvable",
    405: "Méthode non permise",
    414: "Adresse trop longue",
    431: "En-têtes trop longs",
    501: "Méthode non prise en charge",
    505: "Version de HTTP non prise en charge",
}
_ERROR_TEXT = "Erreur %(code)d : %(explain)s. Revenez à l'accueil du guide : /\n"


class CachingHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".webmanifest": "application/manifest+json",
        ".ics": "text/calendar; charset=utf-8",
        ".vcf": "text/vcard; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".html": "text/html; charset=utf-8",
    }

    def end_headers(self) -> None:
        self.send_header("Cache-Control", cache_control(getattr(self, "path", "").split("?")[0]))
        super().end_headers()

    default_request_version = "HTTP/1.0"  # a garbled request line still gets a status line
    error_message_format = _ERROR_TEXT  # in French, as plain text (the site's page answers a 404)
    error_content_type = "text/plain; charset=utf-8"

    def handle_one_request(self) -> None:
        super().handle_one_request()
        too_long = len(getattr(self, "raw_requestline", b"")) > 65536
        if too_long:  # answered 414: read the rest of the line, or closing resets the answer away
            self._drain_line()

    def _drain_line(self, limit: int = 4 * 1024 * 1024) -> None:
        try:
            self.connection.settimeout(2)
            while limit > 0:
                chunk = self.rfile.readline(65536)
                limit -= len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
        except OSError:
            pass
        self.close_connection = True

    def do_GET(self) -> None:
        self._answer(super().do_GET)

    def do_HEAD(self) -> None:
        self._answer(super().do_HEAD)

    def _answer(self, method: Callable[[], None]) -> None:
        """A path no file can have (an encoded NUL byte, bytes that are not UTF-8) is a 404 page,
        not a closed connection."""
        path = urllib.parse.unquote(self.path.split("?", 1)[0].split("#", 1)[0], errors="replace")
        if "\x00" in path or "\ufffd" in path:
            self.send_error(404)
            return
        try:
            method()
        except (ValueError, UnicodeError):
            self.send_error(400)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self._page_not_found() if code == 404 else None
        if page is None or not page.is_file():
            return super().send_error(code, None, _FRENCH_REASONS.get(code, "Erreur"))
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _page_not_found(self) -> Path:
        """The site's 404 page; in a language's folder (/ar/…), that language's, as nginx and Caddy do."""
        site = Path(self.directory)
        path = getattr(self, "path", "")  # not there when the request line itself was refused
        first = urllib.parse.unquote(path.split("?", 1)[0]).lstrip("/").split("/", 1)
        if len(first) == 2 and _LANGUAGE_FOLDER.fullmatch(first[0]) and (site / first[0] / "404.html").is_file():
            return site / first[0] / "404.html"
        return site / "404.html"

    def log_message(self, format: str, *args: Any) -> None:
        pass


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up or sends garbage is not the editor's problem


def open_server(address: tuple[str, int], site_dir: Path) -> PreviewServer:
    """Bind first, build after: a busy port is said before a build is wasted. Raises OSError."""
    return PreviewServer(address, functools.partial(CachingHandler, directory=str(site_dir)))


def _snapshot(root: Path) -> tuple[Any, ...]:
    files: list[tuple[str, int]] = []
    for name in WATCHED:
        target = root / name
        paths = [target] if target.is_file() else (p for p in target.rglob("*") if p.is_file())
        files.extend((str(p), p.stat().st_mtime_ns) for p in paths)
    return tuple(sorted(files))


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(server: PreviewServer, root: Path, rebuild: Callable[[], object]) -> None:
    """Serve until Ctrl+C or SIGTERM; call rebuild() when a watched source changes
    (a failed rebuild keeps the last site)."""
    host, port = server.server_address[:2]
    print(f"Aperçu sur http://{host!s}:{port}/ (Ctrl+C pour arrêter)", file=sys.stderr)

    def watch() -> None:
        seen = _snapshot(root)
        while True:
            time.sleep(1)
            try:
                now = _snapshot(root)
            except OSError:  # a file vanished while being listed: look again next second
                continue
            if now != seen:
                seen = now
                rebuild()

    threading.Thread(target=watch, daemon=True).start()
    # Ctrl+C stops the preview even when a shell started it with SIGINT ignored (a background job of a
    # script does: Python then keeps ignoring it, and the preview could not be stopped that way)
    previous = {number: signal.signal(number, _stop) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Aperçu arrêté.", file=sys.stderr)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        server.server_close()
