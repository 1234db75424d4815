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
    """How articles are grouped into events and events into storylines: one fixed configuration for
    every corpus (tools/eval_stories.py measures it on the evaluation sets)."""

    threshold: float = 0.45
    """Average-link similarity (after local scaling) above which articles are one event."""
    neighbours: int = 3
    """Local scaling divides by the mean similarity to this many nearest articles: few, so that
    they are mostly the article's own event's other reports, and an event's scale does not move
    with how many related stories the corpus holds; not fewer, or a copy of the same report (a
    wire story two outlets carry) would set the scale alone and push the event's other reports
    away ..."""
    density_floor: float = 0.2222
    """... but never by less than this, so a small or sparse corpus does not inflate weak links
    (a few unrelated articles are each other's nearest neighbours, however far): two articles
    with no closer neighbours are one event only on threshold x density_floor = 0.1 of evidence."""
    min_link: float = 0.05
    """Scaled links weaker than this are left out of clustering (they change almost nothing)."""
    text_weight: float = 0.35
    """Shares of the event score: cosine of the words ..."""
    lead_weight: float = 0.3
    """... of the leads' words (headline and first sentences: the development itself) ..."""
    name_weight: float = 0.2
    """... of the names ..."""
    number_weight: float = 0.15
    """... and of the numbers and dates."""
    event_days: float = 1.0
    """Articles this many days apart need twice the evidence of articles of one day; ..."""
    max_event_days: float = 3.0
    """... further apart than this they are never one event."""
    cross_language_names: float = 0.5
    """Articles in two languages are one event only on the same day, sharing a number and with
    names this similar (cosine)."""
    all_pairs_limit: int = 3000
    """Corpora up to this size score every pair of articles; larger ones use an inverted index ..."""
    candidate_neighbours: int = 10
    """... of names plus each article's nearest neighbours by words (this many)."""
    max_marker_df: int = 50
    """A name in more articles than this proposes no pairs (too common to tell events apart);
    the nearest neighbours by words still link those articles."""
    neighbour_block_cells: int = 20_000_000
    """Beyond all_pairs_limit, nearest neighbours are found a block of articles at a time, each
    against the articles within max_event_days of it: at most this many similarities a block."""
    storyline_threshold: float = 0.4
    """Average-link similarity (after local scaling) above which events are one storyline."""
    storyline_neighbours: int = 3
    """Local scaling of the storyline score divides by the mean similarity to this many nearest events ..."""
    storyline_density_floor: float = 0.05
    """... but never by less than this (events must also share a name to link at all)."""
    storyline_text_weight: float = 0.75
    """Share of the storyline score from the events' words; the rest from their names. Words
    weigh more: related matters share their actors (Clinton in the budget talks and in the
    impeachment vote, Arafat in a bombing's aftermath and in the Gaza airport's opening), their
    words tell the matters apart."""
    storyline_text_days: float = 730.0
    """Events' words count half after this many days between them ..."""
    storyline_name_days: float = 730.0
    """... their names too: a matter followed for years keeps its words and its actors
    (MultiLing's topics run up to four years)."""
    storyline_all_pairs_limit: int = 1000
    """Up to this many events every pair is scored; beyond, the candidate search proposes pairs
    (the events of a year of news are too many for all pairs: 2,673 events gave 3.6 million pairs
    and a dense graph, 11 s of every rebuild at 10,000 articles) ..."""
    storyline_max_days: float = 120.0
    """... and neighbours by words are looked for this far apart; events sharing a rare name link
    however far apart."""


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
    storyline_summary_articles: int = 40
    """Articles a storyline's summary reads, spread over its events (its sentence similarities grow
    with the square of the articles)."""
    max_listed_articles: int = 200
    """Articles listed on a briefing page (all of them are in briefings.json)."""
    latest_on_home: int = 25
    """Briefings on the home page; the rest are in the archive."""
    feed_entries: int = 50
    """Entries in the RSS and Atom feeds of new and updated briefings."""
    topic_min_briefings: int = 3
    """A name gets a topic page when this many briefings share it (fewer: it is shown unlinked)."""
    topic_briefings: int = 100
    """Briefings a topic page lists, newest first (a name in every week's news would list a year's)."""


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
    """How articles are grouped into events and events into storylines."""
    limits: Limits = field(default_factory=Limits)
    """Bounds on what one input may cost."""
