"""Feeds -> new article files: the only module that uses the network.

`fetch(config)` reads the feeds listed in content/sources.yml (RSS 0.9x/1.0/2.0
and Atom, parsed by feedparser), downloads each new item's page, extracts its
text and metadata with trafilatura, and writes one article file per item into
content/articles/<outlet>/. It is polite (a delay and one connection at a time
per host), cheap on unchanged feeds (ETag / Last-Modified), bounded (timeouts
and a size cap on every response) and safe (http(s) only, also after
redirects). A feed that fails is logged and the others still run; an article
file that exists is never rewritten, and an item already fetched (same URL or
GUID) is never fetched again.
"""
from __future__ import annotations

import hashlib
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import yaml

from .corpus import read_sources
from .models import Source
from .state import load_state, save_state
from .text import slugify

USER_AGENT = "news-digest/0.1 (+https://github.com/; polite feed reader)"


@dataclass(frozen=True, slots=True)
class FetchConfig:
    content_dir: Path = Path("content")
    timeout: float = 15.0
    """Seconds before a slow response is given up."""
    max_bytes: int = 5 * 1024 * 1024
    """Responses larger than this are refused."""
    host_delay: float = 1.0
    """Seconds between two requests to the same host."""
    workers: int = 4
    """Hosts fetched at the same time (one connection per host)."""
    max_items: int = 100
    """Items read from one feed per run."""


@dataclass
class FetchReport:
    new_articles: list[str] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    failed_feeds: list[str] = field(default_factory=list)
    unchanged_feeds: list[str] = field(default_factory=list)


class FetchError(Exception):
    pass


# ---------------------------------------------------------------- HTTP

class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(f"redirect to a non-http(s) address refused: {newurl[:80]}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_SafeRedirects)


class _Hosts:
    """One request at a time per host, and a pause between them."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.locks: dict[str, threading.Lock] = {}
        self.last: dict[str, float] = {}
        self.guard = threading.Lock()

    def lock(self, host: str) -> threading.Lock:
        with self.guard:
            return self.locks.setdefault(host, threading.Lock())

    def wait(self, host: str) -> None:
        pause = self.last.get(host, 0.0) + self.delay - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self.last[host] = time.monotonic()


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    body: bytes
    url: str
    headers: dict[str, str]


def http_get(url: str, config: FetchConfig, hosts: _Hosts, headers: dict[str, str] | None = None) -> Response:
    """GET with a timeout and a size cap; 304 comes back as a response with an empty body."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) address: {url[:80]}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
    with hosts.lock(parts.hostname):
        hosts.wait(parts.hostname)
        try:
            with _OPENER.open(request, timeout=config.timeout) as response:
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > config.max_bytes:
                    raise FetchError(f"response of {int(declared) / 1e6:.1f} MB is over the {config.max_bytes / 1e6:.1f} MB limit")
                body = response.read(config.max_bytes + 1)
                if len(body) > config.max_bytes:
                    raise FetchError(f"response is over the {config.max_bytes / 1e6:.1f} MB limit")
                return Response(response.status, body, response.geturl(), {k.lower(): v for k, v in response.headers.items()})
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Response(304, b"", url, {})
            raise FetchError(f"HTTP {exc.code} {exc.reason}") from exc
        except urllib.error.URLError as exc:
            raise FetchError(f"cannot connect: {exc.reason}") from exc
        except TimeoutError as exc:
            raise FetchError(f"no answer within {config.timeout:g} s") from exc
        except OSError as exc:
            raise FetchError(f"connection failed: {exc}") from exc


# ---------------------------------------------------------------- feeds

@dataclass(frozen=True, slots=True)
class Item:
    source: Source
    guid: str
    url: str | None
    title: str | None
    summary: str | None
    published: datetime | None
    author: str | None


def parse_feed(body: bytes, source: Source, feed_url: str, limit: int) -> list[Item]:
    import feedparser

    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        raise FetchError(f"not a feed ({type(parsed.bozo_exception).__name__}: {str(parsed.bozo_exception)[:80]})")
    items = []
    for entry in parsed.entries[:limit]:
        link = entry.get("link")
        link = urllib.parse.urljoin(feed_url, link) if link else None
        if link and urllib.parse.urlsplit(link).scheme not in ("http", "https"):
            link = None
        title = _plain(entry.get("title"))
        summary = _plain(entry.get("summary") or entry.get("description"))
        guid = entry.get("id") or link or "sha1:" + hashlib.sha1(f"{title}\n{summary}".encode()).hexdigest()
        items.append(Item(source, str(guid), link, title, summary, _entry_date(entry), _plain(entry.get("author"))))
    return items


def _plain(value) -> str | None:
    if not value:
        return None
    text = re.sub(r"<[^>]+>", " ", str(value))
    import html

    text = re.sub(r"\s+", " ", html.unescape(text)).strip()
    return text or None


def _entry_date(entry) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime(*value[:6], tzinfo=timezone.utc)
    return None


# ---------------------------------------------------------------- pages

@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    published: datetime | None
    author: str | None
    url: str | None


def extract_page(body: bytes, url: str) -> Page | None:
    import trafilatura

    html = body.decode("utf-8", errors="replace")
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False, favor_precision=True)
    if not text or len(text.split()) < 20:
        return None
    meta = trafilatura.extract_metadata(html, default_url=url)
    title = meta.title if meta else None
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        text = "\n".join(lines[1:]).strip()
    published = None
    if meta and meta.date:
        try:
            published = datetime.fromisoformat(meta.date)
        except ValueError:
            published = None
    canonical = meta.url if meta and meta.url and re.match(r"https?://", meta.url) else None
    return Page(text, title, published, meta.author if meta else None, canonical)


