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

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING

import heapq

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
from sklearn.preprocessing import normalize

from ..config import GroupingConfig
from ..models import Article
from ..text import FUNCTION_WORDS

if TYPE_CHECKING:
    from ..runtime import Runtime


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


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """One article's evidence, computed once per article (in parallel, and cached between
    builds): its words as TF-IDF counts them, and the names and numbers it mentions, each with
    its count. The counts travel as packed integers: a rebuild reads every article's features
    back (30 million terms at 100,000 articles), and pairs of Python objects took twice as long
    to unpickle and left the garbage collector three times the objects."""

    terms: tuple[str, ...]
    term_counts: bytes  # uint32, one per term
    markers: tuple[str, ...]
    marker_counts: bytes

    @staticmethod
    def of(terms: Counter, markers: Counter) -> "ArticleFeatures":
        terms, markers = sorted(terms.items()), sorted(markers.items())
        return ArticleFeatures(tuple(t for t, _ in terms), _packed_counts(terms), tuple(m for m, _ in markers), _packed_counts(markers))


def _packed_counts(items: list[tuple[str, int]]) -> bytes:
    return np.array([n for _, n in items], dtype=np.uint32).tobytes()


def _counts(packed: bytes) -> np.ndarray:
    return np.frombuffer(packed, dtype=np.uint32)


_TFIDF_OPTIONS = {"sublinear_tf": True, "stop_words": "english", "min_df": 1, "dtype": np.float32}


@lru_cache(maxsize=1)
def _word_analyzer():
    return TfidfVectorizer(**_TFIDF_OPTIONS).build_analyzer()


def article_features(article: Article) -> ArticleFeatures:
    return ArticleFeatures.of(Counter(_word_analyzer()(f"{article.title or ''}\n{article.text}")), article_markers(article))


def _tfidf(per_article: list[ArticleFeatures]) -> sparse.csr_matrix:
    """The matrix TfidfVectorizer(**_TFIDF_OPTIONS).fit_transform would give, from counts made per article."""
    counts, _ = _count_matrix([f.terms for f in per_article], [f.term_counts for f in per_article])
    return TfidfTransformer(sublinear_tf=True).fit_transform(counts)


def _count_matrix(keys: list[tuple[str, ...]], packed_counts: list[bytes]) -> tuple[sparse.csr_matrix, list[str]]:
    """Rows of counts, columns the keys in sorted order (each row's keys are sorted already),
    and those keys."""
    columns = sorted(set().union(*keys))
    vocabulary = {key: i for i, key in enumerate(columns)}
    indptr = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum([len(row) for row in keys], out=indptr[1:])
    indices = np.fromiter(chain.from_iterable(map(vocabulary.__getitem__, row) for row in keys), dtype=np.int64, count=int(indptr[-1]))
    values = np.concatenate([_counts(c) for c in packed_counts]).astype(np.float32) if keys else np.zeros(0, dtype=np.float32)
    matrix = sparse.csr_matrix((values, indices, indptr), shape=(len(keys), len(vocabulary)))
    matrix.sort_indices()
    return matrix, columns


@dataclass(frozen=True)
class Features:
    """What grouping knows of each article: words (TF-IDF), names and numbers, day."""

    text: sparse.csr_matrix
    markers: sparse.csr_matrix
    days: np.ndarray  # ordinal day, NaN when unknown
    name_columns: tuple[int, ...] = ()  # columns of markers that are names (not numbers)


def features(articles: list[Article], runtime: Runtime) -> Features:
    """The grouping evidence of every article: each article read on the runtime's workers (and
    cached), then the corpus-wide TF-IDF and name/number matrices."""
    keys = [runtime.key("features", a.fingerprint or (a.title, a.text)) for a in articles]
    with runtime.stage("reading for grouping", len(articles), "articles") as tick:
        per_article = runtime.cached_map("features", article_features, articles, keys, tick)
    text = _tfidf(per_article)
    # Names and numbers: log-scaled counts times a smoothed idf, rows L2-normalised
    counts, vocabulary = _count_matrix([f.markers for f in per_article], [f.marker_counts for f in per_article])
    n = len(articles)
    idf = np.array([math.log((1 + n) / (1 + df)) + 1.0 for df in np.bincount(counts.indices, minlength=len(vocabulary)).tolist()])
    distinct, position = np.unique(counts.data, return_inverse=True)
    log_counts = np.array([1 + math.log(count) for count in distinct.tolist()])[position]
    counts.data = (log_counts * idf[counts.indices]).astype(np.float32)
    markers = normalize(counts)
    days = np.array([a.day.toordinal() if a.day else np.nan for a in articles], dtype=float)
    names = tuple(index for index, marker in enumerate(vocabulary) if marker.startswith("n:"))
    return Features(text, markers, days, names)


