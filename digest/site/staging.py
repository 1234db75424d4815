"""The only module that knows MkDocs: read mkdocs.yml, build the site, swap it in atomically."""
from __future__ import annotations

import ctypes
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import DigestError

MARKER = ".digest-output"


@dataclass(frozen=True, slots=True)
class SiteLayout:
    config_file: Path
    docs_dir: Path
    site_dir: Path
    site_name: str
    site_url: str | None = None
    hooks: tuple[str, ...] = ()
    """The hook files mkdocs.yml names, resolved against its folder."""


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


def serve_site(layout: SiteLayout, address: str | None) -> None:
    from mkdocs.commands.serve import serve

    options = {"dev_addr": address} if address else {}
    serve(config_file=str(layout.config_file), docs_dir=str(layout.docs_dir), hooks=_hooks(layout), **options)


HOOKS = Path(__file__).resolve().parent / "mkdocs_hooks.py"


def _hooks(layout: SiteLayout) -> list[str]:
    """The project's own hooks from mkdocs.yml, then digest's (the site's search: Pagefind in Material's box)."""
    return list(layout.hooks) + ([str(HOOKS)] if str(HOOKS) not in layout.hooks else [])


def is_ours(path: Path) -> bool:
    """True for a folder digest (or MkDocs) wrote, which may be replaced wholesale."""
    if not path.exists():
        return True
    if not path.is_dir():
        return False
    if (path / MARKER).exists() or not any(path.iterdir()):
        return True
    return (path / "sitemap.xml").exists() and ((path / "search" / "search_index.json").exists() or (path / "pagefind" / "pagefind.js").exists())


def staging_dir(target: Path) -> Path:
    """A fresh folder beside target, on the same file system so the swap is a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    path = target.parent / f".digest-tmp-{target.name}-{os.getpid()}"
    if path.exists():
        shutil.rmtree(path)
    path.mkdir()
    return path


def recover(target: Path) -> None:
    """Undo what a killed build left beside target: put a moved-away site back, drop half-written ones."""
    old = sorted(target.parent.glob(f".digest-tmp-old-{target.name}-*"))
    if not target.exists() and old:
        os.replace(old[-1], target)
        old = old[:-1]
    for leftover in old + sorted(target.parent.glob(f".digest-tmp-{target.name}-*")):
        shutil.rmtree(leftover, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def swap_in(staged: Path, target: Path) -> None:
    """Replace target by staged so that a reader, or a build killed at any moment, sees the
    old folder or the new one, never half of one and never none."""
    if not is_ours(target):
        raise DigestError(f"{target} exists and was not written by digest or MkDocs; refusing to replace it (move it away or change the folder in mkdocs.yml)")
    (staged / MARKER).write_text("Generated by digest; this folder is replaced on every build.\n", encoding="utf-8")
    if target.exists() and _exchange(staged, target):
        shutil.rmtree(staged, ignore_errors=True)  # staged now holds the old folder
        return
    old = target.parent / f".digest-tmp-old-{target.name}-{os.getpid()}"
    if target.exists():
        os.replace(target, old)  # a kill between these two renames is undone by recover()
    os.replace(staged, target)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)
