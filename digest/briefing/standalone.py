"""Whether a sentence can be read alone, out of its article: the test a summary sentence must pass.

A summary shows sentences away from the ones around them, so a sentence that leans on its
neighbours misleads: one that starts mid-quote or in lowercase (a split inside a quote or an
abbreviation), a fragment or a question, a sentence whose subject is a pronoun or "the move" (its
antecedent is in the sentence before), one that ends "…, he said." without naming who, or one
that names a person by surname alone when the story introduces them by full name elsewhere.
A relative time ("earlier today", "eleven days ago") is given its article's date beside it.
"""
from __future__ import annotations

import re
from datetime import date

MIN_WORDS, MAX_WORDS = 6, 55

_PRONOUN_START = re.compile(
    r"^(?:he|she|they|it|this|these|those|that|his|her|their|its|there|here|both|such|but|and|or|so|yet|also|"
    r"however|meanwhile|still|instead|nevertheless|moreover|furthermore|then|thus|therefore|otherwise|others?|"
    r"another|the (?:move|decision|announcement|measure|step|remarks|comments|incident|latter))\b",
    re.IGNORECASE)
_PRONOUN_SAID = re.compile(r",?\s+(?:he|she|they|it)\s+(?:said|says|added|told \w+|explained|noted|continued)\s*[.!]?[\"”']?$",
                           re.IGNORECASE)
_QUOTES = re.compile(r"[\"“”]")
_ABBREVIATION_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Spc|Res|No|St|Capt|Gov|Sens?|Reps?)\.$")
_OPENING_DEBRIS = re.compile(r"^[\[\]\-–—•*…)]|^\.\.\.|^[\"“”'‘’]\s*[a-z]")


def fault(text: str) -> str | None:
    """What keeps a sentence from standing alone ("lowercase start", "mid-quote", "fragment",
    "question", "list item", "antecedent", "glued dateline"), or None when it stands alone."""
    stripped = text.strip()
    if not stripped:
        return "fragment"
    first = stripped.lstrip("\"“‘'(")[:1]
    if first.islower():
        return "lowercase start"
    if _OPENING_DEBRIS.search(stripped):
        return "list item" if stripped[:1] in "-–—•*" else "mid-quote"
    if len(_QUOTES.findall(stripped)) % 2:
        return "mid-quote"
    if re.search(r"\d{4}[A-Z][a-z]", stripped[:40]):
        return "glued dateline"
    words = stripped.split()
    if stripped.rstrip("\"”'’").endswith("?"):
        return "question"
    if _ABBREVIATION_END.search(stripped):
        return "fragment"  # split after an abbreviation: "The House passed on H. Res."
    if len(words) < MIN_WORDS or not stripped.endswith((".", "!", '"', "”", "'", "’", ")")) or stripped.endswith(("...", "…")):
        return "fragment"
    if _PRONOUN_START.match(stripped.lstrip("\"“‘'")) or _PRONOUN_SAID.search(stripped):
        return "antecedent"
    return None


def stands_alone(text: str) -> bool:
    """fault(text) is None."""
    return fault(text) is None


_NAME_RE = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def full_names(sentences: list[str], common) -> dict[str, str]:
    """Surname -> full name, for two-word names in the sentences whose first word is not a common
    word ('Mostafa Bali', not 'The Bali' or 'Prime Minister')."""
    found: dict[str, str] = {}
    for sentence in sentences:
        for match in _NAME_RE.finditer(sentence):
            given, surname = match.groups()
            if common(given.lower()) or common(surname.lower()):
                continue
            found.setdefault(surname, f"{given} {surname}")
    return found


def surname_alone(text: str, names: dict[str, str]) -> bool:
    """Whether the sentence names someone by surname only whose full name the story gives."""
    for word in set(_CAPITALISED_RE.findall(text)) & names.keys():
        if names[word] not in text:
            return True
    return False


_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


_RELATIVE_TIME = re.compile(
    r"\b(?:(?:earlier|later) )?(?:today|tonight|yesterday|tomorrow)\b"
    r"|\b(?:this|last|earlier this|late last|early this) (?:morning|afternoon|evening|night|week|month|year|weekend)\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several) (?:days|weeks|months|hours) ago\b",
    re.IGNORECASE)


def dated(text: str, day: date | None) -> str:
    """The sentence with its article's date after its first relative time word:
    'struck eleven days ago (as of January 23, 2010)'. Unchanged without a date or such a word."""
    if day is None:
        return text
    match = _RELATIVE_TIME.search(text)
    if not match:
        return text
    stamp = f"{day:%B} {day.day}, {day.year}"
    end = match.end()
    possessive = _POSSESSIVE.match(text, end)  # "today's stage": the date after the 's, not inside the word
    end = possessive.end() if possessive else end
    return f"{text[:end]} (as of {stamp}){text[end:]}"


_POSSESSIVE = re.compile(r"['’]s\b")
