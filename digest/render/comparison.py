"""The source comparison of a briefing page: one small function per section, in page order.

A section reads the briefing's Comparison and returns its Markdown lines. Add a comparison view
by computing it in briefing/compare.py (COMPARISON_VIEWS), writing its section here (SECTIONS)
and its export in export.py (COMPARISON_EXPORTS).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable

from ..models import Citation, Comparison
from .markup import md

Names = dict[str, str]
"""Outlet key -> outlet name."""
Cite = Callable[..., str]
"""cite(citations, said="") -> Markdown: links to the cited articles, with each outlet's supporting sentence."""
Section = Callable[[Comparison, Names, Cite], list[str]]


def independence(comparison: Comparison, names: Names, cite: Cite) -> list[str]:
    """How many separate reports the story rests on: an outlet republishing another's wire copy is no second report."""
    out = []
    for found in comparison.independence:
        line = f"**{found.outlets} outlets, {found.independent} independent report{'s' if found.independent != 1 else ''}**"
        if found.copies:
            line += ": " + "; ".join(f"{md(names.get(a, a))} republishes {md(names.get(b, b))} ({md(how)})" for a, b, how in found.copies)
        out += [line + ".", ""]
    return out


def coverage(comparison: Comparison, names: Names, cite: Cite) -> list[str]:
    """Per outlet: articles, words and the terms it stresses."""
    out = ["### Coverage", "", "| Outlet | Articles | Words | Stresses |", "| --- | --- | --- | --- |"]
    for view in comparison.outlets:
        focus = ", ".join(md(t) for t in view.focus) or "—"
        out.append(f"| {md(names.get(view.source, view.source))} | {view.articles} | {view.words} | {focus} |")
    return out + [""]


def shared(comparison: Comparison, names: Names, cite: Cite) -> list[str]:
    """Facts every outlet reports."""
    out = ["### Reported by all outlets", ""]
    out += [f"- {md(f.text)} {cite(f.citations, f.text)}" for f in comparison.shared] or ["*No fact is reported in closely matching words by every outlet.*"]
    return out + [""]


def exclusive(comparison: Comparison, names: Names, cite: Cite) -> list[str]:
    """Facts only one outlet reports, by outlet."""
    out = ["### Reported by one outlet only", ""]
    by_source: dict[str, list] = defaultdict(list)
    for fact in comparison.exclusive:
        by_source[fact.citations[0].source].append(fact)
    if not by_source:
        out += ["*Every outlet's main points appear in another outlet too.*", ""]
    for source, facts in sorted(by_source.items()):
        out += [f"**Only {md(names.get(source, source))}:**", ""]
        out += [f"- {md(f.text)} {cite(f.citations, f.text)}" for f in facts]
        out.append("")
    return out


def figure_differences(comparison: Comparison, names: Names, cite: Cite) -> list[str]:
    """Where the outlets give different values for one counted thing."""
    out = ["### Where the figures differ", ""]
    for difference in comparison.figure_differences:
        speakers = dict(difference.attributed)  # an attribution difference: who each outlet credits
        values = "; ".join(f"{md(names.get(s, s))}: **{md(v)}**" + (f" (according to {md(speakers[s])})" if s in speakers else "")
                           for s, v, _ in difference.values)
        out.append(f"- {md(difference.counts)} — {values}")
    if not comparison.figure_differences:
        out.append("*The outlets give no conflicting figures.*")
    return out + [""]


def quotes(comparison: Comparison, names: Names, cite: Cite) -> list[str]:
    """Who is quoted by which outlet, with each outlet's quote."""
    out = ["### Who is quoted", ""]
    if not comparison.quotes:
        return out + ["*No one is quoted by name.*", ""]
    sources = [v.source for v in comparison.outlets]
    out += ["| Speaker | " + " | ".join(md(names.get(s, s)) for s in sources) + " |", "| --- |" + " --- |" * len(sources)]
    quoted = {(q.speaker, q.source): q.sentence for q in comparison.quotes}
    for speaker in sorted({q.speaker for q in comparison.quotes}):
        cells = " | ".join(md(_shortened(quoted[speaker, s])) if (speaker, s) in quoted else "—" for s in sources)
        out.append(f"| {md(speaker)} | {cells} |")
    return out + [""]


def _shortened(sentence: str, limit: int = 220) -> str:
    """An outlet's quote in a table cell: whole up to `limit` characters, else cut at a word."""
    return sentence if len(sentence) <= limit else sentence[:limit].rsplit(" ", 1)[0] + " …"


def wording(comparison: Comparison, names: Names, cite: Cite) -> list[str]:
    """Words the outlets use differently for the same thing."""
    out = ["### Wording", ""]
    for difference in comparison.wording:
        terms = " / ".join(f"{md(names.get(s, s))}: *{md(t)}*" for s, t in difference.terms)
        out.append(f"- {terms} — {md(difference.note)}")
    if not comparison.wording:
        out.append("*No notable differences in wording.*")
    return out + [""]


SECTIONS: tuple[Section, ...] = (independence, coverage, shared, exclusive, figure_differences, quotes, wording)


def render_comparison(comparison: Comparison, names: Names, cite: Cite) -> list[str]:
    """The "Source comparison" part of a briefing page; a single outlet's story says there is
    nothing to compare and lists who it quotes."""
    out = ["## Source comparison", ""]
    if comparison.single_outlet:
        only = names.get(comparison.outlets[0].source, comparison.outlets[0].source) if comparison.outlets else "one outlet"
        out += [f"Only {md(only)} covers this story so far, so there is nothing to compare yet.", ""]
        if comparison.quotes:
            out += ["**Quoted:** " + ", ".join(sorted({md(q.speaker) for q in comparison.quotes})), ""]
        return out
    for section in SECTIONS:
        out += section(comparison, names, cite)
    return out
