"""A recipe photo as a <picture>: every size and format, its ratio reserved."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from site_build.data.media.photos import WIDTHS, dimensions, variant_path

SIZES = "(min-width: 45em) 40rem, 100vw"


@dataclass(frozen=True)
class Picture:
    """A recipe photo as _picture.html draws it: every size in WebP and JPEG, the ratio reserved."""

    alt: str
    webp: list[tuple[int, str]]  # (width, site path)
    jpg: list[tuple[int, str]]
    fallback: str
    width: int
    height: int
    sizes: str = SIZES
    langue: str = "fr"  # the language of `alt`


def picture(content_dir: Path, src: str, alt: str, langue: str = "fr") -> Picture:
    width, height = dimensions(content_dir, src)
    return Picture(
        alt=alt,
        langue=langue,
        webp=[(w, variant_path(src, w, "webp")) for w in WIDTHS],
        jpg=[(w, variant_path(src, w, "jpg")) for w in WIDTHS],
        fallback=variant_path(src, WIDTHS[1], "jpg"),
        width=WIDTHS[-1],
        height=round(height * WIDTHS[-1] / width),
    )
