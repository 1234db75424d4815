"""Figures across outlets: which outlet reports which value, merged into key figures."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import numpy as np

try:  # the same matcher, compiled
    from cydifflib import SequenceMatcher
except ImportError:  # pragma: no cover - a declared dependency
    from difflib import SequenceMatcher

from ..models import FigureDifference, FigureReport, KeyFigure, Quote
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


def figure_differences(reports: list[FigureReport], key_figures: list[KeyFigure], story_text: StoryText,
                       quotes: list[Quote] = ()) -> list[FigureDifference]:
    """Where the outlets differ on a figure, most important first (the key figures in their order,
    then other counted things, then quotes): a different value for one thing ("275" / "300"), the
    same value credited to different speakers ("the coalition" / "Talal Selo"), and the same quote
    worded differently. A qualifier only one outlet states ("200-300" / "no more than 200-300",
    "nearly four months" / "four months") is no difference of value."""
    differences = []
    for key in key_figures:
        if len(key.sources) < 2:
            continue
        values = {}
        for report in key.reports:
            values.setdefault(report.source, report)
        if len({_value(r.figure) for r in values.values()}) > 1:
            differences.append(FigureDifference(key.counts, tuple((s, display_value(r.figure), r.sentence) for s, r in sorted(values.items()))))
        speakers = {}
        for report in key.reports:
            if report.speaker:
                speakers.setdefault(report.source, report)
        if len(speakers) > 1 and len({_speaker_key(r.speaker) for r in speakers.values()}) > 1:
            differences.append(FigureDifference(
                key.counts or key.label, tuple((s, display_value(r.figure), r.sentence) for s, r in sorted(speakers.items())),
                "attribution", tuple((s, r.speaker) for s, r in sorted(speakers.items()))))
    differences.extend(_other_value_differences(reports, story_text, {d.values for d in differences},
                                                MAX_FIGURE_DIFFERENCES - len(differences)))
    differences.extend(_quote_differences(quotes))
    return differences[:MAX_FIGURE_DIFFERENCES]


def _value(figure) -> tuple:
    """The value alone, whatever the qualifier ('nearly', 'no more than')."""
    return (figure.low, figure.high, figure.unit)


def _speaker_key(speaker: str) -> str:
    return speaker.lower().removeprefix("the ").split()[-1]


def _other_value_differences(reports: list[FigureReport], story_text: StoryText, seen_values: set,
                             limit: int) -> list[FigureDifference]:
    """Different values for one counted thing in closely matching sentences of two outlets."""
    index = {item.text: i for i, item in enumerate(story_text.sentences)}
    by_noun: dict[str, list[FigureReport]] = defaultdict(list)
    for report in reports:
        noun = head_noun(report.figure)
        if noun and report.figure.qualifier != "vague":
            by_noun[noun].append(report)
    found, seen = [], set()
    for noun, group in sorted(by_noun.items()):
        group = group[:MAX_COMPARED_REPORTS]  # the earliest reports of a much-counted thing are enough
        for a in group:
            for b in group:
                if a.source >= b.source or _value(a.figure) == _value(b.figure):
                    continue
                i, j = index.get(a.sentence), index.get(b.sentence)
                if i is None or j is None or story_text.similarity[i, j] < 0.3 or (noun, a.source, b.source) in seen:
                    continue
                seen.add((noun, a.source, b.source))
                values = ((a.source, a.figure.text, a.sentence), (b.source, b.figure.text, b.sentence))
                if values not in seen_values:
                    found.append(FigureDifference(a.figure.counts or noun, values))
                    if len(found) >= limit:
                        return found
    return found


QUOTES_COMPARED = 3
"""A speaker's first quotes per outlet that are compared for wording."""
_QUOTED_RE = re.compile(r"[\"“]([^\"“”]{12,})[\"”]")


def _quote_differences(quotes: list[Quote]) -> list[FigureDifference]:
    """The same speaker's quote as two outlets word it, when the wording differs (not identical,
    most of it shared)."""
    found, seen = [], set()
    by_speaker: dict[str, list[tuple[Quote, bool]]] = defaultdict(list)
    per_outlet: Counter = Counter()
    for quote in quotes:
        per_outlet[(quote.speaker, quote.source)] += 1
        if per_outlet[(quote.speaker, quote.source)] <= QUOTES_COMPARED:
            by_speaker[quote.speaker].append((quote, bool(_QUOTED_RE.search(quote.sentence))))
    for speaker, said in sorted(by_speaker.items()):
        for a, a_quoted in said:
            for b, b_quoted in said:
                if a.source >= b.source or not (a_quoted or b_quoted) or (speaker, a.source, b.source) in seen:
                    continue  # reported speech on both sides: no wording to compare
                left, right = _quoted(a.sentence), _quoted(b.sentence)
                if _words_differ(left, right) and 0.6 <= _shared_share(left, right) < 1.0:
                    seen.add((speaker, a.source, b.source))
                    found.append(FigureDifference(f"quote of {speaker}", ((a.source, left, a.sentence), (b.source, right, b.sentence)), "quote"))
    return found


def _quoted(sentence: str) -> str:
    match = _QUOTED_RE.search(sentence)
    return match.group(1) if match else sentence


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.lower())


def _words_differ(left: str, right: str) -> bool:
    """Neither quote's words appear whole, in order, in the other (one outlet quoting more of it is no difference)."""
    a, b = " ".join(_words(left)), " ".join(_words(right))
    return a not in b and b not in a


def _shared_share(left: str, right: str) -> float:
    """Share of the shorter quote's words that line up with the other's."""
    a, b = _words(left), _words(right)
    matched = sum(block.size for block in SequenceMatcher(a=a, b=b, autojunk=False).get_matching_blocks())
    return matched / max(min(len(a), len(b)), 1)
