"""Corpus -> raw articles: read content/sources.yml and every article file.

One reader per file extension (`.md`/`.txt` with optional YAML front matter,
`.jsonl` with one article a line). Every problem becomes a `Diagnostic` naming
the file and line; a broken article is skipped, the others still load.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import re
import string
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Callable, Iterator

import yaml

from .models import Diagnostic, RawArticle, Source
from .normalize import split_dateline

ARTICLE_KEYS = ("source", "title", "published", "url", "author", "lang", "license", "guid", "summary_only")
JSONL_KEYS = ARTICLE_KEYS + ("id", "text")
UNKNOWN_SOURCE = Source(key="unknown", name="Unknown outlet")
DEFAULT_MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Corpus:
    articles: tuple[RawArticle, ...]
    sources: dict[str, Source]
    diagnostics: tuple[Diagnostic, ...]


@dataclass
class _Reader:
    """Collects diagnostics while reading; one per corpus load."""

    root: Path
    sources: dict[str, Source]
    max_bytes: int
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(self, level: str, path: str, line: int | None, message: str) -> None:
        self.diagnostics.append(Diagnostic(level, path, line, message))


# ---------------------------------------------------------------- sources.yml

def load_sources(path: Path, display: str, reader: _Reader) -> dict[str, Source]:
    if not path.exists():
        reader.report("warning", display, None, "no sources file; outlets are named as the articles name them")
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        reader.report("error", display, _yaml_line(exc), f"cannot read sources: {_yaml_problem(exc)}")
        return {}
    if not isinstance(data, dict):
        reader.report("error", display, 1, "expected a mapping of outlet keys to {name, url}")
        return {}
    sources: dict[str, Source] = {}
    for key, entry in data.items():
        key = str(key).strip().lower()
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict):
            reader.report("error", display, _key_line(path, key), f"outlet '{key}' must be a mapping with a name")
            continue
        url = _http_url(entry.get("url"))
        if entry.get("url") and not url:
            reader.report("warning", display, _key_line(path, key), f"outlet '{key}': url is not an http(s) address; dropped")
        name = str(entry.get("name") or key).strip()
        feeds = entry.get("feeds") or entry.get("feed") or []
        feeds = [feeds] if isinstance(feeds, str) else feeds if isinstance(feeds, list) else []
        sources[key] = Source(key=key, name=name, url=url, license=_opt_str(entry.get("license")),
                              feeds=tuple(f for f in feeds if isinstance(f, str)))
    return sources


def read_sources(content_dir: Path) -> tuple[dict[str, Source], tuple[Diagnostic, ...]]:
    """content/sources.yml alone (for `digest fetch`), with its diagnostics."""
    content_dir = Path(content_dir)
    reader = _Reader(root=content_dir, sources={}, max_bytes=DEFAULT_MAX_BYTES)
    sources = load_sources(content_dir / "sources.yml", _display(content_dir, content_dir / "sources.yml"), reader)
    return sources, tuple(reader.diagnostics)


def _key_line(path: Path, key: str) -> int | None:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(rf"\s*{re.escape(key)}\s*:", line, re.IGNORECASE):
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return None


# ---------------------------------------------------------------- articles

def load_corpus(content_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Read every article under content_dir/articles; never writes to content_dir."""
    content_dir = Path(content_dir)
    reader = _Reader(root=content_dir, sources={}, max_bytes=max_bytes)
    reader.sources = load_sources(content_dir / "sources.yml", _display(content_dir, content_dir / "sources.yml"), reader)
    articles_dir = content_dir / "articles"
    if not articles_dir.is_dir():
        reader.report("error", _display(content_dir, articles_dir), None, "no articles folder")
        return Corpus((), reader.sources, tuple(reader.diagnostics))

    articles: list[RawArticle] = []
    seen_ids: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    seen_urls: dict[str, str] = {}
    for path in _article_files(articles_dir):
        read = READERS.get(path.suffix.lower())
        if read is None:
            reader.report("info", _display(content_dir, path), None, f"ignored: '{path.suffix}' files are not articles (.md, .txt, .jsonl)")
            continue
        for article in read(path, reader):
            text_key = _fingerprint(article.raw_text)
            duplicate = (
                ("id", seen_ids.get(article.id)),
                ("URL", seen_urls.get(article.url or "")),
                ("text", seen_text.get(text_key)),
            )
            first = next(((what, where) for what, where in duplicate if where), None)
            if first:
                what, where = first
                reader.report("warning", article.path, None, f"duplicate article (same {what} as {where}); skipped")
                continue
            seen_ids[article.id] = article.path
            seen_text[text_key] = article.path
            if article.url:
                seen_urls[article.url] = article.path
            articles.append(article)
    return Corpus(tuple(articles), reader.sources, tuple(reader.diagnostics))


