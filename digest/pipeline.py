"""The stages in order: corpus -> restored articles -> stories -> briefings -> pages -> site.

`generate()` and `build()` read top to bottom like mkdocs' build(): each stage is a function of
its input, the build's options and its runtime (workers, cache, progress, diagnostics), and
returns new records. Nothing on disk is replaced unless every step succeeded: pages and site are
written into staging folders beside their targets and swapped in at the end.
"""
from __future__ import annotations

import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .briefing import brief
from .briefing.storyline import brief_storylines
from .config import DigestConfig, GroupingConfig, Limits
from .corpus import load_corpus
from .errors import DigestError
from .models import Diagnostic, Outline, Source, Storyline, StorylineBriefing
from .render import SiteInfo, Storylines, render_export, render_pages
from .restore import restore_articles
from .runtime import Runtime
from .runtime.memory import frozen_heap, stage_done
from .runtime.store import BriefingStore
from .site import SiteEngine, SiteLayout, default_engine, staging_dir, swap_in
from .state import load_state, save_state
from .stories import group
from .stories.continuity import with_history
from .stories.identity import storylines_state

__all__ = ["Analysis", "DigestConfig", "DigestResult", "GroupingConfig", "Limits", "analyse", "build", "generate", "serve"]


@dataclass(frozen=True, slots=True)
class DigestResult:
    """What a build made and found: the briefings' outlines, the diagnostics, where the output went
    and the seconds per stage."""

    briefings: tuple[Outline, ...]
    """Every story's briefing, newest first, as an outline (all but its comparison)."""
    diagnostics: tuple[Diagnostic, ...]
    articles: int
    docs_dir: Path
    site_dir: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per stage."""

    @property
    def problems(self) -> list[Diagnostic]:
        """The warnings and errors (what --strict fails on)."""
        return [d for d in self.diagnostics if d.level in ("warning", "error")]


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the pages are made from."""

    outlines: list[Outline]
    """Every event's briefing, newest first."""
    storylines: list[Storyline]
    """Newest first."""
    storyline_briefings: dict[str, StorylineBriefing]
    """Of every storyline of two or more events, by id."""
    sources: dict[str, Source]
    articles: int
    state: dict
    """The state to save once the output is in place."""
    store: BriefingStore
    """Whole briefings on demand, for the pages that must be written."""


class _Clock:
    """Seconds per stage; at each stage's end what it left alive joins the frozen heap."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        stage_done()
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self._last
        self._last = now


def analyse(options: DigestConfig, runtime: Runtime, clock: _Clock | None = None) -> Analysis:
    """The corpus -> every story's briefing outline, its sources and the state to save."""
    clock = clock or _Clock()
    corpus = load_corpus(options.content_dir, options, runtime)
    sources, raw_articles = corpus.sources, list(corpus.articles)
    del corpus  # the raw texts are not needed once restored
    clock.lap("load")

    articles = restore_articles(raw_articles, options, runtime)
    del raw_articles
    clock.lap("restore")

    # Events and storylines keep the ids and pages they had in the previous build (digest-state.json)
    state = load_state(options.content_dir) if options.keep_state else {}
    grouped = group(articles, options, runtime, state)
    clock.lap("cluster")

    store = BriefingStore(runtime, partial(brief, limits=options.limits))
    outlines = store.outlines(grouped.events)
    _report_failures(outlines, runtime)
    clock.lap("briefings")

    # After the briefings: what changed is told by their key figures as well as their articles
    previous = state.get("stories") if isinstance(state.get("stories"), dict) else {}
    outlines, stories_state = with_history(outlines, previous)
    new_state = {**state, "stories": stories_state, "storylines": storylines_state(grouped.storylines)}
    storylines = brief_storylines(grouped.storylines, outlines, options.limits, runtime, store.story_key)
    clock.lap("storylines")
    return Analysis(outlines, grouped.storylines, storylines, sources, len(articles), new_state, store)


def _report_failures(outlines: list[Outline], runtime: Runtime) -> None:
    """An error for each story whose analysis failed (it is published with its articles only)."""
    for outline in outlines:
        if outline.failure:
            paths = [article.path for article in outline.story.articles]
            shown = ", ".join(paths[:5]) + (f" and {len(paths) - 5} more" if len(paths) > 5 else "")
            runtime.report("error", paths[0], None, f"the analysis of the story of {shown} failed ({outline.failure}); "
                                                    "it is published with its headline, dates and articles only")


