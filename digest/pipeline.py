"""The stages in order: corpus -> articles -> stories -> briefings -> Markdown -> site."""
from __future__ import annotations

import gc
import shutil
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import Iterable, Iterator

from . import continuity, render, site
from .briefing import build_briefing
from .runtime.cache import Cache, cached_map, collector_paused, fingerprint
from .corpus import DEFAULT_MAX_BYTES, load_corpus
from .errors import DigestError
from .runtime.executor import BUILD_GC_THRESHOLDS, make_executor
from .export import briefing_json, export_json
from .feeds import render_feeds
from .grouping import GroupingConfig, group
from .models import Briefing, Diagnostic, Source
from .normalize import restore_articles
from .runtime.progress import QUIET, Progress
from .state import load_state, save_state


@dataclass(frozen=True, slots=True)
class DigestConfig:
    content_dir: Path = Path("content")
    """The corpus: content/sources.yml and content/articles/."""
    config_file: Path = Path("mkdocs.yml")
    """MkDocs configuration; its docs_dir receives the generated pages, its site_dir the site."""
    docs_dir: Path | None = None
    """Where the generated pages go; None: the docs_dir of mkdocs.yml."""
    strict: bool = False
    """Fail (and keep the previous site) on any warning about the corpus or the site."""
    max_article_bytes: int = DEFAULT_MAX_BYTES
    """Articles larger than this are truncated, with a warning."""
    grouping: GroupingConfig = field(default_factory=GroupingConfig)
    keep_state: bool = True
    """Read and write content/digest-state.json (story ids and what changed between builds)."""
    jobs: int = 1
    """Processes for the per-article and per-story stages (0: one per core)."""
    cache_dir: Path | None = None
    """Where restored articles and briefings are cached between builds (None: no cache)."""
    dask: str | None = None
    """Address of a Dask scheduler to run those stages on instead."""
    progress: bool = False
    """Show progress on stderr: a bar on a terminal, a log line every 10 s elsewhere."""


