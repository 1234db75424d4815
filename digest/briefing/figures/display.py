"""How a figure is shown and compared: its label, its merge key, its counted noun."""
from __future__ import annotations

import re

from ...models import Figure
from .lexicon import TIME_UNITS

_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "AUD": "$", "CAD": "$", "HKD": "$", "NZD": "$", "SGD": "$",
          "MYR": "RM", "INR": "Rs", "%": "%"}
_RANGE_JOIN_RE = re.compile(r"\s*(?:-|–|—|\bto\b|\band\b)\s*")


def display_value(figure: Figure) -> str:
    """'200–300', '275', 'four months', '$3.2bn', '190 miles', '50%' — as written, with its unit when the
    text leaves it out (a row of a key-figures table must say '153 km', not '153')."""
    text = figure.text.strip()
    if figure.qualifier == "vague":
        return text
    if figure.high != figure.low:
        text = _RANGE_JOIN_RE.sub("–", text, count=1)
    unit = figure.unit
    if not unit or unit.lower() in text.lower() or _SIGNS.get(unit, "\0") in text or unit == "%" and "cent" in text:
        return text
    if unit in TIME_UNITS.values() and (figure.high or 0) == 1:
        unit = unit.rstrip("s")
    return f"{text}{'' if unit == '%' else ' '}{unit}"


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
