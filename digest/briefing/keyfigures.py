"""Figures across outlets: which outlet reports which value, merged into key figures and ranked.

A key figure is one quantity of the story however often and in whatever unit it is given: the same
value and counted thing from several outlets, "7.0 quake" and "7.0 magnitude earthquake", "190 miles
(306 km)". Key figures are ranked by how central they are: reported by more outlets, given in an
article's lead, about the story's core (casualties, then money, then counted things); a figure from a
sentence that is far from the story (background: "130 people in Paris" in a Raqqa briefing) comes after.
Ages ("Maddon, 66,") and conversions in brackets are never rows of their own.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from ..models import Figure, FigureDifference, FigureReport, KeyFigure
from .figures import display_value, extract_figures, figure_key, head_noun
from .figures.lexicon import CASUALTY_WORDS, CURRENCY_WORDS, DIMENSIONS
from .sentences import StoryText

MAX_KEY_FIGURES = 10
MAX_COMPARED_REPORTS = 40
MAX_FIGURE_DIFFERENCES = 15
"""Differences listed per briefing: those of the key figures first, then of other counted things."""
ROUND_SMALL = 12  # small numbers and round hundreds need the same counted noun to match
LEAD_SENTENCES = 3
"""An article's lead: its first three sentences (headline-like first lines included)."""
BACKGROUND_IMPORTANCE = 0.5
"""A figure whose best sentence scores under half the story's median sentence is background; so is one
whose every sentence dates itself before its article's year ("in November 2015" in a 2017 report)."""
CONVERSION_TOLERANCE = 0.03
"""Converted values are rounded: 190 miles is 305.8 km, given as 306 km; 300 km as 190 miles."""

_CURRENCIES = frozenset(CURRENCY_WORDS.values()) | {"AUD", "CAD", "HKD", "NZD", "SGD", "MYR", "INR"}
_CASUALTY_NOUNS = frozenset(w[:-1] if w.endswith("s") else w for w in CASUALTY_WORDS) | {"death", "casualty", "body", "life"}
_FOLLOWING_WORDS_RE = re.compile(r"[\s,]*((?:[A-Za-z'’-]+\s*){1,4})")
_AUXILIARIES = frozenset({"were", "was", "are", "is", "have", "has", "had", "been", "be", "reportedly", "later", "also",
                          "people", "more", "others", "and", "all", "now", "still", "being"})
_CASUALTY_BEFORE = frozenset({"killing", "killed", "kills", "kill", "injuring", "injured", "wounding", "wounded",
                              "toll", "dead", "deaths", "claimed", "claiming", "victims", "casualties"})
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_CONVERSION_BEFORE_RE = re.compile(r"\(\s*(?:about|around|some|approximately|roughly|nearly|almost|~)?\s*$", re.IGNORECASE)


def figure_reports(story_text: StoryText, speakers: dict[tuple[str, int], str]) -> list[FigureReport]:
    """Every figure of every analysed sentence, with its outlet, article, sentence and speaker."""
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


def is_age(figure: Figure) -> bool:
    """'Maddon, 66,', 'the 65-year-old': a person's age describes them; it counts nothing."""
    return bool(figure.unit and figure.unit.endswith(" of age"))


def conversions(reports: list[FigureReport]) -> set[int]:
    """Indexes of reports that restate the figure before them in another unit: '190 miles (306 km)'."""
    converted = set()
    for i in range(1, len(reports)):
        before, report = reports[i - 1], reports[i]
        if before.sentence is not report.sentence and before.sentence != report.sentence:
            continue
        between = report.sentence[before.figure.end : report.figure.start]
        if len(between) > 16 or not _CONVERSION_BEFORE_RE.search(between):
            continue
        if _dimension(before.figure) and _dimension(before.figure) == _dimension(report.figure) \
                or before.figure.unit in _CURRENCIES and report.figure.unit in _CURRENCIES:
            converted.add(i)
    return converted


