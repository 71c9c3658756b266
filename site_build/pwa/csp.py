"""Content-Security-Policy for every page: only the site's own origin, inline scripts by hash."""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EXECUTABLE_TYPES = {"text/javascript", "application/javascript", "module"}


def inline_script_hashes(page: str) -> list[str]:
    """'sha256-…' of each inline script the browser would run (JSON and JSON-LD blocks do not run)."""
    hashes = []
    for match in _SCRIPT.finditer(page):
        attrs = match["attrs"]
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = _TYPE.search(attrs)
        if kind and kind.group(1).lower() not in _EXECUTABLE_TYPES:
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def policy(page: str) -> str:
    scripts = " ".join(["'self'", *inline_script_hashes(page)])
    # Styles: the theme sets style attributes; an injected style cannot send data anywhere (connect/img: self).
    return (
        f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def with_content_security_policy(page: str) -> str:
    """The page with its CSP <meta> first in <head>, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page)}">'
    return re.sub(r"<head>", "<head>" + meta, page, count=1)
