"""Briefings -> Markdown pages: one per story, plus home, archive, tags and sources.

Everything from articles is untrusted: `md()` escapes it so that no HTML,
Markdown link or image syntax in an article, title or outlet name can reach
the page as markup, and only http(s) URLs are ever linked.
"""
from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import quote

import yaml

from .briefing import MAX_ANALYSED_ARTICLES
from .briefing.figures import display_value
from .models import Briefing, Citation, Entity, Source
from .text import slugify

LATEST_ON_HOME = 25
MAX_LISTED_ARTICLES = 200
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|-])")  # what Python-Markdown (and tables) can escape
_SPACES = re.compile(r"\s+")


def md(text: str) -> str:
    """Untrusted text -> Markdown that renders as exactly that text."""
    text = _SPACES.sub(" ", str(text)).strip()
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return html.escape(text, quote=False)


def plain(text: str) -> str:
    """Untrusted text for places that are not Markdown-rendered (titles, front matter): no markup characters."""
    return _SPACES.sub(" ", re.sub(r"[<>&\"`{}\[\]\\]", "", str(text))).strip()


def safe_url(url: str | None) -> str | None:
    if not url or not re.match(r"https?://", url, re.IGNORECASE):
        return None
    return quote(url, safe=":/?#@!$&*+,;=%~-._")


def link(text: str, url: str | None) -> str:
    target = safe_url(url)
    return f"[{md(text)}]({target})" if target else md(text)


def format_day(day: date | None) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else "undated"


def date_span(first: date | None, last: date | None) -> str:
    if not first:
        return "Undated"
    if not last or first == last:
        return format_day(first)
    return f"{format_day(first)} – {format_day(last)}"


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # relative to the docs folder, POSIX
    text: str


def unsearched(markdown: str) -> str:
    """Shown on the page, left out of the search index: the index holds what a reader searches
    for (headline, summary, figures, tags, outlets), so a query matches a briefing for what it says."""
    return f'<span data-search-exclude="">{markdown}</span>'


UNSEARCHED_BLOCK = "{: data-search-exclude }"
"""On the line after a paragraph (attr_list): the paragraph is left out of the search index."""

UNSEARCHED_SECTIONS = ('<div data-search-exclude="" markdown="1">', "</div>")
"""Around whole sections (md_in_html): shown on the page, left out of the search index."""


def briefing_path(briefing: Briefing) -> str:
    return f"briefings/{briefing.story.slug}.md"


def tag_slug(entity: Entity) -> str:
    return _name_slug(entity.name)


@lru_cache(maxsize=1 << 16)
def _name_slug(name: str) -> str:
    # Asked for every name of every briefing by the topic pages and each briefing's tags
    # (325,000 times at 100,000 articles), for far fewer names
    return slugify(name, 50)


_PLAIN_YAML = re.compile(r"[A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*")
_YAML_WORDS = frozenset("yes no true false on off null".split())


def yaml_string(text: str) -> str:
    """A string as a one-line YAML scalar, as yaml.safe_dump writes it (never folded: a long name
    folded over two lines lost its second line and its closing quote). Words and spaces (most
    names) are written plain without it: it took 16 us a title, 0.3 s for a year's topic pages."""
    if _PLAIN_YAML.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    return yaml.safe_dump(text, default_style=None, width=1 << 30).splitlines()[0]


# ---------------------------------------------------------------- one briefing

def topic_slugs(briefings: list[Briefing]) -> frozenset[str]:
    """Names that get a topic page: those two or more briefings share. A page listing one
    briefing only sends the reader back where they came from (and a year of news names
    tens of thousands of people once)."""
    counts = Counter(slug for b in briefings for slug in {tag_slug(e) for e in b.entities})
    return frozenset(slug for slug, n in counts.items() if n >= 2)


