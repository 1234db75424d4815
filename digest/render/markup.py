"""Markdown from untrusted text, and the markup the site engine gives a page's special parts.

Everything from articles is untrusted: `md()` escapes it so that no HTML, Markdown link or image
syntax in an article, title or outlet name reaches the page as markup, and only http(s) URLs are
ever linked. What a page leaves out of search, and how, is the site engine's markup (`Markup`):
the render stage never writes an engine's own syntax.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from typing import Protocol
from urllib.parse import quote

import yaml

from ..text import MONTH_NAMES

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|-])")  # what Python-Markdown (and tables) can escape
_SPACES = re.compile(r"\s+")


class Markup(Protocol):
    """What the site engine writes for the parts of a page a reader sees but search leaves out."""

    unsearched_paragraph: str
    """A line after a paragraph that leaves the paragraph out of search."""
    unsearched_sections: tuple[str, str]
    """Lines around whole sections left out of search (their Markdown still rendered)."""
    excluded_page: tuple[str, ...]
    """Front-matter lines that leave a whole page out of search."""
    hide_toc: tuple[str, ...]
    """Front-matter lines that hide a page's table of contents."""
    unsearched_attribute: str
    """An HTML attribute that leaves an element out of search."""
    reading_page: tuple[str, ...]
    """Front-matter lines of a page read on its own (a briefing, a storyline, a topic): without the
    site's navigation and table of contents beside it, which thousands of such pages would carry."""

    def unsearched(self, markdown: str) -> str:
        """Inline Markdown shown on the page, left out of search."""


@dataclass(frozen=True, slots=True)
class Page:
    """One generated file."""

    path: str
    """Relative to the docs folder, POSIX."""
    text: str


def md(text: str) -> str:
    """Untrusted text -> Markdown that renders as exactly that text."""
    text = _SPACES.sub(" ", str(text)).strip()
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return html.escape(text, quote=False)


def html_text(text: str, limit: int | None = None) -> str:
    """Untrusted text for a page's front matter (title, description), which the theme writes into
    the HTML as it is: one line, at most `limit` characters, every markup character escaped as an
    HTML entity so it shows as written ("AT&T", "<Acme>")."""
    line = _SPACES.sub(" ", str(text)).strip()
    # Double quotes too (the description goes into an attribute); apostrophes are safe there
    return html.escape(line[:limit].rstrip() if limit else line, quote=False).replace('"', "&quot;")


def safe_url(url: str | None) -> str | None:
    """An http(s) address, percent-encoded for a Markdown link; None for anything else."""
    if not url or not re.match(r"https?://", url, re.IGNORECASE):
        return None
    return quote(url, safe=":/?#@!$&*+,;=%~-._")


def link(text: str, url: str | None) -> str:
    """A Markdown link to a safe address, else the text alone."""
    target = safe_url(url)
    return f"[{md(text)}]({target})" if target else md(text)


def format_day(day: date | None) -> str:
    """'15 October 2017', or 'undated'."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}" if day else "undated"


def date_span(first: date | None, last: date | None) -> str:
    """'15 October 2017 – 16 October 2017', one day alone, or 'Undated'."""
    if not first:
        return "Undated"
    if not last or first == last:
        return format_day(first)
    return f"{format_day(first)} – {format_day(last)}"


_PLAIN_YAML = re.compile(r"[A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*")


_YAML_WORDS = frozenset("yes no true false on off null".split())


def yaml_string(text: str) -> str:
    """A string as a one-line YAML scalar, as yaml.safe_dump writes it (never folded: a long name
    folded over two lines lost its second line and its closing quote). Words and spaces (most
    names) are plain YAML already, and written without calling it."""
    if _PLAIN_YAML.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    return yaml.safe_dump(text, default_style=None, width=1 << 30).splitlines()[0]