def _article_files(articles_dir: Path) -> Iterator[Path]:
    for path in sorted(articles_dir.rglob("*")):
        relative = path.relative_to(articles_dir)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        yield path


def _display(root: Path, path: Path) -> str:
    try:
        return (Path(root.name) / path.relative_to(root)).as_posix()
    except ValueError:
        return path.as_posix()


_IGNORED_ASCII = (string.punctuation.replace("_", "") + string.whitespace + "\x1c\x1d\x1e\x1f").encode("ascii")
_IGNORED_OTHER_RE = re.compile("[‘’“”–—…«»\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def _fingerprint(text: str) -> str:
    """The same letters and digits in the same order, whatever the spacing and punctuation.
    Spaces and punctuation are deleted from the encoded text with bytes.translate rather than
    the text being split into words and joined again: 33 -> 10 us an article, which was half of
    loading a year's corpus (3.3 s at 100,000 articles). Words run together ("news paper",
    "newspaper") count as the same text: no two real articles differ only by that."""
    text = text.lower() if text.isascii() else _IGNORED_OTHER_RE.sub("", text.lower())
    return hashlib.sha1(text.encode("utf-8", "surrogatepass").translate(None, _IGNORED_ASCII)).hexdigest()


def _read_bytes(path: Path, reader: _Reader, display: str) -> bytes | None:
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


def _decode(data: bytes, reader: _Reader, display: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        reader.report(
            "warning", display, line,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); read as Windows-1252, check the file's encoding",
        )
        return data.decode("cp1252", errors="replace")


def read_text_article(path: Path, reader: _Reader) -> Iterator[RawArticle]:
    display = _display(reader.root, path)
    data = _read_bytes(path, reader, display)
    if data is None:
        return
    text = _decode(data, reader, display)
    meta, body, body_line = _split_front_matter(text, reader, display)
    if meta is None:
        return
    body, heading = _take_markdown_heading(body)
    if heading and not meta.get("title"):
        meta["title"] = heading
    article_id = path.relative_to(reader.root / "articles").with_suffix("").as_posix()
    article = _make_article(article_id, display, meta, body, reader, body_line, path)
    if article:
        yield article


def read_jsonl_articles(path: Path, reader: _Reader) -> Iterator[RawArticle]:
    """One article a line, read line by line: a bulk file may be large, each article is capped."""
    display = _display(reader.root, path)
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


def _jsonl_record(line: str, number: int, path: Path, display: str, reader: _Reader) -> Iterator[RawArticle]:
    where = f"{display}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        reader.report("error", display, number, f"not valid JSON ({exc.msg} at column {exc.colno}); line skipped")
        return
    if not isinstance(record, dict):
        reader.report("error", display, number, "expected a JSON object with a 'text' field; line skipped")
        return
    for key in sorted(set(record) - set(JSONL_KEYS)):
        reader.report("warning", display, number, f"unknown key '{key}'{_suggest(key, JSONL_KEYS)}; ignored")
    body = record.get("text")
    if not isinstance(body, str):
        reader.report("error", display, number, "no 'text' string; line skipped")
        return
    if _has_unsafe_chars(body):
        reader.report("warning", display, number, "text holds control characters or lone surrogates; replaced")
        body = _sanitize(body)
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, (str, int)):
        reader.report("error", display, number, "'id' must be a string or a number; line skipped")
        return
    raw_id = _sanitize(str(raw_id)) if raw_id is not None else None
    # The id key is the article's id; without one, the file's path and the line number
    article_id = raw_id.strip() if raw_id and raw_id.strip() else f"{path.relative_to(reader.root / 'articles').with_suffix('').as_posix()}:{number}"
    meta = _scalar_values({k: record[k] for k in ARTICLE_KEYS if k in record},
                          lambda key, message: reader.report("warning", display, number, message))
    article = _make_article(article_id, where, meta, body, reader, None, path, line_of=number)
    if article:
        yield article


