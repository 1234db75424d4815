"""`digest fetch`: every outlet's feeds -> new article files, and the feeds' state.

Identity is per outlet: an item is known to its outlet by its GUID, its link, the
address its page was read at and the page's canonical address; another outlet's
item with the same GUID is its own article. Two items of one outlet whose pages
share a canonical address write one file. Nothing in one item or feed stops the
others: an error is logged against it and the run goes on; the state file is
written at the end, and only when it changed.
"""
from __future__ import annotations

import copy
import threading
import traceback
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

from ..corpus import read_sources
from ..models import Source
from ..state import load_state, save_state
from .articles import compose, corpus_identities
from .config import FetchConfig, FetchError, FetchReport
from .feeds import Feed, Item, parse_feed
from .net import Hosts, http_get
from .pages import extract_page


class _Run:
    """One run's shared state: what each outlet already holds, the report, the log."""

    def __init__(self, config: FetchConfig, state: dict, log: Callable[[str], None]) -> None:
        self.config = config
        self.content = Path(config.content_dir)
        self.articles_dir = self.content / "articles"
        self.state = state
        self.report = FetchReport()
        self.hosts = Hosts(config.host_delay)
        self.lock = threading.RLock()
        self.emit = log
        self.claimed: set[tuple[str, str]] = set()
        """(outlet, GUID or address) of the items this run has taken: a second one is a duplicate."""
        on_file = corpus_identities(self.articles_dir)
        self.known: dict[str, set[str]] = {k: set(v) for k, v in (state.get("fetched") or {}).items()}
        for outlet, keys in on_file.items():
            self.known.setdefault(outlet, set()).update(keys)
        # Runs before identity was per outlet kept one list for all outlets: an entry that an article
        # file attributes to an outlet is that outlet's; any other still counts for every outlet.
        attributed = set().union(*on_file.values()) if on_file else set()
        self.legacy = (set(state.get("fetched_urls") or []) | set(state.get("fetched_guids") or [])) - attributed

    def say(self, line: str) -> None:
        with self.lock:
            self.report.log.append(line)
            self.emit(line)

    def is_known(self, outlet: str, keys) -> bool:
        mine = self.known.get(outlet, set())
        return any(k and (k in mine or k in self.legacy) for k in keys)

    def remember(self, outlet: str, keys) -> None:
        self.known.setdefault(outlet, set()).update(k for k in keys if k)
        self.claimed.update((outlet, k) for k in keys if k)

    def record(self, **fields) -> None:
        with self.lock:
            self.report.items.append(fields)


def fetch(config: FetchConfig, log: Callable[[str], None] = print) -> FetchReport:
    """Read every feed in content/sources.yml and write each new item as an article file.

    Returns the report (new files, failed and unchanged feeds, each item's outcome). Never raises
    for a feed, page or item: each problem is one log line naming the outlet and address."""
    content = Path(config.content_dir)
    state = load_state(content)
    run = _Run(config, copy.deepcopy(state), log)
    sources, problems = read_sources(content)
    for problem in problems:
        if problem.level != "info":
            run.say(f"fetch: {problem}")
    by_host: dict[str, list[tuple[Source, str]]] = {}
    for _, source in sorted(sources.items()):
        for url in source.feeds:
            by_host.setdefault(urllib.parse.urlsplit(url).hostname or "", []).append((source, url))
    with ThreadPoolExecutor(max_workers=max(1, config.workers)) as pool:
        list(pool.map(lambda group: [_run_feed(run, s, u) for s, u in group], by_host.values()))
    _save_if_changed(content, state, run)
    return run.report


def _save_if_changed(content: Path, before: dict, run: _Run) -> None:
    after = run.state
    fetched = {outlet: sorted(keys) for outlet, keys in sorted(run.known.items()) if keys}
    if fetched or "fetched" in after:
        after["fetched"] = fetched
    if after != before:  # a run that learnt nothing leaves the tracked file alone
        save_state(content, after)


def _run_feed(run: _Run, source: Source, feed_url: str) -> None:
    try:
        feed = _read_feed(run, source, feed_url)
        if feed is None:
            return
        new = sum(_run_item(run, source, feed_url, feed, item) for item in feed.items)
        run.say(f"fetch: {source.name}: {feed_url}: {new} new article{'s' if new != 1 else ''}")
    except Exception as exc:  # noqa: BLE001 -- one feed must never stop the others
        run.say(f"fetch: {source.name}: {feed_url}: failed: internal error {type(exc).__name__}: {exc}; "
                f"{_where(exc)}")
        with run.lock:
            run.report.failed_feeds.append(feed_url)


