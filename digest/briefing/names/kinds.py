"""Person, organisation or place: a name's kind from its evidence.

Evidence comes from the name itself (a given name first, an organisation's or place's head word,
the gazetteer, an acronym, a well-known short form) and from every sentence of the story that
uses it (a title before it, a say-verb, an appositive role or an age after it, a preposition of
place, "city of", "X, Country"). Each kind gathers points; a name is tagged only when one kind
has enough of them and clearly more than the others. A name with no evidence, or with the head
word of an event, a law or a work ("Summer Olympics", "Kyoto Protocol"), is no tag at all: a
wrong tag costs a reader more than a missing one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .lexicon import (
    COMPASS, HONORIFICS, KNOWN_ALIASES, NUMBER_WORDS, ORG_FIRST, ORG_HEADS, OTHER_FIRST, OTHER_HEADS, PLACE_FIRST,
    PLACE_HEADS, PLACE_PREPOSITIONS, SAY_VERBS, SETTLEMENT_WORDS, TITLE_HEADS, WEAK_PLACE_PREPOSITIONS, WORK_NOUNS, WORK_VERBS,
    alias_key, common_word, gazetteer, given_name_frequency, is_demonym, is_given_name, major_place, region, NEUTRAL_HEADS, AMBIGUOUS_FIRST,
    ORG_NOUNS_AFTER, PLACE_NOUNS_AFTER, ROLE_OF,
)

PERSON, ORGANISATION, PLACE = "person", "organisation", "place"
MIN_EVIDENCE = 2.0
"""Points the winning kind needs; one clear sign (a title, a given name, a head word, the
gazetteer) gives 2 or 3, a say-verb or a preposition of place 1."""
MARGIN = 1.0
RARE_GIVEN_NAME = 1
"""nam_dict.txt's frequency (1 rare .. 13) up to which a first name that is an English word is
read as the word."""
SINGLE_PERSON = 3.0
"""Person points a one-word name needs with no title: the subject of two sentences with 'he' or
'she', and a say-verb."""
"""How far ahead of the next kind the winner must be."""

_ROLE_WORDS = sorted(TITLE_HEADS | {"official", "member", "resident", "victim", "survivor", "father", "mother",
                                    "son", "daughter", "wife", "husband", "brother", "sister", "founder", "owner",
                                    "chief", "head", "boss", "employee", "worker", "student", "teacher", "soldier"})
# "Laila Mostafa, head of ...", "Mostafa Bali, another SDF spokesman": read from 70 characters after a name
# (the words before the role are its modifiers, no preposition: ", provided by the owners" is no role)
APPOSITIVE_ROLE = re.compile(rf"\s*,\s*(?:an?|the|another|its|his|her|their)?\s*"
                             rf"(?:(?!(?:by|of|for|to|from|with|at|in|on)\s)[\w.-]+\s+){{0,3}}(?:{'|'.join(_ROLE_WORDS)})s?\b")
_AGE_RE = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,3}\s*,")
_SAYS_RE = re.compile(rf"\b{SAY_VERBS}\b")
_STOPS_RE = re.compile(r"[.;:]")
_SAYS_AT_END_RE = re.compile(rf"\b{SAY_VERBS}$")
_LONGEST_SAY_VERB = max(len(verb) for verb in SAY_VERBS.strip("(?:)").split("|"))
_FOLLOWING_PLACE_RE = re.compile(r"\s*,\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")
_WORDS_RE = re.compile(r"[\w'’]+")
_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")
_ACRONYM_RE = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z&]{1,6}")
_QUOTES_BEFORE = ('"', "“", "‘", "'")
_QUOTES_AFTER = ('"', "”", "’", "'")
_INITIAL_RE = re.compile(r"[A-Z]\.")
_INITIALS_RE = re.compile(r"(?:[A-Z]\.){1,3}")
_PERSONAL_PRONOUN_RE = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b")


class Context(NamedTuple):
    """One use of a name: the sentence, where the name is, and whether a title goes with it."""

    sentence: str
    start: int
    end: int
    titled: bool = False


def is_acronym(name: str) -> bool:
    """'SDF', 'U.N.', 'AT&T': capitals only, no common word written loud ('OK' is no acronym)."""
    return bool(_ACRONYM_RE.fullmatch(name))


def context_before(sentence: str, start: int, words: int = 3, window: int = 80) -> list[str]:
    """The last words before `start`, lowercased, read from the few characters before it (the
    whole start of a long sentence once for every mention was most of the time spent)."""
    found = _WORDS_RE.findall(sentence[max(0, start - window) : start].lower())
    if start > window and len(found) <= words:  # the window's first word may be cut short
        found = _WORDS_RE.findall(sentence[:start].lower())
    return found[-words:]


@lru_cache(maxsize=20_000)
def say_verb_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence's say-verbs are (most sentences have none: every name of the sentence
    then skips the say-verb tests)."""
    return tuple(m.span() for m in _SAYS_RE.finditer(sentence.lower()))


