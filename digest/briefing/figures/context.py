"""What the words around a number say about it: a date, a time, a score or a name; its qualifier; what it counts."""
from __future__ import annotations

import re

from ...text import FUNCTION_WORDS, STOP_WORDS
from .numbers import CURRENCY_CODES
from .lexicon import (
    ATTACHED_UNITS, CURRENCY_WORDS, IDENTIFIER_NOUNS, INDEX_NAMES, IRREGULAR_PLURALS, MEASURES, MONTHS,
    NAME_EXCEPTIONS, NOT_COUNTED, NOUNS_LIKE_VERBS, QUALIFIERS, TIME_UNITS, VERBS,
)

# Time zones a clock time is given in ("12 noon BST", "1100 UTC"); not "ct" (carats) or "pt" (points)
TIME_ZONES = "gmt|utc|bst|cet|cest|eet|eest|wet|west|est|edt|cdt|mst|mdt|pst|pdt|akst|hst|ist|jst|kst|hkt|sgt|awst|aest|aedt|nzst|nzdt|msk"
_YEAR_RE = re.compile(r"(1[5-9]|20)\d\d")
_RANGE_AFTER_RE = re.compile(r"\s*(?:-|to)\s*\d")
_MONTH_AFTER_RE = re.compile(rf"\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{MONTHS})\b")
_TIME_AFTER_RE = re.compile(rf"\s*(?::\d|a\.?m\b|p\.?m\b|o'clock|noon\b|midnight\b|uhr\b|[.,]\d{{2}}\s*(?:uhr|h)\b|\s*h\s*\d{{2}}\b|(?:{TIME_ZONES})\b)")
_TIME_BEFORE_RE = re.compile(r"\d(?::|\s?h)\s*$")
_CODE_AFTER_RE = re.compile(r"\s*(?:zip\s?code|post\s?code|postal\s+code|area\s+code|dialling\s+code)\b")
ATTACHED_RE = re.compile(r"([A-Za-z]{1,4})\b")
_LETTER_BEFORE_RE = re.compile(r"[A-Za-z]-?$")
_CURRENCY_BEFORE_RE = re.compile(rf"(?:\b(?:rm|rs|us|hk)|\$[a-z]{{1,2}}|\b(?:{CURRENCY_CODES})|minus-?)$", re.IGNORECASE)
_LETTER_RE = re.compile(r"[A-Za-z]")


_MONTH_WORDS = frozenset(MONTHS.split("|"))
_IDENTIFIER_WORDS = frozenset(IDENTIFIER_NOUNS.split("|"))
_INDEX_WORDS = frozenset(name.split("\\ ")[-1] for name in INDEX_NAMES.split("|"))


def _last_words(before: str) -> list[str]:
    """The last two words of a lowercased stretch of text, without the quotes or brackets that open them
    (a comma after a word ends the phrase: "9 May, 49.52 Hz" is not a date)."""
    return [w.lstrip("(\"'“‘") for w in before.split()[-2:]]


