"""Articles -> events: one development reported by the outlets within a short span, one briefing each.

The vote after the proposal, the approval after the advisory panel, are two events. Two articles
are one event when they share the evidence of what happened (evidence.py): words, the words of
their leads (headline and first sentences, where news says what happened), names, and numbers and
dates; a day apart needs twice the evidence, a few days apart never links. Sharing a broad place,
a company or a day is weak: those words are everywhere (idf, and broad places weigh less), and each
score is scaled by how similar each article is to its nearest neighbours (local scaling, as in
self-tuning spectral clustering), so one threshold serves short roundups and long wire stories.
Average-link clustering (linkage.py) cuts there. Articles in different languages link only on
strong evidence: the same names and numbers on the same day. Storylines (storylines.py) then link
the events of one matter over weeks.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..config import GroupingConfig
from ..models import Article
from .evidence import Features, features
from .linkage import CandidateSearch, average_link, candidate_pairs, locally_scaled, rowwise_dot

if TYPE_CHECKING:
    from ..runtime import Runtime


def candidate_search(config: GroupingConfig) -> CandidateSearch:
    """Which pairs of articles are scored, from the grouping options."""
    return CandidateSearch(config.all_pairs_limit, config.max_event_days, config.max_marker_df, config.candidate_neighbours,
                           config.neighbour_block_cells)


def event_similarity(found: Features, i: np.ndarray, j: np.ndarray, config: GroupingConfig) -> np.ndarray:
    """The evidence that articles i and j report one development, 0..1, before local scaling."""
    if len(i) == 0:
        return np.zeros(0, dtype=np.float32)
    weights = (config.text_weight, config.lead_weight, config.name_weight, config.number_weight)
    text, lead, names, numbers = (rowwise_dot(matrix, i, j) for matrix in (found.text, found.lead, found.names, found.numbers))
    score = (weights[0] * text + weights[1] * lead + weights[2] * names + weights[3] * numbers) / sum(weights)
    gap = np.abs(found.days[i] - found.days[j])
    if found.languages is not None:
        other = found.languages[i] != found.languages[j]
        if other.any():
            strong = (gap == 0) & (names >= config.cross_language_names) & (numbers > 0)
            only_markers = (weights[2] * names + weights[3] * numbers) / (weights[2] + weights[3])
            score = np.where(other, np.where(strong, only_markers, 0.0), score)
    return (score * event_date_factor(gap, config)).astype(np.float32)


def event_date_factor(gap: np.ndarray, config: GroupingConfig) -> np.ndarray:
    """1 on the same day, 1 / (1 + gap / event_days) after, 0 past max_event_days; 1 where a
    date is unknown (the words must decide alone)."""
    factor = 1.0 / (1.0 + gap / config.event_days)
    factor = np.where(gap > config.max_event_days, 0.0, factor)
    return np.where(np.isnan(gap), 1.0, factor)


@dataclass(frozen=True)
class Clustering:
    """The articles in a fixed order (by id), their features, and each article's event (a label)."""

    articles: list[Article]
    found: Features | None
    labels: list[int]

    def groups(self) -> list[list[Article]]:
        """The articles of each event, events in the order of their first article."""
        groups: dict[int, list[Article]] = {}
        for label, article in zip(self.labels, self.articles):
            groups.setdefault(label, []).append(article)
        return list(groups.values())


def cluster_events(articles: list[Article], config: GroupingConfig, runtime: Runtime) -> Clustering:
    """The articles (by id), their features and each one's event."""
    ordered = sorted(articles, key=lambda a: a.id)
    if len(ordered) <= 1:
        return Clustering(ordered, None, list(range(len(ordered))))
    found = features(ordered, runtime)
    i, j = candidate_pairs(found, candidate_search(config), runtime)
    sim = event_similarity(found, i, j, config)
    scaled = locally_scaled(len(ordered), i, j, sim, config.neighbours, config.density_floor)
    keep = scaled >= config.min_link  # faint links cannot lift an average to the threshold but cost time
    labels = average_link(len(ordered), i[keep], j[keep], scaled[keep], config.threshold)
    return Clustering(ordered, found, labels)


def cluster_articles(articles: list[Article], config: GroupingConfig, runtime: Runtime) -> list[list[Article]]:
    """Articles -> events, as lists of articles (in id order)."""
    if not articles:
        return []
    return cluster_events(articles, config, runtime).groups()
