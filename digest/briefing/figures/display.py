"""How a figure is shown and compared: its label, its merge key, its counted noun."""
from __future__ import annotations

import re

from ...models import Figure
from .lexicon import TIME_UNITS

_RANGE_JOIN_RE = re.compile(r"\s*(?:-|–|—|\bto\b|\band\b)\s*")


def display_value(figure: Figure) -> str:
    """'200–300', '275', 'four months', '$3.2bn' — as written, with its unit where that helps."""
    text = figure.text.strip()
    if figure.qualifier == "vague":
        return text
    if figure.high != figure.low:
        text = _RANGE_JOIN_RE.sub("–", text, count=1)
    if figure.unit and figure.unit in TIME_UNITS.values() and figure.unit not in text:
        text = f"{text} {figure.unit if (figure.high or 0) != 1 else figure.unit.rstrip('s')}"
    return text


def figure_key(figure: Figure) -> tuple:
    """(low, high, unit): reports of one figure share it."""
    return (round(figure.low or 0, 6), round(figure.high or 0, 6), figure.unit or "")


def head_noun(figure: Figure) -> str | None:
    """The counted thing, singular and lowercased: 'foreign militants' -> 'militant'."""
    if not figure.counts:
        return figure.unit
    word = figure.counts.split(" of ")[0].split()[-1].lower().strip("()")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
