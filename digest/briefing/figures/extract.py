"""Finding figures in a sentence with the registered patterns."""
from __future__ import annotations

import re

from ...models import Figure
from ...registry import Registry
from .numbers import VULGAR
from .pattern import FigurePattern

_DIGIT = f"[\\d{VULGAR}]"  # a digit, or a vulgar fraction ("½ mile")

# The only characters IGNORECASE matches to a-z that lower() does not turn into a-z
_CASE_FOLDED = ("ı", "ſ", "İ")


class FigureExtractor:
    """Every figure of a sentence, read by the patterns of `patterns` (a Registry of FigurePattern).

    The patterns are tried as one alternation, in priority order, but only from just before an
    anchor: a digit or an anchor word of some pattern. A regular expression with many alternatives
    tried at every position is slow; starting from the anchors finds the same matches, faster.
    """

    def __init__(self, patterns: Registry[FigurePattern]) -> None:
        self.patterns = list(patterns)
        if not self.patterns:
            raise ValueError("no figure patterns registered")
        source = "|".join(f"(?P<_{i}>{p.combinable()})" for i, p in enumerate(self.patterns))
        # Searched without IGNORECASE over the lowercased sentence (a third quicker); a match there has
        # the sentence's offsets, so its readers take the figure's text from the sentence itself.
        self._lowered = re.compile(source, re.VERBOSE)
        self._any_case = re.compile(source, re.VERBOSE | re.IGNORECASE)
        self._own_lowered = [re.compile(p.regex, re.VERBOSE) for p in self.patterns]
        self._own_any_case = [re.compile(p.regex, re.VERBOSE | re.IGNORECASE) for p in self.patterns]
        words = sorted({w for p in self.patterns for w in p.anchors})
        digits = any(p.digits for p in self.patterns)
        first = (_DIGIT[1:-1] if digits else "") + "".join(sorted({w[0] for w in words}))
        literal = [w for w in words if w.isalpha()]
        written = [_trie(literal)] if literal else []
        written += [w for w in words if not w.isalpha()]
        alternatives = ([_DIGIT] if digits else []) + ([r"\b(?:" + "|".join(written) + r")\b"] if written else [])
        # The lookahead on first letters lets the regex engine skip most positions at once
        anchors = f"(?=[{first}])(?:{'|'.join(alternatives)})"
        self._anchor_lowered = re.compile(anchors)
        self._anchor_any_case = re.compile(anchors, re.IGNORECASE)
        self.reach = max(p.reach for p in self.patterns)

    def __call__(self, sentence: str) -> list[Figure]:
        figures = []
        position = 0
        lowered = _lowered_alike(sentence)
        while found := self._next_match(sentence, position, lowered):
            index, match = found
            figure = self.patterns[index].read(sentence, match)
            if figure:
                figures.append(figure)
            position = _resume_at(figure, match, position)
        return figures

    def _next_match(self, sentence: str, position: int, lowered: str | None) -> tuple[int, re.Match[str]] | None:
        text, anchors, combined = (sentence, self._anchor_any_case, self._any_case) if lowered is None \
            else (lowered, self._anchor_lowered, self._lowered)
        anchor = anchors.search(text, position)
        if anchor is None:
            return None
        found = combined.search(text, max(position, anchor.start() - self.reach))
        if found is None:
            return None
        index = int(found.lastgroup[1:])
        own = self._own_any_case if lowered is None else self._own_lowered
        return index, own[index].match(text, found.start())

    def scan_every_position(self, sentence: str) -> list[Figure]:
        """What `__call__` finds, without the anchors: the patterns tried from every position (for tests)."""
        figures, position = [], 0
        while found := self._any_case.search(sentence, position):
            index = int(found.lastgroup[1:])
            match = self._own_any_case[index].match(sentence, found.start())
            figure = self.patterns[index].read(sentence, match)
            if figure:
                figures.append(figure)
            position = _resume_at(figure, match, position)
        return figures


def _trie(words: list[str]) -> str:
    """One regular expression for a list of words, sharing their prefixes: 't(?:en|wo)' for ten, two.
    An alternation of 37 words is tried word by word at every candidate position; a trie fails at once."""
    root: dict = {}
    for word in words:
        node = root
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _resume_at(figure: Figure | None, match: re.Match[str], position: int) -> int:
    # A figure cut short ("rose 8% to 3.65": 8%) lets the rest of the match be read again; one read
    # past its match ("half a million", "45g") is not read again from inside
    if figure and match.start() < figure.end != match.end():
        return figure.end
    return max(match.end(), position + 1)


def _lowered_alike(sentence: str) -> str | None:
    """The sentence lowercased when a case-blind search of it finds what IGNORECASE finds."""
    if not sentence.isascii() and any(c in sentence for c in _CASE_FOLDED):
        return None
    lowered = sentence.lower()
    return lowered if len(lowered) == len(sentence) else None
