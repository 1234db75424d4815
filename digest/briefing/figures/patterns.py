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
from .context import ATTACHED_RE, counted, is_date_or_time, names_a_thing, pronoun_one, qualifier
from .lexicon import ATTACHED_UNITS, CURRENCY_WORDS, FRACTIONS, SPELLED, VAGUE
from .numbers import CURRENCY, NUM, SCALE, WORDNUM, currency_unit, scale, to_number
from .pattern import FigurePattern

# ---------------------------------------------------------------- vague amounts: "hundreds of civilians"

VAGUE_RE = r"""\b(?:tens\ of\ thousands|hundreds\ of\ thousands|tens\ of\ millions|hundreds\ of\ millions
                |dozens|hundreds|thousands|millions|billions)\b"""


def read_vague(sentence: str, match: re.Match[str]) -> Figure | None:
    """'hundreds of civilians': an order of magnitude (low, high) qualified 'vague'."""
    word = match.group(0).lower()
    if word not in VAGUE:
        return None  # "thouſands": IGNORECASE takes the long s for an s
    low, high = VAGUE[word]
    found_qualifier, _ = qualifier(sentence, match.start())
    unit, counts, _ = counted(sentence, match.end(), vague=True)
    if not counts:
        return None
    return Figure(text=match.group(0), value=None, low=low, high=high, unit=unit, counts=counts,
                  qualifier=found_qualifier or "vague", start=match.start(), end=match.end())


# ---------------------------------------------------------------- fractions: "a third of the city"

FRACTION_RE = r"\b(?:a|one)[- ](?:third|quarter|fourth|fifth)\b|\btwo[- ]thirds\b|\bthree[- ]quarters\b"
_ARTICLE_RE = re.compile(r"^(?:a|one)[- ]")


def read_fraction(sentence: str, match: re.Match[str]) -> Figure | None:
    """'two-thirds of voters': the fraction as a value (0.667)."""
    value = FRACTIONS.get(_ARTICLE_RE.sub("", match.group(0).lower()))
    if value is None:
        return None
    unit, counts, _ = counted(sentence, match.end(), vague=True)
    return Figure(text=match.group(0), value=value, low=value, high=value, unit=unit, counts=counts,
                  qualifier=None, start=match.start(), end=match.end())


# ---------------------------------------------------------------- numbers: "no more than 200-300 militants", "$3.2bn"

MID_UNIT = r"(?:%|\ percent|\ per\ cent|\ pounds|\ miles|\ km|\ kg|\ points|\ dollars|\ euros|\ cents|\ degrees|\ years|\ months|\ weeks|\ days|\ hours)"
NUMBER_RE = rf"""
    (?:\bbetween\s+)?(?P<cur>{CURRENCY})?\s?(?P<neg>(?<![\w.,])[-−](?=\d)|\bminus[- ](?=\d))?(?P<low>{NUM}|\b{WORDNUM}\b)(?P<lowscale>{SCALE})?
    (?:(?P<midunit>{MID_UNIT})?\s*(?:-|–|—|to|and)\s*(?P<cur2>{CURRENCY})?(?P<high>{NUM}|\b{WORDNUM}\b)(?P<highscale>{SCALE})?)?
    (?P<pct>\s?%|\s(?:percent|per\ cent)\b)?
    """
_TRAILING_AND_RE = re.compile(r"\band\s*$")
_AND_RE = re.compile(r"\s*and\b")
_HYPHEN_WORD_RE = re.compile(r"-[a-z]")
_AGE_RE = re.compile(r"-(?:year|month|week|day|hour)s?-old")
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+\S*$")
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)\b")
_ADDRESS_RE = re.compile(r"\s+(?:[A-Z][\w.]*\s+){0,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Boulevard|Blvd|Drive|Way|Place|Square)\b")


