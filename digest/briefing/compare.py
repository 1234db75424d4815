"""Source comparison: what each outlet covers, what all report, what only one reports,
who is quoted by whom, and how the outlets word the same things differently."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

try:  # the same matcher, compiled: identical opcodes, 3.7 times quicker
    from cydifflib import SequenceMatcher
except ImportError:  # pragma: no cover - a declared dependency; the standard library's gives the same answers
    from difflib import SequenceMatcher

import numpy as np

from ..models import (Citation, Comparison, FigureReport, KeyFigure, OutletView, Quote, SharedFact, SummarySentence,
                      WordingDifference)
from ..text import STOP_WORDS, is_common_word, words
from .figures import extract_figures
from .independence import independent_reports
from .keyfigures import figure_differences
from .sentences import StoryText
from .standalone import stands_alone
from .support import SUPPORTED, Terms, coverage, stem, story_idf, story_terms, support

SAME_FACT = 0.32
UNIQUE = 0.18
MAX_WORDING_OUTLETS = 4
MAX_ALIGNED_SENTENCES = 150
MAX_SHARED, MAX_EXCLUSIVE = 5, 3


@dataclass(frozen=True)
class ComparisonInputs:
    """What every comparison view may read: the story's sentences with their importance, the
    figures reported and the key figures, and the quotes."""

    text: StoryText
    scores: np.ndarray
    reports: list[FigureReport]
    key_figures: list[KeyFigure]
    quotes: list[Quote]
    summary: tuple[SummarySentence, ...] = ()


def comparison_of(text: StoryText, scores: np.ndarray, reports: list[FigureReport], key_figures: list[KeyFigure],
                  quotes: list[Quote], summary: tuple[SummarySentence, ...] = ()) -> Comparison:
    """The source comparison: each view of COMPARISON_VIEWS computed in turn."""
    inputs = ComparisonInputs(text, scores, reports, key_figures, quotes, summary)
    return Comparison(**{name: tuple(view(inputs)) for name, view in COMPARISON_VIEWS})


def outlet_views(story_text: StoryText) -> list[OutletView]:
    """Per outlet: its articles, words and sentences in the story, and the terms it stresses."""
    by_source = story_text.by_source()
    term_counts = _outlet_terms(story_text)
    outlet_words = _outlet_words(story_text)
    total = Counter()
    for counts in term_counts.values():
        total.update(counts)
    stressed = _stressed(story_text) if len(by_source) > 1 else {}
    views = []
    for source, indexes in sorted(by_source.items()):
        articles = {story_text.sentences[i].article.id for i in indexes}
        views.append(
            OutletView(
                source=source,
                articles=len(articles),
                words=len(outlet_words[source]),
                sentences=len(indexes),
                focus=stressed[source] if stressed else _focus_terms(term_counts[source], total, len(by_source)),
            )
        )
    return views


def _content_words(found: list[str]) -> list[str]:
    lowered = [w.lower() for w in found if len(w) > 3]
    return [w for w in lowered if w not in STOP_WORDS]


def _outlet_texts(story_text: StoryText) -> dict[str, str]:
    """Each outlet's sentences read as one text."""
    def make():
        return {source: " ".join(story_text.sentences[i].text for i in idx) for source, idx in story_text.by_source().items()}
    return story_text.remembered("outlet texts", make)


def _outlet_words(story_text: StoryText) -> dict[str, list[str]]:
    return story_text.remembered("outlet words", lambda: {s: words(t) for s, t in _outlet_texts(story_text).items()})


def _outlet_terms(story_text: StoryText) -> dict[str, Counter]:
    """Each outlet's content words with their counts (asked for by the outlet views and the wording)."""
    return story_text.remembered("outlet terms", lambda: {
        source: Counter(_content_words(found)) for source, found in _outlet_words(story_text).items()})


def _sentence_tokens(story_text: StoryText) -> list[list[str]]:
    return story_text.remembered("tokens", lambda: [_tokens(item.text) for item in story_text.sentences])