def is_casualty(report: FigureReport) -> bool:
    """'310,000 injured', 'Dozens were hurt', '222,570 deaths': a count of people hurt, killed or missing."""
    figure = report.figure
    if figure.unit:
        return False
    if figure.counts and head_noun(figure) in _CASUALTY_NOUNS:
        return True
    before = report.sentence[max(0, figure.start - 40) : figure.start].lower().split()[-4:]
    if any(word.strip(",.") in _CASUALTY_BEFORE for word in before):
        return True  # "killing at least 120 people", "the death toll rose to 3,000"
    following = _FOLLOWING_WORDS_RE.match(report.sentence, figure.end)
    if not following:
        return False
    for word in following.group(1).lower().split():
        if word in CASUALTY_WORDS:
            return True
        if word not in _AUXILIARIES:
            return False
    return False


@dataclass
class _Group:
    reports: list[FigureReport]
    noun: str | None

    @property
    def first(self) -> Figure:
        return self.reports[0].figure


def merge_figures(reports: list[FigureReport], importance: dict[str, float], story_text: StoryText) -> list[KeyFigure]:
    """Group reports of one quantity; rank the groups by centrality, background last.

    `importance` maps a sentence to its summary score (higher: closer to the story's centre)."""
    index = {item.text: i for i, item in enumerate(story_text.sentences)}
    lead = {item.text for item in story_text.sentences if item.sentence.index < LEAD_SENTENCES}

    def similarity(a: FigureReport, b: FigureReport) -> float:
        i, j = index.get(a.sentence), index.get(b.sentence)
        return float(story_text.similarity[i, j]) if i is not None and j is not None else 0.0

    groups: list[_Group] = []
    by_value: dict[tuple, list[_Group]] = defaultdict(list)
    by_dimension: dict[str, list[_Group]] = defaultdict(list)
    skipped = conversions(reports)
    for i, report in enumerate(reports):
        figure = report.figure
        if i in skipped or is_age(figure) or _says_nothing(report):
            continue
        noun = head_noun(figure) if figure.counts else None
        group = _same_quantity(report, noun, by_value, by_dimension, similarity)
        if group is None:
            group = _Group([], noun)
            groups.append(group)
            by_value[_value_key(figure)].append(group)
            if _dimension(figure):
                by_dimension[_dimension(figure)[0]].append(group)
        group.reports.append(report)
        group.noun = group.noun or noun

    median = _median([importance.get(item.text, 0.0) for item in story_text.sentences])
    dated_before = _sentences_dated_before_their_article(story_text)

    def rank(group: _Group):
        outlets = len({r.source for r in group.reports})
        best = max(importance.get(r.sentence, 0.0) for r in group.reports)
        in_lead = any(r.sentence in lead for r in group.reports)
        # Background: another time's figure last, then figures of sentences far from the story
        background = 0 if outlets > 1 or in_lead else 2 if all(r.sentence in dated_before for r in group.reports) \
            else 1 if best < BACKGROUND_IMPORTANCE * median else 0
        core = max(_core(r) for r in group.reports)
        return (background, -outlets, -(core + 2 * in_lead), -best, group.reports[0].sentence, group.first.start)

    key_figures = []
    for group in sorted(groups, key=rank)[:MAX_KEY_FIGURES]:
        # The most important sentence reporting the figure, saying what it counts, describes it best
        first = max(group.reports, key=lambda r: (bool(r.figure.counts), importance.get(r.sentence, 0.0), -r.figure.start))
        key_figures.append(
            KeyFigure(
                label=display_value(first.figure),
                counts=first.figure.counts or "",
                context=_context(first),
                reports=_distinct(sorted(group.reports, key=lambda r: (r.source, r.article_id, r.figure.start))),
            )
        )
    return key_figures


