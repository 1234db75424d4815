"""The number pattern (a registered FigurePattern): "no more than 200-300 militants", "$3.2bn", "816 000 tonnes",
"three and a half years"; `numbers.py` reads the digits and words it matches."""
from __future__ import annotations

import re
import copy

from ...models import Figure
from .context import (
    ATTACHED_RE, age_in_apposition, age_unit, counted, is_date_or_time, is_score, names_a_thing, pronoun_one, qualifier, unit_after,
)
from .lexicon import ATTACHED_UNITS, CURRENCY_WORDS, MEASURES, SCALES, TIME_UNITS
from .numbers import AND_A_FRACTION, CURRENCY, SCALE_WORD, FRACTION_WORDS, NUM, SCALE, WORDNUM, currency_unit, has_decimal_comma, scale, to_number

# A unit written after both ends of a range: "from 450 sq ft up to 900 sq ft", "5% to 7%"
MID_UNIT = (r"(?:%|\ percent|\ per\ cent|\ pounds|\ miles|\ km|\ kg|\ points|\ dollars|\ euros|\ cents|\ degrees"
            r"|\ years|\ months|\ weeks|\ days|\ hours|\ sq\ ?ft|\ sq\ ?m|\ square\ (?:feet|metres|meters)|\ mpg|\ mph"
            r"|\ tonnes|\ feet|\ metres|\ meters|\ inches)")
NUMBER_RE = rf"""
    (?:\bbetween\s+)?(?:(?P<cur>{CURRENCY})\s?)?(?P<neg>(?<![\w.,])[-−](?=\d)|\bminus[- ](?=\d))?
    (?P<low>{NUM}|\b{WORDNUM}\b|\ba(?=\ {SCALE_WORD}\b))(?P<lowfrac>{AND_A_FRACTION})?(?P<lowscale>{SCALE})?
    (?:(?P<midunit>{MID_UNIT})?(?:\s*(?:–|—|to|and)\s*|-\s*|\s+-\s+|(?<=[a-z])\ up\ to\ )(?:(?P<cur2>{CURRENCY})\s?)?
       (?P<high>{NUM}|\b{WORDNUM}\b)(?P<highfrac>{AND_A_FRACTION})?(?P<highscale>{SCALE})?)?
    (?P<pct>\s?%|\s(?:percent|per\ cent)\b)?
    """


_GROUPS = ("cur", "neg", "low", "lowfrac", "lowscale", "midunit", "cur2", "high", "highfrac", "highscale", "pct")
_INDEX = {name: i for i, name in enumerate(re.compile(NUMBER_RE, re.VERBOSE).groupindex)}
assert tuple(_INDEX) == _GROUPS, "NUMBER_RE's named groups are read by position"


class _Parts:
    """The pieces of one number match, as offsets and texts (a match cut short keeps the first number only).

    Read from Match.groups() and Match.regs at once: a figure search reads thousands of matches."""

    __slots__ = ("start", "end", "low_start", "low_end", "low_text", "low_frac", "low_scale", "high_end", "high_text",
                 "high_frac", "high_scale", "currency", "currency_start", "high_currency", "neg", "neg_start",
                 "midunit", "pct")

    def __init__(self, match: re.Match[str]) -> None:
        cur, neg, low, low_frac, low_scale, midunit, cur2, high, high_frac, high_scale, pct = match.groups()
        regs = match.regs
        self.start, self.end = regs[0]
        self.currency, self.currency_start = cur, regs[1][0]
        self.neg, self.neg_start = bool(neg), regs[2][0]
        self.low_text, self.low_start = low, regs[3][0]
        self.low_frac, self.low_scale = low_frac, low_scale
        self.low_end = regs[5][1] if low_scale else regs[4][1] if low_frac else regs[3][1]
        self.midunit, self.high_currency = midunit, cur2
        self.high_text, self.high_frac, self.high_scale = high, high_frac, high_scale
        self.high_end = regs[10][1] if high_scale else regs[9][1] if high_frac else regs[8][1]
        self.pct = bool(pct)

    def first_only(self, end: int | None = None, low_text: str | None = None, start: int | None = None) -> _Parts:
        """The low number alone: "Iran and 20 others", "rose 8% to 3.65", "179,95" read as 179 and 95."""
        parts = copy.copy(self)
        parts.end = end if end is not None else self.low_end
        parts.start = start if start is not None else self.start
        parts.high_text = parts.high_frac = parts.high_scale = parts.high_currency = parts.midunit = None
        parts.pct = False
        if low_text is not None:
            parts.low_text, parts.low_end, parts.low_frac, parts.low_scale = low_text, parts.end, None, None
        return parts

    @property
    def name_start(self) -> int:
        """Where the words that could make it part of a name end."""
        return self.currency_start if self.currency else self.neg_start if self.neg else self.low_start