def _focus_terms(own: Counter, total: Counter, outlets: int, limit: int = 6) -> tuple[str, ...]:
    """Terms an outlet uses often and the others rarely (smoothed log-ratio, frequent terms first)."""
    scored = []
    for term, count in own.items():
        others = total[term] - count
        if count < 2:
            continue
        ratio = math.log((count + 0.5) / (others + 0.5)) if outlets > 1 else 0.0
        scored.append((-(ratio + 0.3 * math.log(count)) if outlets > 1 else -count, term))
    return tuple(term for _, term in sorted(scored)[:limit])


_PHRASE_RE = re.compile(r"(?<![\w.])(?:[A-Z][\w'’-]+(?:\s+(?:of|the|de|al|for|and)\s+|\s+)){1,3}[A-Z][\w'’-]+|\b[a-z][a-z-]{3,}\b")


def _stressed(story_text: StoryText, limit: int = 6) -> dict[str, tuple[str, ...]]:
    """Per outlet, the names ("Laila Mostafa", "Jihadi John") and words ("jihadists", "biometric")
    it uses at least twice (a word three times, a name of two words once) that no other outlet
    uses (in any form: 'jihadist' counts as 'jihadists'), most used first."""
    texts = _outlet_texts(story_text)
    found: dict[str, Counter] = {}
    for source, text in texts.items():
        counts = Counter()
        for raw, count in Counter(_PHRASE_RE.findall(text)).items():
            phrase = _without_leading_common_words(raw)
            if phrase and not (phrase.islower() and (phrase in STOP_WORDS or len(phrase) < 6)):
                counts[phrase] += count
        found[source] = counts
    words_of = {source: {stem(t) for t in _WORD_RE.findall(text.lower())} for source, text in texts.items()}
    stemmed = {source: None for source in texts}  # each outlet's text as stems, made when first needed

    def used_elsewhere(source: str, phrase: str) -> bool:
        wanted = [stem(t) for t in _WORD_RE.findall(phrase.lower())]
        for other in texts:
            if other == source or not words_of[other].issuperset(wanted):
                continue  # a word of it missing: that outlet cannot use it
            if len(wanted) == 1:
                return True
            if stemmed[other] is None:
                stemmed[other] = " " + " ".join(stem(t) for t in _WORD_RE.findall(texts[other].lower())) + " "
            if f" {' '.join(wanted)} " in stemmed[other]:
                return True
        return False

    stressed = {}
    for source, counts in found.items():
        kept: list[str] = []
        for phrase, count in sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0].split()), kv[0])):
            is_name = not phrase.islower()
            if count < (2 if is_name else 3) and not (is_name and " " in phrase):
                continue
            if any(phrase in longer for longer in kept) or used_elsewhere(source, phrase):
                continue
            kept.append(phrase)
            if len(kept) == limit:
                break
        stressed[source] = tuple(kept)
    return stressed


_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


_TITLES = frozenset("mr mrs ms dr col gen lt sgt capt maj prof sen rep gov president minister".split())


def _without_leading_common_words(phrase: str) -> str:
    """'But the SDF' -> 'SDF', 'Mr Selo' -> 'Selo': a sentence's first word or a title is no part of a name."""
    words_ = phrase.split()
    while len(words_) > 1 and (words_[0].lower().rstrip(".") in _TITLES or words_[0].lower() in STOP_WORDS
                               or (words_[0][:1].isupper() and is_common_word(words_[0].lower()) and words_[1][:1].islower())):
        words_ = words_[1:]
    if len(words_) == 1 and words_[0][:1].isupper() and is_common_word(words_[0].lower()):
        return ""  # a capitalised common word alone: a sentence's start
    return " ".join(words_)


MAX_SHARED_CANDIDATES, CLOSEST_PER_OUTLET = 60, 3
"""The most important sentences read for facts all outlets report, and per outlet the sentences
most similar to one that are read for its support."""


def _summary_terms(story_text: StoryText, summary: tuple[SummarySentence, ...]) -> list:
    """The terms of every sentence the summary cites (what it already states)."""
    from .support import terms_of

    return [terms_of(c.sentence) for s in summary for c in s.citations if c.sentence]


