"""Stories across builds: dates of first publication and last update, and what the last update
brought (new articles, new outlets, new or changed figures), from the state the last build saved."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ..models import History, Outline


MAX_CHANGES = 8


def record(briefing: Outline) -> dict:
    story = briefing.story
    return {
        "slug": story.slug,
        "articles": sorted(a.id for a in story.articles),
        "outlets": sorted({a.source.key for a in story.articles}),
        "figures": {f.label: sorted(f.sources) for f in briefing.figures},
        "headline": briefing.headline,
    }


def with_history(briefings: list[Outline], previous: dict[str, dict]) -> tuple[list[Outline], dict[str, dict]]:
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
        previous_headline, changed = _headline_change(before, briefing.headline, max(dates) if dates else None)
        history = History(min(dates) if dates else None, max(dates) if dates else None, changes, previous_headline, changed)
        updated.append(replace(briefing, history=history))
        state[story.id] = {**now, "changes": list(changes), "previous_headline": previous_headline,
                           "headline_changed": changed.isoformat() if changed else None}
    return updated, state


def _headline_change(before: dict | None, headline: str, newest: datetime | None) -> tuple[str, datetime | None]:
    """(the headline before the last change, when it changed), kept from build to build."""
    if before and before.get("headline") and before["headline"] != headline:
        return before["headline"], newest
    if before and before.get("previous_headline"):
        try:
            changed = datetime.fromisoformat(before["headline_changed"]) if before.get("headline_changed") else None
        except (TypeError, ValueError):
            changed = None
        return str(before["previous_headline"]), changed
    return "", None


def describe_changes(before: dict, now: dict, briefing: Outline) -> tuple[str, ...]:
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
    if before.get("headline") and before["headline"] != now.get("headline"):
        changes.insert(0, f"new headline (was: {before['headline']})")
    gone = sorted(set(old_figures) - set(now["figures"]))
    for label in gone[:2]:
        changes.append(f"figure no longer among the key figures: {label}")
    return tuple(changes[:MAX_CHANGES])
