"""Numbers as written: digits, spelled-out words, scales and currency symbols.

The regular-expression pieces here are lowercase on purpose: a figure pattern is searched for
without IGNORECASE in a lowercased copy of the sentence (see `extract.FigureExtractor`).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from text_to_num import text2num

from .lexicon import CURRENCY_SYMBOLS, SCALES, SPELLED

# Thousands separators as the text writes them: comma; space, no-break space, narrow or thin space
# (SI and French style); apostrophe (Swiss style); full stop when it groups twice ("1.234.567") or
# before a decimal comma ("1.234,56"). A group is exactly three digits, and a spaced number must not
# run on into more digits ("+44 800 789321" is a telephone number, not 44,800).
THOUSANDS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)"
    r"|(?<!\d[\ \u00a0\u202f\u2009])\d{1,3}(?:[\ \u00a0\u202f\u2009]\d{3})+(?:,\d{1,2})?(?![\d.,]?\d|[\ \u00a0\u202f\u2009]\d)"
    r"|\d{1,3}(?:['’]\d{3})+(?:\.\d+)?(?!['’]?\d)"
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.])|\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d,])"
)
VULGAR = "½¼¾⅓⅔⅕⅛⅜⅝⅞"
# Scientific notation: 1.99×10−30, 2.5 x 10^6, 4e14, -1e-3 (a bare "3x10" is a size, not a power of ten)
SCIENTIFIC = r"\d+(?:\.\d+)?(?:\ ?×\ ?10(?:\^|\*\*)?[-−]?\d+|\ ?[x*]\ ?10(?:\^|\*\*)[-−]?\d+|e[-−+]?\d+)(?![\d.])"
_SCIENTIFIC_RE = re.compile(r"(\d+(?:\.\d+)?)\s?(?:[×x*]\s?10(?:\^|\*\*)?|e)([-−+]?\d+)")
# Each alternation starts with a look at the first character: the search tries every position
# near an anchor, and one failed character class is cheaper than a dozen failed alternatives.
NUM = (
    rf"(?=[\d.{VULGAR}])(?:"
    r"\d{1,3}\ \d\s?[/⁄]\s?\d{1,2}(?![\d/])"  # a mixed number: 2 1/2
    rf"|\d+\s?[/⁄]\s?\d+(?![\d/])|{THOUSANDS}"
    rf"|{SCIENTIFIC}"
    r"|\d+,\d{1,2}(?![\d,])"  # 179,95: a decimal comma where the reader finds its context, else two numbers
    rf"|\d*[{VULGAR}]|\d+(?:\.\d+)?|\.\d+)"
)
# "three and a half", "2 and a quarter"
AND_A_FRACTION = r"\ and\ an?\ (?:half|quarter)\b"
# 'and' joins a spelled number only after a scale word ("two hundred and fifty"): "two and three" are two numbers
_JOINING_AND = "|".join(f"(?<={w}[- ])and" for w in ("hundred", "thousand", "million", "billion"))
_SPELLED_FIRST = "".join(sorted({word[0] for word in SPELLED.split("|")}))
# "a dozen" with its space escaped: the patterns are read in re.VERBOSE mode, where a bare space is nothing
_SPELLED_VERBOSE = SPELLED.replace("a dozen", r"a[-\ ]dozen")
WORDNUM = rf"(?=[{_SPELLED_FIRST}])(?:(?:{_SPELLED_VERBOSE})(?:[- ](?:{_SPELLED_VERBOSE}|thousand|million|billion|(?:{_JOINING_AND})(?!\ an?\ (?:half|quarter)\b))(?=\b))*)"
SCALE_WORD = "(?:hundred|thousand|million|billion|trillion)"
SCALE = r"(?:\s?(?:hundred|thousand|million|billion|trillion|bn|mn|tn)\b|(?<=\d)(?:k|m|b|mil)\b)"
# ISO 4217 codes written before the amount ("INR1 trillion", "EUR 20m"), then symbols
CURRENCY_CODES = "usd|eur|gbp|jpy|cny|rmb|inr|aud|cad|chf|hkd|nzd|sgd|myr|zar|sek|nok|dkk|brl|mxn|rub|krw|idr|php|thb|ils|aed|sar"
# (?<![a-z]): a symbol or code starts a word ("vers 8 h", "users 8 million" hold no rupees)
CURRENCY = rf"(?<![a-z])(?=[a-z$£€¥])(?:\b(?:{CURRENCY_CODES})(?=\ ?\d)|us\$|a\$|c\$|hk\$|nz\$|s\$|\$us|\$a|\$|£|€|¥|rm|rs\.?)"

_FRACTION_RE = re.compile(r"(?:(\d+)\ )?(\d+)\s?[/⁄]\s?(\d+)")
_DIGITS_RE = re.compile(rf"[\d,.\u00a0\u202f\u2009 '’{VULGAR}]+")
_SEPARATORS_RE = re.compile(r"[\u00a0\u202f\u2009 '’]")
_DECIMAL_COMMA_RE = re.compile(r"(?:\d{1,3}(?:\.\d{3})+|\d+),\d{1,2}|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?")
FRACTION_WORDS = {"half": 0.5, "quarter": 0.25}


def has_decimal_comma(text: str) -> bool:
    """'179,95', '1.234,56', '1.234.567': written with the comma as decimal mark (or full stops grouping)."""
    return bool(_DECIMAL_COMMA_RE.fullmatch(text.strip()))


@lru_cache(maxsize=4096)  # a story's numbers repeat ("two", "275") from sentence to sentence
def to_number(text: str) -> float | None:
    """'1,200', '816 000', "816'000" -> 816000.0; '3/4' -> 0.75; '2 1/2', '2½' -> 2.5; '179,95' -> 179.95;
    'twenty-five' -> 25.0; 'a dozen' -> 12.0; None when it is no number."""
    text = text.strip().lower()
    scientific = _SCIENTIFIC_RE.fullmatch(text)
    if scientific:
        exponent = int(scientific.group(2).replace("−", "-"))
        return float(scientific.group(1)) * 10.0 ** exponent if abs(exponent) < 300 else None
    fraction = _FRACTION_RE.fullmatch(text)
    if fraction:
        whole, numerator, denominator = (int(g) if g else 0 for g in fraction.groups())
        return whole + numerator / denominator if denominator else None
    if _DIGITS_RE.fullmatch(text):
        text = _SEPARATORS_RE.sub("", text)
        if has_decimal_comma(text):
            text = text.replace(".", "").replace(",", ".")
        if text[-1:] in VULGAR:
            return float(text[:-1] or 0) + unicodedata.numeric(text[-1])
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    if text in ("dozen", "a dozen", "a-dozen"):
        return 12.0
    if text == "a":
        return 1.0  # "a million": the scale word follows
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
