"""A feed's bytes -> its items: RSS 0.9x/1.0/2.0, Atom and CDF by feedparser, JSON Feed 1.0/1.1 here.

Each item keeps what the feed says about it as text: the title, the full content
(RSS content:encoded, Atom <content>, JSON Feed content_html/content_text) and the
summary (description, <summary>, JSON Feed summary) as paragraphs, the date read by
digest.fetch.dates, the byline cleaned, and the declared language.
"""
from __future__ import annotations

import hashlib
import json
import re
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime

from ..models import Source
from .config import FetchError
from .dates import BadDate, read_feed_date
from .text import clean_author, html_to_paragraphs, one_line, plain_paragraphs

JSON_FEED_VERSION = re.compile(r"^https?://jsonfeed\.org/version/1(?:\.1)?/?$")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$", re.IGNORECASE)
_ESCAPED_CDATA = re.compile(rb"&lt;!\[CDATA\[(.*?)\]\]&gt;", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Item:
    source: Source
    guid: str
    url: str | None
    title: str | None
    summary: tuple[str, ...] = ()
    """The feed's description or summary, as paragraphs."""
    content: tuple[str, ...] = ()
    """The feed's full content (content:encoded, Atom content, JSON Feed content), as paragraphs."""
    published: datetime | None = None
    date_problem: str | None = None
    """Why a date the feed gives was not used (digest.fetch.dates.BadDate), for the log."""
    author: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Feed:
    items: list[Item]
    title: str | None = None
    site: str | None = None
    problems: list[str] = field(default_factory=list)


def parse_feed(body: bytes, source: Source, feed_url: str, limit: int, headers: dict[str, str] | None = None) -> Feed:
    """The first `limit` items of a feed. Raises FetchError when the body is no feed at all."""
    json_feed = _json_feed(body)
    if json_feed is not None:
        return _parse_json_feed(json_feed, source, feed_url, limit)
    return _parse_xml_feed(body, source, feed_url, limit, headers or {})


# ---------------------------------------------------------------- RSS, Atom (feedparser)

def _parse_xml_feed(body: bytes, source: Source, feed_url: str, limit: int, headers: dict[str, str]) -> Feed:
    import feedparser

    # A description whose CDATA section was escaped as text ("&lt;![CDATA[...]]&gt;") is read as
    # markup by feedparser and sanitized away; its content is the description.
    body = _ESCAPED_CDATA.sub(rb"\1", body)
    headers = {k: v for k, v in headers.items() if k in ("content-type", "content-location")}
    body, headers = _utf8_if_undeclared(body, headers)
    parsed = feedparser.parse(body, response_headers=headers)
    if parsed.bozo and not parsed.entries and not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        raise FetchError(f"not a feed ({type(problem).__name__}: {str(problem)[:80]})")
    feed_lang = _lang(parsed.feed.get("language"))
    items = []
    for entry in parsed.entries[:limit]:
        link = _http_link(entry.get("link"), feed_url)
        content = _longest([_feedparser_text(c) for c in entry.get("content") or []])
        summary = _feedparser_text(entry.get("summary_detail") or {"value": entry.get("summary")})
        if summary == content:  # feedparser copies an Atom entry's content into its summary
            summary = ()
        title = one_line(entry.get("title"))
        published, problem = _date(entry)
        guid = entry.get("id") or link or _hash_id(title, summary or content)
        author = clean_author(entry.get("author") or _first_name(entry.get("authors")))
        lang = _lang((entry.get("title_detail") or {}).get("language")) or feed_lang
        items.append(Item(source, str(guid), link, title, summary, content, published, problem, author, lang))
    return Feed(items, one_line(parsed.feed.get("title")), parsed.feed.get("link"))


_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>")
_DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=", re.IGNORECASE)


def _utf8_if_undeclared(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    """A feed that names no charset (no BOM, no XML encoding, no HTTP charset) and is not UTF-8 is
    decoded by charset_normalizer's guess and handed on as UTF-8; feedparser, without chardet,
    would read it as Windows-1252 and write every EUC-JP or Big5 title as mojibake."""
    if body[:3] == b"\xef\xbb\xbf" or body[:2] in (b"\xff\xfe", b"\xfe\xff") or _DECLARED_ENCODING.match(body) \
            or "charset=" in headers.get("content-type", "").lower():
        return body, headers
    try:
        body.decode("utf-8")
        return body, headers
    except UnicodeDecodeError:
        pass
    from .pages import _guesses

    for encoding in _guesses(body):
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        declaration = b'<?xml version="1.0" encoding="utf-8"?>'
        data = _XML_DECLARATION.sub(b"", text.encode("utf-8"), count=1)
        content_type = headers.get("content-type", "application/xml").split(";")[0]
        return declaration + data, {**headers, "content-type": f"{content_type}; charset=utf-8"}
    return body, headers


def _feedparser_text(detail) -> tuple[str, ...]:
    value = (detail or {}).get("value")
    if not value:
        return ()
    if (detail.get("type") or "").startswith("text/plain"):
        return tuple(plain_paragraphs(str(value)))
    return tuple(html_to_paragraphs(str(value)))


def _date(entry) -> tuple[datetime | None, str | None]:
    """The item's publication date: published, else updated, else created."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            try:
                return read_feed_date(raw, entry.get(f"{key}_parsed")), None
            except BadDate as exc:
                return None, str(exc)
    return None, None


def _first_name(authors) -> str | None:
    if isinstance(authors, list):
        names = [a.get("name") for a in authors if isinstance(a, dict) and a.get("name")]
        return "; ".join(names) or None
    return None


# ---------------------------------------------------------------- JSON Feed

def _json_feed(body: bytes) -> dict | None:
    """The decoded JSON Feed, or None when the body is not one (https://www.jsonfeed.org/version/1.1/)."""
    start = body.lstrip()[:1]
    if start != b"{" and not body.startswith(b"\xef\xbb\xbf"):
        return None
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None
    if isinstance(data, dict) and JSON_FEED_VERSION.match(str(data.get("version", ""))):
        return data
    return None


def _parse_json_feed(data: dict, source: Source, feed_url: str, limit: int) -> Feed:
    items_data = data.get("items")
    if not isinstance(items_data, list):
        raise FetchError("JSON Feed without an 'items' list")
    feed_lang = _lang(data.get("language"))
    feed_author = _json_author(data)
    items = []
    for entry in items_data[:limit]:
        if not isinstance(entry, dict):
            continue
        link = _http_link(_string(entry.get("url")) or _string(entry.get("external_url")), feed_url)
        content = _longest([tuple(html_to_paragraphs(_string(entry.get("content_html")) or "")),
                            tuple(plain_paragraphs(_string(entry.get("content_text")) or ""))])
        summary = tuple(plain_paragraphs(_string(entry.get("summary")) or ""))
        title = one_line(_string(entry.get("title")))
        published, problem = None, None
        raw_date = _string(entry.get("date_published")) or _string(entry.get("date_modified"))
        try:
            published = read_feed_date(raw_date)
        except BadDate as exc:
            problem = str(exc)
        guid = entry.get("id")
        guid = str(guid) if isinstance(guid, (str, int, float)) and str(guid).strip() else link or _hash_id(title, summary or content)
        author = clean_author(_json_author(entry) or feed_author)
        items.append(Item(source, guid, link, title, summary, content, published, problem, author,
                          _lang(entry.get("language")) or feed_lang))
    return Feed(items, one_line(_string(data.get("title"))), _string(data.get("home_page_url")))


def _json_author(obj: dict) -> str | None:
    """Version 1.1's "authors" list or version 1.0's "author" object."""
    authors = obj.get("authors")
    if isinstance(authors, list):
        return _first_name(authors)
    author = obj.get("author")
    return _string(author.get("name")) if isinstance(author, dict) else None


def _string(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


# ---------------------------------------------------------------- shared

def _http_link(link, base: str) -> str | None:
    if not link or not isinstance(link, str):
        return None
    try:
        absolute = urllib.parse.urljoin(base, link.strip())
        parts = urllib.parse.urlsplit(absolute)
    except ValueError:
        return None
    return absolute if parts.scheme in ("http", "https") and parts.hostname else None


def _longest(texts: list[tuple[str, ...]]) -> tuple[str, ...]:
    from .text import text_size

    return max(texts, key=lambda paragraphs: text_size(" ".join(paragraphs)), default=())


def _lang(value) -> str | None:
    return value.strip() if isinstance(value, str) and _LANG.match(value.strip()) else None


def _hash_id(title: str | None, paragraphs: tuple[str, ...]) -> str:
    text = f"{title or ''}\n" + "\n".join(paragraphs)
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
