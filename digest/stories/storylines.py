"""Events -> storylines: the events of one matter, followed over weeks (or years).

Each event is read as the centroid of its articles' words and of their names. Two events are
one matter when both agree: their words count half after storyline_text_days apart, their names
after storyline_name_days (a matter keeps its words and actors for years: "Abu Ghraib", "Graner",
"Flight 447"), and they must share a name: events with no actor in common are not one matter,
however alike their words ("visitors", "police", "ceremony"). A shared country or big city is
weak evidence among the words as among the names. Scores are locally scaled among each event's
nearest events and cut by average-link clustering at one threshold, as events are from
articles. Every event belongs to exactly one storyline; a storyline of one event is fine.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from ..config import GroupingConfig
from ..models import Story, Storyline
from ..text import slugify
from .evidence import BROAD_PLACE_WEIGHT, unit_rows
from .linkage import CandidateSearch, average_link, locally_scaled, nearest_by_words, rowwise_dot, shared_rare_markers, unique

if TYPE_CHECKING:
    from ..runtime import Runtime
    from .clustering import Clustering


def link_storylines(events: list[Story], clustering: Clustering, config: GroupingConfig, runtime: Runtime) -> list[Storyline]:
    """Storylines of `events` (newest first), from the articles' features in `clustering`
    (the articles, their features, and each one's event)."""
    if not events:
        return []
    if len(events) == 1 or clustering.found is None:  # one article: one event, one storyline
        return _records(events, [[position] for position in range(len(events))])
    text, names, actors = _centroids(events, clustering)
    first, last = _spans(events)
    i, j = _candidate_event_pairs(text, names, first, last, config, runtime)
    gap = _gap(first, last, i, j)
    sim = (config.storyline_text_weight * rowwise_dot(text, i, j) * _half_life(gap, config.storyline_text_days)
           + (1 - config.storyline_text_weight) * rowwise_dot(names, i, j) * _half_life(gap, config.storyline_name_days))
    sim = np.where(rowwise_dot(actors, i, j) > 0, sim, 0.0).astype(np.float32)  # one matter has an actor in common
    scaled = locally_scaled(len(events), i, j, sim, config.storyline_neighbours, config.storyline_density_floor)
    keep = scaled >= config.min_link
    labels = average_link(len(events), i[keep], j[keep], scaled[keep], config.storyline_threshold)
    members: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        members.setdefault(label, []).append(position)
    return _records(events, list(members.values()))


def _centroids(events: list[Story], clustering) -> tuple[sparse.csr_matrix, sparse.csr_matrix, sparse.csr_matrix]:
    """Each event's words, names and actors (its names but titles): the sum of its articles'
    rows, L2-normalised, the words that name a broad place (a country, a big city) weighing
    BROAD_PLACE_WEIGHT as they do among the names: five unrelated stories of one country are five
    matters."""
    row = {article.id: position for position, article in enumerate(clustering.articles)}
    rows, columns = [], []
    for number, story in enumerate(events):
        for article in story.articles:
            rows.append(row[article.id])
            columns.append(number)
    membership = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (columns, rows)),
                                   shape=(len(events), len(clustering.articles)))
    found = clustering.found
    text = membership @ found.text
    if found.broad_words is not None and len(found.broad_words):
        weights = np.ones(text.shape[1], dtype=np.float32)
        weights[found.broad_words] = BROAD_PLACE_WEIGHT
        text = text @ sparse.diags(weights)
    names = membership @ found.names
    actors = names
    if found.title_names is not None and len(found.title_names):
        keep = np.ones(names.shape[1], dtype=np.float32)
        keep[found.title_names] = 0.0
        actors = names @ sparse.diags(keep)
    return unit_rows(text), unit_rows(names), unit_rows(actors)


def _spans(events: list[Story]) -> tuple[np.ndarray, np.ndarray]:
    first = np.array([s.first_day.toordinal() if s.first_day else np.nan for s in events], dtype=float)
    last = np.array([s.last_day.toordinal() if s.last_day else np.nan for s in events], dtype=float)
    return first, last


def _gap(first: np.ndarray, last: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Days between two events' spans (0 when they overlap; NaN when either is undated)."""
    return np.maximum(0.0, np.maximum(first[i] - last[j], first[j] - last[i]))


def _half_life(gap: np.ndarray, days: float) -> np.ndarray:
    return np.where(np.isnan(gap), 1.0, 1.0 / (1.0 + gap / days))


class _EventFeatures:
    """What the candidate search reads (linkage.py), for events instead of articles."""

    def __init__(self, text, names, days):
        self.text, self.markers, self.days = text, names, days
        self.name_columns = tuple(range(names.shape[1]))


def _candidate_event_pairs(text, names, first, last, config: GroupingConfig, runtime: Runtime) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of events up to storyline_all_pairs_limit; beyond, the events that share a rare
    name (however far apart) and each event's nearest events by words within storyline_max_days."""
    n = text.shape[0]
    if n <= config.storyline_all_pairs_limit:
        return np.triu_indices(n, k=1)
    middle = np.where(np.isnan(first), last, (first + last) / 2)
    found = _EventFeatures(text, names, middle)
    by_name = shared_rare_markers(found, CandidateSearch(max_days=np.inf, max_marker_df=config.max_marker_df))
    by_words = nearest_by_words(found, CandidateSearch(max_days=config.storyline_max_days, neighbours=config.candidate_neighbours,
                                                        block_cells=config.neighbour_block_cells), runtime)
    encoded = unique(np.concatenate([by_name, by_words]))
    return encoded // n, encoded % n


def _records(events: list[Story], groups: list[list[int]]) -> list[Storyline]:
    """Storyline records, newest first: id and slug from the founding article, events oldest first."""
    lines = []
    for positions in groups:
        members = sorted((events[p] for p in positions), key=lambda s: (s.first_day or date.max, s.id))
        first = min((a for s in members for a in s.articles), key=lambda a: (a.day or date.max, a.id))
        days = [d for s in members for d in (s.first_day, s.last_day) if d]
        prefix = first.day.isoformat() if first.day else "undated"
        lines.append(Storyline(id=hashlib.sha1(f"storyline:{first.id}".encode("utf-8")).hexdigest()[:10],
                               slug=f"{prefix}-{slugify(first.headline, 50)}", events=tuple(s.id for s in members),
                               first_day=min(days) if days else None, last_day=max(days) if days else None))
    seen = Counter(line.slug for line in lines)
    lines = [Storyline(line.id, f"{line.slug}-{line.id[:6]}", line.events, line.first_day, line.last_day) if seen[line.slug] > 1 else line
             for line in lines]
    return sorted(lines, key=lambda line: (-(line.last_day or date.min).toordinal(), line.slug))