@dataclass(frozen=True, slots=True)
class DigestResult:
    briefings: tuple[Briefing, ...]
    """Outlines where a story was unchanged since a cached build (Briefing.is_outline)."""
    diagnostics: tuple[Diagnostic, ...]
    articles: int
    docs_dir: Path
    site_dir: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def problems(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level in ("warning", "error")]


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the pages are made from."""

    briefings: list[Briefing]
    sources: dict[str, Source]
    diagnostics: list[Diagnostic]
    articles: int
    state: dict
    """The state to save once the output is in place."""
    timings: dict[str, float] = field(default_factory=dict)


def analyse(config: DigestConfig, cache: Cache | None = None) -> Analysis:
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        gc.freeze()
        now = time.perf_counter()
        timings[stage] = timings.get(stage, 0.0) + now - clock
        clock = now

    corpus = load_corpus(config.content_dir, config.max_article_bytes)
    diagnostics = list(corpus.diagnostics)
    sources, raw_articles = corpus.sources, list(corpus.articles)
    del corpus  # the raw texts are not needed once restored
    lap("load")

    def report(level: str, path: str, line: int | None, message: str) -> None:
        diagnostics.append(Diagnostic(level, path, line, message))

    executor = make_executor(config.jobs, config.dask)
    cache = cache or Cache(None)
    progress = Progress(config.progress)
    try:
        articles = restore_articles(raw_articles, report, executor, cache, progress)
        del raw_articles
        lap("restore")
        state = load_state(config.content_dir) if config.keep_state else {}
        previous = state.get("stories", {}) if isinstance(state.get("stories"), dict) else {}
        # Stories keep the ids and pages they had in the previous build (digest-state.json)
        if config.progress and len(articles) > 10_000:
            print(f"digest: grouping {len(articles):,} articles into stories", file=sys.stderr, flush=True)
        stories = continuity.keep_ids(group(articles, config.grouping, executor, cache, progress), previous)
        lap("cluster")
        briefings = cached_briefings(stories, executor, cache, progress)
        lap("briefings")
    finally:
        executor.close()
    briefings, stories_state = continuity.with_history(briefings, previous)
    return Analysis(briefings, sources, diagnostics, len(articles), {**state, "stories": stories_state}, timings)


def cached_briefings(stories, executor, cache: Cache, progress: Progress | None = None) -> list[Briefing]:
    """Briefings of unchanged stories come from the cache, as outlines; the others are built (in
    parallel). A whole briefing took 0.7 ms to read back (19.6 KB of records, mostly the figures'
    reports and the comparison), 11 s for the 16,000 stories of a 100,000-article rebuild, and only
    the pages of changed stories need the whole."""
    keys = [story_key(story) if cache.folder else "" for story in stories]
    found: dict[int, Briefing] = {}
    with (progress or QUIET).stage("briefing", len(stories), "stories") as tick:
        with collector_paused():
            for position, key in enumerate(keys):
                outline = cache.get("outlines", key) if key and cache.has("briefings", key) else None
                if outline is not None:
                    found[position] = _with_story(stories[position], outline)
                    tick(1)
        missing = [position for position in range(len(stories)) if position not in found]
        # Stored without its story (every article's text again): the story is at hand when read back
        built = cached_map(cache, "briefings", build_briefing, [stories[p] for p in missing], [keys[p] for p in missing],
                           executor, tick, pack=_without_story, unpack=_with_story)
        for position, briefing in zip(missing, built):
            found[position] = briefing
            if keys[position]:
                cache.put("outlines", keys[position], outline_of(_without_story(briefing)))
        cache.commit()
    return [found[position] for position in range(len(stories))]


def outline_of(briefing: Briefing) -> Briefing:
    """The briefing without its comparison, and each key figure with one report per outlet."""
    return replace(briefing, figures=tuple(replace(f, reports=_one_report_per_outlet(f.reports)) for f in briefing.figures),
                   comparison=None)


def _one_report_per_outlet(reports) -> tuple:
    first: dict[str, object] = {}
    for report in reports:
        first.setdefault(report.source, report)
    return tuple(first.values())


def full_briefing(briefing: Briefing, cache: Cache) -> Briefing:
    """The whole briefing of an outline, from the cache (or built again if the cache lost it)."""
    if not briefing.is_outline:
        return briefing
    stored = cache.get("briefings", story_key(briefing.story)) if cache.folder else None
    if stored is None:
        stored = build_briefing(briefing.story)
    return replace(stored, story=briefing.story, history=briefing.history)


def _without_story(briefing: Briefing) -> Briefing:
    return replace(briefing, story=None)


def _with_story(story, briefing: Briefing) -> Briefing:
    return replace(briefing, story=story)


def story_key(story) -> str:
    """What a story's briefing is made from: its id, slug and articles (by their fingerprints)."""
    if all(a.fingerprint for a in story.articles):
        return fingerprint("story", story.id, story.slug, [a.fingerprint for a in story.articles])
    return fingerprint("story", story)


def _cached_text(cache: Cache, kind: str, key_parts: tuple, make) -> str:
    key = fingerprint(kind, *key_parts) if cache.folder else ""
    text = cache.get(kind, key) if key else None
    if text is None:
        text = make()
        if key:
            cache.put(kind, key, text)
    return text


def briefing_pages(briefings: list[Briefing], topics: frozenset[str], story_keys: dict[str, str], cache: Cache) -> Iterator[render.Page]:
    """A briefing's page is rendered again only when its story, history or topic links changed."""
    for briefing in briefings:
        linked = sorted(topics.intersection(render.tag_slug(e) for e in briefing.entities))
        text = _cached_text(cache, "pages", (story_keys.get(briefing.story.id, ""), briefing.history, linked),
                            lambda: render.render_briefing(full_briefing(briefing, cache), topics))
        yield render.Page(render.briefing_path(briefing), text)


def write_pages(briefings: list[Briefing], sources, layout: site.SiteLayout, docs_dir: Path, cache: Cache | None = None) -> None:
    """Write every page into docs_dir (a fresh staging folder), one at a time: a year of
    briefings must not sit in memory as text as well."""
    cache = cache or Cache(None)
    topics = render.topic_slugs(briefings)
    page_urls = {b.story.id: render.briefing_path(b)[: -len(".md")] + "/" for b in briefings}
    story_keys = {b.story.id: story_key(b.story) for b in briefings} if cache.folder else {}

    def record(briefing: Briefing, url: str) -> str:
        return _cached_text(cache, "records", (story_keys.get(briefing.story.id, ""), briefing.history, url), lambda: briefing_json(full_briefing(briefing, cache), url))

    rss, atom = render_feeds(briefings, layout.site_name, layout.site_url, page_urls)
    pages = chain(
        [render.Page("index.md", render.render_home(briefings, layout.site_name))],
        render.render_archive(briefings),
        render.render_tags(briefings, topics),
        [render.Page("sources.md", render.render_sources(briefings, sources)), render.Page("about.md", render.render_about()),
         render.Page("feed.xml", rss), render.Page("atom.xml", atom)],
        briefing_pages(briefings, topics, story_keys, cache),
    )
    for page in pages:
        _write(docs_dir / page.path, [page.text])
    _write(docs_dir / "briefings.json", export_json(briefings, page_urls, record))


