"""Recipe photos: their shown size and their responsive copies (320/640/960 px, WebP and JPEG),
made at build time and kept in a cache between builds."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

WIDTHS = (320, 640, 960)
FORMATS = {"webp": "WEBP", "jpg": "JPEG"}  # WebP first; JPEG for old iPhones (Safari < 14)


def variant_path(src: str, width: int, extension: str) -> str:
    """'images/recettes/x.jpg' → 'images/recettes/x-640.webp' (site path)."""
    stem = src.rsplit(".", 1)[0]
    return f"{stem}-{width}.{extension}"


def _resized(source: bytes, width: int, image_format: str) -> bytes:
    from PIL import Image, ImageOps  # only when a photo is (re)made

    with Image.open(io.BytesIO(source)) as original:
        # a phone held upright stores the photo sideways plus an EXIF orientation: apply it
        image = ImageOps.exif_transpose(original).convert("RGB")
        if image.width > width:
            image = image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        image.save(out, image_format, quality=72, optimize=True, **({"method": 5} if image_format == "WEBP" else {}))
        return out.getvalue()


def variants(content_dir: Path, src: str, cache_dir: Path) -> dict[str, bytes]:
    """{site path: bytes} of every size and format of one photo; unchanged photos come from the cache."""
    source = (content_dir / src).read_bytes()
    # new key: older cache entries were not turned
    digest = hashlib.sha256(b"orientation-applied\n" + source).hexdigest()[:16]
    files = {}
    for extension, image_format in FORMATS.items():
        for width in WIDTHS:
            cached = cache_dir / f"{digest}-{width}.{extension}"
            if cached.is_file():
                made = cached.read_bytes()
            else:
                made = _resized(source, width, image_format)
                _keep(cached, made)
            files[variant_path(src, width, extension)] = made
    return files


def _keep(cached: Path, made: bytes) -> None:
    """Into the cache whole or not at all: another build at the same time (a preview beside a build)
    reads either no file or the whole photo, never half of one."""
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f".{cached.name}.{os.getpid()}")
    partial.write_bytes(made)
    os.replace(partial, cached)


# EXIF orientations that turn the picture a quarter: width and height swap.
_QUARTER_TURNS = {5, 6, 7, 8}


def dimensions(content_dir: Path, src: str) -> tuple[int, int]:
    """Width and height as the photo is shown, after its EXIF orientation."""
    from PIL import Image

    with Image.open(content_dir / src) as image:
        turned = image.getexif().get(0x0112) in _QUARTER_TURNS
        return (image.height, image.width) if turned else (image.width, image.height)
