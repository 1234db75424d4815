"""Story -> briefing: summary, key figures, source comparison and entities."""
from __future__ import annotations

from dataclasses import replace

from ..models import Briefing, Comparison, Quote, Story
from . import compare
from .names import quotes_by_article, story_names
from .keyfigures import figure_differences, figure_reports, merge_figures
from .sentences import story_text
from .summary import sentence_scores, summarize


MAX_ANALYSED_ARTICLES = 80
"""A story with more articles is summarised and compared from its newest ones (the page says so)."""


def analysed_part(story: Story) -> Story:
    if len(story.articles) <= MAX_ANALYSED_ARTICLES:
        return story
    newest = story.articles[-MAX_ANALYSED_ARTICLES:]  # articles are in date order
    return replace(story, articles=newest)


def build_briefing(story: Story) -> Briefing:
    analysed = analysed_part(story)
    text = story_text(analysed)
    scores = sentence_scores(text)
    names = story_names(analysed.articles)
    entities = names.entities

    quotes: list[Quote] = []
    speakers: dict[tuple[str, int], str] = {}
    for article in analysed.articles:
        spoken: dict[str, str] = {}
        for speaker, sentence in quotes_by_article(article, names):
            quotes.append(Quote(speaker, article.source.key, article.id, sentence))
            spoken[sentence] = speaker  # a sentence quoted twice goes to its last speaker
        if not spoken:
            continue
        for index, sentence in enumerate(article.sentences):
            if sentence.text in spoken:
                speakers[(article.id, index)] = spoken[sentence.text]

    importance = {item.text: float(score) for item, score in zip(text.sentences, scores)}
    reports = figure_reports(text, speakers)
    key_figures = merge_figures(reports, importance, text)
    comparison = Comparison(
        outlets=tuple(compare.outlet_views(text)),
        shared=tuple(compare.shared_facts(text, scores)),
        exclusive=tuple(compare.exclusive_facts(text, scores)),
        figure_differences=tuple(figure_differences(reports, key_figures, text)),
        quotes=tuple(compare.quotes_table(quotes)),
        wording=tuple(compare.wording_differences(text)),
    )
    return Briefing(
        story=story,
        headline=headline(story),
        summary=summarize(text, scores=scores),
        figures=tuple(key_figures),
        comparison=comparison,
        entities=tuple(entities[:15]),
    )


def headline(story: Story) -> str:
    """The founding article's title when it has a real one, else any real title, else the inferred one."""
    titled = [a for a in story.articles if not a.title_inferred]
    return (titled[0] if titled else story.articles[0]).headline
