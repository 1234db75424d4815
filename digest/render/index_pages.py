"""The index pages: home, archive by month, topics (people, organisations and places), sources
and the about page. They read outlines only, never whole briefings."""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from ..config import Limits
from ..models import Entity, Outline, Source
from ..text import MONTH_NAMES
from .markup import Markup, Page, date_span, format_day, html_text, link, md, yaml_string
from .paths import briefing_path, tag_slug, topic_slugs
from .storyline_page import StorylinePlace


def render_home(briefings: list[Outline], site_name: str, markup: Markup, limits: Limits,
                places: dict[str, StorylinePlace] | None = None) -> str:
    """The home page: the newest briefings with their lead sentence, a storyline once, at its
    newest event (which links to the storyline)."""
    # Out of search, like the archive: it only repeats briefings' headlines and first sentences
    out = ["---", "title: Latest briefings", *markup.hide_toc, *markup.excluded_page, "---", "", "# Latest briefings", ""]
    if not briefings:
        return "\n".join(out + ["*No briefings yet: add articles under `content/articles/` and build again.*", ""])
    out += [f"{len(briefings)} stories from {len({s.key for b in briefings for s in b.story.sources})} outlets. "
            "Older stories are in the [archive](archive/index.md). "
            "Follow new and updated briefings by [RSS](feed.xml) or [Atom](atom.xml).", ""]
    for briefing in newest_per_storyline(briefings, places or {})[: limits.latest_on_home]:
        out += _teaser(briefing, prefix="", place=(places or {}).get(briefing.story.id))
    return "\n".join(out)


def newest_per_storyline(briefings: list[Outline], places: dict[str, StorylinePlace]) -> list[Outline]:
    """The briefings in their order, each storyline only at its first (its newest event when the
    briefings are newest first)."""
    seen: set[str] = set()
    shown = []
    for briefing in briefings:
        place = places.get(briefing.story.id)
        if place is not None:
            if place.storyline.id in seen:
                continue
            seen.add(place.storyline.id)
        shown.append(briefing)
    return shown


def _teaser(briefing: Outline, prefix: str, place: StorylinePlace | None = None) -> list[str]:
    story = briefing.story
    outlets = ", ".join(md(s.name) for s in story.sources)
    lead = md(briefing.summary[0].text) if briefing.summary else ""
    out = [
        f"### [{md(briefing.headline)}]({prefix}{briefing_path(briefing)})",
        "",
        f"*{date_span(story.first_day, story.last_day)} · {outlets}*",
        "",
        lead,
        "",
    ]
    if place is not None and place.path is not None:
        out += [f"Latest of {place.count} events in the storyline [{md(place.headline)}]({prefix}{place.path}).", ""]
    return out


def _month_of(day: date | None) -> str:
    return f"{day.year:04d}-{day.month:02d}" if day else "undated"


def render_archive(briefings: list[Outline], markup: Markup) -> list[Page]:
    """The archive index and one page per month (undated briefings on their own page)."""
    months: dict[str, list[tuple[date | None, Outline]]] = defaultdict(list)
    for briefing in briefings:
        day = briefing.story.first_day  # looks through the articles: once a briefing, not for each use
        months[_month_of(day)].append((day, briefing))
    index = ["---", "title: Archive", *markup.excluded_page, "---", "", "# Archive", ""]
    pages = []
    for key in sorted(months, reverse=True):
        label = "Undated" if key == "undated" else f"{MONTH_NAMES[int(key[5:]) - 1]} {key[:4]}"
        items = months[key]
        index.append(f"- [{label}]({key}.md) — {len(items)} briefing{'s' if len(items) != 1 else ''}")
        lines = ["---", f"title: {label}", *markup.excluded_page, "---", "", f"# {label}", ""]
        for day, briefing in sorted(items, key=lambda item: (item[0] or date.min, item[1].story.slug), reverse=True):
            names = ", ".join(md(s.name) for s in briefing.story.sources)
            lines.append(f"- {format_day(day)}: [{md(briefing.headline)}](../{briefing_path(briefing)}) — {names}")
        pages.append(Page(f"archive/{key}.md", "\n".join(lines) + "\n"))
    if not months:
        index.append("*No briefings yet.*")
    pages.append(Page("archive/index.md", "\n".join(index) + "\n"))
    return pages


KIND_TITLES = {"person": "People", "organisation": "Organisations", "place": "Places"}