def _says_near(sentence: str, start: int, end: int) -> bool:
    """'X said', 'X, a spokesman, told' (within 60 characters, no full stop, semicolon or colon
    between), or '... said X' / 'according to X' just before."""
    spans = say_verb_spans(sentence)
    if not spans:
        return False
    for verb_start, verb_end in spans:
        if end <= verb_start <= end + 60 and not _STOPS_RE.search(sentence, end, verb_start):
            return True
        if verb_end <= start and not sentence[verb_end:start].strip():
            return True
    return False


def _subject_with_personal_pronoun(sentence: str, start: int, end: int) -> bool:
    """The name opens the sentence and a 'he', 'his', 'she' or 'her' follows in it: organisations
    and places are 'it'. (Read only for a sentence's first word.)"""
    return (not sentence[:start].strip(' \t"“‘(')) and _first_personal_pronoun(sentence) > end


@lru_cache(maxsize=20_000)
def _first_personal_pronoun(sentence: str) -> int:
    """Where the sentence's first he / his / she / her is (-1: none)."""
    found = _PERSONAL_PRONOUN_RE.search(sentence)
    return found.start() if found else -1


def ends_with_say_verb(text: str) -> bool:
    """'... said' or '... according to' (trailing spaces aside); one character more for \\b."""
    return bool(_SAYS_AT_END_RE.search(text.rstrip()[-(_LONGEST_SAY_VERB + 1):].lower()))


@dataclass(slots=True)
class Evidence:
    person: float = 0.0
    organisation: float = 0.0
    place: float = 0.0
    other: float = 0.0  # events, laws, works: named, but no tag
    speaks: int = 0
    uses: int = 0
    after_the: int = 0
    weak_place: float = 0.0  # of `place`, what "at", "from", "to" gave (organisations have them too)

    def decide(self) -> str | None:
        scores = {PERSON: self.person, ORGANISATION: self.organisation, PLACE: self.place, "other": self.other}
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        (best, points), (_, runner_up) = ranked[0], ranked[1]
        if points < MIN_EVIDENCE or points - runner_up < MARGIN or best == "other":
            return None
        return best


def name_evidence(name: str) -> Evidence:
    """What the words of a name say about its kind."""
    evidence = Evidence()
    words = name.replace("-", " ").split()
    lowered = [w.lower().rstrip(".") for w in words]
    first = lowered[0]
    # The head word: the last, and in "X of Y" the word before "of" ("Bank of England")
    heads = {lowered[-1], lowered[lowered.index("of") - 1]} if "of" in lowered[1:] else {lowered[-1]}
    several = len(words) > 1
    if heads & OTHER_HEADS or (first in OTHER_FIRST and several):
        evidence.other += 3
    if heads & ORG_HEADS or (first in ORG_FIRST and "of" in lowered):
        evidence.organisation += 3
    if heads & NEUTRAL_HEADS and several:
        evidence.other += 1  # "Johnson Space Center": a centre, a building; no person
    lower = name.lower()
    # "Houston Astros", "San Francisco Bulletin", "Tulsa Transit": a place and more words, no place's
    # head ("Santo Domingo de Guzmán", a place's longer name, has a connector)
    named_after_place = (several and not heads & PLACE_HEADS and lower not in gazetteer()
                         and all(w[:1].isupper() for w in words) and _starts_with_place(lowered))
    # "St. Jerome", "Saint Mary": a saint, or a place named after one; the sentences decide
    saint = len(words) == 2 and first in _SAINT_SPELLINGS and is_given_name(words[1]) and not _saint_place(lowered)
    if several and (heads & PLACE_HEADS or (first in PLACE_FIRST and not named_after_place and not saint)):
        evidence.place += 3
    if several and (is_demonym(words[0]) or first in COMPASS) and _place_name(" ".join(lowered[1:])):
        evidence.place += 3  # "Iraqi Kurdistan", "Roman Britain", "North Oakland": a part or an age of a place
    if lower in gazetteer():
        # A big place whatever the sentence, unless its name is a given name too ("George")
        evidence.place += 3 if major_place(lower) and (several or region(lower) or not is_given_name(name)) else 1.5
    elif named_after_place:
        evidence.organisation += 2
    if is_acronym(name):
        evidence.organisation += 1.5
    if several and not (evidence.organisation or evidence.place or evidence.other):
        last = lowered[-1]
        # "Rose Gardens", "Ten Years": a plural after an English word (not "Britney Spears", "Terry Gross")
        plural_noun = last in NUMBER_WORDS or (last.endswith("s") and not last.endswith(("ss", "us", "is"))
                                               and common_word(last) and common_word(first))
        # A first word that starts places as often ("Abu Ghraib", "London Underground") says nothing
        ambiguous = first in AMBIGUOUS_FIRST or major_place(first)
        # An English word that is a rare first name somewhere starts a phrase, not a person's
        # name ("Art Deco", "Free Culture", "Red Sox"); "Will", "Grace", "Frank" are common names
        word_first = common_word(first) and given_name_frequency(words[0]) <= RARE_GIVEN_NAME
        if is_given_name(words[0]) and not plural_noun and not ambiguous and not word_first:
            evidence.person += 2
        if any(_INITIAL_RE.fullmatch(w) for w in words[1:-1]):
            evidence.person += 1  # "George W. Bush", "Alvin K. Hellerstein"
        if _INITIALS_RE.fullmatch(words[0]) and alias_key(words[0]) not in KNOWN_ALIASES and not plural_noun:
            evidence.person += 2  # "O.J. Simpson", "J. K. Rowling" (not "U.S. Army": a short form)
        if not common_word(last) and last not in gazetteer():
            evidence.person += 0.5
    return evidence


