"""Whether one outlet's sentence states the fact of another's: the test a citation must pass.

Sharing names is not stating the same fact ("Omar Alloush said about 400 civilians joined them"
does not support "the convoy would head to eastern Syria, Omar Alloush had said"). A sentence
supports a claim when it carries most of the claim's own content, the words other than names and
attribution, weighted by how rare they are in the story (inverse document frequency over the
story's sentences), and every number the claim gives (the same value; "200 to 300" and "200-300"
agree, "275" and "300" do not).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass

from ..text import MONTH_NAMES, STOP_WORDS, is_common_word
from .figures import extract_figures
from .sentences import StoryText

SUPPORTED = 0.5
"""Share of the claim's weighted content a sentence must carry to support it."""
CANDIDATE_SIMILARITY = 0.12
"""Sentences less similar than this (TF-IDF cosine) are not read: they cannot carry half the content."""
ATTRIBUTION = frozenset("""
said say says saying told tell tells added according statement statements spokesman spokeswoman spokesperson
reported reports report reporting announced stated claimed noted quoted official officials
""".split())
_CALENDAR = frozenset(m.lower() for m in MONTH_NAMES) | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
"""Days and months are capitalised but name no one: content words, not names."""
_INITIALISM_RE = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Terms:
    """A sentence's content words (lowercased, light-stemmed) and which of them are names."""

    content: frozenset[str]
    names: frozenset[str]
    tokens: tuple[tuple[str, str], ...] = ()
    """(stem, the lowercased word it was made from): the word gives the stem its weight."""


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem, enough to match 'militants'/'militant', 'launched'/'launch', 'backers'/'backs'."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ers", ""), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 + (suffix == "ers") and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


@lru_cache(maxsize=8192)  # wire copy repeats sentences from outlet to outlet
def terms_of(text: str) -> Terms:
    """Content words and names of a sentence: a capitalised word is a name, at the sentence's start
    only when it is not a common word ('Selo said', not 'Officials said')."""
    content, names, tokens = set(), set(), {}
    text = _INITIALISM_RE.sub(lambda m: m.group(0).replace(".", ""), text)  # "U.S.-backed" -> "US-backed"
    for position, token in enumerate(_TOKEN_RE.findall(text)):
        lower = token.lower().replace(".", "")
        if lower in STOP_WORDS or lower in ATTRIBUTION or len(lower) < 2 or lower.isdigit():
            continue
        key = stem(lower)
        content.add(key)
        tokens.setdefault(key, lower)
        if (token[:1].isupper() and not token.rsplit("-", 1)[-1].islower() and lower not in _CALENDAR
                and (position > 0 or not is_common_word(lower))):
            names.add(key)
    return Terms(frozenset(content), frozenset(names), tuple(tokens.items()))


_SUBORDINATE_RE = re.compile(
    r",? \b(?:after|before|when|while|because|since|leaving|following|despite|although|though|whereas|"
    r"amid|until|unless|so that|in order to)\b|, (?:as|who|which|where|with|including|but)\b|;")
MAIN_CLAUSE_WORDS = 5


def main_clause(sentence: str) -> str:
    """The sentence up to its first subordinate clause ('..., after letting a convoy quit the city'),
    once that leaves at least MAIN_CLAUSE_WORDS words: the claim a citation must support whole."""
    for match in _SUBORDINATE_RE.finditer(sentence):
        if len(sentence[: match.start()].split()) >= MAIN_CLAUSE_WORDS:
            return sentence[: match.start()]
    return sentence


class _StoryTerms:
    """Terms of a story's sentences, each made when first asked for (most are never compared);
    an outlet naming itself ("told Reuters") names no one in the fact."""

    def __init__(self, text: StoryText) -> None:
        self.text, self.made, self.weights = text, {}, story_idf(text)

    def __getitem__(self, i: int) -> Terms:
        if i not in self.made:
            item = self.text.sentences[i]
            terms = terms_of(item.text)
            outlet = {stem(w) for w in _TOKEN_RE.findall(f"{item.source} {item.article.source.name}")}
            if terms.names & outlet:
                terms = Terms(terms.content - outlet, terms.names - outlet, terms.tokens)
            self.weights.learn(terms)
            self.made[i] = terms
        return self.made[i]


def story_terms(text: StoryText) -> _StoryTerms:
    """Terms of every sentence of a story by index, made once per story as they are asked for."""
    return text.remembered("support terms", lambda: _StoryTerms(text))


class _Weights(dict):
    """Stem -> inverse document frequency over the story's sentences, of the word the stem was made
    from, as the story's TF-IDF vectoriser counted it (an unknown word: the rarest weight)."""

    def __init__(self, idf: dict[str, float]) -> None:
        super().__init__()
        self.idf, self.rarest = idf, max(idf.values(), default=1.0)

    def learn(self, terms: Terms) -> None:
        for key, word in terms.tokens:
            if key not in self:
                self[key] = self.idf.get(word, self.rarest)


def story_idf(text: StoryText) -> _Weights:
    """The weights coverage() reads, filled as sentences' terms are made (story_terms)."""
    return text.remembered("support idf", lambda: _Weights(text.idf()))


