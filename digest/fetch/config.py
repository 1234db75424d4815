"""What `digest fetch` is told (FetchConfig), what it reports (FetchReport), and its one error."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
    """Paths of the files written, relative to the content folder."""
    log: list[str] = field(default_factory=list)
    failed_feeds: list[str] = field(default_factory=list)
    unchanged_feeds: list[str] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    """One record per item offered by a feed: {"feed", "outlet", "guid", "outcome", ...}; outcome is
    "written", "known" (fetched before), "duplicate" (same GUID or page as another item of the outlet),
    "empty" (no text at all) or "failed" (an error, logged)."""


class FetchError(Exception):
    """A feed or page that cannot be read; the message says why, for the log."""
