"""Figure patterns as registered items: each brings its regular expression, its anchor words and its reader.

A pattern is searched for only near one of its anchors (a digit, or a word it declares), so the
prefilter that makes the search fast is built from the registered patterns themselves: a new
pattern cannot be forgotten by it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ...models import Figure

Reader = Callable[[str, re.Match[str]], "Figure | None"]

_ESCAPE_RE = re.compile(r"\\.")
_NAMED_GROUP_RE = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True)
class FigurePattern:
    """One way a figure is written.

    `regex`: a regular-expression source in re.VERBOSE syntax, written in lowercase (it is searched
    for without IGNORECASE in a lowercased copy of the sentence, and with IGNORECASE otherwise); its
    named groups are its own, back references to them are not allowed.
    `read(sentence, match) -> Figure | None`: the figure a match stands for, or None when it is none.
    The match may be one in a lowercased copy of the sentence, with the same offsets: take the
    figure's text from `sentence` by the match's offsets, never from its groups.
    A figure that ends inside the match lets the rest of the match be read again.
    `anchors`: regular expressions of the words a match starts at or just after, each beginning with
    a letter ("dozens", "a[- ]third"); `digits`: a match may start at or near any digit.
    `reach`: at most how many characters before its anchor a match may start ("US$ -5": 5 is the anchor).
    """

    regex: str
    read: Reader
    anchors: tuple[str, ...] = ()
    digits: bool = False
    reach: int = 0

    def __post_init__(self) -> None:
        plain = _ESCAPE_RE.sub("", self.regex).replace("(?P", "")
        if re.search(r"[A-Z]", plain):
            raise ValueError(f"figure pattern {self.regex[:40]!r}…: write it in lowercase (it is searched case-blind)")
        if "(?P=" in self.regex or "(?(" in self.regex:
            raise ValueError(f"figure pattern {self.regex[:40]!r}…: back references cannot be combined with other patterns")
        if not self.anchors and not self.digits:
            raise ValueError(f"figure pattern {self.regex[:40]!r}…: declare its anchors (words or digits), or it never runs")
        for anchor in self.anchors:
            if not anchor[:1].isalpha() or anchor[:1] != anchor[:1].lower():
                raise ValueError(f"figure pattern anchor {anchor!r}: must begin with a lowercase letter")

    def combinable(self) -> str:
        """The regex with its named groups made plain, to sit beside other patterns in one alternation."""
        return _NAMED_GROUP_RE.sub("(?:", self.regex)
