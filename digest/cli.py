"""`digest`: a thin command line over the library (build, generate, figures)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import DigestError


def _config(content, config_file, docs, strict, max_article_mb, no_state=False, jobs=1, dask=None, no_cache=False, quiet=False, **_):
    from .config import DigestConfig, Limits

    cache = None if no_cache else Path(config_file).resolve().parent / "build" / "cache"
    return DigestConfig(content_dir=Path(content), config_file=Path(config_file), docs_dir=Path(docs) if docs else None,
                        strict=strict, keep_state=not no_state, jobs=jobs, dask=dask, cache_dir=cache, progress=not quiet,
                        limits=Limits(max_article_bytes=int(max_article_mb * 1024 * 1024)))


def _print_diagnostics(result, quiet: bool) -> None:
    for diagnostic in result.diagnostics:
        if quiet and diagnostic.level == "info":
            continue
        click.echo(str(diagnostic), err=True)


def _common(command):
    command = click.option("--content", default="content", show_default=True, help="Corpus folder (sources.yml, articles/).")(command)
    command = click.option("--docs", type=click.Path(file_okay=False), help="Folder for the generated pages (default: docs_dir of mkdocs.yml).")(command)
    command = click.option("--config", "config_file", default="mkdocs.yml", show_default=True, help="MkDocs configuration.")(command)
    command = click.option("--strict", is_flag=True, help="Exit non-zero on any warning or error, keeping the previous output.")(command)
    command = click.option("--max-article-mb", default=2.0, show_default=True, help="Articles larger than this are truncated.")(command)
    command = click.option("--quiet", "-q", is_flag=True, help="Hide informational log lines and progress.")(command)
    command = click.option("--no-state", "no_state", is_flag=True, help="Neither read nor write content/digest-state.json.")(command)
    command = click.option("--jobs", "-j", default=1, show_default=True, help="Processes for per-article and per-story work (0: one per core).")(command)
    command = click.option("--dask", "dask", metavar="ADDRESS", help="Run that work on a Dask scheduler instead (needs the 'distributed' package).")(command)
    command = click.option("--timings", type=click.Path(dir_okay=False), help="Write the seconds spent per stage to this JSON file.")(command)
    command = click.option("--no-cache", "no_cache", is_flag=True, help="Do not reuse restored articles and briefings from build/cache.")(command)
    return command


@click.group()
@click.version_option(package_name="news-digest")
def cli() -> None:
    """Build a news briefing site from a corpus of articles."""


@cli.command()
@_common
def build(**options) -> None:
    """Generate the briefing pages and build the static site."""
    from .pipeline import build as run_build

    result = _run(run_build, options)
    _finish(result, options["strict"], built=f"site in {result.site_dir}")


@cli.command()
@_common
def generate(**options) -> None:
    """Generate the Markdown briefing pages and briefings.json, without building the site."""
    from .pipeline import generate as run_generate

    result = _run(run_generate, options)
    _finish(result, options["strict"], built=f"pages in {result.docs_dir}")


@cli.command()
@_common
@click.option("--dev-addr", "address", help="Address to serve on (default: MkDocs's 127.0.0.1:8000).")
def serve(address, **options) -> None:
    """Generate the pages, then preview the site with MkDocs's live-reloading server (regenerated when content/ changes)."""
    from .pipeline import generate as run_generate
    from .pipeline import serve as run_serve

    _run(run_generate, options)
    try:
        run_serve(_config(**options), address, log=lambda line: click.echo(line, err=True))
    except DigestError as exc:
        raise click.ClickException(str(exc)) from exc


def _run(stage, options: dict):
    """Run one pipeline entry point; domain errors become a clean message, diagnostics go to stderr."""
    try:
        result = stage(_config(**options))
    except DigestError as exc:
        raise click.ClickException(str(exc)) from exc
    _print_diagnostics(result, options["quiet"])
    _write_timings(result, options["timings"])
    return result


def _write_timings(result, path: str | None) -> None:
    if path:
        Path(path).write_text(json.dumps(result.timings, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _finish(result, strict: bool, built: str) -> None:
    errors = sum(1 for d in result.diagnostics if d.level == "error")
    warnings = sum(1 for d in result.diagnostics if d.level == "warning")
    summary = f"{len(result.briefings)} briefings from {result.articles} articles; {errors} errors, {warnings} warnings"
    if strict and (errors or warnings):
        click.echo(f"digest: {summary}; --strict: nothing was replaced", err=True)
        sys.exit(1)
    click.echo(f"digest: {summary}; {built}", err=True)


@cli.command()
@click.option("--content", default="content", show_default=True, help="Corpus folder whose sources.yml lists the feeds.")
@click.option("--timeout", default=15.0, show_default=True, help="Seconds before a slow response is given up.")
@click.option("--max-mb", default=5.0, show_default=True, help="Largest response accepted.")
@click.option("--host-delay", default=1.0, show_default=True, help="Seconds between two requests to one host.")
def fetch(content, timeout, max_mb, host_delay) -> None:
    """Fetch the outlets' feeds and write each new item as an article file."""
    from .fetch import FetchConfig
    from .fetch import fetch as run_fetch

    report = run_fetch(FetchConfig(content_dir=Path(content), timeout=timeout, max_bytes=int(max_mb * 1024 * 1024),
                                   host_delay=host_delay), log=lambda line: click.echo(line, err=True))
    click.echo(f"digest: {len(report.new_articles)} new articles; {len(report.failed_feeds)} feeds failed, "
               f"{len(report.unchanged_feeds)} unchanged", err=True)


@cli.command()
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--lang", default="en", show_default=True,
              help="The text's language (ISO 639-1), which says how its numbers are written; a JSON line's 'lang' wins.")
def figures(source, lang: str) -> None:
    """Extract figures from text: JSON Lines with a 'text' field, or plain text, one passage a line.

    Writes one JSON object per input line: {"text": ..., "figures": [...]}.
    """
    default_lang = lang
    from .briefing.figures import extract_figures

    for number, line in enumerate(source, 1):
        if not line.strip():
            continue
        text, lang = line.rstrip("\n"), default_lang
        if line.lstrip().startswith("{"):
            try:
                record = json.loads(line)
                text = record["text"] if isinstance(record, dict) and isinstance(record.get("text"), str) else text
                lang = record["lang"] if isinstance(record, dict) and isinstance(record.get("lang"), str) else lang
            except json.JSONDecodeError:
                click.echo(f"warning: line {number}: not valid JSON; read as plain text", err=True)
        found = [
            {"text": f.text, "value": f.value, "low": f.low, "high": f.high, "unit": f.unit, "counts": f.counts, "qualifier": f.qualifier}
            for f in extract_figures(text, lang)
        ]
        click.echo(json.dumps({"text": text, "figures": found}, ensure_ascii=False))


def main() -> None:
    """The `digest` command."""
    cli()
