"""Storylines on the site: each storyline's page (its events' timeline, a cited summary across them,
the figure ledger, the names it involves), the storylines index, and each event's place in its
storyline (the briefing page links to the storyline and to the previous and next events)."""
from __future__ import annotations

from dataclasses import dataclass

from ..models import Citation, Outline, Storyline, StorylineBriefing
from .markup import Markup, Page, date_span, format_day, html_text, md, safe_url, yaml_string
from .citations import cited
from .paths import briefing_path, storyline_path, tag_links


@dataclass(frozen=True, slots=True)
class StorylinePlace:
    """Where one event stands in its storyline (pages link from the docs folder's root)."""

    storyline: Storyline
    path: str | None
    """The storyline's page; None for a storyline of one event (it has none)."""
    headline: str
    position: int
    """1 for its oldest event."""
    count: int
    previous: tuple[str, str] | None
    """(headline, page) of the event before it."""
    next: tuple[str, str] | None


def storyline_places(storylines: list[Storyline], outlines: list[Outline]) -> dict[str, StorylinePlace]:
    """Each event's place in its storyline, by story id; a storyline's headline is its newest event's."""
    by_id = {outline.story.id: outline for outline in outlines}
    places = {}
    for line in storylines:
        events = [by_id[event] for event in line.events if event in by_id]
        path = storyline_path(line) if len(events) > 1 else None
        for number, event in enumerate(events):
            before = events[number - 1] if number else None
            after = events[number + 1] if number + 1 < len(events) else None
            places[event.story.id] = StorylinePlace(
                line, path, events[-1].headline, number + 1, len(events),
                (before.headline, briefing_path(before)) if before else None,
                (after.headline, briefing_path(after)) if after else None)
    return places


def storyline_links(place: StorylinePlace | None, prefix: str = "../") -> list[str]:
    """The lines a briefing page shows about its storyline (none for a storyline of one event)."""
    if place is None or place.path is None:
        return []
    lines = [f"**Storyline:** [{md(place.headline)}]({prefix}{place.path}) — event {place.position} of {place.count}"]
    if place.previous:
        lines.append(f"← Previous: [{md(place.previous[0])}]({prefix}{place.previous[1]})")
    if place.next:
        lines.append(f"→ Next: [{md(place.next[0])}]({prefix}{place.next[1]})")
    return [" · ".join(lines), ""]


def render_storyline(briefing: StorylineBriefing, events: list[Outline], markup: Markup,
                     topics: frozenset[str] | None = None) -> str:
    """A storyline's page; `events` are its events' outlines, oldest first."""
    line = briefing.storyline
    pages = {event.story.id: briefing_path(event) for event in events}
    cite = _citer(events, markup)
    outlets = ", ".join(md(s.name) for s in briefing.sources)
    meta = ["---", f"title: {yaml_string(html_text(briefing.headline) or 'Storyline')}"]
    if briefing.summary:
        meta.append(f"description: {yaml_string(html_text(briefing.summary[0].text, 200))}")
    out = [*meta, *markup.reading_page, "---", "", f"# {md(briefing.headline)}", "",
           f"*Storyline · {date_span(line.first_day, line.last_day)} · {len(events)} events · {outlets}*", ""]
    if briefing.summary:
        out += ["## Summary", ""]
        out += [f"- {md(s.text)} {cite(s.citations, s.text)}" for s in briefing.summary]
        out.append("")
    out += ["## Timeline", "", markup.unsearched_sections[0], ""]
    for entry in briefing.timeline:
        out.append(f"- **{format_day(entry.first_day)}** — [{md(entry.headline)}](../{pages[entry.story_id]}) · "
                   + ", ".join(md(name) for name in entry.outlets))
        if entry.lead:
            out.append(f"    {md(entry.lead.text)}")  # cited on the event's page, one click away
    out += ["", markup.unsearched_sections[1], ""]
    if briefing.ledger:
        out += ["## Figure ledger", "", "How the key figures moved across the events and outlets.", "",
                "| What | Reported, in order |", "| --- | --- |"]
        for row in briefing.ledger:
            moves = " → ".join(f"**{md(v.value)}** ({_short_day(v)}, [{md(v.source)}](../{pages[v.story_id]}))" for v in row.values)
            out.append(f"| {md(row.counts)} | {moves} |")
        out.append("")
    if briefing.entities:
        out += ["## Names", ""]
        out.append(tag_links(briefing.entities, topics))
        out.append("")
    return "\n".join(out)


def _short_day(value) -> str:
    return format_day(value.day) if value.day else "undated"


def _citer(events: list[Outline], markup: Markup):
    """Citations -> the outlets' supporting sentences, with links to the article's address when it
    has one, else to its line on its event's page."""
    targets: dict[str, str] = {}
    for event in events:
        for number, article in enumerate(event.story.articles, 1):
            targets[article.id] = safe_url(article.url) or f"../{briefing_path(event)}#article-{number}"
    names = {s.key: s.name for event in events for s in event.story.sources}

    def cite(citations: tuple[Citation, ...], said: str = "") -> str:
        return cited(tuple(c for c in citations if c.article_id in targets), names, targets, markup, said)

    return cite


def render_storylines_index(briefings: dict[str, StorylineBriefing], storylines: list[Storyline], markup: Markup) -> Page:
    """Every storyline of two or more events, newest first."""
    out = ["---", "title: Storylines", *markup.excluded_page, "---", "", "# Storylines", "",
           "Matters followed over several events, newest first.", ""]
    shown = [line for line in storylines if line.id in briefings]
    for line in shown:
        briefing = briefings[line.id]
        out.append(f"- [{md(briefing.headline)}]({storyline_path(line)[len('storylines/'):]}) — "
                   f"{date_span(line.first_day, line.last_day)} · {len(line.events)} events")
    if not shown:
        out.append("*No matter has more than one event yet.*")
    return Page("storylines/index.md", "\n".join(out) + "\n")
