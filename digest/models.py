"""The records that flow between stages: corpus -> articles -> stories -> briefings.

Every record is a frozen dataclass; a stage returns new records instead of
filling in old ones, so a reader can follow one article from file to page.
"""
from __future__ import annotations

import pickle
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache

record = dataclass(frozen=True, slots=True)
"""Every record: frozen (a stage makes new records, never fills in old ones) and slotted."""


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
    lang: str | None = None
    """ISO 639-1 code from the front matter; None: told from the text when it is restored."""
    license: str | None = None
    summary_only: bool = False  # the feed's summary, the page could not be read
    copy_of: str | None = None
    """The id of the article (from another outlet) whose text this one repeats: syndicated copy."""


@record
class Sentence:
    """One sentence of an article's restored text."""

    text: str
    index: int  # position in the article, 0-based
    paragraph: int
    debris: str = ""
    """What it is when it is not the article's text ("caption", "byline", "heading", ...; see
    restore/debris.py): kept for what reads the whole text (grouping), never a summary sentence."""


class Sentences(Sequence[Sentence]):
    """An article's sentences in order, a value stored compressed (a build holds every article
    of a year; as strings and records they would take six times the memory). Read it as a
    sequence of `Sentence`s; equal when the sentences are."""

    __slots__ = ("packed",)

    def __init__(self, packed: bytes = b"") -> None:
        self.packed = packed or Sentences._EMPTY

    @classmethod
    def of(cls, sentences: Iterable[Sentence]) -> "Sentences":
        """Sentences numbered 0, 1, 2... with their paragraphs."""
        sentences = list(sentences)
        texts = [sentence.text for sentence in sentences]
        paragraphs = [sentence.paragraph for sentence in sentences]
        debris = [sentence.debris for sentence in sentences]
        packed = (texts, paragraphs, debris) if any(debris) else (texts, paragraphs)
        return cls(zlib.compress(pickle.dumps(packed, protocol=5), 1))

    def _all(self) -> tuple[Sentence, ...]:
        return _unpack_sentences(self.packed)

    def __getitem__(self, index):
        return self._all()[index]

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __eq__(self, other) -> bool:
        return isinstance(other, Sentences) and other.packed == self.packed

    def __hash__(self) -> int:
        return hash(self.packed)

    def __repr__(self) -> str:
        return f"Sentences({self.packed!r})"

    def __reduce__(self):
        return (Sentences, (self.packed,))


@lru_cache(maxsize=512)
def _unpack_sentences(packed: bytes) -> tuple[Sentence, ...]:
    # Remembered: a story's analysis reads its articles' sentences several times
    texts, paragraphs, *debris = pickle.loads(zlib.decompress(packed))
    kinds = debris[0] if debris else [""] * len(texts)
    return tuple(Sentence(text, index, paragraph, kind) for index, (text, paragraph, kind) in enumerate(zip(texts, paragraphs, kinds)))


Sentences._EMPTY = zlib.compress(pickle.dumps(([], []), protocol=5), 1)


@record
class Article:
    """A news article with its restored text, the text shown to readers (the raw text stays
    with the RawArticle it came from: a build holds every article, once)."""

    id: str
    path: str
    source: Source
    sentences: Sentences
    title: str | None = None
    published: datetime | None = None
    url: str | None = None
    author: str | None = None
    lang: str = "en"
    """ISO 639-1 code: the front matter's, else told from the text (restore/language.py)."""
    license: str | None = None
    title_inferred: bool = False
    summary_only: bool = False
    copy_of: str | None = None
    """The id of the article (from another outlet) whose text this one repeats: syndicated copy."""
    fingerprint: str = ""
    """A hash of all this article was made from (the raw article, the casing decisions for its
    words, digest's code): caches of later stages key on it. Empty when no cache is in use."""

    @property
    def text(self) -> str:
        """The analysed text, a paragraph a line. Made from the sentences when asked, so a build
        does not hold every article twice."""
        paragraphs: dict[int, list[str]] = {}
        for sentence in self.sentences:
            paragraphs.setdefault(sentence.paragraph, []).append(sentence.text)
        return "\n".join(" ".join(sentences) for sentences in paragraphs.values())

    @property
    def day(self) -> date | None:
        """The day it was published, if known."""
        return self.published.date() if self.published else None

    @property
    def headline(self) -> str:
        """Its title, or 'Untitled article'."""
        return self.title or "Untitled article"


