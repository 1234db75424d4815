"""Numbers in news text: value, range, qualifier, unit and what they count.

`extract_figures(sentence)` finds "no more than 200-300 foreign militants", "about 400 civilians",
"four months of battle", "hundreds of civilians", "$3.2bn", "15%". Dates, years and times are not
figures. Spelled-out numbers go through `text2num`. A figure is only ever built from text that is there.

Each way of writing a figure is a registered `FigurePattern` (patterns.py); `FigureExtractor` searches
for all of them at once, starting near their anchors.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...models import Figure
from ...text import language
from .display import display_value, figure_key, head_noun
from .extract import FigureExtractor
from .pattern import FigurePattern
from .patterns import build_default_patterns

__all__ = ["FigureExtractor", "FigurePattern", "build_default_patterns", "display_value", "extract_figures",
           "figure_key", "head_noun"]

_DEFAULT = FigureExtractor(build_default_patterns())


COMMA_DECIMAL_LANGUAGES = frozenset("""
de es it nl pt da tr id ro el hr sr sl bs vi fr ru pl cs sk sv fi nb no nn hu uk bg lt lv et ca eu gl is
""".split())
"""Languages that write the comma as decimal mark and the full stop, if any, between thousands:
'230.000 Fahrzeuge' is 230,000 vehicles, '1,5 Milliarden' one and a half."""


def extract_figures(sentence: str, lang: str = "en") -> list[Figure]:
    """Every figure in one sentence, left to right, read by digest's default patterns. `lang`,
    the article's ISO 639-1 code, says how its numbers are written (COMMA_DECIMAL_LANGUAGES)."""
    return list(_figures_of(sentence, language(lang) in COMMA_DECIMAL_LANGUAGES))


@lru_cache(maxsize=16_384)
def _figures_of(sentence: str, comma_decimal: bool = False) -> tuple[Figure, ...]:
    # A briefing reads its sentences' figures for its key figures, its comparison and its
    # citations, and a storyline again for its ledger: each sentence is read once (Figures are frozen).
    return tuple(_DEFAULT(_with_english_separators(sentence) if comma_decimal else sentence))


_SEPARATED_NUMBER_RE = re.compile(r"\d[\d.,]*\d")
_DOTTED_DATE_RE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})")
_SWAP = str.maketrans(".,", ",.")
_CLOCK_RE = re.compile(r"\d{1,2}\.\d{2}")
_CLOCK_AFTER_RE = re.compile(r"\s*(?:Uhr|h)\b", re.IGNORECASE)


def _with_english_separators(sentence: str) -> str:
    """The sentence with full stops and commas exchanged inside its numbers ('230.000' ->
    '230,000', '1,5' -> '1.5'), the same length, so every figure keeps its place in the sentence.
    A date or a clock time written with full stops ('12.03.2024', '8.15 Uhr') stays as it is."""
    def swap(match: re.Match[str]) -> str:
        number = match.group(0)
        if _DOTTED_DATE_RE.fullmatch(number) or _CLOCK_AFTER_RE.match(sentence, match.end()) and _CLOCK_RE.fullmatch(number):
            return number
        return number.translate(_SWAP)
    return _SEPARATED_NUMBER_RE.sub(swap, sentence)
