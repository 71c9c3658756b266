"""Digits of every script as ASCII: a phone number written ٠٢ ٦١ ٩١ … (Arabic-Indic) or ０２… (full
width) is the same number for whoever reads it, so checks compare it as 02 61 91 …"""

from __future__ import annotations

import re
import unicodedata

_NON_ASCII_DIGIT = re.compile(r"[^\x00-\x7f]")  # \d is Unicode-wide: any decimal digit of any script


def ascii_digits(text: str) -> str:
    """`text` with every Unicode decimal digit (category Nd) replaced by its ASCII digit."""
    if text.isascii():
        return text
    return _NON_ASCII_DIGIT.sub(lambda m: str(unicodedata.decimal(m[0], "")) or m[0], text)