def is_date_or_time(sentence: str, start: int, end: int, low_text: str) -> bool:
    """The number at sentence[start:end] is a year, a day of a month, a clock time, or part of a label."""
    before = sentence[max(0, start - 12) : start].lower()
    after = sentence[end : end + 12].lower()
    if len(low_text) == 4 and _YEAR_RE.fullmatch(low_text) and not _RANGE_AFTER_RE.match(sentence[end:end + 5]) \
            and not unit_after(sentence, end):
        return True  # a year; not "1520 sq m"
    last = _last_words(before) if before[-1:].isspace() or before[-1:] == "." else []
    if last and (last[-1].rstrip(".") in _MONTH_WORDS) or _MONTH_AFTER_RE.match(after):
        return True  # June 6, 6 June
    if _TIME_AFTER_RE.match(after) or _TIME_BEFORE_RE.search(before):
        return True  # 10:30, 3pm, 12 noon, 1100 UTC
    if _CODE_AFTER_RE.match(after):
        return True  # the 90049 ZIP code
    if last and (last[-1] in _IDENTIFIER_WORDS or last[-1] in _INDEX_WORDS
                 or last[-1] in ("no", "no.") and len(last) > 1 and last[0] in _IDENTIFIER_WORDS):
        return True  # Flight 447, Route 66, Resolution 1441, the S&P 500: names, not amounts
    attached = ATTACHED_RE.match(sentence, end)
    if attached and (attached.group(1).lower() in ATTACHED_UNITS or attached.group(1).lower() in ("k", "m", "b", "bn", "mn", "tn")) \
            or _LETTER_RE.match(sentence[end : end + 1] or " ") and unit_after(sentence, end):
        return False  # 45g, 3923sq m
    if _LETTER_BEFORE_RE.search(sentence[max(0, start - 2) : start]) and not _CURRENCY_BEFORE_RE.search(sentence[max(0, start - 6):start]) \
            or _LETTER_RE.match(sentence[end : end + 1] or " "):
        return True  # F-16, G20, COVID-19, 3rd
    return False


_SCORE_TEXT_RE = re.compile(r"\d{1,2}\s?[-–]\s?\d{1,2}")
_SCORE_BEFORE_RE = re.compile(
    r"\b(?:won|win|wins|beat|beats|beaten|lost|lose|loses|drew|draw|trail(?:ed|ing|s)?|leads?|leading|led|scored?|"
    r"defeated|edged|thrashed|routed)\s+(?:[\w.'’-]+\s+){0,3}$")
_SCORE_AFTER_RE = re.compile(
    r"\s*(?:win|wins|victory|defeat|loss|draw|lead|scoreline|triumph|thrashing|drubbing|deficit|down\b|up\b|"
    r"on\s+aggregate|at\s+half|at\s+the\s+break|after\s+extra)")


def is_score(sentence: str, start: int, end: int) -> bool:
    """'a 1-3 defeat', 'won 3-1', '2-0 down': a match score, not a range."""
    if not _SCORE_TEXT_RE.fullmatch(sentence[start:end].strip()):
        return False
    return bool(_SCORE_AFTER_RE.match(sentence, end) or _SCORE_BEFORE_RE.search(sentence[max(0, start - 40) : start].lower()))


_AGE_AFTER_RE = re.compile(r"[- ](year|month|week|day)s?[- ]old\b", re.IGNORECASE)
_AGED_BEFORE_RE = re.compile(r"\baged?\s+$", re.IGNORECASE)
_APPOSITION_BEFORE_RE = re.compile(r"([A-Za-z][\w'’.-]*),\s$")


def age_unit(sentence: str, end: int) -> tuple[str, int] | None:
    """('years of age', end of the phrase) for '65-year-old', '30 years old', 'six month old'; else None."""
    match = _AGE_AFTER_RE.match(sentence, end)
    return (f"{match.group(1).lower()}s of age", match.end()) if match else None


def age_in_apposition(sentence: str, start: int, end: int, value: float) -> str | None:
    """'years of age' for 'Maddon, 66, has', 'aged 66': a person's age given beside the name."""
    if sentence[end : end + 1] != "," and sentence[max(0, start - 2) : start] not in ("d ", "e "):
        return None  # neither "Maddon, 66," nor "aged 66"
    if value != int(value) or not 0 < value < 120:
        return None
    if _AGED_BEFORE_RE.search(sentence[max(0, start - 6) : start]):
        return "years of age"
    before = _APPOSITION_BEFORE_RE.search(sentence[max(0, start - 40) : start])
    if before and sentence[end : end + 1] == "," and before.group(1).lower() not in FUNCTION_WORDS \
            and before.group(1).lower().rstrip(".") not in _MONTH_WORDS:
        return "years of age"
    return None


_QUALIFIER_RE = re.compile(
    r"(?:^|\W)(" + "|".join(re.escape(p) for p, _ in sorted(QUALIFIERS, key=lambda q: -len(q[0]))) + r")$"
)
_QUALIFIER_NAMES = dict(QUALIFIERS)
_QUALIFIER_LAST_WORDS = frozenset(phrase.split()[-1] for phrase in _QUALIFIER_NAMES)