_AND_RE = re.compile(r"\s*and\b")
_HYPHEN_WORD_RE = re.compile(r"-[a-z]")
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+\S*$")
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)\b")
_ADDRESS_RE = re.compile(r"\s+(?:(?:[A-Z][\w.]*|\d+(?:st|nd|rd|th))\s+){0,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Boulevard|Blvd|Drive|Way|Place|Square)\b")
_RANK_BEFORE_RE = re.compile(r"\b(?:top|bottom)\s$", re.IGNORECASE)
_PLAIN_COMMA_RE = re.compile(r"\d+,\d{1,2}")
_WORD_AFTER_RE = re.compile(r"\s?(%|€|£|\$|[a-z]+)")


def read_number(sentence: str, match: re.Match[str]) -> Figure | None:
    """A number, or a range of two, with its currency, scale, percent sign, unit, qualifier and counted thing."""
    low_text = match.group("low")
    if to_number(low_text) is None:
        return None
    if not match.group("cur") and "," not in low_text \
            and is_date_or_time(sentence, match.start("low"), match.end("low"), low_text):
        return None  # most numbers that are no figure are dates and times: rejected before the rest is read
    parts = _Parts(match)
    if parts.high_text is None and _ends_with_and(match.group(0)):
        return None
    if parts.low_text[:1] in "oO" and parts.low_text.lower() == "one" and not parts.low_scale and not parts.low_frac \
            and pronoun_one(sentence, match.start("low"), match.end("low")):
        return None  # "no one", "one another": a pronoun, not a figure
    if "," in parts.low_text and _PLAIN_COMMA_RE.fullmatch(parts.low_text) and not _decimal_comma_context(sentence, parts):
        cut = parts.low_start + parts.low_text.index(",")
        return _figure(sentence, parts.first_only(cut, parts.low_text[: cut - parts.low_start]))
    if not parts.currency and "," in low_text and is_date_or_time(sentence, match.start("low"), match.end("low"), low_text):
        return None  # a sum of money is never a date: "$2000", "£1,999"
    if parts.high_text is not None and _AND_RE.match(sentence, parts.low_end + len(parts.midunit or "")) \
            and not sentence[parts.start : parts.start + 8].lower().startswith("between"):
        # "five and 20 others": 'and' only makes a range after 'between'
        return _figure(sentence, parts.first_only(start=parts.name_start))
    if not parts.low_text[:1].isdigit() and parts.high_text is None and not parts.low_frac \
            and _HYPHEN_WORD_RE.match(sentence[match.end("low") : match.end("low") + 2]) \
            and age_unit(sentence, match.end("low")) is None:
        return None  # "three-bed", "a two-month contract": part of a compound word
    around = sentence[max(0, parts.start - 1) : parts.start] + sentence[parts.end : parts.end + 1]
    if "×" in around or "/" in around:
        return None  # 1.99×10−30, $7/$9: parts of a larger expression
    if parts.high_text is not None and is_score(sentence, parts.start, parts.end):
        return None  # "a 1-3 defeat", "won 3-1": a score, not a range
    return _figure(sentence, parts)