def _place_name(lower: str) -> bool:
    """A place of the gazetteer, or a well-known short form of one ("britain")."""
    known = KNOWN_ALIASES.get(lower)
    return lower in gazetteer() or bool(known and known[1] == PLACE)


_SAINT_SPELLINGS = {"st": "st.", "saint": "st.", "ste": "ste."}  # the gazetteer writes "st. louis"


def _saint_place(lowered: list[str]) -> bool:
    """'st louis', 'saint paul': a place of the gazetteer however the saint is written."""
    rest = " ".join(lowered[1:])
    return any(f"{saint} {rest}" in gazetteer() for saint in ("st.", "st", "saint", "ste.", "sainte"))


def _starts_with_place(lowered: list[str]) -> bool:
    """The name's first two words, or its first word when no given name ("George Bush"), are a
    place of the gazetteer, and more words follow."""
    if len(lowered) > 2:
        saint = _SAINT_SPELLINGS.get(lowered[0])
        if major_place(" ".join(lowered[:2])) or (saint and major_place(f"{saint} {lowered[1]}")):
            return True  # "San Francisco Bulletin": "San" is a given name too, "San Francisco" a city
    return major_place(lowered[0]) and not is_given_name(lowered[0].title())


def add_context(evidence: Evidence, context: Context) -> None:
    """What one sentence says about the name it uses."""
    sentence, start, end = context.sentence, context.start, context.end
    before = context_before(sentence, start)
    after = sentence[end : end + 70]
    lowered_after = after.lower()
    possessive = after.startswith(("'s", "’s", "'", "’"))
    evidence.uses += 1
    if context.titled or (before and before[-1] in TITLE_HEADS) or (before and before[-1] in HONORIFICS):
        evidence.person += 2
    comma = after.lstrip()[:1] == ","
    if comma and (APPOSITIVE_ROLE.match(lowered_after) or _AGE_RE.match(after)):
        evidence.person += 2
    if _says_near(sentence, start, end):
        evidence.speaks += 1
    if _subject_with_personal_pronoun(sentence, start, end):
        evidence.person += 1  # "Galois was born in ..., where his father ...": he or she
    if before and before[-1] == "the":
        evidence.after_the += 1
    if before and before[-1] in ("a", "an"):
        evidence.person -= 1  # "an Air France jet": nobody is "a Smith"
    if len(before) >= 2 and before[-1] in ("for", "of", "at") and before[-2] in ROLE_OF:
        evidence.organisation += 1.5  # "a spokeswoman for Air France", "head of the SDF"
    following_word = _NEXT_WORD_RE.match(after)
    if following_word and not possessive:
        noun = following_word.group(1)
        if noun in ORG_NOUNS_AFTER:
            evidence.person -= 1  # "SDF spokesman", "Air France flight"
            evidence.organisation += 0.5
        elif noun in PLACE_NOUNS_AFTER:
            evidence.person -= 1
            evidence.place += 1  # "Abu Ghraib prison", "Raqqa province"
    if (sentence[start - 1 : start] in _QUOTES_BEFORE and after[:1] in _QUOTES_AFTER) or (
            len(before) >= 2 and before[-1] == "in" and before[-2] in WORK_VERBS
            and sentence[start:end].lower() not in gazetteer()):
        # a title in quotation marks, "starred in Match Point": a work ("performed in London" is
        # a place's)
        evidence.other += 2
    elif before and before[-1] in WORK_NOUNS:
        evidence.other += 2  # "the films New York Minute", "the drama series Downton Abbey": a work's title
    if before and not possessive:
        if before[-1] in PLACE_PREPOSITIONS:
            evidence.place += 1
        elif before[-1] in WEAK_PLACE_PREPOSITIONS:
            evidence.place += 0.5
            evidence.weak_place += 0.5
        elif before[-1] in COMPASS:
            evidence.place += 1  # "northern Syria"
        if len(before) >= 2 and before[-1] == "of" and (before[-2] in SETTLEMENT_WORDS or before[-2] in COMPASS):
            evidence.place += 2  # "city of Raqqa", "north of Raqqa"
    following = comma and _FOLLOWING_PLACE_RE.match(sentence, end)
    if following:
        # "Ain Issa, Syria", "Beeston, Leeds": news places a town by its country, state or city
        # (an institution too: "University of California, Berkeley" is no place). A small town's
        # name after a comma says less: it is often a surname starting a new clause ("against
        # the Astros, Holt hit ...")
        after_comma = following.group(1).lower()
        if not _institution(sentence[start:end]):
            evidence.place += 2 if major_place(after_comma) else 1 if after_comma in gazetteer() else 0


