"""A storyline -> its briefing: the timeline of its events, a cited summary across them, the figure
ledger (how the key figures moved across events and outlets) and the names it involves.

Built from the events' outlines (their headlines, lead sentences, key figures with one report
per outlet, names) and, for the summary, from the articles of its newest events.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Callable

from ..config import Limits
from ..models import (Article, Entity, FigureReport, LedgerRow, LedgerValue, Outline, Source, Story, Storyline, StorylineBriefing,
                      TimelineEntry)
from .figures import head_noun
from .keyfigures import is_casualty
from .sentences import story_text
from .summary import summarize

if TYPE_CHECKING:
    from ..runtime import Runtime

SUMMARY_SENTENCES = 5
MAX_LEDGER_ROWS = 10
MAX_LEDGER_VALUES = 8
MAX_ENTITIES = 20


def brief_storyline(storyline: Storyline, events: list[Outline], limits: Limits = Limits()) -> StorylineBriefing:
    """The storyline's briefing; `events` are its events' outlines, oldest first."""
    names = {s.key: s.name for event in events for s in event.story.sources}
    summary = storyline_summary(storyline.id, storyline.slug, [event.story.articles for event in events], limits)
    sources = {s.key: s for event in events for s in event.story.sources}
    return StorylineBriefing(
        storyline=storyline,
        headline=events[-1].headline,
        timeline=tuple(_entry(event) for event in events),
        summary=summary,
        ledger=tuple(figure_ledger(events, names)),
        entities=tuple(_entities(events)),
        sources=tuple(sorted(sources.values(), key=lambda s: s.name.lower())),
    )


def storyline_summary(storyline_id: str, slug: str, events: list[tuple[Article, ...]], limits: Limits = Limits()) -> tuple:
    """The storyline's cited summary: SUMMARY_SENTENCES sentences, in story order, from at most
    `limits.storyline_summary_articles` articles taken across its events (`events`: each event's
    articles, oldest first). Scored against DUC 2003's topic references by `tools.evaluate`."""
    chosen = articles_across(events, limits.storyline_summary_articles)
    return summarize(story_text(Story(storyline_id, slug, tuple(chosen))), length=SUMMARY_SENTENCES)


def articles_across(events: list[tuple[Article, ...]], limit: int) -> list[Article]:
    """Up to `limit` articles spread over the events, in date order: the newest article of each
    event, newest event first, then each event's next newest, and so on. A summary across a
    matter then hears from all of its developments (the newest articles alone would all be about
    the last one or two), and its cost stays bounded: the sentence similarities grow with the
    square of the articles read."""
    queues = [sorted(articles, key=_by_date, reverse=True) for articles in reversed(events)]
    chosen: list[Article] = []
    depth = 0
    while len(chosen) < limit and any(depth < len(queue) for queue in queues):
        chosen += [queue[depth] for queue in queues if depth < len(queue)][: limit - len(chosen)]
        depth += 1
    return sorted(chosen, key=_by_date)


def _by_date(article: Article) -> tuple:
    return (article.day or date.min, article.id)


def _entry(event: Outline) -> TimelineEntry:
    return TimelineEntry(event.story.id, event.headline, event.story.first_day, tuple(s.name for s in event.story.sources),
                         event.summary[0] if event.summary else None)


