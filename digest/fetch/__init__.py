"""Feeds -> new article files: the only package in digest that uses the network.

`fetch(config)` reads the feeds listed in content/sources.yml (RSS 0.9x/1.0/2.0,
Atom and CDF through feedparser; JSON Feed 1.0/1.1), downloads each new item's page,
extracts its text and metadata with trafilatura, and writes one article file per
item into content/articles/<outlet>/. It is polite (a delay and one connection at a
time per host), cheap on unchanged feeds (ETag / Last-Modified), bounded (timeouts
and a size cap on every response) and safe (http(s) only, also after redirects). A
feed, page or item that fails is logged and the others still run; an article file
that exists is never rewritten, and an outlet's item already fetched (same GUID,
link or canonical page) is never fetched again.

Modules: net (HTTP), feeds (items), dates (feed dates), pages (decoding, extraction),
text (paragraphs, titles, bylines), articles (the file), run (the command).
"""
from .config import FetchConfig, FetchError, FetchReport
from .feeds import Feed, Item, parse_feed
from .pages import Page, decode_page, extract_page
from .run import fetch

__all__ = ["FetchConfig", "FetchError", "FetchReport", "Feed", "Item", "Page", "decode_page", "extract_page", "fetch", "parse_feed"]