def qualifier(sentence: str, start: int) -> tuple[str | None, int]:
    """(the qualifier written just before `start`, e.g. 'no more than', and where it begins)."""
    before = sentence[max(0, start - 30) : start].lower().rstrip()
    if before[before.rfind(" ") + 1 :] not in _QUALIFIER_LAST_WORDS:
        return None, start  # most numbers have none: one look at the last word decides
    match = _QUALIFIER_RE.search(before)
    if match:
        return _QUALIFIER_NAMES[match.group(1)], start - (len(before) - match.start(1))
    return None, start


_US_DOLLARS_RE = re.compile(r"\s+(?:U\.S\.|US)(?=\s+dollars?\b)")
_UNIT_WORD_RE = re.compile(
    r"\s*(?:-|\s)?(?P<w>(?:square\s|sq\.?\s?|cubic\s|nautical\s)?[A-Za-zμµ/]+(?:-ft)?(?:\s(?:cent|points))?)")
_OF_PHRASE_RE = re.compile(r"\s+of\s+((?:(?:[^\W\d_]|['’-])+\s?){1,3})")
_OF_RE = re.compile(r"\s+of\s+(?:the\s+|those\s+|all\s+)?", re.IGNORECASE)
# Words of any alphabet: "blessées" is one word, never "bless" and a rest
_PHRASE_WORDS_RE = re.compile(r"\s*((?:(?:[^\W\d_]|['’.-])+\s?){1,5})")
_HYPHEN_NOUN_RE = re.compile(r"\s*([a-z]+)")


def counted(sentence: str, end: int, vague: bool, known_unit: str | None = None) -> tuple[str | None, str | None, int]:
    """(unit, what it counts, end offset) from the words after the number.

    What it counts is a noun phrase ("Syrian militants", "battle" in "four months of battle") or None;
    never the unit again, a verb ("two seized"), a direction ("32 km south") or an adverb.
    """
    us = _US_DOLLARS_RE.match(sentence, end)
    if us:
        end = us.end()
    unit = known_unit
    match = _UNIT_WORD_RE.match(sentence, end) if known_unit is None else None
    word = _unit_word(match.group("w")) if match else ""
    if word in TIME_UNITS and not vague:
        age = age_unit(sentence, end)
        if age:
            return age[0], None, age[1]
        unit = TIME_UNITS[word]
        end = match.end()
        of = _OF_PHRASE_RE.match(sentence, end)
        if of:
            phrase = noun_phrase(of.group(1))
            if phrase:
                return unit, phrase, of.end()
        hyphened = sentence[match.start("w") - 1 : match.start("w")] == "-"
        noun = _HYPHEN_NOUN_RE.match(sentence, end) if hyphened else None
        if noun:
            phrase = noun_phrase(noun.group(1))  # "an 8-year sentence"
            if phrase:
                return unit, phrase, noun.end()
        return unit, None, end
    if word in CURRENCY_WORDS:
        unit = CURRENCY_WORDS[word]
        end = match.end()
    elif word in MEASURES:
        unit = MEASURES[word]
        end = match.end()
    of = _OF_RE.match(sentence, end) if vague or unit == "%" else None
    if of:
        end = of.end()
    elif unit == "%" and not sentence[end : end + 2].strip()[:1].islower():
        return unit, None, end  # "-1.3% FTSE": a percentage counts what it is 'of', or a lowercase noun ("a 5% rise")
    words = _PHRASE_WORDS_RE.match(sentence, end)
    phrase = noun_phrase(words.group(1)) if words else None
    return unit, phrase, end + (len(words.group(0).rstrip()) if words and phrase else 0)


def _unit_word(text: str) -> str:
    """'Sq. m' -> 'sq m': a unit as the tables spell it."""
    text = text.lower()
    return " ".join(text.replace(".", "").split()) if " " in text or "." in text else text


