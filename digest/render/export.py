"""Briefings and storylines -> briefings.json and the detail files: the digest, machine-readable.

briefings.json is the index (format_version 2): per briefing its id, slug, page, headline, dates,
outlets, storyline, articles (id, source, title, url, published) and `detail`, the path of a JSON
file beside its page with the rest (summary with citations, figures, quotes, comparison, names);
per storyline its id, slug, page, headline, dates, briefings oldest first and `detail` (summary,
timeline, figure ledger, names). The layout is a public interface: fields are added, never renamed.
A record is built from small parts, one function each; the comparison's parts follow its views.
"""
from __future__ import annotations

import json
from typing import Callable, Iterable, Iterator

from ..models import Article, Briefing, Citation, Comparison, KeyFigure, Outline, Storyline, StorylineBriefing, SummarySentence

FORMAT_VERSION = 2

Names = dict[str, str]
"""Outlet key -> outlet name."""


class _Detail:
    """What a detail file's parts share: the outlets' names, and its sentences, each written once
    with its outlet and article ("sentences"; parts refer to one by its index there: a sentence is
    often quoted by several figures and views)."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self.sentences: list[dict] = []
        self._index: dict[tuple[str, str], int] = {}

    def name(self, source: str) -> str:
        return self.names.get(source, source)

    def sentence(self, text: str, source: str, article: str | None = None) -> int:
        key = (text, source)
        if key not in self._index:
            self._index[key] = len(self.sentences)
            self.sentences.append(_without_empty({"text": text, "source": self.name(source), "article": article}))
        return self._index[key]


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def index_record(briefing: Outline, page: str, storyline: str | None) -> dict:
    """One briefing as briefings.json lists it; `page` is its address on the site."""
    story = briefing.story
    names = {s.key: s.name for s in story.sources}
    published = [a.published for a in story.articles if a.published]
    return {
        "id": story.id,
        "slug": story.slug,
        "page": page,
        "headline": briefing.headline,
        "first_published": _iso(min(published)) if published else None,
        "last_updated": _iso(max(published)) if published else None,
        "outlets": [s.name for s in story.sources],
        "storyline": storyline,
        "articles": [{"id": a.id, "source": names.get(a.source.key, a.source.name), "title": a.headline, "url": a.url,
                      "published": _iso(a.published)} for a in story.articles],
        "detail": detail_path(briefing),
    }


def detail_path(briefing: Outline) -> str:
    """Where a briefing's detail file lives on the site, beside its page."""
    return f"briefings/{briefing.story.slug}.json"


def briefing_record(briefing: Briefing) -> dict:
    """The rest of one briefing: its detail file. The sentences its figures, quotes and figure
    differences quote are listed once, with their outlet and article, in "sentences", and named by
    their index there."""
    story = briefing.story
    names = {s.key: s.name for s in story.sources}
    detail = _Detail(names)
    record = {
        "id": story.id,
        "format_version": FORMAT_VERSION,
        "changes": list(briefing.history.changes),
        "articles": [_article(a, names) for a in story.articles],
        "summary": [_sentence(s, detail) for s in briefing.summary],
        "figures": [_figure(f, detail) for f in briefing.figures],
        "quotes": _quotes(briefing, detail),
        "comparison": _comparison(briefing.comparison, detail),
        "entities": [{"name": e.name, "kind": e.kind} for e in briefing.entities],
    }
    record["sentences"] = detail.sentences
    if briefing.failure:
        record["analysis_failed"] = True
    return record


def _sentence(sentence: SummarySentence, detail: _Detail) -> dict:
    """A summary sentence and its citations: each outlet and article, and the outlet's own sentence
    that states the fact (by its index in "sentences")."""
    return {"text": sentence.text, "citations": [_without_empty({
        "source": detail.name(c.source), "article": c.article_id,
        "sentence": detail.sentence(c.sentence, c.source, c.article_id) if c.sentence else None}) for c in sentence.citations]}


def _article(article: Article, names: Names) -> dict:
    return {
        "id": article.id, "source": names.get(article.source.key, article.source.name), "title": article.headline,
        "title_inferred": article.title_inferred, "summary_only": article.summary_only, "url": article.url,
        "published": _iso(article.published), "author": article.author, "license": article.license,
    }


def _outlets(citations: tuple[Citation, ...], names: Names) -> list[str]:
    return sorted({names.get(c.source, c.source) for c in citations})


def _figure(figure: KeyFigure, detail: _Detail) -> dict:
    """A key figure and, per outlet reporting it, the article and sentence of its first report and
    what its reports say differently from the figure: other values, qualifiers, speakers."""
    shown = _representative(figure).figure
    record = {
        "text": shown.text, "display": figure.label, "value": shown.value, "low": shown.low, "high": shown.high,
        "unit": shown.unit, "counts": figure.counts, "context": figure.context, "qualifier": shown.qualifier,
    }
    by_outlet: dict[str, list] = {}
    for report in figure.reports:
        by_outlet.setdefault(report.source, []).append(report)
    record["outlets"] = [_without_empty({
        "sentence": detail.sentence(reports[0].sentence, source, reports[0].article_id),
        "values": sorted({r.figure.display for r in reports} - {figure.label}),
        "qualifiers": sorted({r.figure.qualifier for r in reports if r.figure.qualifier} - {shown.qualifier}),
        "speakers": sorted({r.speaker for r in reports if r.speaker}),
    }) for source, reports in by_outlet.items()]
    return record


def _without_empty(record: dict) -> dict:
    return {key: value for key, value in record.items() if value is not None and value != "" and value != []}


