"""One reader per file extension: `.md`/`.markdown`/`.txt` (optional YAML front matter, a
leading `# Heading` as the title) and `.jsonl` (one article a line). A reader yields raw articles
and reports every problem, naming the file and line; a broken article is skipped, never the file's
others. Add a format by registering a reader in READERS (pelican's readers, built explicitly)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterator

from ..models import RawArticle
from .context import ReadContext, display_path
from .frontmatter import JSONL_KEYS, ARTICLE_KEYS, has_unsafe_chars, sanitize, scalar_values, split_front_matter, suggest, take_markdown_heading
from .metadata import make_article


def _read_bytes(path: Path, reader: ReadContext, display: str) -> bytes | None:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            data = handle.read(reader.max_bytes + 1)
    except OSError as exc:
        reader.report("error", display, None, f"cannot read file: {exc.strerror or exc}")
        return None
    if size > reader.max_bytes:
        cut = data[: reader.max_bytes]
        cut = cut[: cut.rfind(b"\n") + 1] or cut
        reader.report(
            "warning", display, None,
            f"file is {size / 1e6:.1f} MB, over the {reader.max_bytes / 1e6:.1f} MB limit; only its first {len(cut) / 1e6:.1f} MB is used",
        )
        return cut
    return data


def _decode(data: bytes, reader: ReadContext, display: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        reader.report(
            "warning", display, line,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); read as Windows-1252, check the file's encoding",
        )
        return data.decode("cp1252", errors="replace")


def read_text_article(path: Path, reader: ReadContext) -> Iterator[RawArticle]:
    """The article of one `.md`/`.txt` file: YAML front matter, then the body; a leading
    `# Heading` is its title."""
    display = display_path(reader.root, path)
    data = _read_bytes(path, reader, display)
    if data is None:
        return
    text = _decode(data, reader, display)
    meta, body, body_line = split_front_matter(text, reader, display)
    if meta is None:
        return
    body, heading = take_markdown_heading(body)
    if heading and not meta.get("title"):
        meta["title"] = heading
    article_id = path.relative_to(reader.root / "articles").with_suffix("").as_posix()
    article = make_article(article_id, display, meta, body, reader, body_line, path)
    if article:
        yield article


def read_jsonl_articles(path: Path, reader: ReadContext) -> Iterator[RawArticle]:
    """One article a line, read line by line: a bulk file may be large, each article is capped."""
    display = display_path(reader.root, path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        reader.report("error", display, None, f"cannot read file: {exc.strerror or exc}")
        return
    with handle:
        for number, data in enumerate(handle, 1):
            if not data.strip():
                continue
            if len(data) > reader.max_bytes:
                reader.report("error", display, number, f"line is {len(data) / 1e6:.1f} MB, over the {reader.max_bytes / 1e6:.1f} MB limit; line skipped")
                continue
            line = _decode(data, reader, display) if not data.isascii() else data.decode("ascii")
            yield from _jsonl_record(line, number, path, display, reader)


def _jsonl_record(line: str, number: int, path: Path, display: str, reader: ReadContext) -> Iterator[RawArticle]:
    where = f"{display}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        reader.report("error", display, number, f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno}); line skipped")
        return
    if not isinstance(record, dict):
        reader.report("error", display, number, "expected a JSON object with a 'text' field; line skipped")
        return
    for key in sorted(set(record) - set(JSONL_KEYS)):
        reader.report("warning", display, number, f"unknown key '{key}'{suggest(key, JSONL_KEYS)}; ignored")
    body = record.get("text")
    if not isinstance(body, str):
        reader.report("error", display, number, "no 'text' string; line skipped")
        return
    if has_unsafe_chars(body):
        reader.report("warning", display, number, "text holds control characters or lone surrogates; replaced")
        body = sanitize(body)
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, (str, int)):
        reader.report("error", display, number, "'id' must be a string or a number; line skipped")
        return
    raw_id = sanitize(str(raw_id)) if raw_id is not None else None
    # The id key is the article's id; without one, the file's path and the line number
    article_id = raw_id.strip() if raw_id and raw_id.strip() else f"{path.relative_to(reader.root / 'articles').with_suffix('').as_posix()}:{number}"
    meta = scalar_values({k: record[k] for k in ARTICLE_KEYS if k in record},
                          lambda key, message: reader.report("warning", display, number, message))
    article = make_article(article_id, where, meta, body, reader, None, path, line_of=number)
    if article:
        yield article


READERS: dict[str, Callable[[Path, ReadContext], Iterator[RawArticle]]] = {
    ".md": read_text_article,
    ".markdown": read_text_article,
    ".txt": read_text_article,
    ".jsonl": read_jsonl_articles,
}
