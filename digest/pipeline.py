"""The stages in order: corpus -> articles -> stories -> briefings -> Markdown -> site."""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import render, site
from .briefing import build_briefing
from .corpus import DEFAULT_MAX_BYTES, load_corpus
from .export import export_json
from .grouping import GroupingConfig, group
from .models import Briefing, Diagnostic, Source
from .normalize import restore_articles


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


@dataclass(frozen=True, slots=True)
class DigestResult:
    briefings: tuple[Briefing, ...]
    diagnostics: tuple[Diagnostic, ...]
    articles: int
    docs_dir: Path
    site_dir: Path | None = None

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


def analyse(config: DigestConfig) -> Analysis:
    corpus = load_corpus(config.content_dir, config.max_article_bytes)
    diagnostics = list(corpus.diagnostics)

    def report(level: str, path: str, line: int | None, message: str) -> None:
        diagnostics.append(Diagnostic(level, path, line, message))

    articles = restore_articles(list(corpus.articles), report)
    stories = group(articles, config.grouping)
    briefings = [build_briefing(story) for story in stories]
    return Analysis(briefings, corpus.sources, diagnostics, len(articles))


def write_pages(briefings: list[Briefing], sources, site_name: str, docs_dir: Path) -> None:
    """Write every page into docs_dir (a fresh staging folder)."""
    pages: list[render.Page] = []
    pages.append(render.Page("index.md", render.render_home(briefings, site_name)))
    pages.extend(render.render_archive(briefings))
    pages.extend(render.render_tags(briefings))
    pages.append(render.Page("sources.md", render.render_sources(briefings, sources)))
    pages.append(render.Page("about.md", render.render_about()))
    for briefing in briefings:
        pages.append(render.Page(render.briefing_path(briefing), render.render_briefing(briefing)))
    page_urls = {b.story.id: render.briefing_path(b)[: -len(".md")] + "/" for b in briefings}
    pages.append(render.Page("briefings.json", export_json(briefings, page_urls)))
    for page in pages:
        target = docs_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8", newline="\n")


def _layout(config: DigestConfig) -> site.SiteLayout:
    layout = site.read_layout(config.config_file)
    if config.docs_dir:
        layout = replace(layout, docs_dir=Path(config.docs_dir).resolve())
    return layout


def generate(config: DigestConfig) -> DigestResult:
    """Corpus -> Markdown pages and briefings.json in the docs folder (replaced atomically)."""
    layout = _layout(config)
    target = layout.docs_dir
    analysis = analyse(config)
    result = DigestResult(tuple(analysis.briefings), tuple(analysis.diagnostics), analysis.articles, target)
    if config.strict and result.problems:
        return result  # the caller reports the problems; the previous pages stay
    staged = site.staging_dir(target)
    try:
        write_pages(analysis.briefings, analysis.sources, layout.site_name, staged)
        site.swap_in(staged, target)
    finally:
        if staged.exists():
            shutil.rmtree(staged, ignore_errors=True)
    return result


def build(config: DigestConfig) -> DigestResult:
    """Corpus -> pages -> MkDocs site. Nothing is replaced unless every step succeeded."""
    layout = _layout(config)
    analysis = analyse(config)
    result = DigestResult(tuple(analysis.briefings), tuple(analysis.diagnostics), analysis.articles, layout.docs_dir, layout.site_dir)
    if config.strict and result.problems:
        return result  # the caller reports the problems; the previous site stays
    staged_docs = site.staging_dir(layout.docs_dir)
    staged_site = site.staging_dir(layout.site_dir)
    try:
        write_pages(analysis.briefings, analysis.sources, layout.site_name, staged_docs)
        site.build_site(layout, staged_docs, staged_site, strict=config.strict)
        site.swap_in(staged_docs, layout.docs_dir)
        site.swap_in(staged_site, layout.site_dir)
    finally:
        for staged in (staged_docs, staged_site):
            if staged.exists():
                shutil.rmtree(staged, ignore_errors=True)
    return result


def serve(config: DigestConfig, address: str | None = None) -> None:
    """Serve the generated pages with MkDocs's live-reloading server (until interrupted)."""
    site.serve_site(_layout(config), address)