def _institution(name: str) -> bool:
    """'University of California', 'Leeds Metropolitan University': an organisation's head word."""
    words = name.lower().split()
    return words[-1] in ORG_HEADS or (len(words) > 2 and words[1] == "of" and words[0] in ORG_FIRST)


def context_evidence(contexts: list[Context]) -> Evidence:
    """What the sentences say, summed: read once per form, added up for an entity's forms."""
    evidence = Evidence()
    for context in contexts:
        add_context(evidence, context)
    return evidence


def _only_places_around(evidence: Evidence) -> bool:
    """Two uses or more, 'in', 'near' or 'across' before at least one ('at', 'from' and 'to' are
    an organisation's too: 'studied at Harvard'), and no sign of anything else."""
    strong_place = evidence.place - evidence.weak_place
    return (evidence.uses >= 2 and strong_place >= 1 and evidence.person <= 0 and not evidence.organisation
            and not evidence.other and not evidence.speaks)


def classify(name: str, contexts: list[Context], read: Evidence | None = None) -> str | None:
    """'person', 'organisation', 'place', or None (not a name to tag, or not clear which).
    `read`: context_evidence(contexts), when the caller has it already."""
    known = KNOWN_ALIASES.get(alias_key(name))
    if known and (len(name) > 5 or name.replace(".", "").isupper()):
        return known[1]
    single = " " not in name
    lower = name.lower()
    if single and (is_demonym(name) or lower in ORG_HEADS or lower in PLACE_HEADS):
        return None  # "Iranian", "Army", "Valley": a people, or an institution or place not named
    evidence = name_evidence(name)
    read = read or context_evidence(contexts)
    for kind in ("person", "organisation", "place", "other", "speaks", "uses", "after_the", "weak_place"):
        setattr(evidence, kind, getattr(evidence, kind) + getattr(read, kind))
    titled = any(context.titled for context in contexts)
    if evidence.speaks:
        # Organisations speak too ("the SDF said", "Air France said"): a say-verb counts for the
        # kind the rest of the evidence already points to, a person's or an organisation's
        says = min(evidence.speaks, 2)
        if evidence.person > 0 and not (evidence.organisation or evidence.place or evidence.other):
            evidence.person += says
        elif evidence.organisation > 0 and evidence.organisation >= evidence.place:
            evidence.organisation += says
    if evidence.uses and evidence.after_the * 2 >= evidence.uses:
        evidence.person -= 2  # "the Bernoulli family", "the Kremlin": nobody is "the Smith"
    kind = evidence.decide()
    if kind is None and single and _only_places_around(evidence) and not (common_word(lower) or lower in gazetteer()):
        kind = PLACE  # "in Ellon", "near Ellon": every sign the story gives is a place's
    if single and kind and not (titled or lower in gazetteer() or is_acronym(name)):
        # One word and no title, gazetteer or capitals: a common word in a heading ("Festivals"),
        # or a first name or surname the story never gives in full ("Patrizia", "Greenpeace said")
        if common_word(lower) or (kind == PERSON and evidence.person < SINGLE_PERSON):
            return None
    return kind
