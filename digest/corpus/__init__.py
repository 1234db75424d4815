"""The corpus stage: content/ -> raw articles and their outlets.

`load_corpus` reads content/sources.yml and every article file under content/articles/ with the
reader for its extension (readers.py); it never writes to content/. Every problem is reported
through the runtime as a diagnostic naming the file and line; a broken article is skipped and the
others still load. Duplicates (the same id, URL or text) are reported and skipped.
"""
from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..config import DigestConfig, Limits
from ..models import Diagnostic, RawArticle, Source
from .context import ReadContext, display_path
from .readers import READERS
from .sources import load_sources

if TYPE_CHECKING:
    from ..runtime import Runtime


@dataclass(frozen=True, slots=True)
class Corpus:
    """What the corpus holds: its articles in file order and its outlets by key."""

    articles: tuple[RawArticle, ...]
    sources: dict[str, Source]


def read_sources(content_dir: Path) -> tuple[dict[str, Source], tuple[Diagnostic, ...]]:
    """content/sources.yml alone (for `digest fetch`), with its diagnostics."""
    content_dir = Path(content_dir)
    found: list[Diagnostic] = []
    reader = ReadContext(content_dir, {}, Limits().max_article_bytes, lambda *problem: found.append(Diagnostic(*problem)))
    sources = load_sources(content_dir / "sources.yml", display_path(content_dir, content_dir / "sources.yml"), reader)
    return sources, tuple(found)


def load_corpus(content_dir: Path, options: DigestConfig, runtime: Runtime) -> Corpus:
    """Read every article under content_dir/articles; never writes to content_dir."""
    content_dir = Path(content_dir)
    reader = ReadContext(content_dir, {}, options.limits.max_article_bytes, runtime.report)
    reader.sources = load_sources(content_dir / "sources.yml", display_path(content_dir, content_dir / "sources.yml"), reader)
    articles_dir = content_dir / "articles"
    if not articles_dir.is_dir():
        reader.report("error", display_path(content_dir, articles_dir), None, "no articles folder")
        return Corpus((), reader.sources)

    articles: list[RawArticle] = []
    seen_ids: dict[str, RawArticle] = {}
    seen_text: dict[str, RawArticle] = {}
    seen_urls: dict[str, RawArticle] = {}
    for path in _article_files(articles_dir):
        read = READERS.get(path.suffix.lower())
        if read is None:
            reader.report("info", display_path(content_dir, path), None, f"ignored: '{path.suffix}' files are not articles (.md, .txt, .jsonl)")
            continue
        for article in read(path, reader):
            text_key = _fingerprint(article.raw_text)
            if article.id in seen_ids:
                reader.report("warning", article.path, None, f"duplicate article (same id as {seen_ids[article.id].path}); skipped")
                continue
            original = seen_urls.get(article.url or "") or seen_text.get(text_key)
            if original is not None and original.source.key == article.source.key:
                what = "URL" if article.url and seen_urls.get(article.url) is original else "text"
                reader.report("warning", article.path, None, f"duplicate article (same {what} as {original.path}); skipped")
                continue
            if original is not None:
                # Another outlet's copy of the same text: syndicated wire copy is news as published, kept
                # and marked, so that a briefing counts the independent reports behind a story
                reader.report("info", article.path, None, f"the same text as {original.path} ({original.source.name}); "
                                                          f"kept as {article.source.name}'s copy of it")
                article = replace(article, copy_of=original.id)
            seen_ids[article.id] = article
            seen_text.setdefault(text_key, article)
            if article.url:
                seen_urls.setdefault(article.url, article)
            articles.append(article)
    return Corpus(tuple(articles), reader.sources)


def _article_files(articles_dir: Path) -> Iterator[Path]:
    for path in sorted(articles_dir.rglob("*")):
        relative = path.relative_to(articles_dir)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        yield path


_IGNORED_ASCII = (string.punctuation.replace("_", "") + string.whitespace + "\x1c\x1d\x1e\x1f").encode("ascii")


_IGNORED_OTHER_RE = re.compile("[‘’“”–—…«»\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def _fingerprint(text: str) -> str:
    """The same letters and digits in the same order, whatever the spacing and punctuation
    (deleted from the encoded text in one pass). Words run together ("news paper", "newspaper")
    count as the same text: no two real articles differ only by that."""
    text = text.lower() if text.isascii() else _IGNORED_OTHER_RE.sub("", text.lower())
    return hashlib.sha1(text.encode("utf-8", "surrogatepass").translate(None, _IGNORED_ASCII)).hexdigest()
