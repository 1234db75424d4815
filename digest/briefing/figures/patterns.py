"""The figure patterns digest registers: vague amounts, fractions, and numbers with their ranges and units.

`build_default_patterns()` returns them in an ordered registry (after Python-Markdown's); at one
position of a sentence the pattern of highest priority that matches there is read. To add one:

    patterns = build_default_patterns()
    patterns.register(FigurePattern(regex, read, anchors=("score",)), "scores", 15)
    FigureExtractor(patterns)("...")
"""
from __future__ import annotations

import re

from ...models import Figure
from ...registry import Registry
from .context import counted, qualifier
from .lexicon import FRACTIONS, SCALES, SPELLED, TIME_UNITS, VAGUE
from .number_pattern import NUMBER_RE, read_number
from .pattern import FigurePattern

# ---------------------------------------------------------------- vague amounts: "hundreds of civilians", "Dozens were hurt"

VAGUE_RE = r"""\b(?:tens\ of\ thousands|hundreds\ of\ thousands|tens\ of\ millions|hundreds\ of\ millions
                |dozens|hundreds|thousands|millions|billions|(?:several|a\ few)\ (?:hundred|thousand|million|billion))\b"""
_SEVERAL_RE = re.compile(r"(?:several|a few) ")
# Anchors as specific as the pattern: after an anchor that starts no match ("a few days"), the search
# would read on with every pattern to the next figure
_SEVERAL_ANCHORS = ("several (?:hundred|thousand|million|billion)", "a few (?:hundred|thousand|million|billion)")


def read_vague(sentence: str, match: re.Match[str]) -> Figure | None:
    """'hundreds of civilians', 'Tens of thousands fled': an order of magnitude (low, high) qualified 'vague'."""
    word = _SEVERAL_RE.sub("", match.group(0).lower())
    if word in SCALES:
        word += "s"  # "several hundred", "a few thousand": the order of magnitude of "hundreds", "thousands"
    if word not in VAGUE:
        return None  # "thouſands": IGNORECASE takes the long s for an s
    low, high = VAGUE[word]
    found_qualifier, _ = qualifier(sentence, match.start())
    unit, counts, _ = counted(sentence, match.end(), vague=True)
    return Figure(text=sentence[match.start() : match.end()], value=None, low=low, high=high, unit=unit, counts=counts,
                  qualifier=found_qualifier or "vague", start=match.start(), end=match.end())


# ---------------------------------------------------------------- fractions: "two-thirds of voters", "half a million"

FRACTION_RE = r"""\b(?:a|one)[-\ ](?:third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|\btwo[-\ ](?:thirds|fifths)\b|\bthree[-\ ](?:quarters|fifths)\b
                  |\bone[-\ ]half\b|\ba\ half\b(?=\ of\b)|\bhalf\b(?=\ (?:of|the|an?)\b)"""
_ARTICLE_RE = re.compile(r"^(?:a|one)[- ]")
_HALF_OF_RE = re.compile(r"\s+an?\s+(?:(?P<scale>dozen|hundred|thousand|million|billion|trillion)|(?P<unit>[a-z]+))\b", re.IGNORECASE)


def read_fraction(sentence: str, match: re.Match[str]) -> Figure | None:
    """'two-thirds of voters' (0.667), 'half a million' (500,000), 'half an hour' (0.5 hours)."""
    value = FRACTIONS.get(_ARTICLE_RE.sub("", match.group(0).lower()))
    if value is None:
        return None
    end = match.end()
    whole = _HALF_OF_RE.match(sentence, end) if match.group(0).lower() == "half" else None
    if whole and whole.group("scale"):
        value *= 12.0 if whole.group("scale").lower() == "dozen" else SCALES[whole.group("scale").lower()]
        end = whole.end()
    elif whole and whole.group("unit").lower() not in TIME_UNITS:
        return None  # "half a chance"
    elif whole:
        end = whole.start("unit") - 1  # "half an hour": the unit is read next
    found_qualifier, _ = qualifier(sentence, match.start())
    unit, counts, _ = counted(sentence, end, vague=not whole or bool(whole.group("scale")))
    return Figure(text=sentence[match.start():end].strip(), value=value, low=value, high=value, unit=unit, counts=counts,
                  qualifier=found_qualifier, start=match.start(), end=end)


# ---------------------------------------------------------------- the registry

# A currency code or symbol before the digits ("INR1", "US$ -5") is within `reach` of the digit: not an anchor.
# Every anchor's first letter widens the prefilter's first-character class, and with it the search.
# 'between' anchors a match only before a number, a sign or a currency: after a 'between' that starts
# no figure ("between the two sides") the search would read on with every pattern
# (a currency code may stand before a spelled number too: "between Rs two and three")
_BETWEEN = rf"between(?=\s+(?:[\d$£€¥.−-]|[a-z]{{1,3}}\$|rs\.|(?:[a-z]{{2,3}}\ ?)?(?:\d|(?:{SPELLED.replace('a dozen', 'a[- ]dozen')})\b)))"
NUMBER_ANCHORS = (_BETWEEN, "minus", "a (?:thousand|million|billion|trillion)", *SPELLED.replace("a dozen", "a[- ]dozen").split("|"))


def build_default_patterns() -> Registry[FigurePattern]:
    """digest's figure patterns, highest priority first: vague amounts, fractions, numbers."""
    patterns: Registry[FigurePattern] = Registry()
    patterns.register(FigurePattern(VAGUE_RE, read_vague, anchors=("dozens", "hundreds", "thousands", "millions", "billions", "tens of (?:thousands|millions)", *_SEVERAL_ANCHORS)),
                      "vague", 30)
    patterns.register(FigurePattern(FRACTION_RE, read_fraction, anchors=("a[- ](?:third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)", "a half(?= of\\b)",
                                                                         "one", "two", "three", "half(?= (?:of|the|an?)\\b)")),
                      "fraction", 20)
    patterns.register(FigurePattern(NUMBER_RE, read_number, anchors=NUMBER_ANCHORS, digits=True, reach=6), "number", 10)
    return patterns