def _ends_with_and(text: str) -> bool:
    text = text.rstrip()
    return text[-3:].lower() == "and" and (len(text) == 3 or not text[-4].isalnum())


def _decimal_comma_context(sentence: str, parts: _Parts) -> bool:
    """'179,95 euros', '€179,95', '3,5%', '2,5 millions': a comma before one or two digits is a decimal
    mark only where a currency, unit or scale says the number is an amount; elsewhere '1,2' is a list."""
    if parts.currency or parts.pct or parts.low_scale:
        return True
    after = _WORD_AFTER_RE.match(sentence, parts.low_end)
    if not after:
        return False
    word = after.group(1).lower()
    return word in "%€£$" or word in CURRENCY_WORDS or word in MEASURES or word in SCALES or word in TIME_UNITS \
        or (word in ATTACHED_UNITS and not after.group(0).startswith(" "))


def _value(text: str, fraction: str | None, scale_word: str | None) -> float:
    value = to_number(text)
    if fraction:
        value += FRACTION_WORDS[fraction.split()[-1].lower()]
    return value * scale(scale_word)


def _figure(sentence: str, parts: _Parts) -> Figure | None:
    low = _value(parts.low_text, parts.low_frac, parts.low_scale) * (-1 if parts.neg else 1)
    high = None
    end = parts.end
    if parts.high_text:
        if to_number(parts.high_text) is None:
            return None
        high_scale = parts.high_scale or parts.low_scale
        high = _value(parts.high_text, parts.high_frac, high_scale)
        if parts.high_scale and not parts.low_scale and abs(low) < to_number(parts.high_text):
            low *= scale(high_scale)  # "1.5 to 2 million", but not "$200 to $4 million"
        from_before = _FROM_BEFORE_RE.search(sentence[max(0, parts.low_start - 30) : parts.low_start])
        midunit = (parts.midunit or "").strip()
        if midunit and not from_before and not sentence[parts.high_end:].lstrip().lower().startswith(midunit.lower()):
            first = parts.first_only(parts.low_end + len(parts.midunit))
            first.midunit = parts.midunit  # "rose 8% to 3.65": 8%
            return _figure(sentence, first)
        if high <= low and not from_before:
            return None  # "2-1" is a score, not a range; "from 4.8 to 4.7" is
    if _ORDINAL_RE.match(sentence, end):
        return None  # 3rd, 21st
    currency = parts.currency or parts.high_currency
    unit = currency_unit(currency) if currency else None
    if parts.pct or (parts.midunit or "").strip() in ("%", "percent", "per cent"):
        unit = "%"
    attached = ATTACHED_RE.match(sentence, end)
    if attached and attached.group(1).lower() in ATTACHED_UNITS and not unit:
        unit = ATTACHED_UNITS[attached.group(1).lower()]
        end = attached.end()
    found_qualifier, _ = qualifier(sentence, parts.start)
    counted_unit, counts, _ = counted(sentence, end, vague=False, known_unit="%" if unit == "%" else None)
    unit = unit or counted_unit or age_in_apposition(sentence, parts.start, end, low)
    if unit is None and names_a_thing(sentence, parts.name_start):
        return None
    if unit is None and counts is None and _RANK_BEFORE_RE.search(sentence, max(0, parts.start - 8), parts.start):
        return None  # "slipped to the bottom three": a rank, not an amount
    if _ADDRESS_RE.match(sentence, end):
        return None  # an address: 49 Zorro Ranch Road
    if high is not None and found_qualifier is None:
        found_qualifier = "range"
    text = sentence[parts.start : end].strip()
    if text.lower().startswith("between "):
        text = text[8:]
    return Figure(
        text=text, value=None if high is not None else low, low=low, high=high if high is not None else low,
        unit=unit, counts=counts, qualifier=found_qualifier, start=parts.start, end=end,
    )