def render_briefing(briefing: Briefing, topics: frozenset[str] | None = None) -> str:
    """One briefing's page; `topics` are the tags with a topic page (None: all of them)."""
    story = briefing.story
    names = {s.key: s.name for s in story.sources}
    anchors = {a.id: f"article-{i}" for i, a in enumerate(story.articles, 1)}
    urls = {a.id: a.url for a in story.articles}

    def cite(citations: tuple[Citation, ...]) -> str:
        parts = []
        for c in citations:
            target = safe_url(urls.get(c.article_id)) or f"#{anchors[c.article_id]}"
            parts.append(f"[\\[{md(names.get(c.source, c.source))}\\]]({target})")
        return unsearched(" ".join(parts))

    out = [_front_matter(briefing), f"# {md(plain(briefing.headline))}", ""]
    outlets = ", ".join(md(s.name) for s in story.sources)
    count = len(story.articles)
    out += [f"*{date_span(story.first_day, story.last_day)} · {outlets} · {count} article{'s' if count != 1 else ''}*", ""]
    history = briefing.history
    if history.first_published and history.last_updated and history.last_updated.date() != history.first_published.date():
        out += [f"First published {format_day(history.first_published.date())} · last updated {format_day(history.last_updated.date())}", UNSEARCHED_BLOCK, ""]
    if history.changes:
        out += ["**What changed in the last update:** " + "; ".join(md(c) for c in history.changes) + ".", UNSEARCHED_BLOCK, ""]

    out += ["## Summary", ""]
    for sentence in briefing.summary:
        out.append(f"- {md(sentence.text)} {cite(sentence.citations)}")
    out.append("")

    out += _render_figures(briefing, names)
    out += [UNSEARCHED_SECTIONS[0], ""]
    out += _render_comparison(briefing, names, cite)

    out += ["## Articles", ""]
    if len(story.articles) > MAX_ANALYSED_ARTICLES:
        out += [f"*This story has {len(story.articles)} articles; the summary, figures and comparison are drawn from the newest {MAX_ANALYSED_ARTICLES}"
                + (f", and the {MAX_LISTED_ARTICLES} newest are listed here (all are in briefings.json)" if len(story.articles) > MAX_LISTED_ARTICLES else "") + ".*", ""]
    for article in story.articles[-MAX_LISTED_ARTICLES:]:
        meta = [md(names.get(article.source.key, article.source.name)), format_day(article.day)]
        if article.author:
            meta.append(f"by {md(article.author)}")
        title = link(article.headline, article.url)
        note = " (headline taken from the text)" if article.title_inferred else ""
        if article.summary_only:
            note += " (the feed's summary only: the page could not be read)"
        licence = f" · {md(article.license)}" if article.license else ""
        out.append(f'- <span id="{anchors[article.id]}"></span>{title}{note} — {" · ".join(meta)}{licence}')
    out += ["", UNSEARCHED_SECTIONS[1], ""]

    if briefing.entities:
        out += ["## Tags", ""]
        out.append(" · ".join(f"[{md(e.name)}](../tags/{tag_slug(e)}.md)" if topics is None or tag_slug(e) in topics else md(e.name)
                              for e in briefing.entities))
        out.append("")
    return "\n".join(out)


def _front_matter(briefing: Briefing) -> str:
    meta = {"title": plain(briefing.headline) or "Briefing"}
    if briefing.summary:
        meta["description"] = plain(briefing.summary[0].text)[:200]
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000) + "---\n"


def _render_figures(briefing: Briefing, names: dict[str, str]) -> list[str]:
    out = ["## Key figures", ""]
    if not briefing.figures:
        return out + ["*No figures in the articles of this story.*", ""]
    out += [f"| {unsearched('Figure')} | {unsearched('What it counts')} | {unsearched('Reported by')} |", "| --- | --- | --- |"]
    for figure in briefing.figures:
        by = []
        for source in figure.sources:
            reports = [r for r in figure.reports if r.source == source]
            detail = []
            qualifiers = sorted({r.figure.qualifier for r in reports if r.figure.qualifier not in (None, "range", "vague")})
            values = sorted({display_value(r.figure) for r in reports})
            if values != [figure.label]:
                detail.append(", ".join(values))
            detail += qualifiers
            speakers = sorted({r.speaker for r in reports if r.speaker})
            if speakers:
                detail.append("according to " + " and ".join(speakers))
            by.append(md(names.get(source, source)) + (f" ({md('; '.join(detail))})" if detail else ""))
        counts = md(figure.counts)
        context = unsearched(md(f"“{figure.context}”")) if figure.context else ""
        out.append(f"| {md(figure.label)} | {counts}<br>{context} | {unsearched('<br>'.join(by))} |")
    return out + [""]


def _shortened(sentence: str, limit: int = 220) -> str:
    """An outlet's quote in a table cell: whole up to `limit` characters, else cut at a word."""
    return sentence if len(sentence) <= limit else sentence[:limit].rsplit(" ", 1)[0] + " …"


