"""Which story is which: a story's id, slug and page, decided once, and kept across builds.

A new story (an event) is named after its founder (the earliest article, ties by id): its id is a hash of
the founder's id, its slug the founder's date and headline (the id's start added where two
stories share a slug). A story that continues one of the previous build's (digest-state.json)
inherits that story's id and slug, so its page keeps its URL when articles join it. When an old
story splits, the part holding its founder keeps it (its slug names the founder's day and
headline), else the part holding most of its articles. A storyline does the same by its events.
Without a state file every story and storyline starts afresh.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from datetime import date
from typing import Callable

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
    """Give each story the id and slug of the previous story it continues, where there is one.
    previous: the last build's stories by id ({"slug", "articles": [article ids]})."""
    founding_order = {a.id: (a.day or date.max, a.id) for story in stories for a in story.articles}
    return _inherit(stories, lambda story: [a.id for a in story.articles], previous, "articles", founding_order.get)


def keep_storyline_ids(storylines: list[Storyline], previous: dict[str, dict]) -> list[Storyline]:
    """Storylines across builds, as keep_ids does for stories: a storyline keeps the id and slug
    of the previous storyline that held most of its events (whose ids keep_ids kept first).
    previous: the last build's storylines by id ({"slug", "events": [story ids]}), or {}."""
    return _inherit(storylines, lambda line: list(line.events), previous, "events")


def _inherit(items: list, members: Callable[[object], list[str]], previous: dict[str, dict], saved_members: str,
             founding_order: Callable[[str], object] | None = None) -> list:
    """Each item (a story or a storyline) takes the id and slug of a previous one whose members it
    holds: the item holding the previous one's founder (its earliest member still present, by
    `founding_order`; without it, its first saved member: a storyline's events are saved oldest
    first) keeps it, since its slug names the founder's day and headline; else the item holding most
    of its members (ties by id, then order). A new item keeps its own id, made unique, and a slug
    no kept item uses."""
    owner = {member: old_id for old_id, saved in sorted(previous.items()) for member in saved.get(saved_members, [])}
    founders = {old_id: _founder(saved.get(saved_members, []), founding_order) for old_id, saved in previous.items()}
    claims = []
    for index, item in enumerate(items):
        held = set(members(item))
        for old_id, count in Counter(owner[m] for m in held if m in owner).items():
            claims.append((founders.get(old_id) not in held, -count, old_id, index))
    claims.sort()
    assigned: dict[int, str] = {}
    taken: set[str] = set()
    for _, _, old_id, index in claims:
        if index not in assigned and old_id not in taken:
            assigned[index] = old_id
            taken.add(old_id)
    used_slugs = {previous[old_id].get("slug") for old_id in taken}
    kept = []
    for index, item in enumerate(items):
        if index in assigned:
            item = replace(item, id=assigned[index], slug=previous[assigned[index]].get("slug") or item.slug)
        else:
            new_id = item.id
            while new_id in taken or new_id in previous:
                new_id = f"{new_id}x"
            item = replace(item, id=new_id, slug=item.slug if item.slug not in used_slugs else f"{item.slug}-{new_id[:6]}")
            taken.add(new_id)
        used_slugs.add(item.slug)
        kept.append(item)
    return kept


def _founder(saved: list[str], founding_order: Callable[[str], object] | None) -> str | None:
    if founding_order is None:
        return saved[0] if saved else None
    present = [member for member in saved if founding_order(member) is not None]
    return min(present, key=founding_order) if present else None


def storylines_state(storylines: list[Storyline]) -> dict[str, dict]:
    """What the next build needs to keep the storylines' ids: {id: {"slug", "events"}}."""
    return {line.id: {"slug": line.slug, "events": list(line.events)} for line in storylines}
