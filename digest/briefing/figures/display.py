"""How a figure is shown and compared: its label, its merge key, its counted noun."""
from __future__ import annotations

from ...models import Figure

def display_value(figure: Figure) -> str:
    """The figure as a page shows it (Figure.display: as written, with its unit when the text leaves it out)."""
    return figure.display


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