def candidate_pairs(found: Features, config: GroupingConfig, runtime: Runtime) -> tuple[np.ndarray, np.ndarray]:
    """Pairs worth scoring. A small corpus scores every pair; a large one the pairs that share a
    rare name or number (an inverted index) and each article's nearest neighbours by words within
    the time window, so the cost grows with the corpus, not its square."""
    n = found.text.shape[0]
    if n <= config.all_pairs_limit:
        i, j = np.triu_indices(n, k=1)
    else:
        encoded = _unique(np.concatenate([_shared_rare_markers(found, config), _nearest_by_words(found, config, runtime)]))
        i, j = encoded // n, encoded % n
    gap = np.abs(found.days[i] - found.days[j])
    keep = ~(gap > config.max_days)  # NaN (undated) is kept
    return i[keep], j[keep]


def _unique(values: np.ndarray) -> np.ndarray:
    """np.unique by sorting: numpy 2's np.unique hashes, and on millions of distinct pair codes
    that took seconds (1.1 s a 100,000-article rebuild) where a sort takes a tenth of one."""
    ordered = np.sort(values)
    keep = np.ones(len(ordered), dtype=bool)
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def _shared_rare_markers(found: Features, config: GroupingConfig) -> np.ndarray:
    """Pairs (encoded i * n + j, i < j) of articles within the time window sharing a name few
    articles mention. Kept as arrays, window applied per name: a name that recurs all year
    must not make pairs of articles months apart, even for a moment."""
    n = found.text.shape[0]
    postings = found.markers.tocsc()
    chunks = []
    for column in found.name_columns:  # numbers repeat across unrelated stories: names only
        members = postings.indices[postings.indptr[column] : postings.indptr[column + 1]]
        if 2 <= len(members) <= config.max_marker_df:
            members = np.sort(members)
            a, b = np.triu_indices(len(members), k=1)
            first, second = members[a], members[b]
            near = ~(np.abs(found.days[first] - found.days[second]) > config.max_days)  # undated: kept
            chunks.append(first[near].astype(np.int64) * n + second[near])
    return _unique(np.concatenate(chunks)) if chunks else np.zeros(0, dtype=np.int64)


def _nearest_by_words(found: Features, config: GroupingConfig, runtime: Runtime) -> np.ndarray:
    """Pairs of each article with its most similar articles by words within the time window,
    computed a block of articles at a time so memory stays bounded (a story whose names are
    everywhere still gets its links). The blocks run on the runtime's workers, a few at a time."""
    n = found.text.shape[0]
    blocks = _window_blocks(found.days, config.max_days, config.neighbour_block_cells)
    found_pairs = []
    in_flight = 4 * runtime.jobs  # each block's slices are held until it is done
    for first in range(0, len(blocks), in_flight):
        tasks = [(found.text[rows], found.text[columns], rows, columns, config.neighbours) for rows, columns in blocks[first : first + in_flight]]
        for a, b in runtime.map(_block_neighbours, tasks):
            found_pairs.append(np.minimum(a, b).astype(np.int64) * n + np.maximum(a, b))
    return _unique(np.concatenate(found_pairs)) if found_pairs else np.zeros(0, dtype=np.int64)


