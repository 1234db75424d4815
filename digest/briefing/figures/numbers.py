"""Numbers as written: digits, spelled-out words, scales and currency symbols.

The regular-expression pieces here are lowercase on purpose: a figure pattern is searched for
without IGNORECASE in a lowercased copy of the sentence (see `extract.FigureExtractor`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from .lexicon import CURRENCY_SYMBOLS, SCALES, SPELLED

NUM = r"\d+\s?[/⁄]\s?\d+(?![\d/])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
WORDNUM = rf"(?:(?:{SPELLED})(?:[- ](?:{SPELLED}|thousand|million|billion|and)(?=\b))*)"
SCALE = r"(?:\s?(?:hundred|thousand|million|billion|trillion|bn|mn|tn)\b|(?<=\d)(?:k|m|b)\b)"
CURRENCY = r"(?:us\$|a\$|c\$|hk\$|nz\$|\$us|\$a|\$|£|€|¥|rm|rs\.?)"

_FRACTION_RE = re.compile(r"(\d+)\s?[/⁄]\s?(\d+)")
_DIGITS_RE = re.compile(r"[\d,.]+")


@lru_cache(maxsize=4096)  # a story's numbers repeat ("two", "275") from sentence to sentence
def to_number(text: str) -> float | None:
    """'1,200' -> 1200.0, '3/4' -> 0.75, 'twenty-five' -> 25.0, 'a dozen' -> 12.0; None when it is no number."""
    text = text.strip().lower()
    fraction = _FRACTION_RE.fullmatch(text)
    if fraction:
        return int(fraction.group(1)) / int(fraction.group(2)) if int(fraction.group(2)) else None
    if _DIGITS_RE.fullmatch(text):
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    if text in ("dozen", "a dozen"):
        return 12.0
    try:
        return float(text2num(text.replace(" and ", " "), "en"))
    except ValueError:
        return None


def scale(text: str | None) -> float:
    """The multiplier a scale word stands for: 'million' -> 1e6, 'bn' -> 1e9; 1.0 for none."""
    if not text:
        return 1.0
    return SCALES.get(text.strip().lower(), 1.0)


def currency_unit(symbol: str) -> str:
    """ISO 4217 code of a currency symbol as written: 'US$' -> 'USD', '£' -> 'GBP'."""
    symbol = symbol.lower().rstrip(".")
    return CURRENCY_SYMBOLS.get(symbol, symbol.upper())
