"""Names in one sentence: runs of capitalised words, cut into the names they hold.

A run is cut where a name ends although the capitals go on: at a possessive ("Syria's Raqqa"),
a hyphenated adjective ("U.S.-backed"), a weekday, a month in a date, a time zone, a say-verb
the truecasing capitalised ("Selo Said"), a capitalised function word ("U.S. It"), an "of" after
a surname ("Alexander Vinokourov of Kazakhstan"), and around titles: "Foreign Minister Sergei
Lavrov" is the person "Sergei Lavrov", marked as titled; "U.S. Army Spc. Charles Graner" is the
organisation "U.S. Army" and the person "Charles Graner". A sentence's first word is left off
when it is a common word ("Visiting Russia"); the story puts it back if it sees the whole name
elsewhere.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ...text import ABBREVIATIONS, FUNCTION_WORDS, is_shouted
from .lexicon import (
    ADJECTIVE_SUFFIXES, HONORIFICS, MONTHS, NAME_OPENERS, NOT_NAMES, NUMBER_WORDS, ORG_FIRST, ORG_HEADS, PLACE_HEADS,
    POST_NOMINALS, SAY_WORDS, TIME_ZONES, TITLE_HEADS, TITLE_MODIFIERS, WEEKDAYS, common_word, gazetteer,
    is_demonym, is_given_name, major_place, region,
)

_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper() and c.isalpha())
_U = "[" + re.escape(_UPPER) + "]"
_WORD = rf"(?:{_U}[\w'’.&-]*|(?:(?:al|el|bin|ibn)-|d['’]){_U}[\w'’-]*)"
_CONNECT = r"(?:(?:of|de|del|della|der|den|di|da|dos|das|du|la|le|van|von|bin|ibn|al|el|y)[ \t]+(?:(?:the|la|los|las|le|der|den|des|de|del)[ \t]+)?)"
NAME_RUN_RE = re.compile(rf"(?<![\w'’-]){_WORD}(?:[ \t]+{_CONNECT}?{_WORD})*")
_TOKEN_RE = re.compile(r"\S+")
_HYPHEN_SUFFIX_RE = re.compile(r"-[a-z]+$")
_PREFIXED_RE = re.compile(rf"(?:(?:al|el|bin|ibn)-|d['’]){_U}")
_DIGIT_AFTER_RE = re.compile(r"\s*\d")
_DIGIT_BEFORE_RE = re.compile(r"\d\s*$")
_HAS_WORD_RE = re.compile(r"\w")
_PLURAL_ACRONYM_RE = re.compile(r"[A-Z]{2,}s")
_OPENING_CHARS = ('"', "“", "‘", "(", "[", ":", "—", "–")
# Titles that are also common words ("General Motors", "Major League", "Private Eye"): a title
# only before a name that is no common word, or written as an abbreviation ("Gen.", "Maj.")
_AMBIGUOUS_TITLES = frozenset("general major private specialist chief head leader count justice officer director "
                              "manager coach speaker dean marshal doctor judge king queen prince princess duke "
                              "bishop cardinal constable master reporter editor anchor author actor actress singer "
                              "analyst economist historian chef activist correspondent delegate deputy".split())
_TITLE_BLOCK = TITLE_HEADS | TITLE_MODIFIERS | HONORIFICS
# Titles of two or more people before their names: "Generals", "Sgts.", "Drs." (a name follows)
TITLE_PLURALS = frozenset({title + "s" for title in TITLE_HEADS if not title.endswith("s")}
                          | {"messrs", "mmes", "drs", "profs", "sgts", "gens", "sens", "reps", "cpls", "lts"})


class Mention(NamedTuple):
    """A name in a sentence (a tuple: a story makes tens of thousands, and a frozen dataclass
    took three times as long to make)."""

    name: str
    start: int
    end: int
    titled: bool = False  # a title, rank, honorific or post-nominal goes with it: a person
    cut: str = ""  # the sentence's first word, left off ("Visiting" of "Visiting Russia")


Token = tuple[str, int]  # (word as written, offset in the sentence)


def _bare(word: str) -> str:
    """'Spc.' -> 'spc', 'U.S.' -> 'us': how the word lists spell it."""
    return word.lower().replace(".", "")


@lru_cache(maxsize=100_000)
def name_mentions(sentence: str) -> tuple[Mention, ...]:
    """The names in a sentence, in order. Remembered: the entities, the speakers and the quotes
    of a story each ask for every sentence."""
    mentions: list[Mention] = []
    if is_shouted(sentence):
        return ()  # a headline in capitals: every word looks like a name ("AT LEAST 12 DEAD")
    for match in NAME_RUN_RE.finditer(sentence):
        offset, run = match.start(), match.group(0)
        if " " not in run and "\t" not in run and _plain(run):  # one plain word: most runs
            mention = _mention(sentence, [(run, offset)], False)
            if mention:
                mentions.append(mention)
            continue
        tokens = [(t.group(0), offset + t.start()) for t in _TOKEN_RE.finditer(run)]
        if all(_plain(word) for word, _ in tokens):
            # Most runs hold no word that cuts a name: "Raqqa", "Talal Selo", "SDF"
            parts = [(segment, False) for segment in _split_joined(tokens)]
        else:
            parts = [part for segment in _split_run(sentence, tokens) for part in _split_titles(segment)]
        for segment, titled in parts:
            mention = _mention(sentence, segment, titled)
            if mention:
                mentions.append(mention)
    return tuple(mentions)


_CUTTING_WORDS = (WEEKDAYS | MONTHS | SAY_WORDS | FUNCTION_WORDS | TITLE_HEADS | TITLE_MODIFIERS | HONORIFICS
                  | POST_NOMINALS | TIME_ZONES | NOT_NAMES | NUMBER_WORDS | TITLE_PLURALS)


@lru_cache(maxsize=100_000)
def _plain(word: str) -> bool:
    """A word that cuts no name and is cut from none: no possessive, hyphen adjective, connector,
    time word, title, say-verb, function word, demonym, or capitals shouting a common word."""
    if word.endswith(("'", "’", "'s", "’s", "'s.", "’s.")) or not word[:1].isupper():
        return False
    bare = _bare(word.rstrip(",;:"))
    if bare in _CUTTING_WORDS or ("-" in word and (_adjective(word) or _time_range(bare))):
        return False
    if word.replace(".", "").isupper() and (len(bare) >= 4 and common_word(bare)):
        return False
    return not (_PLURAL_ACRONYM_RE.fullmatch(word) or is_demonym(word))


def _split_run(sentence: str, tokens: list[Token]) -> list[list[Token]]:
    """Cut a run where a name ends: possessives, hyphenated adjectives, time words, say-verbs,
    capitalised function words, demonyms after a name, and 'of' after a surname."""
    segments: list[list[Token]] = []
    current: list[Token] = []

    def close() -> None:
        nonlocal current
        if current:
            segments.extend(_split_of(current))
        current = []

    for position, (word, start) in enumerate(tokens):
        if word.endswith(("'s.", "’s.")):
            word = word[:-1]
        if word.endswith(("'s", "’s")):
            current.append((word[:-2], start))
            close()
            continue
        if word.endswith(("'", "’")):  # "Soldiers' Accounts"
            current.append((word[:-1], start))
            close()
            continue
        if "-" in word and _adjective(word):
            close()  # "U.S.-backed", "al-Qaeda-linked": the name before the hyphen stands alone
            current = [(word[: word.rindex("-")], start)]
            close()
            continue
        bare = _bare(word.rstrip(",;:"))
        capitals = word.replace(".", "").isupper()
        if _connector(word):  # "of", "de": kept inside, trimmed at the ends
            current.append((word, start))
            continue
        if bare in WEEKDAYS or (capitals and (bare in TIME_ZONES or bare in NOT_NAMES)) or _time_range(bare):
            close()
            continue
        if _PLURAL_ACRONYM_RE.fullmatch(word):
            close()  # "CDs", "MPs", "RBIs": a plural common noun, no name
            continue
        if bare in MONTHS:
            if (len(tokens) == 1 or _DIGIT_AFTER_RE.match(sentence, start + len(word))
                    or _DIGIT_BEFORE_RE.search(sentence[max(0, start - 6) : start])):
                close()  # "May 2005", "5 May": a date
            else:
                current.append((word, start))  # "Theresa May"
            continue
        if bare in SAY_WORDS and (current or sentence[:start].rstrip().endswith(",")):
            close()  # "Selo Said", ", Said Talal Selo": a say-verb the casing capitalised
            continue
        if bare in FUNCTION_WORDS and not capitals:
            close()  # "The", "It", "In": a new sentence or no name
            continue
        if capitals and len(bare) >= 4 and common_word(bare):
            close()  # shouting: "BREAKING", "THEREFORE"
            continue
        if current and len(current) >= 1 and is_demonym(word) and not _connector(current[-1][0]):
            close()  # "Abu Ghraib Iraqi": a demonym after a name starts no name
            continue
        current.append((word, start))
    close()
    return segments


def _adjective(word: str) -> bool:
    """'U.S.-backed', 'al-Qaeda-linked', 'London-based': a name made an adjective."""
    suffix = _HYPHEN_SUFFIX_RE.search(word)
    if not suffix or word.count("-") <= bool(_PREFIXED_RE.match(word)):
        return False
    ending = suffix.group(0)[1:]
    return ending in ADJECTIVE_SUFFIXES or ending.endswith(("ed", "ing"))


def _time_range(bare: str) -> bool:
    """'Mon-Fri', 'Jan-Mar'."""
    return "-" in bare and all(part in WEEKDAYS or part in MONTHS for part in bare.split("-"))


def _connector(word: str) -> bool:
    """A lowercase word inside a name ("of", "de", "bin"); "al-Qaeda" is a name word."""
    return not word[:1].isupper() and not _PREFIXED_RE.match(word)


def _split_of(segment: list[Token]) -> list[list[Token]]:
    """'Bank of England' stays whole; 'Alexander Vinokourov of Kazakhstan' is two names: 'of'
    joins when the word before it is a common noun or names an institution or place."""
    for position in range(1, len(segment) - 1):
        word = segment[position][0]
        if word != "of":
            continue
        before = _bare(segment[position - 1][0])
        if before not in NUMBER_WORDS and (common_word(before) or before in ORG_FIRST or before in PLACE_HEADS
                                           or before in TITLE_HEADS):
            continue
        return _split_of(segment[:position]) + _split_of(segment[position + 1 :])
    return [segment]


def _split_titles(segment: list[Token]) -> list[tuple[list[Token], bool]]:
    """'Foreign Minister Sergei Lavrov' -> the person 'Sergei Lavrov', titled; 'London Mayor Boris
    Johnson' -> 'London' and the titled 'Boris Johnson'; 'Neil Flewitt QC' -> 'Neil Flewitt', titled."""
    segment = _trim(segment)
    if not segment:
        return []
    titled = False
    while len(segment) > 1 and _bare(segment[-1][0]) in POST_NOMINALS:
        segment, titled = segment[:-1], True
    parts = _split_title_of(segment)
    if parts is not None:
        return parts
    for position in range(len(segment) - 2, -1, -1):
        if _is_title_before(segment, position):
            block = position
            while block > 0 and _in_title_block(segment[block - 1][0]):
                block -= 1
            parts = _split_titles(segment[:block]) if block else []
            person = _trim(segment[position + 1 :])
            return parts + ([(person, True)] if person else [])
    while segment and _bare(segment[-1][0]) in TITLE_HEADS and len(segment) > 1:
        segment = segment[:-1]  # "Virginia Governor", "BBC Director"
    segment = _trim(segment)
    if not segment or all(_in_title_block(word) or _connector(word) for word, _ in segment):
        return []
    if len(segment) >= 3 and is_demonym(segment[0][0]) and is_given_name(segment[1][0]):
        segment = segment[1:]  # "Australian Robbie McEwan"
    return [(part, titled) for part in _split_joined(segment)]


