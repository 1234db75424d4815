"""Briefings -> RSS 2.0 and Atom feeds (feed.xml, atom.xml) with stable GUIDs.

Each entry is a briefing: its GUID is the story id (stable across builds), its
dates are the briefing's own (first and last article), never the build date,
so a reader sees new briefings and updated ones, and nothing else moves.
"""
from __future__ import annotations

from datetime import timezone

from ..models import Outline

def _aware(value):
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


def render_feeds(briefings: list[Outline], site_name: str, site_url: str | None, pages: dict[str, str], entries: int) -> tuple[str, str]:
    """(RSS XML, Atom XML) of the `entries` newest updated briefings; pages: story id -> its address.
    RSS has no 'updated', so its pubDate is the last update."""
    dated = [b for b in briefings if b.history.last_updated]
    dated.sort(key=lambda b: (b.history.last_updated, b.story.id), reverse=True)
    dated = dated[:entries]
    rss = _generator(dated, site_name, site_url, pages, rss=True).rss_str(pretty=True).decode("utf-8")
    atom = _generator(dated, site_name, site_url, pages, rss=False).atom_str(pretty=True).decode("utf-8")
    return rss, atom


def _generator(dated: list[Outline], site_name: str, site_url: str | None, pages: dict[str, str], rss: bool):
    from feedgen.feed import FeedGenerator

    base = site_url.rstrip("/") + "/" if site_url else ""
    feed = FeedGenerator()
    feed.id(f"{base or 'urn:news-digest:'}feed")
    feed.title(site_name)
    feed.subtitle("New and updated news briefings")
    feed.link(href=base or "./", rel="alternate")
    feed.language("en")
    feed.generator("news-digest")
    if dated:
        newest = _aware(dated[0].history.last_updated)
        feed.updated(newest)
        feed.lastBuildDate(newest)
    for briefing in reversed(dated):  # feedgen lists the last added first
        history = briefing.history
        entry = feed.add_entry()
        entry.id(f"urn:news-digest:story:{briefing.story.id}")
        entry.guid(f"urn:news-digest:story:{briefing.story.id}", permalink=False)
        entry.title(briefing.headline)
        entry.link(href=f"{base}{pages[briefing.story.id]}")
        summary = " ".join(s.text for s in briefing.summary[:2]) or briefing.headline
        if history.changes:
            summary = "Updated: " + "; ".join(history.changes) + ". " + summary
        entry.description(summary)
        entry.published(_aware(history.last_updated if rss else history.first_published))
        entry.updated(_aware(history.last_updated))
        for source in briefing.story.sources:
            entry.category(term=source.name)
    return feed