def _representative(key_figure: KeyFigure):
    """The report the key figure is labelled after."""
    for report in key_figure.reports:
        if report.figure.display == key_figure.label:
            return report
    return key_figure.reports[0]


def _quotes(briefing: Briefing, detail: _Detail) -> list[dict]:
    """One entry per speaker: a sentence that quotes them, and the outlets that do."""
    by_speaker: dict[str, dict] = {}
    for quote in briefing.comparison.quotes:
        entry = by_speaker.setdefault(quote.speaker, {"speaker": quote.speaker, "sentence": detail.sentence(quote.sentence, quote.source, quote.article_id), "sources": []})
        entry["sources"].append(detail.name(quote.source))
    return [dict(entry, sources=sorted(set(entry["sources"]))) for _, entry in sorted(by_speaker.items())]


# ---------------------------------------------------------------- the comparison, a view at a time

def _single_outlet(comparison: Comparison, detail: _Detail) -> bool:
    return comparison.single_outlet


def _outlet_views(comparison: Comparison, detail: _Detail) -> dict:
    exclusive: dict[str, list[str]] = {}
    for fact in comparison.exclusive:
        exclusive.setdefault(fact.citations[0].source, []).append(fact.text)
    return {
        detail.name(v.source): {
            "articles": v.articles, "words": v.words, "sentences": v.sentences, "focus": list(v.focus),
            "unique": exclusive.get(v.source, []),
        }
        for v in comparison.outlets
    }


def _shared(comparison: Comparison, detail: _Detail) -> list[dict]:
    return [{"text": f.text, "sources": _outlets(f.citations, detail.names)} for f in comparison.shared]


def _differences(comparison: Comparison, detail: _Detail) -> list[dict]:
    """Each difference: what it is about, its kind ("value", "attribution" or "quote") and each
    outlet's value (and for an attribution, whom it credits) with its sentence."""
    out = []
    for d in comparison.figure_differences:
        credited = dict(d.attributed)
        out.append({"counts": d.counts, "kind": d.kind, "values": [_without_empty({
            "value": v, "speaker": credited.get(s), "sentence": detail.sentence(t, s)}) for s, v, t in d.values]})
    return out


def _independence(comparison: Comparison, detail: _Detail) -> dict | None:
    for found in comparison.independence:
        return {"outlets": found.outlets, "independent": found.independent,
                "copies": [{"outlet": detail.name(a), "copied": detail.name(b), "found_by": how} for a, b, how in found.copies]}
    return None


def _wording(comparison: Comparison, detail: _Detail) -> list[dict]:
    return [{"terms": [{"source": detail.name(s), "term": t} for s, t in w.terms], "note": w.note} for w in comparison.wording]


COMPARISON_EXPORTS: tuple[tuple[str, Callable[[Comparison, _Detail], object]], ...] = (
    ("single_outlet", _single_outlet),
    ("outlets", _outlet_views),  # with each outlet's exclusive facts
    ("shared", _shared),
    ("differences", _differences),
    ("wording", _wording),
    ("independent_reports", _independence),
)
"""The comparison's fields in briefings.json, in order (the quotes are exported per briefing)."""


def _comparison(comparison: Comparison, detail: _Detail) -> dict:
    return {name: export(comparison, detail) for name, export in COMPARISON_EXPORTS}


def _compact(record: dict) -> str:
    """JSON without the spaces after separators: a host stores every detail file (6% of their bytes)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def detail_json(briefing: Briefing) -> str:
    """One briefing's detail file."""
    return _compact(briefing_record(briefing)) + "\n"


def storyline_record(line: Storyline, headline: str, page: str, detail: str | None) -> dict:
    """One storyline as briefings.json lists it."""
    return {"id": line.id, "slug": line.slug, "page": page, "headline": headline, "first_published": _iso(line.first_day),
            "last_updated": _iso(line.last_day), "briefings": list(line.events), "detail": detail}


def storyline_detail(briefing: StorylineBriefing, pages: dict[str, str]) -> str:
    """A storyline's detail file: its summary, timeline, figure ledger and names; pages: story id -> page."""
    detail = _Detail({s.key: s.name for s in briefing.sources})
    record = {
        "id": briefing.storyline.id,
        "format_version": FORMAT_VERSION,
        "summary": [_sentence(s, detail) for s in briefing.summary],
        "timeline": [{"briefing": e.story_id, "page": pages.get(e.story_id), "date": _iso(e.first_day), "headline": e.headline,
                      "outlets": list(e.outlets), "lead": e.lead.text if e.lead else None} for e in briefing.timeline],
        "ledger": [{"counts": row.counts, "values": [{"value": v.value, "date": _iso(v.day), "source": v.source, "briefing": v.story_id}
                                                     for v in row.values]} for row in briefing.ledger],
        "entities": [{"name": e.name, "kind": e.kind} for e in briefing.entities],
        "sentences": detail.sentences,
    }
    return _compact(record) + "\n"


def export_json(briefings: Iterable[dict], storylines: Iterable[dict]) -> Iterator[str]:
    """briefings.json from its records, a piece at a time; one record a line (diffs stay readable,
    and without indent json uses its C encoder)."""
    yield f'{{"format_version":{FORMAT_VERSION},"briefings":['
    for number, record in enumerate(briefings):
        yield ("\n" if number == 0 else ",\n") + _compact(record)
    yield '\n],"storylines":['
    for number, record in enumerate(storylines):
        yield ("\n" if number == 0 else ",\n") + _compact(record)
    yield "\n]}\n"