def shared_facts(story_text: StoryText, scores: np.ndarray, summary: tuple[SummarySentence, ...] = ()) -> list[SharedFact]:
    """Facts every outlet states (a sentence of each outlet supporting it), that the summary does
    not already state, most important first; each with every outlet's supporting sentence."""
    by_source = story_text.by_source()
    if len(by_source) < 2:
        return []
    facts, used = [], set()
    said = _summary_terms(story_text, summary)
    terms, idf = story_terms(story_text), story_idf(story_text)
    for i in sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:MAX_SHARED_CANDIDATES]:
        if i in used or not stands_alone(story_text.sentences[i].text) \
                or any(coverage(terms[i], t, idf, gated=False) >= SUPPORTED for t in said):
            continue  # shown on its own, as a summary sentence is: it must stand alone
        matches = {story_text.sentences[i].source: (2.0, i)}
        for source, indexes in by_source.items():
            if source == story_text.sentences[i].source:
                continue
            # an outlet's few most similar sentences: one that states the fact shares its words
            row = story_text.similarity[i, indexes]
            for k in np.argsort(-row, kind="stable")[:CLOSEST_PER_OUTLET].tolist():
                score = support(story_text, i, indexes[k]) if row[k] >= 0.12 else 0.0
                if score >= SUPPORTED and score > matches.get(source, (0.0, -1))[0]:
                    matches[source] = (score, indexes[k])
            if source not in matches:
                break  # one outlet without it: not reported by all
        if len(matches) == len(by_source):
            used.update(j for _, j in matches.values())
            facts.append(SharedFact(story_text.sentences[i].text, tuple(
                Citation(source, story_text.sentences[j].article.id, story_text.sentences[j].text)
                for source, (_, j) in sorted(matches.items()))))
        if len(facts) == MAX_SHARED:
            break
    return facts


ELSEWHERE_SHARE = 0.3
"""A sentence whose content words another outlet's sentence carries this much of (names at half
weight, IDF-weighted) is reported there in other words: not unique to its outlet."""
OUTLET_TEXT_SHARE = 0.6
CLOSEST_ELSEWHERE = 10
"""Another outlet's sentences read for the same fact in other words: the most similar ones."""
"""...or whose content words another outlet's whole text carries this much of, spread over sentences."""


def _same_figure(story_text: StoryText, i: int, j: int) -> bool:
    """Both sentences give one figure with its unit ("two years") and share a content word besides:
    the same fact in other words ("losing ground over the last two years" / "in retreat for two
    years, losing swathes of territory")."""
    numbers = story_text.remembered("numbers", dict)
    for k in (i, j):
        if k not in numbers:
            item = story_text.sentences[k]
            numbers[k] = {(f.low, f.high, f.unit) for f in extract_figures(item.text, item.article.lang) if f.unit or f.counts}
    terms = story_terms(story_text)
    return bool(numbers[i] & numbers[j]) and len((terms[i].content & terms[j].content) - terms[i].names) >= 2


def exclusive_facts(story_text: StoryText, scores: np.ndarray) -> list[SharedFact]:
    """For each outlet, its most important sentences whose fact no other outlet states, judged on
    content, not on similar wording: another outlet's sentence or text carrying much of it counts."""
    by_source = story_text.by_source()
    if len(by_source) < 2:
        return []
    terms, idf = story_terms(story_text), story_idf(story_text)
    def outlet_terms_of(source: str):  # every word an outlet uses, as stems: made when first needed
        made = story_text.remembered("outlet term sets", dict)
        if source not in made:
            made[source] = Terms(frozenset(stem(w) for w in _WORD_RE.findall(_outlet_texts(story_text)[source].lower())), frozenset())
        return made[source]
    facts = []
    for source, indexes in sorted(by_source.items()):
        others = [j for s, idx in by_source.items() if s != source for j in idx]
        closest_elsewhere = dict(zip(indexes, story_text.similarity[np.ix_(indexes, others)].max(axis=1).tolist()))
        unique = []
        for i in sorted(indexes, key=lambda i: (-scores[i], i)):  # the most important first, until enough
            if len(unique) == MAX_EXCLUSIVE:
                break
            if closest_elsewhere[i] >= UNIQUE or len(story_text.sentences[i].text.split()) < 8 \
                    or not stands_alone(story_text.sentences[i].text):
                continue
            if any(coverage(terms[i], outlet_terms_of(s), idf, gated=False) >= OUTLET_TEXT_SHARE for s in by_source if s != source):
                continue
            row = story_text.similarity[i, others]
            closest = [others[k] for k in np.argsort(-row, kind="stable")[:CLOSEST_ELSEWHERE].tolist()]
            if any(coverage(terms[i], terms[j], idf, gated=False) >= ELSEWHERE_SHARE or _same_figure(story_text, i, j) for j in closest):
                continue
            unique.append(i)
        for i in unique:
            item = story_text.sentences[i]
            facts.append(SharedFact(item.text, (Citation(source, item.article.id, item.text),)))
    return facts


