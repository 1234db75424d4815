"""Articles -> stories: group articles about the same event across outlets.

Two articles are the same event when they share words *and* names: bag-of-words
similarity alone merges two different earthquakes, so the score mixes TF-IDF
cosine with the overlap of the proper names (people, places, organisations)
and numbers both mention, and dates far apart pull it down. Each score is
then scaled by how similar the two articles are to their nearest neighbours
(local scaling, as in self-tuning spectral clustering): long wire stories
with many threads and short single-event reports get comparable scores, so
one fixed threshold serves both. Average-link agglomerative clustering cuts there.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from .models import Article, Story
from .text import FUNCTION_WORDS, slugify


@dataclass(frozen=True, slots=True)
class GroupingConfig:
    threshold: float = 0.5
    """Average-link similarity (after local scaling) above which articles belong to one story."""
    neighbours: int = 10
    """Local scaling divides by the mean similarity to this many nearest articles ..."""
    density_floor: float = 0.15
    """... but never by less than this, so a small or sparse corpus does not inflate weak links."""
    text_weight: float = 0.55
    """Share of the score from TF-IDF cosine; the rest comes from shared names and numbers."""
    same_days: int = 3
    """Articles this many days apart or less are not penalised."""
    decay_days: float = 90.0
    """Past same_days, the score halves after about decay_days more."""
    max_days: float = 75.0
    """Dated articles further apart than this are never linked directly."""


NAME_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
NUMBER_RE = re.compile(r"\b\d[\d,.]*\b")


def article_markers(article: Article) -> Counter:
    """Names and distinctive numbers an article mentions: the evidence of which event it is."""
    markers: Counter = Counter()
    for sentence in article.sentences:
        text = sentence.text
        for match in re.finditer(r"[^\W\d_][\w'’-]*", text):
            token = match.group(0)
            if match.start() == 0 or not token[0].isupper():
                continue
            lowered = token.lower().strip("'’")
            if lowered in FUNCTION_WORDS or len(lowered) < 2:
                continue
            markers["n:" + lowered] += 1
        for match in NUMBER_RE.finditer(text):
            number = match.group(0).rstrip(".,").replace(",", "")
            if len(number) >= 2 and not re.fullmatch(r"(19|20)\d\d", number):
                markers["#:" + number] += 1
    return markers


def similarity_matrix(articles: list[Article], config: GroupingConfig) -> np.ndarray:
    texts = [f"{a.title or ''}\n{a.text}" for a in articles]
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1, dtype=np.float32)
    tfidf = vectorizer.fit_transform(texts)
    text_sim = (tfidf @ tfidf.T).toarray()

    markers = [article_markers(a) for a in articles]
    document_frequency = Counter(m for counter in markers for m in counter)
    n = len(articles)
    idf = {m: math.log((1 + n) / (1 + df)) + 1.0 for m, df in document_frequency.items()}
    vocabulary = {m: i for i, m in enumerate(sorted(idf))}
    matrix = np.zeros((n, len(vocabulary)), dtype=np.float32)
    for row, counter in enumerate(markers):
        for marker, count in counter.items():
            matrix[row, vocabulary[marker]] = (1 + math.log(count)) * idf[marker]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = matrix / np.where(norms == 0, 1, norms)
    name_sim = matrix @ matrix.T

    sim = config.text_weight * text_sim + (1 - config.text_weight) * name_sim
    sim *= date_factor(articles, config)
    np.fill_diagonal(sim, 1.0)
    return sim


def date_factor(articles: list[Article], config: GroupingConfig) -> np.ndarray:
    """1 for articles within a few days, decaying with the gap; 1 where a date is unknown.

    A developing story runs for weeks (a trial, a campaign), so the decay is
    soft: articles a month apart need clearly more in common to be one story.
    """
    ordinals = np.array([a.day.toordinal() if a.day else np.nan for a in articles], dtype=float)
    gap = np.abs(ordinals[:, None] - ordinals[None, :])
    factor = 1.0 / (1.0 + np.clip(gap - config.same_days, 0, None) / config.decay_days)
    factor = np.where(gap > config.max_days, 0.0, factor)
    return np.where(np.isnan(gap), 1.0, factor)


def locally_scaled(sim: np.ndarray, config: GroupingConfig) -> np.ndarray:
    """sim[i, j] / sqrt(d_i * d_j), d_i = mean similarity of i to its nearest neighbours (floored)."""
    others = sim.copy()
    np.fill_diagonal(others, 0)
    k = max(1, min(config.neighbours, len(sim) - 1))
    density = np.sort(others, axis=1)[:, -k:].mean(axis=1)
    density = np.maximum(density, config.density_floor)
    scaled = np.clip(others / np.sqrt(np.outer(density, density)), 0, 1)
    np.fill_diagonal(scaled, 1.0)
    return scaled


def cluster_articles(articles: list[Article], config: GroupingConfig = GroupingConfig()) -> list[list[Article]]:
    if not articles:
        return []
    ordered = sorted(articles, key=lambda a: a.id)
    if len(ordered) == 1:
        return [ordered]
    sim = locally_scaled(similarity_matrix(ordered, config), config)
    distance = np.clip(1 - sim, 0, None)
    np.fill_diagonal(distance, 0)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1 - config.threshold, criterion="distance")
    groups: dict[int, list[Article]] = {}
    for label, article in zip(labels, ordered):
        groups.setdefault(int(label), []).append(article)
    return list(groups.values())


def founder(articles: list[Article]) -> Article:
    """The article a story is named after: the earliest, ties broken by id."""
    return min(articles, key=lambda a: (a.day or date.max, a.id))


def make_story(articles: list[Article]) -> Story:
    first = founder(articles)
    story_id = hashlib.sha1(first.id.encode("utf-8")).hexdigest()[:10]
    prefix = first.day.isoformat() if first.day else "undated"
    slug = f"{prefix}-{slugify(first.headline, 50)}"
    ordered = tuple(sorted(articles, key=_article_order))
    return Story(id=story_id, slug=slug, articles=ordered)


def _article_order(article: Article):
    return (article.published.isoformat() if article.published else "9999", article.source.name.lower(), article.id)


def group(articles: list[Article], config: GroupingConfig = GroupingConfig()) -> list[Story]:
    """Articles -> stories, newest first; ids and slugs depend only on each story's founder."""
    stories = [make_story(members) for members in cluster_articles(articles, config)]
    seen: Counter = Counter(story.slug for story in stories)
    unique = []
    for story in stories:
        if seen[story.slug] > 1:
            story = Story(id=story.id, slug=f"{story.slug}-{story.id[:6]}", articles=story.articles)
        unique.append(story)
    return sorted(unique, key=lambda s: (-(s.last_day or date.min).toordinal(), s.slug))