def generate(config: DigestConfig) -> DigestResult:
    """Corpus -> Markdown pages and briefings.json in the docs folder (replaced atomically)."""
    return _run(config, with_site=False)


def build(config: DigestConfig) -> DigestResult:
    """Corpus -> pages -> static site. Nothing is replaced unless every step succeeded."""
    return _run(config, with_site=True)


def _run(config: DigestConfig, with_site: bool) -> DigestResult:
    engine = default_engine()
    layout = _layout(config, engine)
    runtime = Runtime.open(config.jobs, config.dask, config.cache_dir, config.progress)
    clock = _Clock()
    with frozen_heap():
        try:
            analysis = analyse(config, runtime, clock)
        finally:
            runtime.close()
        result = DigestResult(tuple(analysis.outlines), tuple(runtime.diagnostics), analysis.articles, layout.docs_dir,
                              layout.site_dir if with_site else None, timings=clock.timings)
        if config.strict and result.problems:
            return result  # the caller reports the problems; the previous pages and site stay
        targets = (layout.docs_dir, layout.site_dir) if with_site else (layout.docs_dir,)
        with _staged(*targets) as staged:
            started = time.perf_counter()
            site = SiteInfo(layout.site_name, layout.site_url, engine.markup)
            storylines = Storylines(analysis.storylines, analysis.storyline_briefings)
            write_pages(render_pages(analysis.outlines, storylines, analysis.sources, site, config, analysis.store), staged[0])
            _write(staged[0] / "briefings.json", render_export(analysis.outlines, storylines))
            runtime.cache.prune()  # entries this build did not use
            result.timings["render"] = time.perf_counter() - started
            if with_site:
                engine.build(layout, staged[0], staged[1], strict=config.strict)
                result.timings["mkdocs"] = time.perf_counter() - started - result.timings["render"]
            for staged_folder, target in zip(staged, targets):
                swap_in(staged_folder, target, engine.wrote)
            if config.keep_state:
                save_state(config.content_dir, analysis.state)
    return result


def serve(config: DigestConfig, address: str | None = None, log: Callable[[str], None] = print) -> None:
    """A live preview (until interrupted): the site engine's server on the generated pages, which
    regenerates them first whenever the corpus changed (content/ is watched too)."""
    engine = default_engine()
    layout = _layout(config, engine)
    seen = [_corpus_signature(config.content_dir)]

    def regenerate_if_changed() -> None:
        signature = _corpus_signature(config.content_dir)
        if signature == seen[0]:
            return
        seen[0] = signature
        try:
            result = generate(config)
        except DigestError as exc:
            log(f"digest: {exc}; still serving the last pages")
            return
        for diagnostic in result.problems:
            log(str(diagnostic))
        log(f"digest: regenerated: {len(result.briefings)} briefings from {result.articles} articles")

    engine.serve(layout, address, regenerate_if_changed, (Path(config.content_dir),),
                 lambda url: log(f"digest: serving {url} (regenerated when {config.content_dir} changes; Ctrl+C stops)"))


def _corpus_signature(content_dir: Path) -> tuple:
    """Every file of the corpus with its size and modification time (state files aside)."""
    content_dir = Path(content_dir)
    return tuple(sorted((path.relative_to(content_dir).as_posix(), stat.st_size, stat.st_mtime_ns)
                        for path in content_dir.rglob("*") if path.is_file() and path.name != "digest-state.json"
                        for stat in (path.stat(),)))


def write_pages(pages, docs_dir: Path) -> None:
    """Write every page into docs_dir (a fresh staging folder), one at a time."""
    for page in pages:
        _write(docs_dir / page.path, [page.text])


def _write(target: Path, chunks: Iterable[str]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as handle:
        for chunk in chunks:
            handle.write(chunk)


def _layout(config: DigestConfig, engine: SiteEngine) -> SiteLayout:
    layout = engine.layout(config.config_file)
    if config.docs_dir:
        layout = replace(layout, docs_dir=Path(config.docs_dir).resolve())
    return layout


@contextmanager
def _staged(*targets: Path) -> Iterator[list[Path]]:
    """Fresh folders beside the targets; removed afterwards; a disk or permission error becomes a clear message."""
    staged: list[Path] = []
    try:
        for target in targets:
            staged.append(staging_dir(target))
        yield staged
    except OSError as exc:
        raise DigestError(f"cannot write {exc.filename or targets[-1]}: {exc.strerror or exc}; the previous site is unchanged") from exc
    finally:
        for path in staged:
            if path.exists():
                shutil.rmtree(path, ignore_errors=True)