def _split_title_of(segment: list[Token]) -> list[tuple[list[Token], bool]] | None:
    """'Secretary of State Condoleezza Rice', 'BBC Director of News Tony Hall': a title with its
    'of' phrase; what stands before it is a name of its own, the person starts at the first
    given name (or name no common word) after it. None if the segment holds no such title."""
    for title in range(len(segment) - 2):
        if segment[title + 1][0] != "of" or _bare(segment[title][0]) not in TITLE_HEADS:
            continue
        if title == 0 and len(segment) < 4:
            return None  # "Duke of Edinburgh", "Bank of England": a title or an institution as a name
        parts = _split_titles(segment[:title]) if title else []
        for position in range(title + 2, len(segment) - 1):
            word = segment[position][0]
            if is_given_name(word) or not (_in_title_block(word) or common_word(word.lower()) or word.lower() in gazetteer()):
                return parts + [(segment[position:], True)]
        return parts
    return None


def _in_title_block(word: str) -> bool:
    bare = _bare(word)
    return bare in _TITLE_BLOCK or is_demonym(word)


def _is_title_before(segment: list[Token], position: int) -> bool:
    """A title or honorific at `position` with a person's name after it."""
    word = segment[position][0]
    bare = _bare(word)
    rest = segment[position + 1 :]
    first = rest[0][0]
    if _connector(first) or _bare(first) in _TITLE_BLOCK:
        return False
    if bare in TITLE_MODIFIERS and bare not in TITLE_HEADS:
        return is_given_name(first)  # "Chief Executive Tim Cook"
    if bare in TITLE_PLURALS:
        # "Generals Patrick Gordon and ...", "Sgts. Cardona and Smith" (not "the Ottawa Senators")
        return word.endswith(".") or is_given_name(first)
    if bare not in TITLE_HEADS and bare not in HONORIFICS:
        return False
    if bare in HONORIFICS or bare not in _AMBIGUOUS_TITLES or word.endswith("."):
        return True
    return is_given_name(first) or not common_word(first.lower())  # not "General Motors", "Major League"