def render_tags(briefings: list[Outline], markup: Markup, topics: frozenset[str] | None = None, limits: Limits = Limits()) -> list[Page]:
    """The topic index and one page for each topic (default: each name Limits.topic_min_briefings share)."""
    topics = topic_slugs(briefings, limits.topic_min_briefings) if topics is None else topics
    tagged: dict[str, list[Outline]] = defaultdict(list)
    entity_of: dict[str, Entity] = {}
    for briefing in briefings:
        named: dict[str, Entity] = {}  # each topic once a briefing
        for entity in briefing.entities:
            named.setdefault(tag_slug(entity), entity)
        for slug, entity in named.items():
            if slug not in topics:
                continue
            entity_of.setdefault(slug, entity)
            tagged[slug].append(briefing)
    listed: dict[str, str] = {}  # a briefing's line, the same on each of its topics' pages

    def line(briefing: Outline) -> str:
        if briefing.story.id not in listed:
            listed[briefing.story.id] = (f"- {format_day(briefing.story.first_day)}: "
                                         f"[{md(briefing.headline)}](../{briefing_path(briefing)})")
        return listed[briefing.story.id]

    pages = []
    # Out of search like the topic pages: every name is already in its briefings' Tags
    index = ["---", "title: Topics", *markup.excluded_page, "---", "", "# Topics", "",
             f"People, organisations and places named in {limits.topic_min_briefings} or more briefings.", ""]
    if not entity_of:
        index += [f"*No name is shared by {limits.topic_min_briefings} briefings yet.*", ""]
    for kind, title in KIND_TITLES.items():
        slugs = sorted((s for s, e in entity_of.items() if e.kind == kind), key=lambda s: (-len(tagged[s]), s))
        if not slugs:
            continue
        index += [f"## {title}", ""]
        index.append(" · ".join(f"[{md(entity_of[s].name)}]({s}.md) ({len(tagged[s])})" for s in slugs))
        index.append("")
    for slug, entity in sorted(entity_of.items()):
        lines = ["---", f"title: {yaml_string(html_text(entity.name) or slug)}", *markup.excluded_page, *markup.reading_page, "---", "",
                 f"# {md(entity.name)}", "", f"*{KIND_TITLES.get(entity.kind, 'Topic')[:-1]}*", ""]
        lines.extend(line(briefing) for briefing in tagged[slug][: limits.topic_briefings])
        if len(tagged[slug]) > limits.topic_briefings:
            lines += ["", f"*And {len(tagged[slug]) - limits.topic_briefings} older briefings: see the [archive](../archive/index.md).*"]
        pages.append(Page(f"tags/{slug}.md", "\n".join(lines) + "\n"))
    pages.append(Page("tags/index.md", "\n".join(index) + "\n"))
    return pages


def render_sources(briefings: list[Outline], sources: dict[str, Source]) -> str:
    """The outlets with their articles, stories and licences."""
    articles: Counter = Counter()
    stories: Counter = Counter()
    licences: dict[str, set] = defaultdict(set)
    known: dict[str, Source] = dict(sources)
    for briefing in briefings:
        for source in briefing.story.sources:
            stories[source.key] += 1
            known.setdefault(source.key, source)
        for article in briefing.story.articles:
            articles[article.source.key] += 1
            if article.license:
                licences[article.source.key].add(article.license)
    out = ["---", "title: Sources", "---", "", "# Sources", "", "| Outlet | Articles | Stories | Licence |", "| --- | --- | --- | --- |"]
    for key, source in sorted(known.items(), key=lambda kv: kv[1].name.lower()):
        licence = "; ".join(sorted(licences[key] | ({source.license} if source.license else set()))) or "—"
        out.append(f"| {link(source.name, source.url)} | {articles[key]} | {stories[key]} | {md(licence)} |")
    out += ["", "Articles are quoted in part to compare how outlets report the same story; each briefing links to the originals where the corpus gives their address.", ""]
    return "\n".join(out)


def render_about() -> str:
    """How briefings are made, for readers."""
    return "\n".join([
        "---", "title: How briefings are made", "---", "",
        "# How briefings are made", "",
        "Each briefing groups articles about one event from several outlets. Everything on a briefing page is taken from the articles themselves:", "",
        "- **Summary**: sentences chosen from the articles (central to the story, early in their article, not repeating each other), each cited to every outlet that reports the same fact.",
        "- **Key figures**: the numbers in the articles, with what they count, how they are qualified (\"about\", \"no more than\", ranges) and which outlet reports which value. A figure is never shown that is not in the text.",
        "- **Source comparison**: what each outlet stresses, what all report, what only one reports, where figures differ, who is quoted by whom and how the wording differs.", "",
        "Some archives deliver text lowercased and tokenized; its capitals and punctuation are restored from the other articles and a word list before anything is shown.",
        "A machine-readable export of every briefing is published as [briefings.json](briefings.json).", "",
    ])
