"""Figures across outlets: which outlet reports which value, merged into key figures."""
from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from ..models import FigureDifference, FigureReport, KeyFigure
from .figures import display_value, extract_figures, figure_key, head_noun
from .sentences import StoryText

MAX_KEY_FIGURES = 10
MAX_COMPARED_REPORTS = 40
MAX_FIGURE_DIFFERENCES = 15
"""Differences listed per briefing: those of the key figures first, then of other counted things."""
ROUND_SMALL = 12  # small numbers and round hundreds need the same counted noun to match


def figure_reports(story_text: StoryText, speakers: dict[tuple[str, int], str]) -> list[FigureReport]:
    reports = []
    for item in story_text.sentences:
        for figure in extract_figures(item.text):
            reports.append(
                FigureReport(
                    figure=figure, source=item.source, article_id=item.article.id, sentence=item.text,
                    speaker=speakers.get((item.article.id, item.sentence.index)),
                )
            )
    return reports


def _distinctive(report: FigureReport) -> bool:
    value = report.figure.low or 0
    return value > ROUND_SMALL and value % 100 != 0 and report.figure.high == report.figure.low


def merge_figures(reports: list[FigureReport], importance: dict[str, float], story_text: StoryText) -> list[KeyFigure]:
    """Group reports of the same figure; rank by how many outlets report it, then by importance."""
    index = {item.text: i for i, item in enumerate(story_text.sentences)}

    def similarity(a: FigureReport, b: FigureReport) -> float:
        i, j = index.get(a.sentence), index.get(b.sentence)
        return float(story_text.similarity[i, j]) if i is not None and j is not None else 0.0

    groups: list[list[FigureReport]] = []
    # Only reports of one value can merge; each group with the counted noun of its first report
    by_value: dict[tuple, list[tuple[list[FigureReport], str | None]]] = defaultdict(list)
    for report in reports:
        if not report.figure.counts and not report.figure.unit:
            continue  # a bare number says nothing a reader can use
        if report.figure.low == report.figure.high == 1 and not report.figure.text[:1].isdigit():
            continue  # "one of the first cities": a word more than a figure
        candidates = by_value[figure_key(report.figure)]
        noun = head_noun(report.figure)
        for group, group_noun in candidates:
            # The same counted thing; a vague amount ('hundreds') also needs the same context
            if group[0].figure.qualifier == "vague":
                same = group_noun == noun and similarity(group[0], report) >= 0.3
            else:
                same = group_noun == noun or _distinctive(group[0])
            if same:
                group.append(report)
                break
        else:
            groups.append([report])
            candidates.append((groups[-1], noun))

    def rank(group: list[FigureReport]):
        outlets = len({r.source for r in group})
        best = max(importance.get(r.sentence, 0.0) for r in group)
        # "two years" alone says less than "four months of battle" or "275 militants"
        bare = all((r.figure.counts or "") == (r.figure.unit or "") for r in group)
        return (bare, -outlets, -best, group[0].sentence, group[0].figure.start)

    key_figures = []
    for group in sorted(groups, key=rank)[:MAX_KEY_FIGURES]:
        # The most important sentence reporting the figure describes it best
        first = max(group, key=lambda r: (importance.get(r.sentence, 0.0), -r.figure.start))
        key_figures.append(
            KeyFigure(
                label=display_value(first.figure),
                counts=first.figure.counts or first.figure.unit or "",
                context=_context(first),
                reports=_distinct(sorted(group, key=lambda r: (r.source, r.article_id, r.figure.start))),
            )
        )
    return key_figures


def _distinct(reports: list[FigureReport]) -> tuple[FigureReport, ...]:
    """Each outlet's first report of each way of giving the figure (value, qualifier, speaker):
    a wire story repeating "275 militants" in every update says it once."""
    seen, kept = set(), []
    for report in reports:
        key = (report.source, display_value(report.figure), report.figure.qualifier, report.speaker)
        if key not in seen:
            seen.add(key)
            kept.append(report)
    return tuple(kept)


def _context(report: FigureReport) -> str:
    """The clause around the figure: '275 Syrian militants left along with their family members'."""
    sentence = report.sentence
    start = report.figure.start
    end = sentence.find(",", report.figure.end)
    stop = min([i for i in (end, sentence.find(";", report.figure.end), len(sentence)) if i != -1])
    clause = re.sub(r"[\"“”]", "", sentence[start:stop]).strip().rstrip(".")
    words = clause.split()
    return " ".join(words[:14]) + (" …" if len(words) > 14 else "")


def figure_differences(reports: list[FigureReport], key_figures: list[KeyFigure], story_text: StoryText) -> list[FigureDifference]:
    """Where outlets give different numbers (or qualify the same number differently) for one thing."""
    differences = []
    for key in key_figures:
        if len(key.sources) < 2:
            continue
        shown = {}
        for report in key.reports:
            qualifier = report.figure.qualifier if report.figure.qualifier not in (None, "range") else ""
            shown.setdefault(report.source, (f"{qualifier} {display_value(report.figure)}".strip(), report.sentence))
        if len({v[0].lower().replace(" to ", "-") for v in shown.values()}) > 1:
            differences.append(FigureDifference(key.counts, tuple((s, v[0], v[1]) for s, v in sorted(shown.items()))))
    index = {item.text: i for i, item in enumerate(story_text.sentences)}
    by_noun: dict[str, list[FigureReport]] = defaultdict(list)
    for report in reports:
        noun = head_noun(report.figure)
        if noun and report.figure.qualifier != "vague":
            by_noun[noun].append(report)
    seen = set()
    for noun, group in sorted(by_noun.items()):
        group = group[:MAX_COMPARED_REPORTS]  # the earliest reports of a much-counted thing are enough
        for a in group:
            for b in group:
                if a.source >= b.source or figure_key(a.figure) == figure_key(b.figure):
                    continue
                i, j = index.get(a.sentence), index.get(b.sentence)
                if i is None or j is None or story_text.similarity[i, j] < 0.3:
                    continue
                pair = (noun, a.source, b.source)
                if pair in seen:
                    continue
                seen.add(pair)
                differences.append(FigureDifference(
                    a.figure.counts or noun,
                    ((a.source, a.figure.text, a.sentence), (b.source, b.figure.text, b.sentence)),
                ))
                if len(differences) >= MAX_FIGURE_DIFFERENCES:
                    return differences
    return differences[:MAX_FIGURE_DIFFERENCES]
