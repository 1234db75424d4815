"""An item and its page -> one article file, and what the corpus already holds.

The text is the longest faithful one on offer: the page's article (trafilatura),
the feed's full content, or the feed's summary; `summary_only` is set only when the
summary is what was kept and it reads as a summary (a teaser ending in "…" or "Read
more", or under SUMMARY_WORDS). The date is the feed's; the page's only when the feed
gives none. The title is the feed's, else the page's, without the site's name;
without either the build makes a headline from the first sentence.
"""
from __future__ import annotations

import hashlib
import re
import urllib.parse
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from ..text import slugify
from .feeds import Item
from .pages import Page
from .text import clean_author, has_words, looks_truncated, strip_site_name, text_size

SUMMARY_WORDS = 150
"""A feed description shorter than this, with no page to compare, is taken for a summary."""
_TRAILER = re.compile(r"^(?:the post .+ appeared first on .+|continue reading\W*.*|read more\W*|read the full (?:story|article)\W*.*)$",
                      re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Article:
    path: Path
    text: str
    """The whole file: YAML front matter, then one paragraph a line."""
    url: str | None
    origin: str
    """Where the text came from: page, feed content, feed summary or feed title (nothing else)."""
    summary_only: bool
    published: datetime | date | None
    title_from: str
    """Where the title came from: feed, page or first sentence (the build makes it)."""


def compose(item: Item, page: Page | None, page_url: str | None, articles_dir: Path, site_names: list[str]) -> Article | None:
    """The article file for an item, or None when neither the feed nor the page holds any text."""
    origin, paragraphs = _best_text(item, page)
    if not paragraphs and has_words(item.title):
        origin, paragraphs = "feed title", [item.title]  # all there is: kept, marked as no more than a summary
    if not paragraphs:
        return None
    summary_only = origin == "feed title" or origin == "feed summary" and page is None and (
        looks_truncated(paragraphs[-1]) or text_size(" ".join(paragraphs)) < SUMMARY_WORDS)
    title, title_from = _title(item, page, site_names)
    published = item.published or (page.published if page and not item.date_problem else None)
    url = _article_url(item, page, page_url)
    meta = {"source": item.source.key, "title": title, "url": url, "guid": item.guid,
            "published": published.isoformat() if published else None,
            "author": item.author or (clean_author(page.author) if page else None), "lang": item.lang,
            "summary_only": True if summary_only else None}
    front = yaml.safe_dump({k: v for k, v in meta.items() if v is not None}, allow_unicode=True, sort_keys=True, width=1000)
    path = _file_path(item, title or paragraphs[0], published, articles_dir)
    return Article(path, f"---\n{front}---\n" + "\n\n".join(paragraphs) + "\n", url, origin, summary_only, published, title_from)


def _best_text(item: Item, page: Page | None) -> tuple[str, list[str]]:
    summary = [p for p in item.summary if not _TRAILER.match(p)]
    content = [p for p in item.content if not _TRAILER.match(p)]
    offers = [("page", list(page.paragraphs) if page else []), ("feed content", content), ("feed summary", summary)]
    # The first of the longest: the page wins a tie, as it is what the reader is sent to
    return max(offers, key=lambda offer: text_size(" ".join(offer[1])))


def _title(item: Item, page: Page | None, site_names: list[str]) -> tuple[str | None, str]:
    names = site_names + ([page.sitename] if page and page.sitename else [])
    if has_words(item.title):
        return strip_site_name(item.title, names), "feed"
    if page and has_words(page.title):
        return strip_site_name(page.title, names), "page"
    return None, "first sentence"


def _article_url(item: Item, page: Page | None, page_url: str | None) -> str | None:
    """The page's canonical address when it is on the page's own site (a syndicated copy's canonical
    names the original outlet, whose article this is not), else the address the page was read at."""
    if page and page.canonical and page_url and _site(page.canonical) == _site(page_url):
        return page.canonical
    return page_url if page else item.url


def _site(url: str) -> str:
    host = urllib.parse.urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _file_path(item: Item, headline: str, published, articles_dir: Path) -> Path:
    day = published.isoformat()[:10] if published else "undated"
    slug = slugify(headline, 60)
    if slug == "item":  # a headline with no Latin letters or digits
        slug = "item-" + hashlib.sha1(item.guid.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    folder = articles_dir / item.source.key
    path = folder / f"{day}-{slug}.md"
    if path.exists():
        path = folder / f"{day}-{slug}-{hashlib.sha1(item.guid.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}.md"
    return path


# ---------------------------------------------------------------- what the corpus holds

_FRONT_KEY = re.compile(r"^(source|url|guid):\s*(.+?)\s*$", re.MULTILINE)


def corpus_identities(articles_dir: Path) -> dict[str, set[str]]:
    """Outlet key -> the GUIDs and URLs of its articles already in the corpus (front matter), so an
    item is never fetched twice. An article without a `source` is filed under its folder's name."""
    known: dict[str, set[str]] = {}
    for path in articles_dir.rglob("*.md"):
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                head = handle.read(4000)
        except OSError:
            continue
        if not head.startswith("---"):
            continue
        fields = {key: _scalar(value) for key, value in _FRONT_KEY.findall(head.split("\n---", 1)[0])}
        outlet = fields.get("source") or path.relative_to(articles_dir).parts[0]
        known.setdefault(outlet.lower(), set()).update(v for k, v in fields.items() if k in ("url", "guid"))
    return known


def _scalar(value: str) -> str:
    """A front matter value as YAML reads it; only quoted values need the YAML reader."""
    if value[:1] in ("'", '"'):
        try:
            return str(yaml.safe_load(value))
        except yaml.YAMLError:
            return value.strip("'\"")
    return value
