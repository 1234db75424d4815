"""Briefings -> briefings.json: the public, machine-readable form of the digest.

The layout is a public interface (`format_version`); add fields, never rename them.
"""
from __future__ import annotations

import json

from .briefing.figures import display_value
from .models import Briefing, Citation

FORMAT_VERSION = 1


def _citation(c: Citation) -> dict:
    return {"source": c.source, "article": c.article_id}


def briefing_record(briefing: Briefing, page: str) -> dict:
    story = briefing.story
    comparison = briefing.comparison
    return {
        "id": story.id,
        "slug": story.slug,
        "page": page,
        "headline": briefing.headline,
        "first_date": story.first_day.isoformat() if story.first_day else None,
        "last_date": story.last_day.isoformat() if story.last_day else None,
        "outlets": [{"key": s.key, "name": s.name, "url": s.url} for s in story.sources],
        "articles": [
            {
                "id": a.id, "source": a.source.key, "title": a.headline, "title_inferred": a.title_inferred,
                "published": a.published.isoformat() if a.published else None, "url": a.url,
                "author": a.author, "license": a.license, "file": a.path,
            }
            for a in story.articles
        ],
        "summary": [{"text": s.text, "article": s.article_id, "citations": [_citation(c) for c in s.citations]} for s in briefing.summary],
        "figures": [
            {
                "label": f.label, "counts": f.counts, "context": f.context, "sources": list(f.sources),
                "reports": [
                    {
                        "source": r.source, "article": r.article_id, "text": r.figure.text, "display": display_value(r.figure),
                        "value": r.figure.value, "low": r.figure.low, "high": r.figure.high, "unit": r.figure.unit,
                        "counts": r.figure.counts, "qualifier": r.figure.qualifier, "speaker": r.speaker, "sentence": r.sentence,
                    }
                    for r in f.reports
                ],
            }
            for f in briefing.figures
        ],
        "comparison": {
            "single_outlet": comparison.single_outlet,
            "outlets": [{"source": v.source, "articles": v.articles, "words": v.words, "sentences": v.sentences, "focus": list(v.focus)} for v in comparison.outlets],
            "shared": [{"text": f.text, "citations": [_citation(c) for c in f.citations]} for f in comparison.shared],
            "exclusive": [{"text": f.text, "source": f.citations[0].source, "article": f.citations[0].article_id} for f in comparison.exclusive],
            "figure_differences": [{"counts": d.counts, "values": [{"source": s, "value": v, "sentence": t} for s, v, t in d.values]} for d in comparison.figure_differences],
            "quotes": [{"speaker": q.speaker, "source": q.source, "article": q.article_id, "sentence": q.sentence} for q in comparison.quotes],
            "wording": [{"terms": [{"source": s, "term": t} for s, t in w.terms], "note": w.note} for w in comparison.wording],
        },
        "entities": [{"name": e.name, "kind": e.kind} for e in briefing.entities],
    }


def export_json(briefings: list[Briefing], pages: dict[str, str]) -> str:
    data = {
        "format_version": FORMAT_VERSION,
        "briefings": [briefing_record(b, pages[b.story.id]) for b in briefings],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