def _read_feed(run: _Run, source: Source, feed_url: str) -> Feed | None:
    feeds_state = run.state.get("feeds", {})
    previous = feeds_state.get(feed_url, {})
    headers = {}
    if previous.get("etag"):
        headers["If-None-Match"] = previous["etag"]
    if previous.get("last_modified"):
        headers["If-Modified-Since"] = previous["last_modified"]
    try:
        response = http_get(feed_url, run.config, run.hosts, headers)
        if response.status == 304:
            run.say(f"fetch: {source.name}: {feed_url}: unchanged")
            with run.lock:
                run.report.unchanged_feeds.append(feed_url)
            return None
        feed = parse_feed(response.body, source, response.url, run.config.max_items, response.headers)
    except FetchError as exc:
        run.say(f"fetch: {source.name}: {feed_url}: failed: {exc}")
        with run.lock:
            run.report.failed_feeds.append(feed_url)
        return None
    validators = {k: v for k, v in (("etag", response.headers.get("etag")),
                                    ("last_modified", response.headers.get("last-modified"))) if v}
    with run.lock:
        if validators or feed_url in feeds_state:
            run.state.setdefault("feeds", {})[feed_url] = validators
    return feed


def _run_item(run: _Run, source: Source, feed_url: str, feed: Feed, item: Item) -> int:
    """1 when the item was written as a new article, else 0; every outcome is recorded."""
    record = {"outlet": source.key, "feed": feed_url, "guid": item.guid, "link": item.url}
    try:
        with run.lock:
            if run.is_known(source.key, (item.guid, item.url)):
                again = any((source.key, k) in run.claimed for k in (item.guid, item.url) if k)
                if again:
                    run.say(f"fetch: {source.name}: {item.url or item.guid[:80]}: same item as another in this run; skipped")
                run.record(**record, outcome="duplicate" if again else "known")
                return 0
            run.remember(source.key, (item.guid, item.url))  # claimed: the same GUID later in the feed is a duplicate
        return _write_item(run, source, feed, item, record)
    except Exception as exc:  # noqa: BLE001 -- one item must never stop its feed
        with run.lock:
            run.known.get(source.key, set()).difference_update((item.guid, item.url))  # tried again next run
        run.say(f"fetch: {source.name}: item {item.guid[:80]}: failed: internal error {type(exc).__name__}: {exc}; {_where(exc)}")
        run.record(**record, outcome="failed", error=f"{type(exc).__name__}: {exc}")
        return 0


def _write_item(run: _Run, source: Source, feed: Feed, item: Item, record: dict) -> int:
    where = item.url or f"item {item.guid[:80]}"
    if item.date_problem:
        run.say(f"fetch: {source.name}: {where}: warning: {item.date_problem}; article left undated")
    page, page_url = _read_page(run, source, item)
    if page is not None:
        addresses = {page.canonical, page_url} - {item.url, None}
        with run.lock:
            same_page = run.is_known(source.key, addresses)
            run.remember(source.key, addresses)
        if same_page:
            run.say(f"fetch: {source.name}: {where}: same page as an article already fetched "
                    f"({page.canonical or page_url}); skipped")
            run.record(**record, outcome="duplicate")
            return 0
    names = [source.name, source.key, source.url or "", feed.title or "", feed.site or "",
             urllib.parse.urlsplit(page_url or item.url or "").hostname or ""]
    article = compose(item, page, page_url, run.articles_dir, names)
    if article is None:
        run.say(f"fetch: {source.name}: {where}: warning: no text in the feed or on the page; skipped")
        run.record(**record, outcome="empty")
        return 0
    article.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with article.path.open("x", encoding="utf-8") as handle:  # never rewrite an existing file
            handle.write(article.text)
    except FileExistsError:
        run.say(f"fetch: {source.name}: {where}: {article.path.name} appeared meanwhile; not rewritten")
        run.record(**record, outcome="failed", error="file exists")
        return 0
    relative = article.path.relative_to(run.content).as_posix()
    with run.lock:
        run.remember(source.key, (article.url,))
        run.report.new_articles.append(relative)
    if page is not None and page.replaced:
        run.say(f"fetch: {source.name}: {where}: warning: {page.replaced} bytes are not valid {page.encoding}; replaced")
    if article.origin != "page" and item.url:
        run.say(f"fetch: {source.name}: {where}: text from the {article.origin}"
                + ("; summary_only" if article.summary_only else ""))
    run.record(**record, outcome="written", path=relative, origin=article.origin, summary_only=article.summary_only,
               published=article.published.isoformat() if article.published else None,
               title_from=article.title_from, encoding=page.encoding if page else None,
               replaced=page.replaced if page else 0)
    return 1


def _read_page(run: _Run, source: Source, item: Item):
    """The item's page (extracted) and the address it was read at; (None, None) when unreadable."""
    if not item.url:
        return None, None
    try:
        response = http_get(item.url, run.config, run.hosts)
    except FetchError as exc:
        run.say(f"fetch: {source.name}: {item.url}: {exc}; keeping the feed's text")
        return None, None
    page = extract_page(response.body, response.url, response.headers.get("content-type"))
    if page is None:
        run.say(f"fetch: {source.name}: {item.url}: no article text on the page; keeping the feed's text")
        return None, response.url
    return page, response.url


def _where(exc: Exception) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    return f"at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
