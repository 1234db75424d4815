"""The briefing stage: a story -> its briefing (summary, key figures, source comparison, entities).

`build_briefing` is a pure function of one story; the build maps it over the stories on the
runtime's workers and keeps the results between builds (runtime/store.py).
"""
from __future__ import annotations

import traceback
from collections import Counter
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import numpy as np

from ..config import Limits
from ..models import Briefing, Comparison, Quote, Story
from .compare import comparison_of
from .names import StoryNames, quotes_by_article, story_names
from .keyfigures import figure_reports, merge_figures
from .sentences import StoryText, display_text, story_text
from .summary import sentence_scores, summarize
from .support import stem, terms_of


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
    summary = summarize(text, scores=scores)
    return Briefing(
        story=story,
        headline=headline(analysed, text),
        summary=summary,
        figures=tuple(key_figures),
        comparison=comparison_of(text, scores, reports, key_figures, quotes, summary),
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
    empty = Comparison(**{f.name: () for f in fields(Comparison)})
    return Briefing(story, _safe_headline(story), (), (), empty, failure=f"{type(exc).__name__}: {exc}{where}")


def _safe_headline(story: Story) -> str:
    """The founding article's real title, else its inferred one: no analysis that could fail again."""
    titled = [a for a in story.articles if not a.title_inferred]
    return (titled or list(story.articles))[0].headline if story.articles else "Untitled story"


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


def headline(story: Story, text: StoryText | None = None) -> str:
    """The outlets' own headline most central to the story as it stands now (its words the most
    widely used in the story's sentences, the newest day's counting double), among the real
    titles, else among the inferred ones; never one that cannot stand as a headline (a caption,
    a fragment), never empty. Ties go to the newest article."""
    text = text if text is not None else story_text(story)
    real = [a for a in story.articles if not a.title_inferred and usable_headline(a.headline)]
    pool = real or [a for a in story.articles if usable_headline(a.headline)] or list(story.articles)
    if len(pool) == 1:
        return pool[0].headline
    weights = _term_weights(text, story.last_day)
    return max(reversed(pool), key=lambda a: _centrality(a.headline, weights)).headline


def usable_headline(title: str) -> bool:
    """At least three words, and not a caption credit or a list item."""
    words = title.split()
    return len(words) >= 3 and title[:1] not in "*•-–—(" and not title.lower().startswith(("photo", "image", "file photo"))


def _term_weights(text: StoryText, newest: date | None) -> Counter:
    weights: Counter = Counter()
    if text.vectors is None:
        return weights
    vocabulary = text.remembered("vectorizer", lambda: None).get_feature_names_out()
    recency = np.array([2.0 if newest and item.article.day == newest else 1.0 for item in text.sentences])
    used = np.asarray((text.vectors > 0).T @ recency).ravel()  # per word: sentences using it, the newest day's twice
    for word, weight in zip(vocabulary.tolist(), used.tolist()):
        weights[stem(word)] += weight
    return weights


def _centrality(title: str, weights: Counter) -> float:
    terms = terms_of(title).content
    cut = 0.8 if title.endswith("…") else 1.0  # a first sentence cut to headline length reads worse
    return cut * sum(weights[t] for t in terms) / (len(terms) ** 0.5) if terms else 0.0


__all__ = ["StoryText", "analysed_part", "brief", "build_briefing", "failed_briefing", "headline", "usable_headline"]
