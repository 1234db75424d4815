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
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

try:  # the same matcher, compiled
    from cydifflib import SequenceMatcher
except ImportError:  # pragma: no cover - a declared dependency
    from difflib import SequenceMatcher

from ..models import Figure, FigureDifference, FigureReport, KeyFigure, Quote
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
_CLAUSE_BREAK_RE = re.compile(r"[,;:]|\b(?:and|but|said|says|that|while|which|who)\b")
"""Where the words before a figure leave its clause: 'the victims and said all 26 bridges' counts no victims."""
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_CONVERSION_BEFORE_RE = re.compile(r"\(\s*(?:about|around|some|approximately|roughly|nearly|almost|~)?\s*$", re.IGNORECASE)


def figure_reports(story_text: StoryText, speakers: dict[tuple[str, int], str]) -> list[FigureReport]:
    """Every figure of every analysed sentence, with its outlet, article, sentence and speaker."""
    reports = []
    for item in story_text.sentences:
        for figure in extract_figures(item.text, item.article.lang):
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
    before = _CLAUSE_BREAK_RE.split(report.sentence[max(0, figure.start - 40) : figure.start].lower())[-1].split()[-4:]
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


def figure_differences(reports: list[FigureReport], key_figures: list[KeyFigure], story_text: StoryText,
                       quotes: list[Quote] = ()) -> list[FigureDifference]:
    """Where the outlets differ on a figure, most important first (the key figures in their order,
    then other counted things, then quotes): a different value for one thing ("275" / "300"), the
    same value credited to different speakers ("the coalition" / "Talal Selo"), and the same quote
    worded differently. A qualifier only one outlet states ("200-300" / "no more than 200-300",
    "nearly four months" / "four months") is no difference of value; ages and conversions are not
    compared (two people's ages are no conflict)."""
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
    skipped = conversions(reports)
    by_noun: dict[str, list[FigureReport]] = defaultdict(list)
    for i, report in enumerate(reports):
        noun = head_noun(report.figure)
        if noun and report.figure.qualifier != "vague" and not is_age(report.figure) and i not in skipped:
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