@record
class Story:
    """Articles about one event, across outlets. `id` is stable across corpus growth."""

    id: str
    slug: str
    articles: tuple[Article, ...]

    @property
    def sources(self) -> tuple[Source, ...]:
        """Its outlets, by name."""
        seen: dict[str, Source] = {}
        for article in self.articles:
            seen.setdefault(article.source.key, article.source)
        return tuple(sorted(seen.values(), key=lambda s: s.name.lower()))

    @property
    def first_day(self) -> date | None:
        """The day of its earliest dated article."""
        days = [a.day for a in self.articles if a.day]
        return min(days) if days else None

    @property
    def last_day(self) -> date | None:
        """The day of its latest dated article."""
        days = [a.day for a in self.articles if a.day]
        return max(days) if days else None


@record
class Storyline:
    """Events (stories) of one matter followed over weeks: the vote after the proposal, the
    approval after the advisory panel. `id` is stable across builds like a story's: made from the
    founding (earliest) article, then kept by content/digest-state.json (stories/identity.py)."""

    id: str
    slug: str
    events: tuple[str, ...] = ()
    """Story ids, oldest first."""
    first_day: date | None = None
    last_day: date | None = None


@record
class Citation:
    """An outlet's article that reports a fact, and its sentence that states it, as the outlet
    wrote it (its dateline left out), so a reader can check the citation."""

    source: str  # Source.key
    article_id: str
    sentence: str = ""


@record
class SummarySentence:
    """A summary sentence, the article it is taken from and its citations."""

    text: str
    article_id: str
    citations: tuple[Citation, ...]


TIME_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades")


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

    @property
    def display(self) -> str:
        """'200–300', '275', 'four months', '$3.2bn', '190 miles', '50%': as written, a range with an
        en dash, with its unit when the text leaves it out (a key-figures row must say '153 km')."""
        text = self.text.strip()
        if self.qualifier == "vague":
            return text
        if self.high != self.low:
            text = _RANGE_JOIN_RE.sub("–", text, count=1)
        unit = self.unit
        if not unit or unit.lower() in text.lower() or _UNIT_SIGNS.get(unit, "\0") in text or unit == "%" and "cent" in text:
            return text
        if unit in TIME_UNITS and (self.high or 0) == 1:
            unit = unit.rstrip("s")
        return f"{text}{'' if unit == '%' else ' '}{unit}"


_UNIT_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "AUD": "$", "CAD": "$", "HKD": "$", "NZD": "$", "SGD": "$",
               "MYR": "RM", "INR": "Rs", "%": "%"}
_RANGE_JOIN_RE = re.compile(r"\s*(?:-|–|—|\bto\b|\band\b)\s*")


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
        """The outlets reporting it, by key, sorted."""
        return tuple(sorted({r.source for r in self.reports}))


@record
class Entity:
    """A person, organisation or place a story names."""

    name: str
    kind: str  # "person", "organisation", "place"
    aliases: tuple[str, ...] = ()  # the other forms the story names it by ("Selo", "Mr Selo"; "SDF")


@record
class Quote:
    """A sentence an outlet attributes to a speaker."""

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
    """A fact, as one sentence, with the outlets' articles that state it."""

    text: str
    citations: tuple[Citation, ...]


@record
class FigureDifference:
    """One counted thing the outlets give different values for, attribute to different sources,
    or quote in different words."""

    counts: str
    values: tuple[tuple[str, str, str], ...]  # (source, figure text, sentence)
    kind: str = "value"
    """"value" (different numbers), "attribution" (the same number, credited to different
    speakers) or "quote" (the same quote, worded differently)."""
    attributed: tuple[tuple[str, str], ...] = ()
    """(source, speaker) for an attribution difference."""


@record
class WordingDifference:
    """Words the outlets use differently for the same thing, with an example and a note."""

    terms: tuple[tuple[str, str], ...]  # (source, term)
    example: tuple[tuple[str, str], ...] = ()  # (source, sentence)
    note: str = ""