def _write(target: Path, chunks: Iterable[str]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as handle:
        for chunk in chunks:
            handle.write(chunk)


def _layout(config: DigestConfig) -> site.SiteLayout:
    layout = site.read_layout(config.config_file)
    if config.docs_dir:
        layout = replace(layout, docs_dir=Path(config.docs_dir).resolve())
    return layout


@contextmanager
def _staged(*targets: Path) -> Iterator[list[Path]]:
    """Fresh folders beside the targets; removed afterwards; a disk or permission error becomes a clear message."""
    staged: list[Path] = []
    try:
        for target in targets:
            staged.append(site.staging_dir(target))
        yield staged
    except OSError as exc:
        raise DigestError(f"cannot write {exc.filename or targets[-1]}: {exc.strerror or exc}; the previous site is unchanged") from exc
    finally:
        for path in staged:
            if path.exists():
                shutil.rmtree(path, ignore_errors=True)


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """What each stage leaves alive (a year of articles, their features, stories) goes into the
    garbage collector's permanent generation (gc.freeze at every stage's end, in analyse), so the
    collector stops scanning it again and again while the next stage allocates (a 100,000-article
    rebuild: 53.1 -> 50.7 s). Worker processes forked afterwards inherit it frozen, so their
    collections neither scan nor touch (copy) the pages they share. Records hold no reference
    cycles; reference counting still frees them. Unfrozen when the build is done, and the
    collector's thresholds (raised for the build: BUILD_GC_THRESHOLDS) put back."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def generate(config: DigestConfig) -> DigestResult:
    """Corpus -> Markdown pages and briefings.json in the docs folder (replaced atomically)."""
    with _frozen_heap():
        return _generate(config)


def _generate(config: DigestConfig) -> DigestResult:
    layout = _layout(config)
    cache = Cache(config.cache_dir)
    analysis = analyse(config, cache)
    result = DigestResult(tuple(analysis.briefings), tuple(analysis.diagnostics), analysis.articles, layout.docs_dir,
                          timings=analysis.timings)
    if config.strict and result.problems:
        return result  # the caller reports the problems; the previous pages stay
    with _staged(layout.docs_dir) as (docs,):
        started = time.perf_counter()
        write_pages(analysis.briefings, analysis.sources, layout, docs, cache)
        cache.prune()
        result.timings["render"] = time.perf_counter() - started
        site.swap_in(docs, layout.docs_dir)
        if config.keep_state:
            save_state(config.content_dir, analysis.state)
    return result


def build(config: DigestConfig) -> DigestResult:
    """Corpus -> pages -> MkDocs site. Nothing is replaced unless every step succeeded."""
    with _frozen_heap():
        return _build(config)


def _build(config: DigestConfig) -> DigestResult:
    layout = _layout(config)
    cache = Cache(config.cache_dir)
    analysis = analyse(config, cache)
    result = DigestResult(tuple(analysis.briefings), tuple(analysis.diagnostics), analysis.articles, layout.docs_dir,
                          layout.site_dir, timings=analysis.timings)
    if config.strict and result.problems:
        return result  # the caller reports the problems; the previous site stays
    with _staged(layout.docs_dir, layout.site_dir) as (docs, built):
        started = time.perf_counter()
        write_pages(analysis.briefings, analysis.sources, layout, docs, cache)
        cache.prune()
        result.timings["render"] = time.perf_counter() - started
        site.build_site(layout, docs, built, strict=config.strict)
        result.timings["mkdocs"] = time.perf_counter() - started - result.timings["render"]
        site.swap_in(docs, layout.docs_dir)
        site.swap_in(built, layout.site_dir)
        if config.keep_state:
            save_state(config.content_dir, analysis.state)
    return result


def serve(config: DigestConfig, address: str | None = None) -> None:
    """Serve the generated pages with MkDocs's live-reloading server (until interrupted)."""
    site.serve_site(_layout(config), address)