def _split_joined(segment: list[Token]) -> list[list[Token]]:
    """Two names whose comma was lost: 'Beijing China', 'Pichilemu Roberto Córdova',
    'Washington State University Simon Ličen'."""
    places = gazetteer()
    if len(segment) == 2:
        (a, _), (b, _) = segment
        # "Beijing China", "Houston Texas": a place and its country, state or another big place;
        # two small towns' names are as often a person's ("Santos Cardona")
        if (a.lower() in places and (region(b.lower()) or major_place(a.lower()) and major_place(b.lower()))
                and f"{a} {b}".lower() not in places):
            return [segment[:1], segment[1:]]
    if len(segment) >= 3 and segment[0][0].lower() in places and is_given_name(segment[1][0]) \
            and not is_given_name(segment[0][0]):
        return [segment[:1], segment[1:]]
    for position in range(1, len(segment) - 2):
        head = _bare(segment[position][0])
        if (head in ORG_HEADS or head in PLACE_HEADS) and is_given_name(segment[position + 1][0]):
            return [segment[: position + 1], segment[position + 1 :]]
    return [segment]


def _trim(segment: list[Token]) -> list[Token]:
    """Connectors and function words off both ends ('the', 'of', 'The')."""
    start, end = 0, len(segment)
    while start < end and (_connector(segment[start][0]) or _function_word(segment[start][0])):
        start += 1
    while end > start and _connector(segment[end - 1][0]):
        end -= 1
    return segment[start:end]


