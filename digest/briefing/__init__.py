"""The briefing stage: a story -> its briefing (summary, key figures, source comparison, entities).

`build_briefing` is a pure function of one story; the build maps it over the stories on the
runtime's workers and keeps the results between builds (runtime/store.py).
"""
from __future__ import annotations

import traceback
from dataclasses import replace
from pathlib import Path

from ..config import Limits
from ..models import Briefing, Comparison, Quote, Story
from .compare import comparison_of
from .names import StoryNames, quotes_by_article, story_names
from .keyfigures import figure_reports, merge_figures
from .sentences import StoryText, display_text, story_text
from .summary import sentence_scores, summarize


def analysed_part(story: Story, limits: Limits) -> Story:
    """The story, or its newest `limits.max_analysed_articles` articles (the page says so)."""
    if len(story.articles) <= limits.max_analysed_articles:
        return story
    newest = story.articles[-limits.max_analysed_articles :]  # articles are in date order
    return replace(story, articles=newest)


def build_briefing(story: Story, limits: Limits = Limits()) -> Briefing:
    """The whole briefing of one story."""
    analysed = analysed_part(story, limits)
    text = story_text(analysed)
    scores = sentence_scores(text)
    names = story_names(analysed.articles)
    entities = names.entities
    quotes, speakers = _quotes_and_speakers(analysed, names)
    importance = {item.text: float(score) for item, score in zip(text.sentences, scores)}
    reports = figure_reports(text, speakers)
    key_figures = merge_figures(reports, importance, text)
    return Briefing(
        story=story,
        headline=headline(story),
        summary=summarize(text, scores=scores),
        figures=tuple(key_figures),
        comparison=comparison_of(text, scores, reports, key_figures, quotes),
        entities=tuple(entities[:15]),
    )


def brief(story: Story, limits: Limits = Limits()) -> Briefing:
    """The story's briefing, or, when its analysis fails, a briefing of what is safe (headline,
    articles, dates) that records why: one broken story never stops the build of the others."""
    try:
        return build_briefing(story, limits)
    except Exception as exc:  # anything the analysis of odd text raises
        return failed_briefing(story, exc)


def failed_briefing(story: Story, exc: BaseException) -> Briefing:
    """A briefing with no analysis: the story's headline and articles, and the exception."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {'/'.join(Path(frames[-1].filename).parts[-2:])}:{frames[-1].lineno}" if frames else ""
    empty = Comparison((), (), (), (), (), ())
    return Briefing(story, _safe_headline(story), (), (), empty, failure=f"{type(exc).__name__}: {exc}{where}")


def _safe_headline(story: Story) -> str:
    try:
        return headline(story)
    except Exception:  # the headline is plain data; this guards the guard
        return story.articles[0].headline if story.articles else "Untitled story"


def _quotes_and_speakers(story: Story, names: StoryNames) -> tuple[list[Quote], dict[tuple[str, int], str]]:
    """Every attributed sentence as a Quote (as shown: an article's first sentence without its
    dateline), and (article id, sentence index) -> its speaker."""
    quotes: list[Quote] = []
    speakers: dict[tuple[str, int], str] = {}
    for article in story.articles:
        spoken: dict[str, str] = {}
        shown = {s.text: display_text(s) for s in article.sentences[:1]}
        for speaker, sentence in quotes_by_article(article, names):
            quotes.append(Quote(speaker, article.source.key, article.id, shown.get(sentence, sentence)))
            spoken[sentence] = speaker  # a sentence quoted twice goes to its last speaker
        if not spoken:
            continue
        for index, sentence in enumerate(article.sentences):
            if sentence.text in spoken:
                speakers[(article.id, index)] = spoken[sentence.text]
    return quotes, speakers


def headline(story: Story) -> str:
    """The founding article's title when it has a real one, else any real title, else the inferred one."""
    titled = [a for a in story.articles if not a.title_inferred]
    return (titled[0] if titled else story.articles[0]).headline


__all__ = ["StoryText", "analysed_part", "brief", "build_briefing", "failed_briefing", "headline"]