READERS: dict[str, Callable[[Path, _Reader], Iterator[RawArticle]]] = {
    ".md": read_text_article,
    ".markdown": read_text_article,
    ".txt": read_text_article,
    ".jsonl": read_jsonl_articles,
}


# ---------------------------------------------------------------- front matter

def _split_front_matter(text: str, reader: _Reader, display: str) -> tuple[dict | None, str, int]:
    """Return (metadata, body, line where the body starts); metadata None = skip the file."""
    if not text.startswith("---"):
        return {}, text, 1
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text, 1
    for number, line in enumerate(lines[1:], start=2):
        if number > MAX_FRONT_MATTER_LINES:
            reader.report("error", display, 1, f"front matter is longer than {MAX_FRONT_MATTER_LINES} lines; article skipped")
            return None, "", 1
        if line.strip() in ("---", "..."):
            block = "\n".join(lines[1 : number - 1])
            body = "\n".join(lines[number:])
            try:
                meta = yaml.safe_load(block) if block.strip() else {}
            except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:  # "2017-13-45" fails as a date
                line_no = _yaml_line(exc)
                reader.report("error", display, line_no + 1 if line_no else None, f"broken front matter: {_yaml_problem(exc)}; article skipped")
                return None, "", 1
            if meta is None:
                meta = {}
            if not isinstance(meta, dict):
                reader.report("error", display, 2, "front matter must be a mapping of keys to values; article skipped")
                return None, "", 1
            for key in sorted(str(k) for k in meta if str(k) not in ARTICLE_KEYS):
                reader.report("warning", display, _front_matter_line(lines, key), f"unknown front matter key '{key}'{_suggest(key, ARTICLE_KEYS)}; ignored")
            return _scalar_values(meta, lambda key, message: reader.report("warning", display, _front_matter_line(lines, key), message)), body, number + 1
    reader.report("error", display, 1, "front matter opened with '---' is never closed; article skipped")
    return None, "", 1


MAX_FRONT_MATTER_LINES = 200
SCALARS = (str, int, float, bool, date)


def _scalar_values(meta: dict, warn) -> dict:
    """Known keys with single values; a list or mapping (or a YAML alias bomb) is dropped with a warning."""
    kept = {}
    for key, value in meta.items():
        key = str(key)
        if key not in ARTICLE_KEYS or value is None:
            continue
        if not isinstance(value, SCALARS):
            warn(key, f"'{key}' must be a single value, not a {type(value).__name__}; ignored")
            continue
        kept[key] = _sanitize(value) if isinstance(value, str) else value
    return kept


_UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_UNSAFE_ASCII = bytes(c for c in range(128) if _UNSAFE_CHARS.match(chr(c)))


def _has_unsafe_chars(text: str) -> bool:
    """An ASCII text (most articles; no surrogates) is checked by deleting its control bytes and
    comparing lengths: the regex scan took 11 us an article, 1.1 s of loading 100,000."""
    if text.isascii():
        data = text.encode("ascii")
        return len(data.translate(None, _UNSAFE_ASCII)) != len(data)
    return _UNSAFE_CHARS.search(text) is not None


def _sanitize(text: str) -> str:
    """No control characters or lone surrogates (which cannot even be written as UTF-8)."""
    return _UNSAFE_CHARS.sub("\ufffd", text) if _has_unsafe_chars(text) else text


def _front_matter_line(lines: list[str], key: str) -> int | None:
    for number, line in enumerate(lines[1:], start=2):
        if re.match(rf"{re.escape(key)}\s*:", line):
            return number
    return None


def _suggest(key: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _yaml_line(exc: Exception) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def _yaml_problem(exc: Exception) -> str:
    problem = getattr(exc, "problem", None)
    return str(problem) if problem else str(exc).splitlines()[0]


def _take_markdown_heading(body: str) -> tuple[str, str | None]:
    """A leading '# Heading' line is the article's title, not part of its text."""
    stripped = body.lstrip("\n")
    match = re.match(r"#\s+(.+?)\s*#*\s*(?:\n|$)", stripped)
    if match:
        return stripped[match.end() :], match.group(1).strip()
    return body, None


# ---------------------------------------------------------------- one article

DATE_LINE_RE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december)\s+"
    r"(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\s*$",
    re.IGNORECASE,
)