@record
class IndependentReports:
    """How many separate reports a story rests on: outlets that republish another's wire copy
    (near-identical sentences, the same wire dateline) are one report."""

    outlets: int
    independent: int
    copies: tuple[tuple[str, str, str], ...] = ()
    """(outlet that republished, outlet or wire it copied, how it was found), in outlet order."""


@record
class Comparison:
    """How the outlets' coverage of a story compares: one field per comparison view
    (briefing/compare.py COMPARISON_VIEWS)."""

    outlets: tuple[OutletView, ...]
    shared: tuple[SharedFact, ...]
    exclusive: tuple[SharedFact, ...]
    figure_differences: tuple[FigureDifference, ...]
    quotes: tuple[Quote, ...]
    wording: tuple[WordingDifference, ...]
    independence: tuple[IndependentReports, ...] = ()
    """One record (none for a single outlet): "N outlets, M independent reports", copies named."""

    @property
    def single_outlet(self) -> bool:
        """Only one outlet covers the story: nothing to compare."""
        return len(self.outlets) < 2


@record
class History:
    """A story across builds: its own dates and what the last update brought."""

    first_published: datetime | None = None
    last_updated: datetime | None = None
    changes: tuple[str, ...] = ()
    previous_headline: str = ""
    """The headline before the last change of headline ("" while it never changed)."""
    headline_changed: datetime | None = None
    """When the headline last changed: the date of the newest article of that update."""


@record
class Briefing:
    """A story's briefing: everything its page shows."""

    story: Story
    headline: str
    summary: tuple[SummarySentence, ...]
    figures: tuple[KeyFigure, ...]
    comparison: Comparison
    entities: tuple[Entity, ...] = field(default_factory=tuple)
    history: History = field(default_factory=History)
    failure: str = ""
    """Why the story's analysis failed (the exception); empty when it did not. A failed story is
    published with what is safe: its headline, dates and articles."""


@record
class Outline:
    """What the index pages, the feeds and the story history read of a briefing: all of it but
    the comparison, and of each key figure one report per outlet. A build keeps the outlines of
    every story and makes a whole briefing only for a page that must be written again."""

    story: Story
    headline: str
    summary: tuple[SummarySentence, ...]
    figures: tuple[KeyFigure, ...]
    entities: tuple[Entity, ...] = field(default_factory=tuple)
    history: History = field(default_factory=History)
    failure: str = ""

    @classmethod
    def of(cls, briefing: Briefing) -> "Outline":
        """The outline of a whole briefing."""
        figures = tuple(replace(figure, reports=_first_report_per_outlet(figure.reports)) for figure in briefing.figures)
        return cls(briefing.story, briefing.headline, briefing.summary, figures, briefing.entities, briefing.history, briefing.failure)


def _first_report_per_outlet(reports: tuple[FigureReport, ...]) -> tuple[FigureReport, ...]:
    first: dict[str, FigureReport] = {}
    for report in reports:
        first.setdefault(report.source, report)
    return tuple(first.values())


@record
class TimelineEntry:
    """One event of a storyline, as its timeline lists it."""

    story_id: str
    headline: str
    first_day: date | None
    outlets: tuple[str, ...]
    """Outlet names."""
    lead: SummarySentence | None
    """The event's first summary sentence, with its citations."""


@record
class LedgerValue:
    """One value of a figure as an outlet first reported it in a storyline."""

    value: str
    day: date | None
    source: str
    """Outlet name."""
    story_id: str


@record
class LedgerRow:
    """How one counted thing moved across a storyline's events and outlets:
    deaths: 9 (31 Jul, Example Wire) -> 23 (1 Aug, Example Daily)."""

    counts: str
    values: tuple[LedgerValue, ...]
    """In the order they were reported."""


@record
class StorylineBriefing:
    """What a storyline's page shows: its events in order, a cited summary across them, the figure
    ledger and the names it involves."""

    storyline: Storyline
    headline: str
    timeline: tuple[TimelineEntry, ...]
    """Oldest first."""
    summary: tuple[SummarySentence, ...]
    ledger: tuple[LedgerRow, ...]
    entities: tuple[Entity, ...] = ()
    sources: tuple[Source, ...] = ()
    """Every outlet of its events, by name."""
