"""The render stage: outlines of briefings -> the site's Markdown pages, feeds and export.

Index pages (home, archive, topics, sources, about) and the feeds read outlines only; a briefing's
page and its export record read the whole briefing, which `Briefings.whole` gives on demand (a
build makes it only where the page must be written again: `Briefings.text` keeps what was made).
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Callable, Hashable, Iterator, Protocol

from ..config import DigestConfig
from ..models import Briefing, Outline, Source
from .briefing_page import render_briefing
from .export import briefing_json, export_json
from .feeds import render_feeds
from .index_pages import render_about, render_archive, render_home, render_sources, render_tags
from .markup import Markup, Page
from .paths import briefing_path, briefing_url, tag_slug, topic_slugs


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


def render_pages(outlines: list[Outline], sources: dict[str, Source], site: SiteInfo, options: DigestConfig,
                 briefings: Briefings) -> Iterator[Page]:
    """Every page of the site, one at a time (a year of briefings must not sit in memory as text):
    home, archive, topics, sources, about, the two feeds, then one page per briefing."""
    topics = topic_slugs(outlines)
    urls = {outline.story.id: briefing_url(outline) for outline in outlines}
    rss, atom = render_feeds(outlines, site.name, site.url, urls, options.limits.feed_entries)
    return chain(
        [Page("index.md", render_home(outlines, site.name, site.markup, options.limits))],
        render_archive(outlines, site.markup),
        render_tags(outlines, site.markup, topics),
        [Page("sources.md", render_sources(outlines, sources)), Page("about.md", render_about()),
         Page("feed.xml", rss), Page("atom.xml", atom)],
        _briefing_pages(outlines, topics, site.markup, options, briefings),
    )


def _briefing_pages(outlines: list[Outline], topics: frozenset[str], markup: Markup, options: DigestConfig,
                    briefings: Briefings) -> Iterator[Page]:
    """A briefing's page is made again only when its story, history or topic links changed."""
    for outline in outlines:
        linked = sorted(topics.intersection(tag_slug(e) for e in outline.entities))
        text = briefings.text("pages", outline, linked,
                              lambda: render_briefing(briefings.whole(outline), markup, options.limits, topics))
        yield Page(briefing_path(outline), text)


def render_export(outlines: list[Outline], briefings: Briefings) -> Iterator[str]:
    """briefings.json, a piece at a time."""
    urls = {outline.story.id: briefing_url(outline) for outline in outlines}

    def record(outline: Outline, url: str) -> str:
        return briefings.text("records", outline, url, lambda: briefing_json(briefings.whole(outline), url))

    return export_json(outlines, urls, record)


__all__ = ["Briefings", "Page", "SiteInfo", "render_briefing", "render_export", "render_pages"]