def _function_word(word: str) -> bool:
    """'The', 'In', 'It', 'A' (not 'US', not 'May' in 'Theresa May', which only starts no name)."""
    bare = _bare(word)
    return bare in FUNCTION_WORDS and (len(bare) == 1 or not word.replace(".", "").isupper())


def _initial(sentence: str, start: int) -> bool:
    """At the start of the sentence or of a quotation, where any word is capitalised."""
    if not _HAS_WORD_RE.search(sentence, 0, start):
        return True
    return sentence[max(0, start - 3) : start].rstrip().endswith(_OPENING_CHARS)


def _mention(sentence: str, segment: list[Token], titled: bool) -> Mention | None:
    cut = ""
    if _initial(sentence, segment[0][1]):
        first = segment[0][0]
        lower = first.lower()
        capitals = first.replace(".", "").isupper()
        if len(segment) == 1:
            if not capitals and common_word(lower):
                return None  # "Under", "Police": capitalised only because it starts the sentence
        elif not capitals and common_word(lower) and lower not in NAME_OPENERS and not is_given_name(first):
            cut, segment = first, _trim(segment[1:])
            if not segment:
                return None
    word, start = segment[-1]
    word = _clean_end(word)
    if not word:
        return None
    end = start + len(word)
    begin = segment[0][1]
    name = sentence[begin:end]
    if len(name) < 2 or _connector(name):
        return None
    if len(segment) == 1 and (_bare(name) in NOT_NAMES or _bare(name) in TITLE_HEADS or _bare(name) in HONORIFICS):
        return None
    if _ZONE_NAME_RE.search(name):
        return None  # "China Standard Time", "Eastern Daylight Time": a clock, never a name
    return Mention(name, begin, end, titled, cut)


_ZONE_NAME_RE = re.compile(r"\b(?:Standard|Daylight|Summer|Mean|Saving)\s+Time$")


def _clean_end(word: str) -> str:
    """A word's closing punctuation off, but the full stop of 'U.S.', 'Jr.' or an initial kept."""
    word = word.rstrip(",;:!?'’\"”)")
    if word.endswith("."):
        stem = word[:-1]
        if not ("." in stem or len(stem) == 1 or stem.lower() in ABBREVIATIONS):
            word = stem
    return word
