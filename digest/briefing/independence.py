"""Independent reports: outlets that republish another's wire copy are one report, not several.

A story can look corroborated by many outlets while it rests on one agency's text. Two outlets'
articles are copies of one report when they share near-identical sentences (TF-IDF cosine of at
least NEAR_IDENTICAL, for at least MIN_COPIED sentences, or two that are half of the shorter
outlet's sentences), or when an
article carries another outlet's wire dateline ("(AP) -", "(Reuters) -"). Outlets joined that way
form one report; the count is the number of groups.
"""
from __future__ import annotations

import numpy as np

from ..models import IndependentReports
from ..text import split_dateline
from .sentences import StoryText

NEAR_IDENTICAL = 0.9
MIN_COPIED = 3


def independent_reports(text: StoryText) -> list[IndependentReports]:
    """One record for a story of two or more outlets: outlets, independent reports, copies named."""
    by_source = text.by_source()
    if len(by_source) < 2:
        return []
    parent = {source: source for source in by_source}

    def root(source: str) -> str:
        while parent[source] != source:
            source = parent[source]
        return source

    copies: list[tuple[str, str, str]] = []
    for source, other, reason in _wire_datelines(text, by_source) + _shared_sentences(text, by_source):
        if root(source) != root(other):
            parent[max(root(source), root(other))] = min(root(source), root(other))
            copies.append((source, other, reason))
    groups = {root(source) for source in by_source}
    return [IndependentReports(len(by_source), len(groups), tuple(sorted(copies)))]


def _wire_datelines(text: StoryText, by_source: dict[str, list[int]]) -> list[tuple[str, str, str]]:
    """(outlet, wire, "wire dateline") for an article whose dateline names another outlet of the story."""
    names = {}
    for item in text.sentences:
        names.setdefault(item.source.lower(), item.source)
        names.setdefault(item.article.source.name.lower(), item.source)
    found = []
    for item in text.sentences:
        if item.sentence.index != 0:
            continue
        dateline = split_dateline(item.sentence.text)
        wire = names.get(dateline[1].strip().lower()) if dateline else None
        if wire and wire != item.source:
            found.append((item.source, wire, f"carries the {dateline[1].strip()} dateline"))
    return sorted(set(found))


def _shared_sentences(text: StoryText, by_source: dict[str, list[int]]) -> list[tuple[str, str, str]]:
    """(later outlet, earlier outlet, "N near-identical sentences") for outlets that share wire text."""
    found = []
    sources = sorted(by_source)
    for a_index, a in enumerate(sources):
        for b in sources[a_index + 1:]:
            rows, columns = by_source[a], by_source[b]
            block = text.similarity[np.ix_(rows, columns)]
            same = int((block.max(axis=1) >= NEAR_IDENTICAL).sum())
            # a quote two outlets both give is one near-identical sentence; wire copy is many
            if same >= MIN_COPIED or (same >= 2 and same * 2 >= min(len(rows), len(columns))):
                copier, source = _later(text, a, b)
                found.append((copier, source, f"{same} near-identical sentences"))
    return found


def _later(text: StoryText, a: str, b: str) -> tuple[str, str]:
    """(the outlet that published later, the other): the later one republished."""
    def first(source: str):
        days = [text.sentences[i].article.published for i in text.by_source()[source] if text.sentences[i].article.published]
        return (min(days) if days else None, source)
    fa, fb = first(a), first(b)
    if fa[0] and fb[0] and fa[0] != fb[0]:
        return (a, b) if fa[0] > fb[0] else (b, a)
    return (b, a)
