"""The one options object of a build: paths, switches, grouping and limits.

Every option is documented on the line below it (mkdocs' config/defaults.py habit). The CLI fills
it from its flags; a library caller builds it directly: `DigestConfig(content_dir=Path("news"))`.
Every stage receives it whole as `options`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class GroupingConfig:
    """How articles are grouped into stories (the README's "Stories"; ECB+ and DUC 2003 measured
    one fixed configuration for both: scripts/evaluate)."""

    threshold: float = 0.5
    """Average-link similarity (after local scaling) above which articles belong to one story."""
    neighbours: int = 10
    """Local scaling divides by the mean similarity to this many nearest articles ..."""
    density_floor: float = 0.15
    """... but never by less than this, so a small or sparse corpus does not inflate weak links."""
    min_link: float = 0.05
    """Scaled links weaker than this are left out of clustering (they change almost nothing)."""
    all_pairs_limit: int = 3000
    """Corpora up to this size score every pair of articles; larger ones use an inverted index."""
    max_marker_df: int = 50
    """A name in more articles than this proposes no pairs (too common to tell stories apart);
    the nearest neighbours by words still link those articles."""
    text_weight: float = 0.55
    """Share of the score from TF-IDF cosine; the rest comes from shared names and numbers."""
    same_days: int = 3
    """Articles this many days apart or less are not penalised."""
    decay_days: float = 90.0
    """Past same_days, the score halves after about decay_days more."""
    max_days: float = 75.0
    """Dated articles further apart than this are never linked directly."""
    neighbour_block_cells: int = 20_000_000
    """Beyond all_pairs_limit, nearest neighbours by words are found a block of articles at a
    time, each against every article within max_days of the block: at most this many similarities
    a block (80 MB), and the blocks run on every core."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep one runaway input from costing the build its time or memory."""

    max_article_bytes: int = 2 * 1024 * 1024
    """Article files (and JSON Lines lines) larger than this are cut, with a warning."""
    max_text_chars: int = 100_000
    """Characters of one article that are restored and analysed (a long feature is ~40,000)."""
    max_sentences: int = 400
    """Sentences of one article that are analysed: a news article has far fewer."""
    max_analysed_articles: int = 80
    """A story with more articles is summarised and compared from its newest ones (the page says so)."""
    max_listed_articles: int = 200
    """Articles listed on a briefing page (all of them are in briefings.json)."""
    latest_on_home: int = 25
    """Briefings on the home page; the rest are in the archive."""
    feed_entries: int = 50
    """Entries in the RSS and Atom feeds of new and updated briefings."""


@dataclass(frozen=True, slots=True)
class DigestConfig:
    """The options of one build; every field is documented on the line below it."""

    content_dir: Path = Path("content")
    """The corpus: content/sources.yml and content/articles/."""
    config_file: Path = Path("mkdocs.yml")
    """MkDocs configuration; its docs_dir receives the generated pages, its site_dir the site."""
    docs_dir: Path | None = None
    """Where the generated pages go; None: the docs_dir of mkdocs.yml."""
    strict: bool = False
    """Fail (and keep the previous site) on any warning about the corpus or the site."""
    keep_state: bool = True
    """Read and write content/digest-state.json (story ids and what changed between builds)."""
    jobs: int = 1
    """Processes for the per-article and per-story stages (0: one per core)."""
    cache_dir: Path | None = None
    """Where restored articles and briefings are cached between builds (None: no cache)."""
    dask: str | None = None
    """Address of a Dask scheduler to run those stages on instead."""
    progress: bool = False
    """Show progress on stderr: a bar on a terminal, a log line every 10 s elsewhere."""
    grouping: GroupingConfig = field(default_factory=GroupingConfig)
    """How articles are grouped into stories."""
    limits: Limits = field(default_factory=Limits)
    """Bounds on what one input may cost."""
