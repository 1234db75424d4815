"""Stories across builds: keep ids and page URLs, date the updates, say what changed.

The previous build's stories come from the state file (digest-state.json). A
new grouping inherits the id and slug of the previous story most of its
articles belonged to, so a story keeps its page when articles join it. Without
a state file every story starts afresh: only continuity is lost.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .models import Briefing, History, Story

MAX_CHANGES = 8


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


def record(briefing: Briefing) -> dict:
    story = briefing.story
    return {
        "slug": story.slug,
        "articles": sorted(a.id for a in story.articles),
        "outlets": sorted({a.source.key for a in story.articles}),
        "figures": {f.label: sorted(f.sources) for f in briefing.figures},
    }


def with_history(briefings: list[Briefing], previous: dict[str, dict]) -> tuple[list[Briefing], dict[str, dict]]:
    """Attach dates and changes to each briefing; return them and the state to save."""
    updated, state = [], {}
    for briefing in briefings:
        story = briefing.story
        now = record(briefing)
        before = previous.get(story.id)
        if before and before.get("articles") == now["articles"]:
            changes = tuple(before.get("changes", ()))  # nothing new: the last update stays the last update
        elif before:
            changes = describe_changes(before, now, briefing)
        else:
            changes = ()
        dates = [a.published for a in story.articles if a.published]
        history = History(min(dates) if dates else None, max(dates) if dates else None, changes)
        updated.append(replace(briefing, history=history))
        state[story.id] = {**now, "changes": list(changes)}
    return updated, state


def describe_changes(before: dict, now: dict, briefing: Briefing) -> tuple[str, ...]:
    names = {s.key: s.name for s in briefing.story.sources}
    changes = []
    added = sorted(set(now["articles"]) - set(before.get("articles", [])))
    if added:
        changes.append(f"{len(added)} new article{'s' if len(added) != 1 else ''}")
    for outlet in sorted(set(now["outlets"]) - set(before.get("outlets", []))):
        changes.append(f"new outlet: {names.get(outlet, outlet)}")
    old_figures = before.get("figures", {})
    for label, sources in sorted(now["figures"].items()):
        if label not in old_figures:
            changes.append(f"new figure: {label}")
        elif sorted(old_figures[label]) != sources:
            changes.append(f"figure {label} now reported by " + ", ".join(names.get(s, s) for s in sources))
    gone = sorted(set(old_figures) - set(now["figures"]))
    for label in gone[:2]:
        changes.append(f"figure no longer among the key figures: {label}")
    return tuple(changes[:MAX_CHANGES])
