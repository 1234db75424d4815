"""Which story is which: a story's id, slug and page, decided once, and kept across builds.

A new story (an event) is named after its founder (the earliest article, ties by id): its id is a hash of
the founder's id, its slug the founder's date and headline (the id's start added where two
stories share a slug). A story that continues one of the previous build's (digest-state.json)
inherits that story's id and slug, so its page keeps its URL when articles join it: the story
holding most of an old story's articles keeps it. A storyline does the same by the events it
holds. Without a state file every story and storyline starts afresh.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from datetime import date

from ..models import Article, Story, Storyline
from ..text import slugify


def identify(groups: list[list[Article]], previous: dict[str, dict]) -> list[Story]:
    """Groups of articles -> stories with their ids and slugs, newest first.
    previous: the last build's stories by id ({"slug", "articles": [article ids]}), or {}."""
    stories = [make_story(members) for members in groups]
    seen: Counter = Counter(story.slug for story in stories)
    unique = []
    for story in stories:
        if seen[story.slug] > 1:
            story = replace(story, slug=f"{story.slug}-{story.id[:6]}")
        unique.append(story)
    newest_first = sorted(unique, key=lambda s: (-(s.last_day or date.min).toordinal(), s.slug))
    return keep_ids(newest_first, previous)


def founder(articles: list[Article]) -> Article:
    """The article a story is named after: the earliest, ties broken by id."""
    return min(articles, key=lambda a: (a.day or date.max, a.id))


def make_story(articles: list[Article]) -> Story:
    """A story of these articles (in date order), named after its founder."""
    first = founder(articles)
    story_id = hashlib.sha1(first.id.encode("utf-8")).hexdigest()[:10]
    prefix = first.day.isoformat() if first.day else "undated"
    slug = f"{prefix}-{slugify(first.headline, 50, fallback=story_id)}"
    ordered = tuple(sorted(articles, key=_article_order))
    return Story(id=story_id, slug=slug, articles=ordered)


def _article_order(article: Article):
    return (article.published.isoformat() if article.published else "9999", article.source.name.lower(), article.id)


def keep_ids(stories: list[Story], previous: dict[str, dict]) -> list[Story]:
    """Give each story the id and slug of the previous story it continues, where there is one."""
    owner = {article_id: story_id for story_id, record in sorted(previous.items()) for article_id in record.get("articles", [])}
    claims = []
    for index, story in enumerate(stories):
        votes = Counter(owner[a.id] for a in story.articles if a.id in owner)
        for story_id, count in votes.items():
            claims.append((-count, story_id, index))
    assigned: dict[int, str] = {}
    taken: set[str] = set()
    for _, story_id, index in sorted(claims):  # the story with most of the old articles keeps the id
        if index not in assigned and story_id not in taken:
            assigned[index] = story_id
            taken.add(story_id)
    used_slugs = {previous[sid].get("slug") for sid in taken}
    result = []
    for index, story in enumerate(stories):
        if index in assigned:
            story_id = assigned[index]
            story = replace(story, id=story_id, slug=previous[story_id].get("slug") or story.slug)
        else:
            story_id = story.id
            while story_id in taken or story_id in previous:
                story_id = f"{story_id}x"
            slug = story.slug if story.slug not in used_slugs else f"{story.slug}-{story_id[:6]}"
            story = replace(story, id=story_id, slug=slug)
            taken.add(story_id)
        used_slugs.add(story.slug)
        result.append(story)
    return result


def keep_storyline_ids(storylines: list[Storyline], previous: dict[str, dict]) -> list[Storyline]:
    """Storylines across builds, as keep_ids does for stories: a storyline keeps the id and slug
    of the previous storyline that held most of its events (whose ids keep_ids kept first).
    previous: the last build's storylines by id ({"slug", "events": [story ids]}), or {}."""
    owner = {event_id: line_id for line_id, saved in sorted(previous.items()) for event_id in saved.get("events", [])}
    claims = sorted((-count, line_id, index) for index, line in enumerate(storylines)
                    for line_id, count in Counter(owner[e] for e in line.events if e in owner).items())
    assigned: dict[int, str] = {}
    taken: set[str] = set()
    for _, line_id, index in claims:  # the storyline with most of the old events keeps the id
        if index not in assigned and line_id not in taken:
            assigned[index] = line_id
            taken.add(line_id)
    used_slugs = {previous[line_id].get("slug") for line_id in taken}
    kept = []
    for index, line in enumerate(storylines):
        if index in assigned:
            line = replace(line, id=assigned[index], slug=previous[assigned[index]].get("slug") or line.slug)
        else:
            line_id = line.id
            while line_id in taken or line_id in previous:
                line_id = f"{line_id}x"
            line = replace(line, id=line_id, slug=line.slug if line.slug not in used_slugs else f"{line.slug}-{line_id[:6]}")
            taken.add(line_id)
        used_slugs.add(line.slug)
        kept.append(line)
    return kept


def storylines_state(storylines: list[Storyline]) -> dict[str, dict]:
    """What the next build needs to keep the storylines' ids: {id: {"slug", "events"}}."""
    return {line.id: {"slug": line.slug, "events": list(line.events)} for line in storylines}
