"""What the words around a number say about it: a date or a name, its qualifier, what it counts."""
from __future__ import annotations

import re

from ...text import STOP_WORDS
from .lexicon import (
    ATTACHED_UNITS, CURRENCY_WORDS, IDENTIFIER_NOUNS, MEASURES, MONTHS, NAME_EXCEPTIONS, QUALIFIERS, TIME_UNITS, VERBS,
)

_YEAR_RE = re.compile(r"(1[5-9]|20)\d\d")
_RANGE_AFTER_RE = re.compile(r"\s*(?:-|to)\s*\d")
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{MONTHS})\.?\s*$")
_MONTH_AFTER_RE = re.compile(rf"\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{MONTHS})\b")
_TIME_AFTER_RE = re.compile(r"\s*(?::\d|a\.?m\b|p\.?m\b|gmt|utc|bst|o'clock)")
_TIME_BEFORE_RE = re.compile(r"\d:\s*$")
_IDENTIFIER_BEFORE_RE = re.compile(rf"\b(?:{IDENTIFIER_NOUNS})\s*(?:no\.?\s*)?$")  # read lowercased
ATTACHED_RE = re.compile(r"([A-Za-z]{1,4})\b")
_LETTER_BEFORE_RE = re.compile(r"[A-Za-z]-?$")
_CURRENCY_BEFORE_RE = re.compile(r"(?:RM|Rs|US|HK|minus-?)$")
_LETTER_RE = re.compile(r"[A-Za-z]")


def is_date_or_time(sentence: str, start: int, end: int, low_text: str) -> bool:
    """The number at sentence[start:end] is a year, a day of a month, a clock time, or part of a label."""
    before = sentence[max(0, start - 12) : start].lower()
    after = sentence[end : end + 12].lower()
    if _YEAR_RE.fullmatch(low_text.replace(",", "")) and not _RANGE_AFTER_RE.match(sentence[end:end + 5]):
        return True  # a year
    if _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(after):
        return True  # June 6, 6 June
    if _TIME_AFTER_RE.match(after) or _TIME_BEFORE_RE.search(before):
        return True
    if _IDENTIFIER_BEFORE_RE.search(before):
        return True  # Flight 447, Route 66, Resolution 1441: names, not amounts
    attached = ATTACHED_RE.match(sentence[end : end + 6])
    if attached and (attached.group(1).lower() in ATTACHED_UNITS or attached.group(1).lower() in ("k", "m", "b", "bn", "mn", "tn")):
        return False
    if _LETTER_BEFORE_RE.search(sentence[max(0, start - 2) : start]) and not _CURRENCY_BEFORE_RE.search(sentence[max(0, start - 6):start]) \
            or _LETTER_RE.match(sentence[end : end + 1] or " "):
        return True  # F-16, G20, COVID-19, 3rd
    return False


_QUALIFIER_RE = re.compile(
    r"(?:^|\W)(" + "|".join(re.escape(p) for p, _ in sorted(QUALIFIERS, key=lambda q: -len(q[0]))) + r")$"
)
_QUALIFIER_NAMES = dict(QUALIFIERS)


def qualifier(sentence: str, start: int) -> tuple[str | None, int]:
    """(the qualifier written just before `start`, e.g. 'no more than', and where it begins)."""
    before = sentence[max(0, start - 30) : start].lower().rstrip()
    match = _QUALIFIER_RE.search(before)
    if match:
        return _QUALIFIER_NAMES[match.group(1)], start - (len(before) - match.start(1))
    return None, start


_US_DOLLARS_RE = re.compile(r"\s+(?:U\.S\.|US)(?=\s+dollars?\b)")
_UNIT_WORD_RE = re.compile(r"\s*(?:-|\s)?(?P<w>[A-Za-z/]+(?:\s(?:cent|points))?)")
_OF_PHRASE_RE = re.compile(r"\s+of\s+((?:[A-Za-z'’-]+\s?){1,3})")
_LOWER_WORD_RE = re.compile(r"\s*([a-z]+)")
_OF_RE = re.compile(r"\s+of\s+")
_PHRASE_WORDS_RE = re.compile(r"\s*((?:[A-Za-z'’.-]+\s?){1,5})")


