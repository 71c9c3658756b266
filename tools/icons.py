"""Redraw the PNG icons (favicon, home-screen and PWA icons) from the SVG logo, in Debian's Chromium.

The logo is white on the guide's green; a maskable icon keeps it inside the safe zone (80 %).
Run after changing site_build/theme/assets/images/logo.svg:  .venv/bin/python tools/icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from serving import launch_chromium  # noqa: E402

from site_build.editing.icons import ICON_SIZES as SIZES  # noqa: E402  (one table for both ways of drawing)

LOGO = ROOT / "site_build/theme/assets/images/logo.svg"
ICONS = ROOT / "site_build/theme/assets/icons"
GREEN = "#1d5b3c"


def page_for(svg: str, size: int, share: float, rounded: bool) -> str:
    radius = f"{size // 6}px" if rounded else "0"
    inner = round(size * share)
    sized = svg.replace("<svg ", '<svg width="100%" height="100%" ', 1)
    return (
        "<!doctype html><html><body style='margin:0;background:transparent'>"
        f"<div style='width:{size}px;height:{size}px;background:{GREEN};border-radius:{radius};"
        "display:flex;align-items:center;justify-content:center'>"
        f"<div style='width:{inner}px;height:{inner}px'>{sized}</div>"
        "</div></body></html>"
    )


def main() -> None:
    svg = LOGO.read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for name, (size, share, rounded) in SIZES.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(page_for(svg, size, share, rounded))
            page.screenshot(path=str(ICONS / name), omit_background=True)
            page.close()
            print(ICONS / name)
        browser.close()


if __name__ == "__main__":
    main()