def _window_blocks(days: np.ndarray, max_days: float, block_cells: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """(rows, columns): consecutive articles in date order and every article within max_days of
    them, each block growing while rows x columns stays within the budget."""
    n = len(days)
    days = np.where(np.isnan(days), np.inf, days)
    order = np.argsort(days, kind="stable")
    sorted_days = days[order]
    blocks = []
    start = 0
    while start < n:
        first_day = sorted_days[start]
        low = np.searchsorted(sorted_days, first_day - max_days, side="left") if np.isfinite(first_day) else start
        stop = start + 1
        while stop < n:
            high = np.searchsorted(sorted_days, sorted_days[stop] + max_days, side="right") if np.isfinite(sorted_days[stop]) else n
            if (stop - start + 1) * (high - low) > block_cells:
                break
            stop += 1
        last_day = sorted_days[stop - 1]
        high = np.searchsorted(sorted_days, last_day + max_days, side="right") if np.isfinite(last_day) else n
        blocks.append((order[start:stop], order[low:high]))
        start = stop
    return blocks


def _block_neighbours(task) -> tuple[np.ndarray, np.ndarray]:
    """(a, b) pairs: each row article with its k most similar column articles (not itself)."""
    row_vectors, column_vectors, rows, columns, k = task
    similarity = _similarities(row_vectors, column_vectors)
    similarity[columns[None, :] == rows[:, None]] = -1  # not itself
    take = min(k, similarity.shape[1])
    best = np.argpartition(-similarity, take - 1, axis=1)[:, :take] if take else np.zeros((len(rows), 0), dtype=int)
    a = np.repeat(rows, take)
    b = columns[best.ravel()]
    keep = a != b
    return a[keep], b[keep]


DENSE_TERM_SHARE = 0.01
"""A term goes into the dense product when (share of row articles using it) x (share of column
articles using it) is above this: a multiply-add costs about 2 ns in a sparse product and 0.02 ns
in a dense one (BLAS), measured on this machine."""


def _similarities(row_vectors: sparse.csr_matrix, column_vectors: sparse.csr_matrix) -> np.ndarray:
    """row_vectors @ column_vectors.T as a dense array. Nearly every pair of articles shares a
    few common words ("said", "officials"), so the product is dense, and a sparse product spends
    most of its time on those few terms (at 100,000 synthetic articles the 100 most frequent terms
    held 99% of its multiply-adds). Those terms are multiplied as dense matrices, the rest as
    sparse ones: a block of nearest neighbours took 0.15 s instead of 0.52 s."""
    terms = row_vectors.shape[1]
    row_share = np.bincount(row_vectors.indices, minlength=terms) / max(1, row_vectors.shape[0])
    column_share = np.bincount(column_vectors.indices, minlength=terms) / max(1, column_vectors.shape[0])
    head = row_share * column_share > DENSE_TERM_SHARE
    if not head.any():
        return (row_vectors @ column_vectors.T).toarray()
    similarity = row_vectors[:, head].toarray() @ column_vectors[:, head].toarray().T
    tail = ~head
    similarity += (row_vectors[:, tail] @ column_vectors[:, tail].T).toarray()
    return similarity


def _rowwise_dot(matrix: sparse.csr_matrix, i: np.ndarray, j: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    out = np.empty(len(i), dtype=np.float32)
    for start in range(0, len(i), chunk):
        a, b = i[start : start + chunk], j[start : start + chunk]
        out[start : start + chunk] = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()
    return out


def pair_similarity(found: Features, i: np.ndarray, j: np.ndarray, config: GroupingConfig) -> np.ndarray:
    if len(i) == 0:
        return np.zeros(0, dtype=np.float32)
    if found.text.shape[0] <= config.all_pairs_limit:
        text_sim = (found.text @ found.text.T).toarray()[i, j]
        name_sim = (found.markers @ found.markers.T).toarray()[i, j]
    else:
        text_sim = _rowwise_dot(found.text, i, j)
        name_sim = _rowwise_dot(found.markers, i, j)
    sim = config.text_weight * text_sim + (1 - config.text_weight) * name_sim
    return sim * date_factor(found.days[i], found.days[j], config)


def date_factor(day_a: np.ndarray, day_b: np.ndarray, config: GroupingConfig) -> np.ndarray:
    """1 for articles within a few days, decaying with the gap, 0 past max_days; 1 where a date is unknown.

    A developing story runs for weeks (a trial, a campaign), so the decay is
    soft: articles a month apart need clearly more in common to be one story.
    """
    gap = np.abs(day_a - day_b)
    factor = 1.0 / (1.0 + np.clip(gap - config.same_days, 0, None) / config.decay_days)
    factor = np.where(gap > config.max_days, 0.0, factor)
    return np.where(np.isnan(gap), 1.0, factor)


def locally_scaled(n: int, i: np.ndarray, j: np.ndarray, sim: np.ndarray, config: GroupingConfig) -> np.ndarray:
    """sim / sqrt(d_i * d_j), d = mean similarity to the nearest neighbours (floored)."""
    k = max(1, min(config.neighbours, n - 1))
    by_node: list[list[float]] = [[] for _ in range(n)]
    for a, b, value in zip(i.tolist(), j.tolist(), sim.tolist()):
        if value > 0:
            by_node[a].append(value)
            by_node[b].append(value)
    density = np.array([sum(sorted(values)[-k:]) / k for values in by_node])
    density = np.maximum(density, config.density_floor)
    return np.clip(sim / np.sqrt(density[i] * density[j]), 0, 1)


def average_link(n: int, i: np.ndarray, j: np.ndarray, sim: np.ndarray, threshold: float) -> list[int]:
    """Average-link agglomerative clustering on a sparse similarity graph (a missing pair counts 0).

    The same merges as the textbook algorithm on the full matrix, at the cost of the edges that
    exist: each cluster keeps one heap entry for its best neighbour, recomputed only when stale
    (average linkage never raises a pair's average by merging others, so a best stays best).
    """
    neighbours: list[dict[int, float]] = [{} for _ in range(n)]
    for a, b, value in zip(i.tolist(), j.tolist(), sim.tolist()):
        if value > 0:
            neighbours[a][b] = neighbours[a].get(b, 0.0) + value
            neighbours[b][a] = neighbours[b].get(a, 0.0) + value
    size = [1] * n
    version = [0] * n
    parent = list(range(n))
    heap: list[tuple[float, int, int, int, int]] = []

    def push_best(x: int) -> None:
        """Queue x's most similar neighbour (ties: the lowest index), if it is above the threshold."""
        best = max(((total / (size[x] * size[y]), -y) for y, total in neighbours[x].items()), default=None)
        if best is not None and best[0] >= threshold:
            partner = -best[1]
            heapq.heappush(heap, (-best[0], x, partner, version[x], version[partner]))

    for x in range(n):
        push_best(x)
    while heap:
        _, x, y, version_x, version_y = heapq.heappop(heap)
        if parent[x] != x:
            continue  # x has been merged into another cluster
        if parent[y] != y or version[x] != version_x or version[y] != version_y:
            push_best(x)  # stale: look again
            continue
        a, b = (x, y) if len(neighbours[x]) >= len(neighbours[y]) else (y, x)
        parent[b] = a
        size[a] += size[b]
        version[a] += 1
        merged = neighbours[a]
        merged.pop(b, None)
        for c, value in neighbours[b].items():
            if c == a:
                continue
            merged[c] = merged.get(c, 0.0) + value
            neighbour = neighbours[c]
            neighbour[a] = neighbour.get(a, 0.0) + value
            del neighbour[b]
        neighbours[b] = {}
        push_best(a)

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    return [root(x) for x in range(n)]


def cluster_articles(articles: list[Article], config: GroupingConfig, runtime: Runtime) -> list[list[Article]]:
    """Articles -> groups of articles about one story (each group in id order)."""
    if not articles:
        return []
    ordered = sorted(articles, key=lambda a: a.id)
    if len(ordered) == 1:
        return [ordered]
    found = features(ordered, runtime)
    i, j = candidate_pairs(found, config, runtime)
    sim = pair_similarity(found, i, j, config)
    scaled = locally_scaled(len(ordered), i, j, sim, config)
    # Faint links cannot lift an average to the threshold but cost the most time: drop them
    keep = scaled >= config.min_link
    labels = average_link(len(ordered), i[keep], j[keep], scaled[keep], config.threshold)
    groups: dict[int, list[Article]] = {}
    for label, article in zip(labels, ordered):
        groups.setdefault(label, []).append(article)
    return list(groups.values())
