"""Briefings -> briefings.json: the public, machine-readable form of the digest.

The layout is a public interface (`format_version`): fields are added, never renamed.
"""
from __future__ import annotations

import json
from typing import Iterator

from .briefing.figures import display_value
from .models import Briefing, Citation

FORMAT_VERSION = 1


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def briefing_record(briefing: Briefing, page: str) -> dict:
    story = briefing.story
    comparison = briefing.comparison
    names = {s.key: s.name for s in story.sources}
    published = [a.published for a in story.articles if a.published]

    def outlets(citations: tuple[Citation, ...]) -> list[str]:
        return sorted({names.get(c.source, c.source) for c in citations})

    exclusive: dict[str, list[str]] = {}
    for fact in comparison.exclusive:
        exclusive.setdefault(fact.citations[0].source, []).append(fact.text)
    return {
        "id": story.id,
        "slug": story.slug,
        "page": page,
        "headline": briefing.headline,
        "first_published": _iso(min(published)) if published else None,
        "last_updated": _iso(max(published)) if published else None,
        "outlets": [s.name for s in story.sources],
        "changes": list(briefing.history.changes),
        "articles": [
            {
                "id": a.id, "source": names.get(a.source.key, a.source.name), "title": a.headline,
                "title_inferred": a.title_inferred, "summary_only": a.summary_only, "url": a.url, "published": _iso(a.published),
                "author": a.author, "license": a.license,
            }
            for a in story.articles
        ],
        "summary": [
            {"text": s.text, "sources": outlets(s.citations), "citations": [{"source": names.get(c.source, c.source), "article": c.article_id} for c in s.citations]}
            for s in briefing.summary
        ],
        "figures": [
            {
                "text": _representative(f).figure.text,
                "display": f.label,
                "value": _representative(f).figure.value,
                "low": _representative(f).figure.low,
                "high": _representative(f).figure.high,
                "unit": _representative(f).figure.unit,
                "counts": f.counts,
                "context": f.context,
                "qualifier": _representative(f).figure.qualifier,
                "sources": {names.get(r.source, r.source): r.sentence for r in f.reports},
                "reports": [
                    {
                        "source": names.get(r.source, r.source), "article": r.article_id, "text": r.figure.text,
                        "display": display_value(r.figure), "value": r.figure.value, "low": r.figure.low, "high": r.figure.high,
                        "unit": r.figure.unit, "counts": r.figure.counts, "qualifier": r.figure.qualifier,
                        "speaker": r.speaker, "sentence": r.sentence,
                    }
                    for r in f.reports
                ],
            }
            for f in briefing.figures
        ],
        "quotes": _quotes(briefing, names),
        "comparison": {
            "single_outlet": comparison.single_outlet,
            "outlets": {
                names.get(v.source, v.source): {
                    "articles": v.articles, "words": v.words, "sentences": v.sentences, "focus": list(v.focus),
                    "unique": exclusive.get(v.source, []),
                }
                for v in comparison.outlets
            },
            "shared": [{"text": f.text, "sources": outlets(f.citations)} for f in comparison.shared],
            "differences": [
                {"counts": d.counts, "values": [{"source": names.get(s, s), "value": v, "sentence": t} for s, v, t in d.values]}
                for d in comparison.figure_differences
            ],
            "wording": [{"terms": [{"source": names.get(s, s), "term": t} for s, t in w.terms], "note": w.note} for w in comparison.wording],
        },
        "entities": [{"name": e.name, "kind": e.kind} for e in briefing.entities],
    }


def _representative(key_figure):
    """The report the key figure is labelled after."""
    for report in key_figure.reports:
        if display_value(report.figure) == key_figure.label:
            return report
    return key_figure.reports[0]


def _quotes(briefing: Briefing, names: dict[str, str]) -> list[dict]:
    """One entry per speaker: a sentence that quotes them, and the outlets that do."""
    by_speaker: dict[str, dict] = {}
    for quote in briefing.comparison.quotes:
        entry = by_speaker.setdefault(quote.speaker, {"speaker": quote.speaker, "text": quote.sentence, "sources": []})
        entry["sources"].append(names.get(quote.source, quote.source))
    return [dict(entry, sources=sorted(set(entry["sources"]))) for _, entry in sorted(by_speaker.items())]


def briefing_json(briefing: Briefing, page: str) -> str:
    return json.dumps(briefing_record(briefing, page), ensure_ascii=False)


def export_json(briefings: list[Briefing], pages: dict[str, str], encode=briefing_json) -> Iterator[str]:
    """briefings.json, a piece at a time; `encode(briefing, page)` gives one record's JSON (a build
    may reuse earlier ones). One briefing a line: diffs stay readable, and without indent json
    uses its C encoder (10x faster)."""
    yield f'{{"format_version": {FORMAT_VERSION}, "briefings": [\n'
    for number, briefing in enumerate(briefings):
        yield ("" if number == 0 else ",\n") + encode(briefing, pages[briefing.story.id])
    yield "\n]}\n"
