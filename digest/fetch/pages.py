"""An article page -> its text, title, date, byline and canonical address.

The bytes are decoded here (w3lib reads the BOM, the HTTP header and <meta>, with the
WHATWG names for legacy charsets; charset_normalizer guesses when none says), then
trafilatura extracts the article with its default settings, whose recall of an
article's sentences is what the text is measured against (README: fetch), without
reader comments. The page's date comes from htmldate reading the markup only (meta
tags, JSON-LD, <time>, the URL), never a year guessed from the running text.
"""
from __future__ import annotations

import codecs
import copy
import re
import urllib.parse
from dataclasses import dataclass
from datetime import date

from .text import join_wrapped_lines, text_size

MIN_WORDS = 20
"""A page with less text than this (text_size) holds no article: an index, a paywall, an error page."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    replaced: int
    """Bytes that no candidate charset could decode (written as U+FFFD); 0 for a clean page."""


@dataclass(frozen=True, slots=True)
class Page:
    paragraphs: tuple[str, ...]
    title: str | None
    published: date | None
    author: str | None
    canonical: str | None
    sitename: str | None
    encoding: str
    replaced: int


def decode_page(body: bytes, content_type: str | None) -> Decoded:
    """The page as text, in the first charset that decodes every byte: a BOM's; a UTF-16/32 charset
    the HTTP header or <meta> declares; UTF-8 (a legacy charset almost never is valid UTF-8, and
    servers often declare ISO-8859-1 by default over UTF-8 pages); the header's, then <meta>'s
    charset. A page that none of them decodes is mended rather than guessed at where it can be:
    UTF-8 with a few stray Windows-1252 bytes (copied-in quotes) keeps its UTF-8 and reads those
    bytes as Windows-1252; a legacy page with a few bad bytes keeps its declared charset; else
    charset_normalizer guesses. Only bytes that no reading can take become U+FFFD, counted."""
    from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

    bom, bom_bytes = read_bom(body)
    if bom:
        try:
            return Decoded(body[len(bom_bytes):].decode(bom), bom, 0)
        except (UnicodeDecodeError, LookupError):
            pass
    declared = [e for e in (http_content_type_encoding(content_type or ""), html_body_declared_encoding(body[:8192])) if e]
    declared = [e for e in dict.fromkeys(resolve_encoding(e) or e for e in declared) if _known(e)]
    wide = [e for e in declared if re.match(r"utf[-_]?(16|32)", e)]
    for encoding in dict.fromkeys(wide + ["utf-8"] + declared):
        try:
            return Decoded(body.decode(encoding), encoding, 0)
        except UnicodeDecodeError:
            continue
    claims_utf8 = not declared or declared[0] in ("utf-8", "utf8")
    if claims_utf8 and _mostly_utf8(body):
        return _mended_utf8(body)
    if declared:
        text = body.decode(declared[0], errors="replace")
        if text.count("\ufffd") <= max(3, sum(1 for b in body if b >= 0x80) // 100):
            return Decoded(text, declared[0], text.count("\ufffd"))
    for encoding in _guesses(body):
        try:
            return Decoded(body.decode(encoding), encoding, 0)
        except (UnicodeDecodeError, LookupError):
            continue
    if claims_utf8:
        return _mended_utf8(body)
    text = body.decode(declared[0], errors="replace")
    return Decoded(text, declared[0], text.count("\ufffd"))


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(body: bytes) -> bool:
    """More well-formed UTF-8 sequences than bytes outside them: UTF-8 with a few strays."""
    sequences = _UTF8_SEQUENCE.findall(body)
    return len(sequences) > sum(1 for b in body if b >= 0x80) - sum(len(s) for s in sequences)


def _cp1252_for_stray_bytes(error: UnicodeDecodeError):
    """Codec error handler: a byte that is not UTF-8 read as Windows-1252 (U+FFFD for its five holes)."""
    byte = error.object[error.start:error.start + 1]
    return byte.decode("cp1252", errors="replace"), error.start + 1


codecs.register_error("digest-cp1252", _cp1252_for_stray_bytes)


def _mended_utf8(body: bytes) -> Decoded:
    text = body.decode("utf-8", errors="digest-cp1252")
    return Decoded(text, "utf-8", text.count("\ufffd"))


def _guesses(body: bytes) -> list[str]:
    """charset_normalizer's best three, Windows-1252 first when it is among them: a short Western page
    fits several single-byte charsets equally well, and Windows-1252 is what browsers assume."""
    from charset_normalizer import from_bytes

    guesses = [match.encoding for match in from_bytes(body[:200_000])][:3]
    return sorted(guesses, key=lambda encoding: encoding != "cp1252")


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
        return True
    except LookupError:
        return False


def extract_page(body: bytes, url: str, content_type: str | None = None) -> Page | None:
    """The article on a page, or None when the page holds less than MIN_WORDS of text."""
    import trafilatura
    from trafilatura.utils import load_html

    decoded = decode_page(body, content_type)
    tree = load_html(decoded.text)
    if tree is None:
        return None
    # Each reader gets its own copy: trafilatura and htmldate prune the tree they are given
    meta = trafilatura.extract_metadata(copy.deepcopy(tree), default_url=url, extensive=False)
    published = page_date(copy.deepcopy(tree), url)
    text = trafilatura.extract(tree, url=url, include_comments=False)
    if not text:
        return None
    title = meta.title if meta else None
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    paragraphs = tuple(join_wrapped_lines(lines))
    if text_size(" ".join(paragraphs)) < MIN_WORDS:
        return None
    return Page(paragraphs, title, published, meta.author if meta else None,
                canonical_url(meta.url if meta else None, url), meta.sitename if meta else None,
                decoded.encoding, decoded.replaced)


def page_date(tree, url: str) -> date | None:
    """The publication date in the page's markup (htmldate without its search of the running text)."""
    from htmldate import find_date

    try:
        found = find_date(tree, extensive_search=False, original_date=True, url=url)
    except (ValueError, TypeError):
        return None
    try:
        return date.fromisoformat(found) if found else None
    except ValueError:
        return None


def canonical_url(candidate: str | None, page_url: str) -> str | None:
    """The page's canonical address (<link rel=canonical>, og:url) when it names an article: http(s),
    and not a site's home page (some sites give every page the home page as canonical)."""
    if not candidate:
        return None
    absolute = urllib.parse.urljoin(page_url, candidate.strip())
    parts = urllib.parse.urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/") == "" and not parts.query:
        return None
    return absolute
