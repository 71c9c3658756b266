"""QR codes as inline SVG, made at build time (no network, no image request)."""

from __future__ import annotations

import io


def qr_svg(text: str, title: str = "Code QR de l'adresse du calendrier") -> str:
    import segno

    out = io.BytesIO()
    segno.make(text, error="m").save(
        out,
        kind="svg",
        scale=4,
        border=2,
        xmldecl=False,
        svgns=True,
        title=title,
        dark="#000",
        light="#fff",
    )
    return out.getvalue().decode("utf-8")  # the page names it too (role="img")
