"""The records that flow between stages: corpus -> articles -> stories -> briefings.

Every record is a frozen dataclass; a stage returns new records instead of
filling in old ones, so a reader can follow one article from file to page.
"""
from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from functools import lru_cache


def record(cls):
    """A frozen, slotted dataclass that pickles as its constructor call. The default for slotted
    dataclasses looks up the fields on every object: a cached build unpickles millions of them."""
    cls = dataclass(frozen=True, slots=True)(cls)
    names = tuple(f.name for f in fields(cls))

    def __reduce__(self):
        return (cls, tuple(getattr(self, name) for name in names))

    cls.__reduce__ = __reduce__
    return cls


@record
class Diagnostic:
    """A problem found in the input, tied to the file (and line) it came from."""

    level: str  # "error" (article skipped) or "warning" (article kept) or "info"
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{self.level}: {where}: {self.message}"


@record
class Source:
    """An outlet, as named in content/sources.yml."""

    key: str
    name: str
    url: str | None = None
    license: str | None = None
    feeds: tuple[str, ...] = field(default=(), compare=False, repr=False)  # for `digest fetch`


@record
class RawArticle:
    """An article as read from the corpus, before its text is restored."""

    id: str
    path: str  # file (and line, for JSON Lines) it came from, relative to the content folder
    source: Source
    raw_text: str
    title: str | None = None
    published: datetime | None = None
    url: str | None = None
    author: str | None = None
    lang: str = "en"
    license: str | None = None
    summary_only: bool = False  # the feed's summary, the page could not be read


@record
class Sentence:
    """One sentence of an article's restored text."""

    text: str
    index: int  # position in the article, 0-based
    paragraph: int


def pack_sentences(sentences) -> bytes:
    texts = [sentence.text for sentence in sentences]
    paragraphs = [sentence.paragraph for sentence in sentences]
    return zlib.compress(pickle.dumps((texts, paragraphs), protocol=5), 1)


@lru_cache(maxsize=512)
def _unpack_sentences(packed: bytes) -> tuple[Sentence, ...]:
    # Cached: a story's analysis reads its articles' sentences several times
    texts, paragraphs = pickle.loads(zlib.decompress(packed))
    return tuple(Sentence(text, index, paragraph) for index, (text, paragraph) in enumerate(zip(texts, paragraphs)))


@record
class Article:
    """A news article with its restored text, the text shown to readers (the raw text stays
    with the RawArticle it came from: a build holds every article, once)."""

    id: str
    path: str
    source: Source
    packed_sentences: bytes
    """The sentences, compressed (pack_sentences): as Python strings and records a year of
    articles took 0.9 GB at 100,000 articles, packed 0.15 GB. Read them as `sentences`."""
    title: str | None = None
    published: datetime | None = None
    url: str | None = None
    author: str | None = None
    lang: str = "en"
    license: str | None = None
    title_inferred: bool = False
    summary_only: bool = False
    fingerprint: str = ""
    """A hash of all this article was made from (the raw article, the casing decisions for its
    words, digest's code): caches of later stages key on it. Empty when no cache is in use."""

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return _unpack_sentences(self.packed_sentences)

    @property
    def text(self) -> str:
        """The analysed text, a paragraph a line. Made from the sentences when asked: a year of
        articles held as text and as sentences took 0.6 GB more at 100,000 articles."""
        paragraphs: dict[int, list[str]] = {}
        for sentence in self.sentences:
            paragraphs.setdefault(sentence.paragraph, []).append(sentence.text)
        return "\n".join(" ".join(sentences) for sentences in paragraphs.values())

    @property
    def day(self) -> date | None:
        return self.published.date() if self.published else None

    @property
    def headline(self) -> str:
        return self.title or "Untitled article"


@record
class Story:
    """Articles about one event, across outlets. `id` is stable across corpus growth."""

    id: str
    slug: str
    articles: tuple[Article, ...]

    @property
    def sources(self) -> tuple[Source, ...]:
        seen: dict[str, Source] = {}
        for article in self.articles:
            seen.setdefault(article.source.key, article.source)
        return tuple(sorted(seen.values(), key=lambda s: s.name.lower()))

    @property
    def first_day(self) -> date | None:
        days = [a.day for a in self.articles if a.day]
        return min(days) if days else None

    @property
    def last_day(self) -> date | None:
        days = [a.day for a in self.articles if a.day]
        return max(days) if days else None


@record
class Citation:
    """An outlet's article that reports a fact."""

    source: str  # Source.key
    article_id: str


@record
class SummarySentence:
    text: str
    article_id: str
    citations: tuple[Citation, ...]


@record
class Figure:
    """One number found in a sentence: '275 Syrian militants left the city'."""

    text: str  # the figure as written, e.g. "200-300", "four months"
    value: float | None  # a point value; None for ranges and vague amounts
    low: float | None
    high: float | None
    unit: str | None  # "%", "USD", "km", "months" ...
    counts: str | None  # what it counts: "Syrian militants"
    qualifier: str | None  # "about", "no more than", "range", "vague" ...
    start: int = 0  # character offsets in the sentence
    end: int = 0


@record
class FigureReport:
    """A figure as one outlet reports it in one sentence."""

    figure: Figure
    source: str
    article_id: str
    sentence: str
    speaker: str | None  # who the sentence attributes the figure to


@record
class KeyFigure:
    """A figure of the story, merged across the outlets that report it."""

    label: str  # "200-300"
    counts: str
    context: str  # "foreign militants remained to fight on in the city"
    reports: tuple[FigureReport, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({r.source for r in self.reports}))


@record
class Entity:
    name: str
    kind: str  # "person", "organisation", "place"
    aliases: tuple[str, ...] = ()  # the other forms the story names it by ("Selo", "Mr Selo"; "SDF")


@record
class Quote:
    speaker: str
    source: str
    article_id: str
    sentence: str


@record
class OutletView:
    """What one outlet's coverage of a story looks like."""

    source: str
    articles: int
    words: int
    sentences: int
    focus: tuple[str, ...]  # terms this outlet stresses more than the others


@record
class SharedFact:
    text: str
    citations: tuple[Citation, ...]


@record
class FigureDifference:
    counts: str
    values: tuple[tuple[str, str, str], ...]  # (source, figure text, sentence)


@record
class WordingDifference:
    terms: tuple[tuple[str, str], ...]  # (source, term)
    example: tuple[tuple[str, str], ...] = ()  # (source, sentence)
    note: str = ""


@record
class Comparison:
    outlets: tuple[OutletView, ...]
    shared: tuple[SharedFact, ...]
    exclusive: tuple[SharedFact, ...]
    figure_differences: tuple[FigureDifference, ...]
    quotes: tuple[Quote, ...]
    wording: tuple[WordingDifference, ...]

    @property
    def single_outlet(self) -> bool:
        return len(self.outlets) < 2


@record
class History:
    """A story across builds: its own dates and what the last update brought."""

    first_published: datetime | None = None
    last_updated: datetime | None = None
    changes: tuple[str, ...] = ()


@record
class Briefing:
    """A story's briefing. Read back from the cache, an unchanged story's briefing is an
    *outline*: no comparison, and of each key figure one report per outlet; all the index pages,
    feeds and story history read. The pages of a briefing are made from the whole
    (pipeline.full_briefing)."""

    story: Story
    headline: str
    summary: tuple[SummarySentence, ...]
    figures: tuple[KeyFigure, ...]
    comparison: Comparison | None
    entities: tuple[Entity, ...] = field(default_factory=tuple)
    history: History = field(default_factory=History)

    @property
    def is_outline(self) -> bool:
        return self.comparison is None