NAME_WEIGHT = 0.5
"""A name counts half a content word: who is named matters, but sharing names is not sharing a fact."""
MIN_OWN_SHARE, MIN_OWN_WORDS = 0.4, 3


def coverage(claim: Terms, candidate: Terms, idf: dict[str, float], gated: bool = True) -> float:
    """Share (0-1) of the claim's weighted content that the candidate has, names at half weight; 0
    when it has less than MIN_OWN_SHARE of the claim's words other than names, or fewer than
    MIN_OWN_WORDS of them (a claim with fewer has to be matched whole)."""
    own = claim.content - claim.names
    if not own:
        return 0.0  # names alone state no fact
    own_total = sum(idf.get(t, 1.0) for t in own)
    matched = [t for t in own if t in candidate.content]
    own_share = sum(idf.get(t, 1.0) for t in matched) / own_total
    if gated and (own_share < MIN_OWN_SHARE or len(matched) < min(MIN_OWN_WORDS, len(own))):
        return 0.0
    names_total = NAME_WEIGHT * sum(idf.get(t, 1.0) for t in claim.names)
    names_matched = NAME_WEIGHT * sum(idf.get(t, 1.0) for t in claim.names if t in candidate.content)
    return (own_share * own_total + names_matched) / (own_total + names_total)


@lru_cache(maxsize=4096)
def numbers_of(sentence: str, lang: str = "en") -> frozenset[tuple[float, float]]:
    """The values of a sentence's figures, as (low, high); `lang` says how its numbers are written."""
    return frozenset({(round(f.low, 6), round(f.high, 6)) for f in extract_figures(sentence, lang)
                      if f.low is not None and f.high is not None})


def same_numbers(claim: str, candidate: str, claim_lang: str = "en", candidate_lang: str = "en") -> bool:
    """Every number of the claim is in the candidate (a claim without numbers: True)."""
    wanted = numbers_of(claim, claim_lang)
    return not wanted or wanted <= numbers_of(candidate, candidate_lang)


WHOLE_SHARE = 0.25
"""Share of the whole sentence's content a supporting sentence must also carry."""


def claim_terms(text: StoryText, i: int) -> Terms:
    """Terms of sentence i's main clause (made once per sentence)."""
    claims = text.remembered("claim terms", dict)
    if i not in claims:
        claims[i] = terms_of(main_clause(text.sentences[i].text))
        story_idf(text).learn(claims[i])
    return claims[i]


_NEGATION_RE = re.compile(r"\b(?:not|no)\b(?! (?:more|fewer|less|longer) than)|\b(?:never|none|nobody|nothing|neither|nor|"
                          r"without|cannot)\b|n[’']t\b", re.IGNORECASE)


_DENIAL_RE = re.compile(r"\b(?:retract\w*|incorrect(?:ly)?|falsely|untrue|refut\w*|debunk\w*|denials?|"
                        r"den(?:y|ies|ied|ying)\s+(?:that|the\s+)?(?:reports?|claims?|allegations?|accusations?|any|wrongdoing|that))\b",
                        re.IGNORECASE)
"""Words that say a report or claim is wrong: a sentence saying a report was retracted or denied
does not state what the report said ('denied him the right' denies no report)."""


def _negated(text: str) -> bool:
    return bool(_NEGATION_RE.search(text) or _DENIAL_RE.search(text))


def same_polarity(claim: str, candidate: str) -> bool:
    """Both negated or neither: '"Facebook isn't killing people," Biden said' is not supported by
    '"They're killing people," Biden said', nor 'The Post reported that he was warned' by 'The
    Post retracted its report that he was warned'."""
    return _negated(claim) == _negated(candidate)


def support(text: StoryText, i: int, j: int) -> float:
    """How well sentence j supports sentence i (0-1): the share of the main clause's content it
    carries; 0 when it carries less than WHOLE_SHARE of the whole sentence's, lacks a number of
    the sentence, names less than NAMES_SHARE of its names, is negated where it is not or the other
    way round. Supported from SUPPORTED up."""
    terms, idf = story_terms(text), story_idf(text)
    terms[i]
    share = coverage(claim_terms(text, i), terms[j], idf)
    if share < SUPPORTED:
        return share
    if coverage(terms[i], terms[j], idf, gated=False) < WHOLE_SHARE or names_share(terms[i], terms[j], idf) < NAMES_SHARE:
        return 0.0
    claim, candidate = text.sentences[i].text, text.sentences[j].text
    languages = text.sentences[i].article.lang, text.sentences[j].article.lang
    return share if same_numbers(claim, candidate, *languages) and same_polarity(main_clause(claim), candidate) else 0.0


NAMES_SHARE = 0.5
"""Share of the sentence's names (weighted) a supporting sentence must name too: the same fact
about someone else, or said by someone else, is another fact ("the state Senate voted" is not
supported by "the state House voted")."""


def names_share(claim: Terms, candidate: Terms, idf: dict[str, float]) -> float:
    """Share (0-1) of the claim's names, weighted by rarity, that the candidate has (1 without names)."""
    total = sum(idf.get(t, 1.0) for t in claim.names)
    return sum(idf.get(t, 1.0) for t in claim.names if t in candidate.content) / total if total else 1.0