def counted(sentence: str, end: int, vague: bool) -> tuple[str | None, str | None, int]:
    """(unit, what it counts, end offset) from the words after the number."""
    rest = sentence[end:]
    unit = None
    us = _US_DOLLARS_RE.match(rest)
    if us:
        end += us.end()
        rest = sentence[end:]
    match = _UNIT_WORD_RE.match(rest)
    if match and match.group("w").lower() in TIME_UNITS and not vague:
        unit = TIME_UNITS[match.group("w").lower()]
        end += match.end()
        rest = sentence[end:]
        of = _OF_PHRASE_RE.match(rest)
        if of:
            phrase = noun_phrase(of.group(1))
            if phrase:
                return unit, f"{unit} of {phrase}", end + of.end()
        hyphen_noun = _LOWER_WORD_RE.match(rest) if sentence[end - len(match.group('w')) - 1 : end - len(match.group('w'))] == "-" else None
        if hyphen_noun and hyphen_noun.group(1) not in VERBS:
            return unit, f"{hyphen_noun.group(1)} ({unit})", end + hyphen_noun.end()
        return unit, unit, end
    if match:
        word = match.group("w").lower()
        if word in CURRENCY_WORDS:
            unit = CURRENCY_WORDS[word]
            end += match.end()
            rest = sentence[end:]
        elif word in MEASURES:
            unit = MEASURES[word]
            end += match.end()
            rest = sentence[end:]
    of = _OF_RE.match(rest) if vague else None
    if of:
        rest = rest[of.end() :]
        end += of.end()
    words = _PHRASE_WORDS_RE.match(rest)
    phrase = noun_phrase(words.group(1)) if words else None
    return unit, phrase, end + (len(words.group(0).rstrip()) if words and phrase else 0)


def noun_phrase(text: str) -> str | None:
    """The leading noun phrase of `text`, at most three words: 'Syrian militants left' -> 'Syrian militants'."""
    taken = []
    for word in text.split():
        clean = word.strip(".,;:'’\"()")
        lower = clean.lower()
        if not clean or lower in VERBS or (lower in STOP_WORDS and lower not in {"people"}):
            break
        if taken and lower.endswith("ed") and not clean[:1].isupper():
            break  # "militants remained"
        taken.append(clean)
        if word != clean or len(taken) == 3:
            break
    return " ".join(taken) or None


_PREVIOUS_WORD_RE = re.compile(r"(?:^|\s)([\w&.]+)\s$")
_CAPITAL_RE = re.compile(r"[A-Z]")


def names_a_thing(sentence: str, start: int) -> bool:
    """'S&P 500', 'Big 12', 'iPhone 14', 'Game 7': a number right after a capitalised word is part of a name."""
    previous = _PREVIOUS_WORD_RE.search(sentence[max(0, start - 40) : start])
    if not previous:
        return False
    word = previous.group(1)
    if not _CAPITAL_RE.search(word) or word.lower().strip(".") in NAME_EXCEPTIONS:
        return False
    return True


_PRONOUN_BEFORE_RE = re.compile(r"\b(?:no|each|any|every|the|this|that|which|someone|anyone|every)\s*$")
_PRONOUN_AFTER_RE = re.compile(r"\s*(?:another|other|or\b|and\b|by one)")
_WORD_AFTER_RE = re.compile(r"[ -]?[a-z]")


def pronoun_one(sentence: str, start: int, end: int) -> bool:
    """'no one', 'one another', 'the one': 'one' as a pronoun, not a figure."""
    before = sentence[:start].lower()
    after = sentence[end:].lower()
    return bool(_PRONOUN_BEFORE_RE.search(before)) or bool(_PRONOUN_AFTER_RE.match(after)) or not _WORD_AFTER_RE.match(after)