def _make_article(article_id, display, meta, body, reader: _Reader, body_line, path, line_of=None) -> RawArticle | None:
    line = line_of
    body = body.strip("\n")
    if not body.strip():
        reader.report("error", display if line_of is None else display.rsplit(":", 1)[0], line, "empty article body; article skipped")
        return None
    file_display = display if line_of is None else display.rsplit(":", 1)[0]

    published = _parse_published(meta.get("published"), reader, file_display, line)
    if published is None and meta.get("published") is None:
        published, body = _date_from_first_line(body)
        if published:
            reader.report("info", file_display, line or body_line, f"no 'published' date; using the date on the article's first line ({published.date().isoformat()})")

    url = _http_url(meta.get("url"))
    if meta.get("url") and not url:
        reader.report("warning", file_display, line, f"url {str(meta.get('url'))[:80]!r} is not an http(s) address; dropped")

    source = _resolve_source(meta.get("source"), body, path, reader, file_display, line)
    return RawArticle(
        id=article_id,
        path=display,
        source=source,
        raw_text=body,
        title=_opt_str(meta.get("title")),
        published=published,
        url=url,
        author=_opt_str(meta.get("author")),
        lang=_opt_str(meta.get("lang")) or "en",
        license=_opt_str(meta.get("license")),
        summary_only=bool(meta.get("summary_only")),
    )


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _http_url(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    if re.match(r"https?://[^\s/?#]+", value, re.IGNORECASE) and not re.search(r"[\s<>\"'`\\]", value):
        return value
    return None


def _parse_published(value: Any, reader: _Reader, display: str, line: int | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return _naive_utc(value)
    if isinstance(value, date):
        return datetime.combine(value, time())
    try:
        parsed = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        return _naive_utc(parsed)
    try:
        raise ValueError
    except ValueError:
        reader.report("warning", display, line, f"published {str(value)[:40]!r} is not an ISO date (2017-10-15 or 2017-10-15T08:00); ignored")
        return None


def _naive_utc(value: datetime) -> datetime:
    """Compare every date in one time zone: UTC, without tzinfo."""
    if value.tzinfo is None:
        return value
    from datetime import timezone

    return value.astimezone(timezone.utc).replace(tzinfo=None)


def _date_from_first_line(body: str) -> tuple[datetime | None, str]:
    """Archives such as Wikinews put the date alone on the first line: take it, honestly, from there."""
    first, _, rest = body.partition("\n")
    match = DATE_LINE_RE.match(first.strip())
    if not match:
        return None, body
    try:
        parsed = datetime.strptime(f"{match['month']} {match['day']} {match['year']}", "%B %d %Y")
    except ValueError:
        return None, body
    return parsed, rest.strip("\n")


def _resolve_source(value: Any, body: str, path: Path, reader: _Reader, display: str, line: int | None) -> Source:
    if value is not None and str(value).strip():
        found = _match_source(str(value), reader.sources)
        if found:
            return found
        key = re.sub(r"[^a-z0-9]+", "-", str(value).strip().lower()).strip("-") or "unknown"
        reader.report("warning", display, line, f"source '{value}' is not listed in sources.yml; add it there to give it a name and home page")
        return Source(key=key, name=_opt_str(value) or key)
    dateline = split_dateline(body.split("\n", 1)[0].strip())
    if dateline:
        found = _match_source(dateline[1], reader.sources)
        if found:
            reader.report("info", display, line, f"no 'source'; inferred '{found.name}' from the dateline '({dateline[1].strip()})'")
            return found
    folder = path.parent.name.lower()
    if folder in reader.sources:
        found = reader.sources[folder]
        reader.report("info", display, line, f"no 'source'; inferred '{found.name}' from the folder name")
        return found
    reader.report("warning", display, line, "no 'source' and none could be inferred; listed as an unknown outlet")
    return UNKNOWN_SOURCE


def _match_source(value: str, sources: dict[str, Source]) -> Source | None:
    wanted = value.strip().lower()
    for key, source in sources.items():
        if wanted in (key, source.name.lower()):
            return source
    return None