# ---------------------------------------------------------------- writing

def article_file(item: Item, page: Page | None, articles_dir: Path) -> tuple[Path, str]:
    published = (page.published if page and page.published else None) or item.published
    day = published.date().isoformat() if published else "undated"
    title = (page.title if page and page.title else None) or item.title or "untitled"
    folder = articles_dir / item.source.key
    stem = f"{day}-{slugify(title, 60)}"
    path = folder / f"{stem}.md"
    if path.exists():
        path = folder / f"{stem}-{hashlib.sha1(item.guid.encode()).hexdigest()[:8]}.md"
    meta = {"source": item.source.key, "title": title, "url": (page.url if page and page.url else None) or item.url,
            "guid": item.guid}
    if published:
        meta["published"] = published.isoformat()
    author = (page.author if page else None) or item.author
    if author:
        meta["author"] = author
    if page is None:
        meta["summary_only"] = True
    body = page.text if page else (item.summary or item.title or "")
    front = yaml.safe_dump({k: v for k, v in meta.items() if v is not None}, allow_unicode=True, sort_keys=True, width=1000)
    return path, f"---\n{front}---\n{body.strip()}\n"


def known_articles(articles_dir: Path) -> tuple[set[str], set[str]]:
    """URLs and GUIDs of every article already in the corpus (front matter), so nothing is fetched twice."""
    urls, guids = set(), set()
    for path in articles_dir.rglob("*.md"):
        try:
            head = path.read_text(encoding="utf-8", errors="replace")[:4000]
        except OSError:
            continue
        if head.startswith("---"):
            for key, value in re.findall(r"^(url|guid):\s*(.+?)\s*$", head.split("\n---", 1)[0], re.MULTILINE):
                value = value.strip("'\"")
                (urls if key == "url" else guids).add(value)
    return urls, guids


# ---------------------------------------------------------------- the command

def fetch(config: FetchConfig, log: Callable[[str], None] = print) -> FetchReport:
    report = FetchReport()
    content = Path(config.content_dir)
    articles_dir = content / "articles"
    state = load_state(content)
    feed_state: dict = state.setdefault("feeds", {})
    seen_urls, seen_guids = known_articles(articles_dir)
    seen_urls |= set(state.get("fetched_urls", []))
    seen_guids |= set(state.get("fetched_guids", []))
    hosts = _Hosts(config.host_delay)
    lock = threading.Lock()

    def say(line: str) -> None:
        with lock:
            report.log.append(line)
            log(line)

    def run_feed(source: Source, feed_url: str) -> None:
        previous = feed_state.get(feed_url, {})
        headers = {}
        if previous.get("etag"):
            headers["If-None-Match"] = previous["etag"]
        if previous.get("last_modified"):
            headers["If-Modified-Since"] = previous["last_modified"]
        try:
            response = http_get(feed_url, config, hosts, headers)
            if response.status == 304:
                say(f"fetch: {source.name}: {feed_url}: unchanged")
                with lock:
                    report.unchanged_feeds.append(feed_url)
                return
            items = parse_feed(response.body, source, response.url, config.max_items)
        except FetchError as exc:
            say(f"fetch: {source.name}: {feed_url}: failed: {exc}")
            with lock:
                report.failed_feeds.append(feed_url)
            return
        with lock:
            feed_state[feed_url] = {k: v for k, v in (("etag", response.headers.get("etag")),
                                                        ("last_modified", response.headers.get("last-modified"))) if v}
        new = 0
        for item in items:
            with lock:
                if item.guid in seen_guids or (item.url and item.url in seen_urls):
                    continue
                seen_guids.add(item.guid)
                if item.url:
                    seen_urls.add(item.url)
            page = None
            if item.url:
                try:
                    page = extract_page(http_get(item.url, config, hosts).body, item.url)
                    if page is None:
                        say(f"fetch: {source.name}: {item.url}: no article text on the page; keeping the feed's summary")
                except FetchError as exc:
                    say(f"fetch: {source.name}: {item.url}: {exc}; keeping the feed's summary")
            if page is None and not (item.summary or item.title):
                say(f"fetch: {source.name}: item {item.guid[:80]}: no text at all; skipped")
                continue
            path, text = article_file(item, page, articles_dir)
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                with path.open("x", encoding="utf-8") as handle:  # never rewrite an existing file
                    handle.write(text)
            except FileExistsError:
                continue
            new += 1
            with lock:
                report.new_articles.append(path.relative_to(content).as_posix())
                if page and page.url:
                    seen_urls.add(page.url)
        say(f"fetch: {source.name}: {feed_url}: {new} new article{'s' if new != 1 else ''}")

    sources, problems = read_sources(content)
    for problem in problems:
        if problem.level != "info":
            say(f"fetch: {problem}")
    jobs = [(source, url) for _, source in sorted(sources.items()) for url in source.feeds]
    by_host: dict[str, list] = {}
    for source, url in jobs:
        by_host.setdefault(urllib.parse.urlsplit(url).hostname or "", []).append((source, url))
    with ThreadPoolExecutor(max_workers=max(1, config.workers)) as pool:
        list(pool.map(lambda group: [run_feed(s, u) for s, u in group], by_host.values()))

    state["fetched_urls"] = sorted(seen_urls)
    state["fetched_guids"] = sorted(seen_guids)
    save_state(content, state)
    return report