def unit_after(sentence: str, end: int) -> bool:
    """A unit of measure, a currency or a time unit follows: '1520 sq m', 'a five-year plan', '3923sq m'."""
    match = _UNIT_WORD_RE.match(sentence, end)
    if not match:
        return False
    word = _unit_word(match.group("w"))
    return word in MEASURES or word in CURRENCY_WORDS or word in TIME_UNITS


def _is_plural(lower: str) -> bool:
    return lower in IRREGULAR_PLURALS or (len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")))


def _not_a_noun(clean: str, lower: str) -> bool:
    """Verbs, participles, adverbs and words of place or degree end the counted phrase."""
    if lower in VERBS or lower in NOT_COUNTED:
        return True
    if lower in STOP_WORDS and lower != "people":
        return True
    if lower in NOUNS_LIKE_VERBS or clean[:1].isupper():
        return False
    return lower.endswith("ly")


def noun_phrase(text: str) -> str | None:
    """The leading noun phrase of `text`, at most three words, ending at its first plural noun:
    'Syrian militants left' -> 'Syrian militants'; 'seized by Iran' -> None; 'armed men' -> 'armed men'."""
    taken = []
    for word in text.split():
        clean = word.strip(".,;:'’\"()")
        lower = clean.lower()
        if not clean or not clean[0].isalpha() or _not_a_noun(clean, lower):
            break
        taken.append(clean)
        if word != clean or len(taken) == 3 or _is_plural(lower) and not clean[:1].isupper():
            break
    # A participle is an adjective only before its noun: "armed men", but "two seized", "militants remained"
    while taken and taken[-1].lower().endswith("ed") and taken[-1].lower() not in NOUNS_LIKE_VERBS and not taken[-1][:1].isupper():
        taken.pop()
    return " ".join(taken) or None


_PREVIOUS_WORD_RE = re.compile(r"(?:^|\s)([\w&.]+)\s$")
_CAPITAL_RE = re.compile(r"[A-Z]")
# Words that may stand capitalised before an amount at the start of a sentence
_AMOUNT_LEADS = {"another", "exactly", "precisely", "approximately", "roughly", "barely", "perhaps", "maybe", "just",
                 "only", "almost", "nearly", "around", "about", "some", "over", "under", "between", "least", "than",
                 "estimated", "total", "totalling", "totaling", "exceeding", "topping", "reportedly", "nearly"}
_AMOUNT_LEADS |= {word for phrase, _ in QUALIFIERS for word in phrase.split()}


def names_a_thing(sentence: str, start: int) -> bool:
    """'S&P 500', 'Big 12', 'iPhone 14': a number right after a capitalised word is part of a name.
    Not after a function word or a qualifier, capitalised or not ('Between 200 and 300', 'About 40')."""
    previous = _PREVIOUS_WORD_RE.search(sentence[max(0, start - 40) : start])
    if not previous:
        return False
    word = previous.group(1)
    if not _CAPITAL_RE.search(word):
        return False
    lower = word.lower().strip(".")
    return not (lower in NAME_EXCEPTIONS or lower in FUNCTION_WORDS or lower in _AMOUNT_LEADS)


_PRONOUN_BEFORE_RE = re.compile(r"\b(?:no|each|any|every|the|this|that|which|someone|anyone|every)\s*$")
_PRONOUN_AFTER_RE = re.compile(r"\s*(?:another|other|or\b|and\b|by one)")
_WORD_AFTER_RE = re.compile(r"[ -]?[a-z]")


def pronoun_one(sentence: str, start: int, end: int) -> bool:
    """'no one', 'one another', 'the one': 'one' as a pronoun, not a figure."""
    before = sentence[:start].lower()
    after = sentence[end:].lower()
    return bool(_PRONOUN_BEFORE_RE.search(before)) or bool(_PRONOUN_AFTER_RE.match(after)) or not _WORD_AFTER_RE.match(after)
