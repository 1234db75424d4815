"""The clustering machinery under grouping: which pairs of articles (or events) to score,
their similarities, local scaling and average-link clustering over a sparse graph.

How it scales: small corpora score every pair; larger ones only pairs that share a rare name
(an inverted index) plus each item's nearest neighbours by words within a time window, found a
block at a time on every core; average-link then runs over that sparse graph.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..runtime import Runtime


@dataclass(frozen=True, slots=True)
class CandidateSearch:
    """Which pairs are scored: every pair up to `all_pairs_limit` items; beyond, the pairs that
    share a name at most `max_marker_df` items mention, and each item's `neighbours` nearest by
    words, never more than `max_days` apart (`block_cells` similarities a block at most)."""

    all_pairs_limit: int = 3000
    max_days: float = 75.0
    max_marker_df: int = 50
    neighbours: int = 10
    block_cells: int = 20_000_000


def candidate_pairs(found, config: CandidateSearch, runtime: Runtime) -> tuple[np.ndarray, np.ndarray]:
    """Pairs worth scoring. A small corpus scores every pair; a large one the pairs that share a
    rare name or number (an inverted index) and each article's nearest neighbours by words within
    the time window, so the cost grows with the corpus, not its square."""
    n = found.text.shape[0]
    if n <= config.all_pairs_limit:
        i, j = np.triu_indices(n, k=1)
    else:
        encoded = unique(np.concatenate([shared_rare_markers(found, config), nearest_by_words(found, config, runtime)]))
        i, j = encoded // n, encoded % n
    gap = np.abs(found.days[i] - found.days[j])
    keep = ~(gap > config.max_days)  # NaN (undated) is kept
    return i[keep], j[keep]


def unique(values: np.ndarray) -> np.ndarray:
    """np.unique by sorting (numpy 2's np.unique hashes, far slower on millions of distinct pair codes)."""
    ordered = np.sort(values)
    keep = np.ones(len(ordered), dtype=bool)
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def shared_rare_markers(found, config: CandidateSearch) -> np.ndarray:
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
    return unique(np.concatenate(chunks)) if chunks else np.zeros(0, dtype=np.int64)


def nearest_by_words(found, config: CandidateSearch, runtime: Runtime) -> np.ndarray:
    """Pairs of each article with its most similar articles by words within the time window,
    computed a block of articles at a time so memory stays bounded (a story whose names are
    everywhere still gets its links). The blocks run on the runtime's workers, a few at a time."""
    n = found.text.shape[0]
    blocks = _window_blocks(found.days, config.max_days, config.block_cells)
    found_pairs = []
    in_flight = 4 * runtime.jobs  # each block's slices are held until it is done
    for first in range(0, len(blocks), in_flight):
        tasks = [(found.text[rows], found.text[columns], rows, columns, config.neighbours) for rows, columns in blocks[first : first + in_flight]]
        for a, b in runtime.map(_block_neighbours, tasks):
            found_pairs.append(np.minimum(a, b).astype(np.int64) * n + np.maximum(a, b))
    return unique(np.concatenate(found_pairs)) if found_pairs else np.zeros(0, dtype=np.int64)


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
    similarity = similarities(row_vectors, column_vectors)
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
in a dense one (BLAS)."""


def similarities(row_vectors: sparse.csr_matrix, column_vectors: sparse.csr_matrix) -> np.ndarray:
    """row_vectors @ column_vectors.T as a dense array. Nearly every pair of articles shares a
    few common words ("said", "officials"), so the product is dense, and a sparse product spends
    nearly all its multiply-adds on those few terms. Those terms are multiplied as dense matrices
    (BLAS), the rest as sparse ones."""
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


def rowwise_dot(matrix: sparse.csr_matrix, i: np.ndarray, j: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    out = np.empty(len(i), dtype=np.float32)
    for start in range(0, len(i), chunk):
        a, b = i[start : start + chunk], j[start : start + chunk]
        out[start : start + chunk] = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()
    return out


def locally_scaled(n: int, i: np.ndarray, j: np.ndarray, sim: np.ndarray, neighbours: int, floor: float) -> np.ndarray:
    """sim / sqrt(d_i * d_j), d = mean similarity to the `neighbours` nearest (never below `floor`,
    so a small or sparse corpus does not inflate weak links); as in self-tuning spectral clustering."""
    k = max(1, min(neighbours, n - 1))
    by_node: list[list[float]] = [[] for _ in range(n)]
    for a, b, value in zip(i.tolist(), j.tolist(), sim.tolist()):
        if value > 0:
            by_node[a].append(value)
            by_node[b].append(value)
    density = np.array([sum(sorted(values)[-k:]) / k for values in by_node])
    density = np.maximum(density, floor)
    return np.clip(sim / np.sqrt(density[i] * density[j]), 0, 1)


def average_link(n: int, i: np.ndarray, j: np.ndarray, sim: np.ndarray, threshold: float,
                 sizes: list[int] | None = None) -> list[int]:
    """Average-link agglomerative clustering on a sparse similarity graph (a missing pair counts 0).

    The same merges as the textbook algorithm on the full matrix, at the cost of the edges that
    exist: each cluster keeps one heap entry for its best neighbour, recomputed only when stale
    (average linkage never raises a pair's average by merging others, so a best stays best).
    With `sizes`, the n nodes are clusters already (of that many articles each) and `sim` holds
    the *sum* of their articles' pairwise similarities: clustering goes on from there.
    """
    neighbours: list[dict[int, float]] = [{} for _ in range(n)]
    for a, b, value in zip(i.tolist(), j.tolist(), sim.tolist()):
        if value > 0:
            neighbours[a][b] = neighbours[a].get(b, 0.0) + value
            neighbours[b][a] = neighbours[b].get(a, 0.0) + value
    size = list(sizes) if sizes is not None else [1] * n
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