def figure_ledger(events: list[Outline], names: dict[str, str]) -> list[LedgerRow]:
    """Each counted thing that key figures of two or more events report ("deaths", "homes without
    power"), with its values in the order they were first reported (each value once, at its first
    report; its outlet and day). Things whose value changed come first, then those reported in the
    most events. Vague amounts ("thousands") and bare units are no ledger entries."""
    rows: dict[tuple[str, str], list[tuple[date, str, str, str, str]]] = {}
    for event in events:
        articles: dict[str, Article] = {a.id: a for a in event.story.articles}
        for figure in event.figures:
            for report in figure.reports:
                thing = _counted_thing(report)
                if thing is None:
                    continue
                day = articles[report.article_id].day if report.article_id in articles else None
                rows.setdefault(thing, []).append((day or date.max, report.figure.display, names.get(report.source, report.source),
                                                   event.story.id, thing[0] if thing[0] in _CASUALTY_ROWS else report.figure.counts))
    ledger = []
    for reports in rows.values():
        events_reporting = len({r[3] for r in reports})
        if events_reporting < 2:
            continue
        reports.sort(key=lambda r: (r[0], r[2], r[1]))
        first: dict[str, tuple] = {}
        for report in reports:
            first.setdefault(report[1], report)
        values = tuple(LedgerValue(value, None if day == date.max else day, source, story_id)
                       for day, value, source, story_id, _ in list(first.values())[:MAX_LEDGER_VALUES])
        ledger.append((len(values) < 2, -events_reporting, reports[-1][4], LedgerRow(reports[-1][4], values)))
    ledger.sort(key=lambda row: row[:3])
    return [row for *_, row in ledger[:MAX_LEDGER_ROWS]]


_HURT_RE = re.compile(r"injur|wound|hurt|missing")
_INCREMENT_RE = re.compile(r"\s+(?:more|additional|further|new|other)\b", re.IGNORECASE)
_CASUALTY_ROWS = ("deaths", "injured or missing")


def _counted_thing(report: FigureReport) -> tuple[str, str] | None:
    """What a figure counts, comparable across events: "deaths" or "injured or missing" for a count
    of casualties however it is worded ("killing nine people", "the toll rose to 14"), else its
    counted phrase lowercased with the last word singular, and its unit; None for a vague amount or
    a figure that counts only its unit."""
    figure = report.figure
    if figure.qualifier == "vague" or _INCREMENT_RE.match(report.sentence, figure.end):
        return None  # "two more bodies" is how much a count grew, not the count
    if is_casualty(report):
        around = report.sentence[max(0, figure.start - 30) : figure.end + 30].lower()
        return ("injured or missing" if _HURT_RE.search(around) else "deaths"), ""
    if not figure.counts or figure.counts == figure.unit:
        return None
    words = figure.counts.lower().split()
    words[-1] = head_noun(figure) or words[-1]
    return " ".join(words), figure.unit or ""


def _entities(events: list[Outline]) -> list[Entity]:
    """The names its events mention, those in most events first; a name typed differently by two
    events takes the type most of them give it."""
    events_naming: Counter = Counter()
    kinds: dict[str, Counter] = {}
    first_seen: dict[str, int] = {}
    for number, event in enumerate(events):
        for entity in event.entities:
            kinds.setdefault(entity.name, Counter())[entity.kind] += 1
            first_seen.setdefault(entity.name, number)
        events_naming.update({entity.name for entity in event.entities})
    ranked = sorted(events_naming, key=lambda name: (-events_naming[name], first_seen[name], name))
    return [Entity(name, max(sorted(kinds[name]), key=kinds[name].__getitem__)) for name in ranked[:MAX_ENTITIES]]


def brief_storylines(storylines: list[Storyline], outlines: list[Outline], limits: Limits, runtime: Runtime,
                     story_key: Callable[[Story], str]) -> dict[str, StorylineBriefing]:
    """The briefing of every storyline of two or more events, by storyline id, on the runtime's
    workers; kept between builds under its events' keys (story_key: what an event's briefing is
    made from)."""
    by_id = {outline.story.id: outline for outline in outlines}
    lines = [line for line in storylines if len(line.events) > 1]
    items = [(line, [by_id[event] for event in line.events]) for line in lines]
    keys = [runtime.key("storyline", line, [story_key(by_id[event].story) for event in line.events]) if runtime.caching else ""
            for line in lines]
    with runtime.stage("storylines", len(items), "storylines") as tick:
        built = runtime.cached_map("storylines", partial(_brief_item, limits), items, keys, tick)
    return {line.id: briefing for line, briefing in zip(lines, built)}


def _brief_item(limits: Limits, item: tuple[Storyline, list[Outline]]) -> StorylineBriefing:
    storyline, events = item
    return brief_storyline(storyline, events, limits)
