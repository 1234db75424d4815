"""An extractive multi-outlet summary: centroid + LexRank-style centrality + lead prior, picked with MMR.

Only sentences that stand alone are picked (standalone.py); each chosen sentence is cited to
every outlet with a sentence stating the same fact (support.py), with that sentence, and the
summary is read in story order (earlier in the articles first).
"""
from __future__ import annotations

import re
from datetime import date

import numpy as np

from ..models import Citation, SummarySentence
from ..text import is_common_word
from .sentences import StoryText
from .standalone import MAX_WORDS, MIN_WORDS, dated, fault, full_names, surname_alone
from .support import CANDIDATE_SIMILARITY, SUPPORTED, support

SAME_FACT = 0.32
NOT_ALONE = 0.05
"""Score factor of a sentence that shows a quick sign of not standing alone (a pronoun or
connective start, an open quote, a trailing colon); the summary never picks one (fault)."""
DANGLING_START = re.compile(r"^(?:he|she|they|it|this|these|those|but|and|however|also|so|yet)\b", re.IGNORECASE)
SURNAME_ONLY = 0.9
"""Score factor of a sentence naming someone by surname whom the story introduces by full name."""
CLOSEST_PER_OUTLET = 3
"""Per outlet, the sentences most similar to a summary sentence that are read for its support."""
REDUNDANT = 0.3  # about the same fact as a chosen sentence: it would only add a citation


def summary_length(story_text: StoryText) -> int:
    """Sentences in the summary: 4 for one article, up to 7 for four or more."""
    articles = len({item.article.id for item in story_text.sentences})
    return {1: 4, 2: 5, 3: 6}.get(articles, 7)


def sentence_scores(story_text: StoryText) -> np.ndarray:
    """Importance of every sentence: close to the story's centre, central, early, widely reported."""
    items = story_text.sentences
    n = len(items)
    if n == 0 or story_text.vectors is None:
        return np.zeros(n)
    sim = story_text.similarity
    centroid = np.asarray(story_text.vectors.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid) or 1.0
    centroid_score = np.asarray(story_text.vectors @ (centroid / norm)).ravel()
    degree = (sim > 0.1).sum(axis=1) - 1
    centrality = degree / max(degree.max(), 1)
    lead = np.array([1.0 / np.sqrt(1 + item.sentence.index) for item in items])
    coverage = outlets_reporting(story_text).astype(float)
    outlets = len({item.source for item in items})
    coverage = (coverage - 1) / max(outlets - 1, 1)
    score = 0.6 * centroid_score + 0.1 * centrality + 0.15 * lead + 0.15 * coverage
    names = story_text.remembered("full names", lambda: full_names([item.text for item in items], is_common_word))
    for i, item in enumerate(items):
        words = len(item.text.split())
        if words > MAX_WORDS or words < MIN_WORDS:
            score[i] *= 0.2
        if DANGLING_START.match(item.text) or item.text.count('"') % 2 or item.text.endswith(":"):
            score[i] *= NOT_ALONE  # the quick signs of a sentence that leans on others; the summary checks all (fault)
        elif surname_alone(item.text, names):
            score[i] *= SURNAME_ONLY
    return score


def outlets_reporting(story_text: StoryText) -> np.ndarray:
    """For every sentence, how many outlets have a sentence saying the same (its own included)."""
    sources = sorted({item.source for item in story_text.sentences})
    column = {source: k for k, source in enumerate(sources)}
    owner = np.zeros((len(story_text.sentences), len(sources)), dtype=np.float32)
    owner[np.arange(len(story_text.sentences)), [column[item.source] for item in story_text.sentences]] = 1
    same = (story_text.similarity >= SAME_FACT).astype(np.float32)
    np.fill_diagonal(same, 1)
    return ((same @ owner) > 0).sum(axis=1)


def citations_for(story_text: StoryText, i: int) -> tuple[Citation, ...]:
    """The sentence's own article, plus, for every other outlet, its sentence that best supports
    the same fact (support.py), if one does: each citation with its supporting sentence."""
    items = story_text.sentences
    best: dict[str, tuple[float, int]] = {items[i].source: (2.0, i)}
    for source, indexes in story_text.by_source().items():
        if source == items[i].source:
            continue
        # the outlet's few most similar sentences: one that states the fact shares its words
        row = story_text.similarity[i, indexes]
        for k in np.argsort(-row, kind="stable")[:CLOSEST_PER_OUTLET].tolist():
            score = support(story_text, i, indexes[k]) if row[k] >= CANDIDATE_SIMILARITY else 0.0
            if score >= SUPPORTED and score > best.get(source, (0.0, -1))[0]:
                best[source] = (score, indexes[k])
    return tuple(Citation(source, items[j].article.id, items[j].text) for source, (_, j) in sorted(best.items()))


def summarize(story_text: StoryText, length: int | None = None, scores: np.ndarray | None = None,
              words: int | None = None) -> tuple[SummarySentence, ...]:
    """The summary: `length` sentences (default: by the number of articles), or as many as reach
    `words` words when that is given (an evaluation's length limit), picked by MMR from the most
    important, in story order, each cited to the outlets that report its fact. A relative time
    ("earlier today") is shown with its article's date."""
    items = story_text.sentences
    if not items:
        return ()
    length = length or (len(items) if words else summary_length(story_text))
    scores = sentence_scores(story_text) if scores is None else scores
    chosen = select_mmr(story_text, scores, length, words=words, alone=lambda i: fault(items[i].text) is None) or [_earliest(story_text)]
    # Story order: earlier days first (a developing story reads as it developed), then earlier in the article
    chosen.sort(key=lambda i: (items[i].article.day or date.max, round(items[i].position, 3), items[i].article.id))
    return tuple(SummarySentence(dated(items[i].text, items[i].article.day), items[i].article.id, citations_for(story_text, i))
                 for i in chosen)


def _earliest(story_text: StoryText) -> int:
    """When no sentence stands alone: the earliest sentence of the story, as its lead."""
    return min(range(len(story_text.sentences)), key=lambda i: (story_text.sentences[i].article.day or date.max, story_text.sentences[i].sentence.index))


def select_mmr(story_text: StoryText, scores: np.ndarray, length: int, diversity: float = 0.4,
               words: int | None = None, alone=None) -> list[int]:
    """Maximal marginal relevance: the best sentences that do not repeat each other; `length` of
    them, or (with `words`) until they hold that many words; with `alone` (sentence index -> bool),
    only sentences that stand alone (asked of the candidates only: most sentences never are)."""
    order = np.array(sorted(range(len(scores)), key=lambda i: (-scores[i], i)), dtype=np.intp)
    relevance = (1 - diversity) * np.asarray(scores, dtype=float)[order]
    overlap = np.zeros(len(order))  # each candidate's closest chosen sentence
    available = np.ones(len(order), dtype=bool)
    chosen: list[int] = []
    total_words = 0
    while len(chosen) < length and (words is None or total_words < words):
        value = relevance - diversity * overlap
        allowed = available & (overlap < REDUNDANT) & ~np.isnan(value)
        if not allowed.any():
            break
        # argmax takes the first of equals: the higher-scored, then earlier, sentence
        position = int(np.argmax(np.where(allowed, value, -np.inf)))
        if alone is not None and not alone(int(order[position])):
            available[position] = False
            continue
        chosen.append(int(order[position]))
        total_words += len(story_text.sentences[chosen[-1]].text.split())
        available[position] = False
        column = story_text.similarity[order, order[position]]
        overlap = column if len(chosen) == 1 else np.maximum(overlap, column)
    return chosen