def _render_comparison(briefing: Briefing, names: dict[str, str], cite) -> list[str]:
    comparison = briefing.comparison
    out = ["## Source comparison", ""]
    if comparison.single_outlet:
        only = names.get(comparison.outlets[0].source, comparison.outlets[0].source) if comparison.outlets else "one outlet"
        out += [f"Only {md(only)} covers this story so far, so there is nothing to compare yet.", ""]
        if comparison.quotes:
            out += ["**Quoted:** " + ", ".join(sorted({md(q.speaker) for q in comparison.quotes})), ""]
        return out

    out += ["### Coverage", "", "| Outlet | Articles | Words | Stresses |", "| --- | --- | --- | --- |"]
    for view in comparison.outlets:
        focus = ", ".join(md(t) for t in view.focus) or "—"
        out.append(f"| {md(names.get(view.source, view.source))} | {view.articles} | {view.words} | {focus} |")
    out.append("")

    out += ["### Reported by all outlets", ""]
    out += [f"- {md(f.text)} {cite(f.citations)}" for f in comparison.shared] or ["*No fact is reported in closely matching words by every outlet.*"]
    out.append("")

    out += ["### Reported by one outlet only", ""]
    by_source: dict[str, list] = defaultdict(list)
    for fact in comparison.exclusive:
        by_source[fact.citations[0].source].append(fact)
    if not by_source:
        out += ["*Every outlet's main points appear in another outlet too.*", ""]
    for source, facts in sorted(by_source.items()):
        out += [f"**Only {md(names.get(source, source))}:**", ""]
        out += [f"- {md(f.text)} {cite(f.citations)}" for f in facts]
        out.append("")

    out += ["### Where the figures differ", ""]
    if comparison.figure_differences:
        for difference in comparison.figure_differences:
            values = "; ".join(f"{md(names.get(s, s))}: **{md(v)}**" for s, v, _ in difference.values)
            out.append(f"- {md(difference.counts)} — {values}")
    else:
        out.append("*The outlets give no conflicting figures.*")
    out.append("")

    out += ["### Who is quoted", ""]
    if comparison.quotes:
        sources = [v.source for v in comparison.outlets]
        out += ["| Speaker | " + " | ".join(md(names.get(s, s)) for s in sources) + " |", "| --- |" + " --- |" * len(sources)]
        speakers = sorted({q.speaker for q in comparison.quotes})
        quoted = {(q.speaker, q.source): q.sentence for q in comparison.quotes}
        for speaker in speakers:
            cells = " | ".join(md(_shortened(quoted[speaker, s])) if (speaker, s) in quoted else "—" for s in sources)
            out.append(f"| {md(speaker)} | {cells} |")
    else:
        out.append("*No one is quoted by name.*")
    out.append("")

    out += ["### Wording", ""]
    if comparison.wording:
        for wording in comparison.wording:
            terms = " / ".join(f"{md(names.get(s, s))}: *{md(t)}*" for s, t in wording.terms)
            out.append(f"- {terms} — {md(wording.note)}")
    else:
        out.append("*No notable differences in wording.*")
    return out + [""]


# ---------------------------------------------------------------- site pages

def render_home(briefings: list[Briefing], site_name: str) -> str:
    # Out of search, like the archive: it only repeats briefings' headlines and first sentences
    out = ["---", "title: Latest briefings", "hide:", "  - toc", "search:", "  exclude: true", "---", "", "# Latest briefings", ""]
    if not briefings:
        return "\n".join(out + ["*No briefings yet: add articles under `content/articles/` and build again.*", ""])
    out += [f"{len(briefings)} stories from {len({s.key for b in briefings for s in b.story.sources})} outlets. "
            "Older stories are in the [archive](archive/index.md). "
            "Follow new and updated briefings by [RSS](feed.xml) or [Atom](atom.xml).", ""]
    for briefing in briefings[:LATEST_ON_HOME]:
        out += _teaser(briefing, prefix="")
    return "\n".join(out)


def _teaser(briefing: Briefing, prefix: str) -> list[str]:
    story = briefing.story
    outlets = ", ".join(md(s.name) for s in story.sources)
    lead = md(briefing.summary[0].text) if briefing.summary else ""
    return [
        f"### [{md(plain(briefing.headline))}]({prefix}{briefing_path(briefing)})",
        "",
        f"*{date_span(story.first_day, story.last_day)} · {outlets}*",
        "",
        lead,
        "",
    ]