def read_number(sentence: str, match: re.Match[str]) -> Figure | None:
    """A number, a range of two, with its currency, scale, percent sign, unit, qualifier and counted thing."""
    start, end = match.start(), match.end()
    low_text, high_text = match.group("low"), match.group("high")
    if high_text is None and _TRAILING_AND_RE.search(match.group(0)):
        return None
    low = to_number(low_text)
    if low is None:
        return None
    if low_text.lower().strip() == "one" and not match.group("lowscale") and pronoun_one(sentence, match.start("low"), match.end("low")):
        return None  # "no one", "one another": a pronoun, not a figure
    lead = sentence[start : start + 8].lower()
    joined_range = high_text is not None
    if joined_range and _AND_RE.match(sentence[match.end("low") + len(match.group("lowscale") or "") :]) and not lead.startswith("between"):
        # "Iran and 20 others": 'and' only makes a range after 'between'
        return _figure_from_text(sentence, match.start("low") if not match.group("cur") else match.start("cur"), match.end("low") + len(match.group("lowscale") or ""), low_text, None, match)
    if is_date_or_time(sentence, match.start("low"), match.end("low"), low_text):
        return None
    if not low_text[:1].isdigit() and high_text is None and _HYPHEN_WORD_RE.match(sentence[match.end("low") : match.end("low") + 2]) \
            and not _AGE_RE.match(sentence[match.end("low") : match.end("low") + 12]):
        return None  # "three-bed", "four-cylinder": part of a compound word
    around = sentence[max(0, start - 1) : start] + sentence[end : end + 1]
    if "×" in around or "/" in around:
        return None  # 1.99×10−30, $7/$9: parts of a larger expression
    return _figure_from_text(sentence, start, end, low_text, high_text, match)


def _figure_from_text(sentence, start, end, low_text, high_text, match) -> Figure | None:
    low = to_number(low_text) * scale(match.group("lowscale"))
    high = None
    if high_text:
        high_value = to_number(high_text)
        if high_value is None:
            return None
        high_scale = match.group("highscale") or match.group("lowscale")
        high = high_value * scale(high_scale)
        if match.group("highscale") and not match.group("lowscale") and to_number(low_text) < high_value:
            low *= scale(high_scale)  # "1.5 to 2 million", but not "$200 to $4 million"
        from_before = _FROM_BEFORE_RE.search(sentence[max(0, match.start("low") - 30) : match.start("low")])
        midunit = (match.group("midunit") or "").strip()
        if midunit and not from_before and not sentence[match.end("high"):].lstrip().lower().startswith(midunit.lower()):
            return _figure_from_text(sentence, start, match.end("low") + len(match.group("lowscale") or "") + len(match.group("midunit")), low_text, None, match)
        if high <= low and not from_before:
            return None  # "2-1" is a score, not a range; "from 4.8 to 4.7" is
    if _ORDINAL_RE.match(sentence[end : end + 4]):
        return None  # 3rd, 21st
    if match.group("neg"):
        low = -low
    currency = match.group("cur") or match.group("cur2")
    unit = currency_unit(currency) if currency else None
    if match.group("pct") or (match.group("midunit") or "").strip() in ("%", "percent", "per cent"):
        unit = "%"
    attached = ATTACHED_RE.match(sentence[end : end + 6])
    if attached and attached.group(1).lower() in ATTACHED_UNITS and not unit:
        unit = ATTACHED_UNITS[attached.group(1).lower()]
        end += attached.end()
    found_qualifier, _ = qualifier(sentence, start)
    counted_unit, counts, _ = counted(sentence, end, vague=False)
    unit = unit or counted_unit
    if unit is None and names_a_thing(sentence, match.start("cur") if match.group("cur") else match.start("neg") if match.group("neg") else match.start("low")):
        return None
    if _ADDRESS_RE.match(sentence[end : end + 120]):
        return None  # an address: 49 Zorro Ranch Road
    if counts and counted_unit and counts == counted_unit and unit in CURRENCY_WORDS.values():
        counts = None
    if high is not None and found_qualifier is None:
        found_qualifier = "range"
    text = sentence[start:end].strip()
    if text.lower().startswith("between "):
        text = text[8:]
    return Figure(
        text=text, value=None if high is not None else low, low=low, high=high if high is not None else low,
        unit=unit, counts=counts, qualifier=found_qualifier, start=start, end=end,
    )


# ---------------------------------------------------------------- the registry

NUMBER_ANCHORS = ("between", "minus", *SPELLED.replace("a dozen", "a[- ]dozen").split("|"))


def build_default_patterns() -> Registry[FigurePattern]:
    """digest's figure patterns, highest priority first: vague amounts, fractions, numbers."""
    patterns: Registry[FigurePattern] = Registry()
    patterns.register(FigurePattern(VAGUE_RE, read_vague, anchors=("dozens", "hundreds", "thousands", "millions", "billions", "tens")),
                      "vague", 30)
    patterns.register(FigurePattern(FRACTION_RE, read_fraction, anchors=("a[- ](?:third|quarter|fourth|fifth)", "one", "two", "three")),
                      "fraction", 20)
    patterns.register(FigurePattern(NUMBER_RE, read_number, anchors=NUMBER_ANCHORS, digits=True, reach=6), "number", 10)
    return patterns
