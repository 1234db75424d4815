"""The MkDocs engine (with the Material theme): the only module that imports MkDocs.

It reads mkdocs.yml for where the generated pages and the site go, builds the site with MkDocs'
own build() and digest's hooks (mkdocs_hooks.py: Pagefind search in Material's box), serves a
live preview, and says how a page leaves parts of itself out of search (MATERIAL_MARKUP).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import DigestError
from .engine import SiteLayout


@dataclass(frozen=True, slots=True)
class MaterialMarkup:
    """Material's conventions, which the Pagefind hooks honour: `data-search-exclude` on an
    element (a span inline; a paragraph through attr_list; a block of sections through md_in_html)
    and `search: exclude: true` in a page's front matter."""

    unsearched_paragraph: str = "{: data-search-exclude }"
    unsearched_sections: tuple[str, str] = ('<div data-search-exclude="" markdown="1">', "</div>")
    excluded_page: tuple[str, ...] = ("search:", "  exclude: true")
    hide_toc: tuple[str, ...] = ("hide:", "  - toc")
    reading_page: tuple[str, ...] = ("hide:", "  - navigation", "  - toc")
    unsearched_attribute: str = 'data-search-exclude=""'

    def unsearched(self, markdown: str) -> str:
        """Inline Markdown shown on the page, left out of search."""
        return f'<span data-search-exclude="">{markdown}</span>'


MATERIAL_MARKUP = MaterialMarkup()


class MkDocsEngine:
    """The site engine digest builds with: MkDocs and the Material theme."""

    markup = MATERIAL_MARKUP

    def layout(self, config_file: Path) -> SiteLayout:
        """Where mkdocs.yml wants the pages and the site."""
        return read_layout(config_file)

    def build(self, layout: SiteLayout, docs_dir: Path, site_dir: Path, strict: bool) -> None:
        """MkDocs' build() on docs_dir into site_dir, with digest's hooks."""
        build_site(layout, docs_dir, site_dir, strict)

    def serve(self, layout: SiteLayout, address: str | None, before_build: Callable[[], None] | None = None,
              watch: tuple[Path, ...] = (), announce: Callable[[str], None] = print) -> None:
        """MkDocs' live-reloading server (serve_site)."""
        serve_site(layout, address, before_build, watch, announce)

    def wrote(self, folder: Path) -> bool:
        """A site MkDocs built: a sitemap and a search index."""
        return (folder / "sitemap.xml").exists() and ((folder / "search" / "search_index.json").exists() or (folder / "pagefind" / "pagefind.js").exists())


def read_layout(config_file: Path) -> SiteLayout:
    """Where mkdocs.yml wants the generated pages and the built site."""
    from mkdocs.utils import yaml_load

    config_file = Path(config_file).resolve()
    if not config_file.exists():
        raise DigestError(f"{config_file}: no MkDocs configuration; the project's mkdocs.yml is needed to build the site")
    try:
        with config_file.open(encoding="utf-8") as handle:
            data = yaml_load(handle) or {}
    except Exception as exc:  # mkdocs raises its own YAML errors
        raise DigestError(f"{config_file}: cannot read: {exc}") from exc
    base = config_file.parent
    return SiteLayout(
        config_file=config_file,
        docs_dir=(base / str(data.get("docs_dir", "docs"))).resolve(),
        site_dir=(base / str(data.get("site_dir", "site"))).resolve(),
        site_name=str(data.get("site_name", "News briefings")),
        site_url=str(data["site_url"]) if data.get("site_url") else None,
        hooks=tuple(str((base / h).resolve()) for h in data.get("hooks") or [] if isinstance(h, str)),
    )


def build_site(layout: SiteLayout, docs_dir: Path, site_dir: Path, strict: bool) -> None:
    """Run MkDocs on docs_dir into site_dir (both staging folders)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    errors = _ErrorLog()
    logger.addHandler(errors)
    try:
        config = load_config(config_file=str(layout.config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=strict,
                             hooks=_hooks(layout))
        build(config)
    except (Abort, ConfigurationError) as exc:
        # MkDocs logs what went wrong (a plugin's or hook's error) and then aborts with a generic message
        raise DigestError("MkDocs build failed: " + "; ".join(errors.messages + [str(exc)])) from exc
    finally:
        logger.removeHandler(errors)


class _ErrorLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def serve_site(layout: SiteLayout, address: str | None, before_build: Callable[[], None] | None = None,
               watch: tuple[Path, ...] = (), announce: Callable[[str], None] = print) -> None:
    """MkDocs' live-reloading server on the generated pages, until interrupted: the site is built
    again (before_build() first, which may regenerate the pages) whenever the pages, mkdocs.yml or a
    path in `watch` changes. announce(url) says where it serves. A port in use is a DigestError
    that names the option to pick another."""
    import errno
    import shutil
    import tempfile
    from urllib.parse import urlsplit

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    site_dir = tempfile.mkdtemp(prefix="digest-serve-")
    options = {"dev_addr": address} if address else {}

    def get_config():
        return load_config(config_file=str(layout.config_file), docs_dir=str(layout.docs_dir), site_dir=site_dir,
                           hooks=_hooks(layout), **options)

    config = get_config()
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    url = f"http://{host}:{port}{mount_path}"

    def builder(config=None) -> None:
        if before_build is not None:
            before_build()
        config = config or get_config()
        config.site_url = url
        build(config, serve_url=url)

    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path)
    try:
        builder(config)
        for path in (layout.docs_dir, layout.config_file, *watch):
            server.watch(str(path))
        try:
            server.server_bind()
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise DigestError(f"{host}:{port} is already in use by another program; serve on another port "
                                  f"with --dev-addr {host}:{port + 1}") from None
            raise DigestError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from exc
        server.server_bind = lambda: None  # bound above, where a port in use could be told
        announce(url)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


HOOKS = Path(__file__).resolve().parent / "mkdocs_hooks.py"


def _hooks(layout: SiteLayout) -> list[str]:
    """The project's own hooks from mkdocs.yml, then digest's (the site's search: Pagefind in Material's box)."""
    return list(layout.hooks) + ([str(HOOKS)] if str(HOOKS) not in layout.hooks else [])
