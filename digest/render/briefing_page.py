"""One briefing's page: headline, dates and outlets, what changed, the cited summary, key figures,
the source comparison, the articles and the tags."""
from __future__ import annotations

from collections import Counter

import yaml

from ..config import Limits
from ..models import Briefing, Citation
from .citations import cited
from .comparison import render_comparison
from .markup import Markup, date_span, format_day, html_text, link, md, safe_url
from .paths import tag_links
from .storyline_page import StorylinePlace, storyline_links


def render_briefing(briefing: Briefing, markup: Markup, limits: Limits, topics: frozenset[str] | None = None,
                    place: StorylinePlace | None = None) -> str:
    """One briefing's page (Markdown with front matter); `topics` are the tags with a topic page
    (None: all of them); `place` is the event's place in its storyline."""
    story = briefing.story
    names = {s.key: s.name for s in story.sources}
    anchors = {a.id: f"article-{i}" for i, a in enumerate(story.articles, 1)}
    urls = {a.id: a.url for a in story.articles}

    targets = {a: safe_url(urls.get(a)) or f"#{anchors[a]}" for a in anchors}

    def cite(citations: tuple[Citation, ...], said: str = "") -> str:
        return cited(citations, names, targets, markup, said)

    out = [_front_matter(briefing, markup), f"# {md(briefing.headline)}", ""]
    outlets = ", ".join(md(s.name) for s in story.sources)
    count = len(story.articles)
    out += [f"*{date_span(story.first_day, story.last_day)} · {outlets} · {count} article{'s' if count != 1 else ''}*", ""]
    history = briefing.history
    if history.first_published and history.last_updated and history.last_updated.date() != history.first_published.date():
        out += [f"First published {format_day(history.first_published.date())} · last updated {format_day(history.last_updated.date())}", markup.unsearched_paragraph, ""]
    if history.changes:
        out += ["**What changed in the last update:** " + "; ".join(md(c) for c in history.changes) + ".", markup.unsearched_paragraph, ""]
    links = storyline_links(place)
    if links:
        out += [links[0], markup.unsearched_paragraph, ""]

    if briefing.failure:
        out += ["*This story's analysis failed, so it has no summary, key figures or comparison yet; "
                "its articles are listed below.*", ""]
        out += [markup.unsearched_sections[0], ""]
    else:
        out += ["## Summary", ""]
        for sentence in briefing.summary:
            out.append(f"- {md(sentence.text)} {cite(sentence.citations, sentence.text)}")
        out.append("")

        out += _render_figures(briefing, names, markup)
        out += [markup.unsearched_sections[0], ""]
        out += render_comparison(briefing.comparison, names, cite)

    out += ["## Articles", ""]
    if len(story.articles) > limits.max_analysed_articles:
        out += [f"*This story has {len(story.articles)} articles; the summary, figures and comparison are drawn from the newest {limits.max_analysed_articles}"
                + (f", and the {limits.max_listed_articles} newest are listed here (all are in briefings.json)" if len(story.articles) > limits.max_listed_articles else "") + ".*", ""]
    for article in story.articles[-limits.max_listed_articles:]:
        meta = [md(names.get(article.source.key, article.source.name)), format_day(article.day)]
        if article.author:
            meta.append(f"by {md(article.author)}")
        title = link(article.headline, article.url)
        note = " (headline taken from the text)" if article.title_inferred else ""
        if article.summary_only:
            note += " (the feed's summary only: the page could not be read)"
        licence = f" · {md(article.license)}" if article.license else ""
        out.append(f'- <span id="{anchors[article.id]}"></span>{title}{note} — {" · ".join(meta)}{licence}')
    out += ["", markup.unsearched_sections[1], ""]

    if briefing.entities:
        out += ["## Tags", ""]
        out.append(tag_links(briefing.entities, topics))
        out.append("")
    return "\n".join(out)


def _front_matter(briefing: Briefing, markup: Markup) -> str:
    meta = {"title": html_text(briefing.headline) or "Briefing", "lang": story_language(briefing.story)}
    if briefing.summary:
        meta["description"] = html_text(briefing.summary[0].text, 200)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000) + "".join(f"{line}\n" for line in markup.reading_page) + "---\n"


def story_language(story) -> str:
    """The language most of a story's articles are written in (the page's language: search
    segments its words by it)."""
    counts = Counter(article.lang for article in story.articles)
    return min(counts, key=lambda lang: (-counts[lang], lang)) if counts else "en"


MAX_OUTLETS_SHOWN = 8
"""Outlets a key figure's row names (a wire figure in twenty outlets would fill a screen)."""


def _render_figures(briefing: Briefing, names: dict[str, str], markup: Markup) -> list[str]:
    unsearched = markup.unsearched
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
            values = sorted({r.figure.display for r in reports})
            if values != [figure.label]:
                detail.append(", ".join(values))
            detail += qualifiers
            speakers = sorted({r.speaker for r in reports if r.speaker})
            if speakers:
                detail.append("according to " + " and ".join(speakers))
            by.append(md(names.get(source, source)) + (f" ({md('; '.join(detail))})" if detail else ""))
        if len(by) > MAX_OUTLETS_SHOWN:  # the rest are in the briefing's detail file
            by = by[: MAX_OUTLETS_SHOWN - 1] + [f"and {len(by) - MAX_OUTLETS_SHOWN + 1} more outlets"]
        counts = md(figure.counts)
        context = unsearched(md(f"“{figure.context}”")) if figure.context else ""
        what = f"{counts}<br>{context}" if counts and context else counts or context
        out.append(f"| {md(figure.label)} | {what} | {unsearched('<br>'.join(by))} |")
    return out + [""]
