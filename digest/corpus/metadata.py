"""One article's metadata: its date, address and outlet, checked and inferred."""
from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ..models import RawArticle
from ..text import date_line
from .context import ReadContext
from .frontmatter import http_url, optional_text
from .sources import resolve_source


def make_article(article_id, display, meta, body, reader: ReadContext, body_line, path, line_of=None) -> RawArticle | None:
    """A RawArticle from a file's (or JSON line's) metadata and body, with what is missing
    inferred and reported; None (reported as an error) when the body is empty."""
    line = line_of
    body = body.strip("\n")
    if not body.strip():
        reader.report("error", display if line_of is None else display.rsplit(":", 1)[0], line, "empty article body; article skipped")
        return None
    file_display = display if line_of is None else display.rsplit(":", 1)[0]

    published = _parse_published(meta.get("published"), reader, file_display, line)
    if published is None and meta.get("published") is None:
        published, body = date_from_first_line(body)
        if published:
            reader.report("info", file_display, line or body_line, f"no 'published' date; using the date on the article's first line ({published.date().isoformat()})")

    url = http_url(meta.get("url"))
    if meta.get("url") and not url:
        reader.report("warning", file_display, line, f"url {str(meta.get('url'))[:80]!r} is not an http(s) address; dropped")

    source = resolve_source(meta.get("source"), body, path, reader, file_display, line)
    return RawArticle(
        id=article_id,
        path=display,
        source=source,
        raw_text=body,
        title=optional_text(meta.get("title")),
        published=published,
        url=url,
        author=optional_text(meta.get("author")),
        lang=_language_code(meta.get("lang")),
        license=optional_text(meta.get("license")),
        summary_only=bool(meta.get("summary_only")),
    )


def _parse_published(value: Any, reader: ReadContext, display: str, line: int | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return _as_published(value)
    if isinstance(value, date):
        return datetime.combine(value, time())
    try:
        parsed = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        return _as_published(parsed)
    try:
        raise ValueError
    except ValueError:
        reader.report("warning", display, line, f"published {str(value)[:40]!r} is not an ISO date (2017-10-15 or 2017-10-15T08:00); ignored")
        return None


def _as_published(value: datetime) -> datetime:
    """The date and time as the outlet wrote them, without their offset: the day an article is
    filed under is the day its outlet published it on ('2024-03-12T00:30:00+02:00' is 12 March, not
    UTC's 11 March). Times of outlets in different zones then differ by at most the hours between
    the zones, which no event span of days notices."""
    return value.replace(tzinfo=None)


def date_from_first_line(body: str) -> tuple[datetime | None, str]:
    """Archives such as Wikinews put the date alone on the first line: take it, honestly, from there."""
    first, _, rest = body.partition("\n")
    parsed = date_line(first)
    if parsed is None:
        return None, body
    return parsed, rest.strip("\n")


def _language_code(value: Any) -> str | None:
    """'en', 'de', 'zh'... from the front matter's lang ('en-GB', 'DE' -> 'en', 'de'); None when absent
    (the restore stage then tells the language from the text)."""
    text = optional_text(value)
    return text.lower().replace("_", "-").split("-")[0] if text else None
