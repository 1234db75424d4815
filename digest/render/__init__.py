"""The render stage: outlines of briefings -> the site's Markdown pages, feeds and export.

Index pages (home, archive, topics, sources, about) and the feeds read outlines only; a briefing's
page and its export record read the whole briefing, which `Briefings.whole` gives on demand (a
build makes it only where the page must be written again: `Briefings.text` keeps what was made).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from typing import Callable, Hashable, Iterator, Protocol

from ..config import DigestConfig
from ..models import Briefing, Outline, Source, Storyline, StorylineBriefing
from .briefing_page import render_briefing
from .export import detail_json, detail_path, export_json, index_record, storyline_detail, storyline_record
from .feeds import render_feeds
from .index_pages import newest_per_storyline, render_about, render_archive, render_home, render_sources, render_tags
from .markup import Markup, Page
from .paths import briefing_path, briefing_url, storyline_detail_path, storyline_path, storyline_url, tag_slug, topic_slugs
from .storyline_page import StorylinePlace, render_storyline, render_storylines_index, storyline_places


class Briefings(Protocol):
    """Where the render stage gets whole briefings and keeps what it made of them."""

    def whole(self, outline: Outline) -> Briefing:
        """The whole briefing of an outline."""

    def text(self, kind: str, outline: Outline, extra: Hashable, make: Callable[[], str]) -> str:
        """make() of one briefing ("pages", "records"), or what it gave last time for the same
        briefing, history and extra."""


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """What the pages need to know of the site."""

    name: str
    url: str | None
    """Where the site is published (absolute links in the feeds), if known."""
    markup: Markup
    """The site engine's markup for what search leaves out."""


def render_pages(outlines: list[Outline], storylines: Storylines, sources: dict[str, Source], site: SiteInfo,
                 options: DigestConfig, briefings: Briefings) -> Iterator[Page]:
    """Every page of the site, one at a time (a year of briefings must not sit in memory as text):
    home, archive, topics, storylines, sources, about, the two feeds, then one page per briefing."""
    topics = topic_slugs(outlines, options.limits.topic_min_briefings)
    places = storyline_places(storylines.lines, outlines)
    urls = {outline.story.id: briefing_url(outline) for outline in outlines}
    # A storyline once in the feeds, at its newest event, as on the home page
    newest = newest_per_storyline(sorted(outlines, key=_last_update, reverse=True), places)
    rss, atom = render_feeds(newest, site.name, site.url, urls, options.limits.feed_entries)
    return chain(
        [Page("index.md", render_home(outlines, site.name, site.markup, options.limits, places))],
        render_archive(outlines, site.markup),
        render_tags(outlines, site.markup, topics, options.limits),
        [render_storylines_index(storylines.briefings, storylines.lines, site.markup)],
        _storyline_pages(outlines, storylines, topics, site.markup),
        [Page("sources.md", render_sources(outlines, sources)), Page("about.md", render_about()),
         Page("feed.xml", rss), Page("atom.xml", atom)],
        _briefing_pages(outlines, topics, places, site.markup, options, briefings),
    )


@dataclass(frozen=True, slots=True)
class Storylines:
    """The storylines, newest first, and the briefings of those with two or more events, by id."""

    lines: list[Storyline]
    briefings: dict[str, StorylineBriefing]


def _last_update(outline: Outline):
    return (outline.history.last_updated or datetime.min, outline.story.id)


def _briefing_pages(outlines: list[Outline], topics: frozenset[str], places: dict[str, StorylinePlace], markup: Markup,
                    options: DigestConfig, briefings: Briefings) -> Iterator[Page]:
    """A briefing's page is made again only when its story, history, topic links or place in its
    storyline changed."""
    for outline in outlines:
        linked = sorted(topics.intersection(tag_slug(e) for e in outline.entities))
        place = places.get(outline.story.id)
        text = briefings.text("pages", outline, (linked, place),
                              lambda: render_briefing(briefings.whole(outline), markup, options.limits, topics, place))
        yield Page(briefing_path(outline), text)
        yield Page(detail_path(outline), briefings.text("details", outline, None, lambda: detail_json(briefings.whole(outline))))


def _storyline_pages(outlines: list[Outline], storylines: Storylines, topics: frozenset[str], markup: Markup) -> Iterator[Page]:
    """The page and detail file of each storyline of two or more events."""
    by_id = {outline.story.id: outline for outline in outlines}
    pages = {outline.story.id: briefing_url(outline) for outline in outlines}
    for line in storylines.lines:
        if line.id in storylines.briefings:
            events = [by_id[event] for event in line.events if event in by_id]
            yield Page(storyline_path(line), render_storyline(storylines.briefings[line.id], events, markup, topics))
            yield Page(storyline_detail_path(line), storyline_detail(storylines.briefings[line.id], pages))


def render_export(outlines: list[Outline], storylines: Storylines) -> Iterator[str]:
    """briefings.json, the index of every briefing and storyline, a piece at a time."""
    by_id = {outline.story.id: outline for outline in outlines}
    storyline_of = {event: line.id for line in storylines.lines for event in line.events}
    records = (index_record(outline, briefing_url(outline), storyline_of.get(outline.story.id)) for outline in outlines)
    return export_json(records, (_storyline_record(line, storylines, by_id) for line in storylines.lines))


def _storyline_record(line: Storyline, storylines: Storylines, by_id: dict[str, Outline]) -> dict:
    """A storyline of two or more events has its page and detail file; one of a single event is that event's page."""
    if line.id in storylines.briefings:
        return storyline_record(line, storylines.briefings[line.id].headline, storyline_url(line), storyline_detail_path(line))
    event = by_id[line.events[-1]]
    return storyline_record(line, event.headline, briefing_url(event), None)


__all__ = ["Briefings", "Page", "SiteInfo", "Storylines", "render_briefing", "render_export", "render_pages"]