def _sentences_dated_before_their_article(story_text: StoryText) -> set[str]:
    """Sentences that name a year before their article's (undated articles: before the story's latest year)."""
    years = [a.published.year for a in {id(i.article): i.article for i in story_text.sentences}.values() if a.published]
    latest = max(years) if years else None
    dated = set()
    for item in story_text.sentences:
        year = item.article.published.year if item.article.published else latest
        mentioned = _YEAR_RE.findall(item.text) if year else ()
        if mentioned and max(int(y) for y in mentioned) < year:
            dated.add(item.text)
    return dated


def _says_nothing(report: FigureReport) -> bool:
    figure = report.figure
    if figure.low == figure.high == 1 and not figure.text[:1].isdigit():
        return True  # "one of the first cities": a word more than a figure
    # A bare number says nothing a reader can use, unless what follows says who it counts ("310,000 injured")
    return not figure.counts and not figure.unit and not is_casualty(report)


def _core(report: FigureReport) -> int:
    """How much of the story's core a figure is about: casualties 3, money 2, counted things 1, else 0."""
    if is_casualty(report):
        return 3
    if report.figure.unit in _CURRENCIES:
        return 2
    return 1 if report.figure.counts else 0


def _value_key(figure: Figure) -> tuple:
    return (round(figure.low or 0, 6), round(figure.high or 0, 6))


def _dimension(figure: Figure) -> tuple[str, float] | None:
    """(the quantity a unit measures, its factor to the base unit): 'miles' -> ('length', 1609.344)."""
    return DIMENSIONS.get(figure.unit or "")


def _same_quantity(report: FigureReport, noun: str | None, by_value, by_dimension, similarity) -> _Group | None:
    figure = report.figure
    for group in by_value.get(_value_key(figure), ()):
        other = group.first
        if other.qualifier == "vague" or figure.qualifier == "vague":
            # a vague amount ('hundreds') is one figure only with the same noun in a similar sentence
            if other.qualifier == figure.qualifier and group.noun == noun and similarity(group.reports[0], report) >= 0.3:
                return group
            continue
        if other.unit != figure.unit and other.unit is not None and figure.unit is not None:
            continue
        if _same_noun(group.noun, noun) or _distinctive(other) and (noun is None or group.noun is None or other.unit == figure.unit):
            return group
        if other.unit == figure.unit and figure.unit and (noun is None or group.noun is None):
            return group  # "four months" and "four months of battle"
    dimension = _dimension(figure)
    if dimension:
        for group in by_dimension.get(dimension[0], ()):
            if _converts_to(group.first, figure) and (noun is None or group.noun is None or _same_noun(group.noun, noun)):
                return group  # "190 miles" from one outlet, "306 km" from another
    return None


def _same_noun(a: str | None, b: str | None) -> bool:
    """The same counted thing: equal heads, or one a compound of the other ('quake', 'earthquake')."""
    if a is None or b is None:
        return a == b
    return a == b or (len(a) > 3 and len(b) > 3 and (a.endswith(b) or b.endswith(a)))


def _converts_to(a: Figure, b: Figure) -> bool:
    (dimension_a, factor_a), (dimension_b, factor_b) = _dimension(a), _dimension(b)
    if dimension_a != dimension_b or a.unit == b.unit or a.low is None or b.low is None:
        return False
    return all(math.isclose(x * factor_a, y * factor_b, rel_tol=CONVERSION_TOLERANCE)
               for x, y in ((a.low, b.low), (a.high, b.high)))


def _distinctive(figure: Figure) -> bool:
    value = figure.low or 0
    return value > ROUND_SMALL and value % 100 != 0 and figure.high == figure.low


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


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
    """Where outlets give different numbers (or qualify the same number differently) for one thing.
    Ages and conversions are not compared: two people's ages are no conflict."""
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
    skipped = conversions(reports)
    by_noun: dict[str, list[FigureReport]] = defaultdict(list)
    for i, report in enumerate(reports):
        noun = head_noun(report.figure)
        if noun and report.figure.qualifier != "vague" and not is_age(report.figure) and i not in skipped:
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
