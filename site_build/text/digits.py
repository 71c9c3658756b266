"""Digits of every script as ASCII: a phone number written ٠٢ ٦١ ٩١ … (Arabic-Indic) or ０２… (full
width) is the same number for whoever reads it, so checks compare it as 02 61 91 …"""

from __future__ import annotations

import re
import unicodedata

_DIGIT = re.compile(r"\d")  # without re.ASCII: a decimal digit (category Nd) of any script


def ascii_digits(text: str) -> str:
    """`text` with every Unicode decimal digit replaced by its ASCII digit."""
    if text.isascii():
        return text
    return _DIGIT.sub(lambda m: str(unicodedata.decimal(m[0])), text)