def quotes_table(quotes: list[Quote]) -> list[Quote]:
    """One quote per (speaker, outlet): the first."""
    seen, table = set(), []
    for quote in quotes:
        if (quote.speaker, quote.source) not in seen:
            seen.add((quote.speaker, quote.source))
            table.append(quote)
    return sorted(table, key=lambda q: (q.speaker, q.source))


_TOKEN_RE = re.compile(r"[\w.'’-]+")


def _tokens(text: str) -> list[str]:
    lowered = text.lower()
    # Lowercased whole as token by token, except "İ" (two characters, the second not a word
    # character) and "Σ" (its lowercase depends on the characters after it)
    if len(lowered) != len(text) or "Σ" in text:
        return [t.lower().replace(".", "") for t in _TOKEN_RE.findall(text)]
    return [t.replace(".", "") if "." in t else t for t in _TOKEN_RE.findall(lowered)]


def wording_differences(story_text: StoryText, limit: int = 6) -> list[WordingDifference]:
    """Words that aligned sentences of two outlets swap ('militias' / 'forces'),
    and words only one outlet uses again and again ('jihadists')."""
    by_source = story_text.by_source()
    if len(by_source) < 2:
        return []
    swaps: Counter = Counter()
    examples: dict[tuple, tuple] = {}
    # The outlets with most to say; comparing every pair of twenty outlets would cost 190 passes
    sources = sorted(sorted(by_source, key=lambda s: (-len(by_source[s]), s))[:MAX_WORDING_OUTLETS])
    tokens = _sentence_tokens(story_text)
    for a_index, a in enumerate(sources):
        for b in sources[a_index + 1 :]:
            rows, columns = by_source[a][:MAX_ALIGNED_SENTENCES], np.array(by_source[b])
            # Each sentence of a with its closest sentence of b (the first of equals), all at once
            closest = story_text.similarity[np.ix_(rows, columns)].argmax(axis=1)
            for i, j in zip(rows, columns[closest].tolist()):
                if story_text.similarity[i, j] < 0.2:
                    continue
                left, right = tokens[i], tokens[j]
                matcher = SequenceMatcher(a=left, b=right, autojunk=False)
                for op, a1, a2, b1, b2 in matcher.get_opcodes():
                    if op != "replace" or a2 - a1 > 2 or b2 - b1 > 2:
                        continue
                    x, y = left[a1], right[b1]
                    if not (x.isalpha() and y.isalpha()) or x in STOP_WORDS or y in STOP_WORDS or _same_stem(x, y):
                        continue
                    if a1 == 0 or b1 == 0 or left[a1 - 1] != right[b1 - 1]:
                        continue  # same left neighbour: the same slot in the sentence
                    key = (a, x, b, y)
                    swaps[key] += 1
                    examples.setdefault(key, (story_text.sentences[i].text, story_text.sentences[j].text))
    differences = []
    for (a, x, b, y), _ in sorted(swaps.items(), key=lambda kv: (-kv[1], kv[0]))[: limit // 2 + 1]:
        left, right = examples[(a, x, b, y)]
        differences.append(WordingDifference(((a, x), (b, y)), ((a, left), (b, right)), "same sentence, different word"))
    differences.extend(_signature_terms(story_text, by_source, limit - len(differences)))
    return differences[:limit]


def _same_stem(x: str, y: str) -> bool:
    return x.rstrip("s") == y.rstrip("s") or x[:5] == y[:5]


def _signature_terms(story_text: StoryText, by_source: dict[str, list[int]], limit: int) -> list[WordingDifference]:
    """Words one outlet uses again and again and the others never ('jihadists'), paired where
    possible with the word the other outlet uses in the same places ('militants')."""
    if limit <= 0:
        return []
    names = {w.lower() for t in _outlet_texts(story_text).values() for w in _NAME_WORD_RE.findall(t)}
    counts = {s: Counter({w: n for w, n in terms.items() if w not in names}) for s, terms in _outlet_terms(story_text).items()}
    wanted = {term for own in counts.values() for term, n in own.items() if n >= 2 and term.endswith("s")}
    tokens = _sentence_tokens(story_text)
    contexts = {s: _contexts([tokens[i] for i in idx], wanted) for s, idx in by_source.items()}
    found = []
    for source, own in sorted(counts.items()):
        others = Counter()
        for other, c in counts.items():
            if other != source:
                others.update(c)
        for term, n in sorted(own.items(), key=lambda kv: (-kv[1], kv[0])):
            if n < 3 or others[term] or not term.endswith("s"):
                continue  # recurring plural nouns name actors: 'jihadists', 'militias'
            counterpart = _counterpart(term, source, contexts, counts)
            if counterpart:
                other, word = counterpart
                found.append(WordingDifference(((source, term), (other, word)), (), f"{n} times, never in the other outlets"))
            else:
                found.append(WordingDifference(((source, term),), (), f"{n} times, never in the other outlets"))
            if len(found) >= limit:
                return found
    return found


_NAME_WORD_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")


def _contexts(sentences: list[list[str]], wanted: set[str]) -> dict[str, Counter]:
    """Left and right neighbours of the wanted words (the only ones compared), the sentences read
    as one text: neighbours run across sentence ends."""
    found: dict[str, Counter] = {}
    sentences = [tokens for tokens in sentences if tokens]
    for k, tokens in enumerate(sentences):
        if wanted.isdisjoint(tokens):
            continue  # most sentences: the wanted words are a few among thousands
        for i in [i for i, token in enumerate(tokens) if token in wanted]:
            neighbours = found.setdefault(tokens[i], Counter())
            left = tokens[i - 1] if i > 0 else sentences[k - 1][-1] if k > 0 else None
            right = tokens[i + 1] if i + 1 < len(tokens) else sentences[k + 1][0] if k + 1 < len(sentences) else None
            if left is not None:
                neighbours["L:" + left] += 1
            if right is not None:
                neighbours["R:" + right] += 1
    return found


def _counterpart(term: str, source: str, contexts: dict[str, dict[str, Counter]], counts: dict[str, Counter]) -> tuple[str, str] | None:
    """The word another outlet uses where this outlet uses `term` (most shared neighbours)."""
    mine = contexts[source].get(term, Counter())
    best = None
    for other, own in sorted(counts.items()):
        if other == source:
            continue
        for word, n in own.items():
            if n < 2 or word == term or counts[source][word] > n or not word.endswith("s"):
                continue
            theirs = contexts[other].get(word, Counter())
            shared = sum((mine & theirs).values())
            if shared >= 2 and (best is None or shared > best[0]):
                best = (shared, other, word)
    return (best[1], best[2]) if best else None


COMPARISON_VIEWS = (
    ("outlets", lambda inputs: outlet_views(inputs.text)),
    ("shared", lambda inputs: shared_facts(inputs.text, inputs.scores, inputs.summary)),
    ("exclusive", lambda inputs: exclusive_facts(inputs.text, inputs.scores)),
    ("figure_differences", lambda inputs: figure_differences(inputs.reports, inputs.key_figures, inputs.text, inputs.quotes)),
    ("quotes", lambda inputs: quotes_table(inputs.quotes)),
    ("wording", lambda inputs: wording_differences(inputs.text)),
    ("independence", lambda inputs: independent_reports(inputs.text)),
)
"""The comparison's views, each (its Comparison field, how it is computed), in page order; a
view is shown by its section in render/comparison.py and exported by export.py."""
