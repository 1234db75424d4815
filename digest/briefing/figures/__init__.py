"""Numbers in news text: value, range, qualifier, unit and what they count.

`extract_figures(sentence)` finds "no more than 200-300 foreign militants", "about 400 civilians",
"four months of battle", "hundreds of civilians", "$3.2bn", "15%". Dates, years and times are not
figures. Spelled-out numbers go through `text2num`. A figure is only ever built from text that is there.

Each way of writing a figure is a registered `FigurePattern` (patterns.py); `FigureExtractor` searches
for all of them at once, starting near their anchors.
"""
from __future__ import annotations

from functools import lru_cache

from ...models import Figure
from .display import display_value, figure_key, head_noun
from .extract import FigureExtractor
from .pattern import FigurePattern
from .patterns import build_default_patterns

__all__ = ["FigureExtractor", "FigurePattern", "build_default_patterns", "display_value", "extract_figures",
           "figure_key", "head_noun"]

_DEFAULT = FigureExtractor(build_default_patterns())


def extract_figures(sentence: str) -> list[Figure]:
    """Every figure in one sentence, left to right, read by digest's default patterns."""
    return list(_figures_of(sentence))


@lru_cache(maxsize=16_384)
def _figures_of(sentence: str) -> tuple[Figure, ...]:
    # A briefing reads its sentences' figures for its key figures, its comparison and its
    # citations, and a storyline again for its ledger: each sentence is read once (Figures are frozen).
    return tuple(_DEFAULT(sentence))