def _month_of(day: date | None) -> str:
    return f"{day.year:04d}-{day.month:02d}" if day else "undated"


def render_archive(briefings: list[Briefing]) -> list[Page]:
    months: dict[str, list[tuple[date | None, Briefing]]] = defaultdict(list)
    for briefing in briefings:
        day = briefing.story.first_day  # looks through the articles: once a briefing, not for each use
        months[_month_of(day)].append((day, briefing))
    index = ["---", "title: Archive", "search:", "  exclude: true", "---", "", "# Archive", ""]
    pages = []
    for key in sorted(months, reverse=True):
        label = "Undated" if key == "undated" else f"{MONTHS[int(key[5:]) - 1]} {key[:4]}"
        items = months[key]
        index.append(f"- [{label}]({key}.md) — {len(items)} briefing{'s' if len(items) != 1 else ''}")
        lines = ["---", f"title: {label}", "search:", "  exclude: true", "---", "", f"# {label}", ""]
        for day, briefing in sorted(items, key=lambda item: (item[0] or date.min, item[1].story.slug), reverse=True):
            names = ", ".join(md(s.name) for s in briefing.story.sources)
            lines.append(f"- {format_day(day)}: [{md(plain(briefing.headline))}](../{briefing_path(briefing)}) — {names}")
        pages.append(Page(f"archive/{key}.md", "\n".join(lines) + "\n"))
    if not months:
        index.append("*No briefings yet.*")
    pages.append(Page("archive/index.md", "\n".join(index) + "\n"))
    return pages


KIND_TITLES = {"person": "People", "organisation": "Organisations", "place": "Places"}


def render_tags(briefings: list[Briefing], topics: frozenset[str] | None = None) -> list[Page]:
    """The topic index and one page for each topic (default: each name two briefings share)."""
    topics = topic_slugs(briefings) if topics is None else topics
    tagged: dict[str, list[Briefing]] = defaultdict(list)
    entity_of: dict[str, Entity] = {}
    for briefing in briefings:
        named: dict[str, Entity] = {}  # each topic once a briefing (was a list search: 1.2 s at 16,000 briefings)
        for entity in briefing.entities:
            named.setdefault(tag_slug(entity), entity)
        for slug, entity in named.items():
            if slug not in topics:
                continue
            entity_of.setdefault(slug, entity)
            tagged[slug].append(briefing)
    listed: dict[str, str] = {}  # a briefing's line, the same on each of its topics' pages

    def line(briefing: Briefing) -> str:
        if briefing.story.id not in listed:
            listed[briefing.story.id] = (f"- {format_day(briefing.story.first_day)}: "
                                         f"[{md(plain(briefing.headline))}](../{briefing_path(briefing)})")
        return listed[briefing.story.id]

    pages = []
    # Out of search like the topic pages: every name is already in its briefings' Tags
    index = ["---", "title: Topics", "search:", "  exclude: true", "---", "", "# Topics", "",
             "People, organisations and places named in two or more briefings.", ""]
    if not entity_of:
        index += ["*No name is shared by two briefings yet.*", ""]
    for kind, title in KIND_TITLES.items():
        slugs = sorted((s for s, e in entity_of.items() if e.kind == kind), key=lambda s: (-len(tagged[s]), s))
        if not slugs:
            continue
        index += [f"## {title}", ""]
        index.append(" · ".join(f"[{md(entity_of[s].name)}]({s}.md) ({len(tagged[s])})" for s in slugs))
        index.append("")
    for slug, entity in sorted(entity_of.items()):
        lines = ["---", f"title: {yaml_string(plain(entity.name) or slug)}", "search:", "  exclude: true", "---", "",
                 f"# {md(plain(entity.name))}", "", f"*{KIND_TITLES.get(entity.kind, 'Topic')[:-1]}*", ""]
        lines.extend(line(briefing) for briefing in tagged[slug])
        pages.append(Page(f"tags/{slug}.md", "\n".join(lines) + "\n"))
    pages.append(Page("tags/index.md", "\n".join(index) + "\n"))
    return pages


def render_sources(briefings: list[Briefing], sources: dict[str, Source]) -> str:
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
