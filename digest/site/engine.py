"""What digest needs of a site engine, and where the generated pages and the site go."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol


@dataclass(frozen=True, slots=True)
class SiteLayout:
    """Where the site engine's configuration wants the generated pages and the built site."""

    config_file: Path
    docs_dir: Path
    site_dir: Path
    site_name: str
    site_url: str | None = None
    hooks: tuple[str, ...] = ()
    """The hook files mkdocs.yml names, resolved against its folder."""


class SiteEngine(Protocol):
    """Builds a static site from the generated Markdown pages (MkDocs today: mkdocs_engine.py)."""

    markup: object
    """How a page leaves parts of itself out of search (render.markup.Markup)."""

    def layout(self, config_file: Path) -> SiteLayout:
        """Where the engine's configuration wants the pages and the site; DigestError if unreadable."""

    def build(self, layout: SiteLayout, docs_dir: Path, site_dir: Path, strict: bool) -> None:
        """Build docs_dir into site_dir (both fresh staging folders); DigestError on failure."""

    def serve(self, layout: SiteLayout, address: str | None, before_build: Callable[[], None] | None = None,
              watch: tuple[Path, ...] = (), announce: Callable[[str], None] = print) -> None:
        """A live preview of layout.docs_dir, until interrupted, built again (before_build() first)
        when the pages or a path in `watch` change; announce(url) says where. DigestError when it cannot serve."""

    def wrote(self, folder: Path) -> bool:
        """Whether a folder is a site this engine built (so it may be replaced)."""
