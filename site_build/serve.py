"""Preview server: the real built site, rebuilt when a source changes, with production cache headers.

HTML, sw.js and unversioned files are revalidated on every load (`no-cache`): a new
service worker or page is seen at once. Files whose name carries a content hash
(the theme's bundles) never change and are cached for a year (`immutable`).
"""
from __future__ import annotations

import functools
import re
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HASHED = re.compile(r"\.[0-9a-f]{8,}\.min\.(js|css)$")
WATCHED = ("data", "content", "mkdocs.yml", "site_build/theme", "hooks")


def cache_control(path: str) -> str:
    return "public, max-age=31536000, immutable" if HASHED.search(path) else "no-cache"


class CachingHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".webmanifest": "application/manifest+json",
                      ".ics": "text/calendar; charset=utf-8", ".vcf": "text/vcard; charset=utf-8",
                      ".js": "text/javascript; charset=utf-8"}

    def end_headers(self):
        self.send_header("Cache-Control", cache_control(self.path.split("?")[0]))
        super().end_headers()

    def log_message(self, *args):
        pass


def _snapshot(root: Path) -> tuple:
    files = []
    for name in WATCHED:
        target = root / name
        paths = [target] if target.is_file() else (p for p in target.rglob("*") if p.is_file())
        files.extend((str(p), p.stat().st_mtime_ns) for p in paths)
    return tuple(sorted(files))


def serve(root: Path, site_dir: Path, rebuild, address: tuple[str, int]):
    """Serve site_dir; call rebuild() when a watched source changes (a failed rebuild keeps the last site)."""
    server = ThreadingHTTPServer(address, functools.partial(CachingHandler, directory=str(site_dir)))
    host, port = server.server_address[:2]
    print(f"Aperçu sur http://{host}:{port}/ (Ctrl+C pour arrêter)", file=sys.stderr)

    def watch():
        seen = _snapshot(root)
        while True:
            time.sleep(1)
            now = _snapshot(root)
            if now != seen:
                seen = now
                rebuild()

    threading.Thread(target=watch, daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
