"""Offline-first: the web app manifest, and the service worker generated from the built site.

After MkDocs has written the site, every file is classed by priority and hashed.
The app shell, the search index, the directory JSON and the feeds are always
precached; pages, photos and partner pages follow while the budget allows (what
does not fit is cached when visited, and every partner stays readable offline
from the directory JSON). The precache manifest ({url, revision, title}) is
written into sw.js, so any content change gives a new worker and an update offer.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import mimetypes
import re
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from site_build import urls
from site_build.i18n.languages import FRENCH, Language

DEFAULT_BUDGET_MB = 20
RUNTIME_MAX_ENTRIES = 200  # pages saved while browsing past the precache (see sw.template.js)
SW_NAME = "sw.js"
BUNDLE_PREFIX = "precache-"  # precache-<version>.json: every entry in one download, for the first visit
_TEXT_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".json": "application/json",
    ".ics": "text/calendar",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".txt": "text/plain",
}
MANIFEST_NAME = "manifest.webmanifest"
THEME_COLOUR = "#1d5b3c"

# Precache groups, in order; a generated page's group is its family's (site_build/families.py).
ALWAYS, DATA, PAGES, PHOTOS, PARTNERS = range(5)
# WebP only: every browser with service workers but Safari 11.1–13 reads it, and each file costs a round trip
_PHOTO = re.compile(r"^images/.+-\d+\.webp$")
# Downloads (contact cards, open data tables): fetched when asked for, kept once fetched
_ON_DEMAND = (".vcf", ".csv")
_LUNR_NEEDED = {"lunr.stemmer.support.min.js", "lunr.fr.min.js"}  # French only
_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)


def web_manifest(
    name: str,
    language: Language = FRENCH,
    gettext: Callable[[str], str] = str,
    colour: str = THEME_COLOUR,
    short_name: str = "",
) -> bytes:
    """manifest.webmanifest; relative URLs so the site also works under a sub-path (and in each
    language's folder, where it is that language's app)."""
    icons = [
        {"src": "assets/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
        {"src": "assets/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
        {"src": "assets/icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
    ]
    manifest = {
        "id": "./",
        "name": name,
        "short_name": short_name or gettext("Guide partagé"),  # the guide's own: a name, not translated
        "lang": language.code,
        "dir": language.direction,
        "description": gettext(
            "Partenaires, recettes du mois et dates Épi'santé de l'épicerie sociale, même sans connexion."
        ),
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "orientation": "any",
        "background_color": "#ffffff",
        "theme_color": colour,
        "icons": icons,
    }
    return json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")


def priority(path: str, pages: Mapping[str, int] | None = None) -> int | None:
    """Precache group of a site file, or None when it is never precached. `pages`: the group of
    each generated page (its file), as its family says."""
    name = path.rsplit("/", 1)[-1]
    if (
        path.endswith((".map", ".gz", *_ON_DEMAND))
        or path in (SW_NAME, "sitemap.xml")
        or (path.startswith(urls.OPEN_DATA) and not path.endswith(".html"))  # open-data downloads: on demand
        or path.startswith(BUNDLE_PREFIX)
    ):
        return None
    if path.startswith("assets/javascripts/lunr/"):
        return ALWAYS if name in _LUNR_NEEDED else None
    if path.startswith("assets/") or path in (
        "search/search_index.json",
        MANIFEST_NAME,
        "index.html",
        "hors-ligne/index.html",
        urls.DIRECTORY_DATA,
        "404.html",
    ):
        return ALWAYS
    if pages and path in pages:
        return pages[path]
    if path.endswith(".html"):
        return PAGES
    if _PHOTO.match(path):
        return PHOTOS
    if path.startswith("images/"):
        return None  # the original photos: pages use the resized copies
    return DATA


def _url(path: str) -> str:
    """Site path → URL relative to the site root, as pages link to it ('annuaire/' for annuaire/index.html)."""
    return path[: -len("index.html")] if path == "index.html" or path.endswith("/index.html") else path


def precache_manifest(
    site_dir: Path, budget_bytes: int, pages: Mapping[str, int] | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The entries to precache, in priority order, and figures about them (`pages`: see priority())."""
    candidates = []
    # another language's folder (/en/) is a site of its own, with its own worker and precache
    own_sites = {worker.parent for worker in site_dir.rglob(SW_NAME) if worker.parent != site_dir}
    for file in sorted(site_dir.rglob("*")):
        if not file.is_file() or any(folder in file.parents for folder in own_sites):
            continue
        path = file.relative_to(site_dir).as_posix()
        group = priority(path, pages)
        if group is None:
            continue
        content = file.read_bytes()
        entry = {"url": _url(path), "revision": hashlib.sha256(content).hexdigest()[:12], "path": path}
        if path.endswith(".html"):
            title = _TITLE.search(content)
            if title:
                entry["title"] = html.unescape(title.group(1).decode("utf-8")).strip()
        candidates.append((group, path, len(content), entry))
    candidates.sort(key=lambda c: (c[0], c[1]))
    entries, total, left_out = [], 0, 0
    for group, _, size, entry in candidates:
        if group > DATA and total + size > budget_bytes:
            left_out += 1
            continue
        entries.append(entry)
        total += size
    return entries, {"entries": len(entries), "bytes": total, "left_out": left_out}


def bundle(site_dir: Path, entries: list[dict[str, Any]]) -> bytes:
    """Every precache entry in one JSON file. On a slow mobile network each request costs
    seconds of latency: the first visit downloads this one file (compressed by the server)
    instead of hundreds. Updates fetch only the entries that changed."""
    items = []
    for entry in entries:
        content = (Path(site_dir) / entry["path"]).read_bytes()
        suffix = Path(entry["path"]).suffix
        item = {"url": entry["url"]}
        if suffix in _TEXT_TYPES:
            item["type"] = _TEXT_TYPES[suffix] + "; charset=utf-8"
            item["text"] = content.decode("utf-8")
        else:
            item["type"] = mimetypes.guess_type(entry["path"])[0] or "application/octet-stream"
            item["base64"] = base64.b64encode(content).decode("ascii")
        items.append(item)
    return json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def service_worker(entries: list[dict[str, Any]]) -> tuple[str, bytes]:
    """(version, sw.js) for these entries."""
    template = resources.files("site_build").joinpath("pwa/sw.template.js").read_text(encoding="utf-8")
    public = [{k: v for k, v in e.items() if k != "path"} for e in entries]
    manifest = json.dumps(public, ensure_ascii=False, separators=(",", ":"))
    version = hashlib.sha256(manifest.encode("utf-8")).hexdigest()[:12]
    return version, template.replace("__VERSION__", version).replace("__PRECACHE__", manifest).replace(
        "__RUNTIME_MAX__", str(RUNTIME_MAX_ENTRIES)
    ).encode("utf-8")


def write_service_worker(
    site_dir: Path, budget_mb: float = DEFAULT_BUDGET_MB, pages: Mapping[str, int] | None = None
) -> dict[str, Any]:
    """Write sw.js and the first-visit bundle at the site root; returns the precache figures."""
    site_dir = Path(site_dir)
    for old in site_dir.glob(f"{BUNDLE_PREFIX}*.json"):
        old.unlink()
    entries, figures = precache_manifest(site_dir, int(budget_mb * 1024 * 1024), pages)
    version, worker = service_worker(entries)
    (site_dir / f"{BUNDLE_PREFIX}{version}.json").write_bytes(bundle(site_dir, entries))
    (site_dir / SW_NAME).write_bytes(worker)
    return figures
