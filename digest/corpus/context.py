"""What reading one corpus shares: its folder, its outlets, its limits and where problems go."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..models import Source

Report = Callable[[str, str, "int | None", str], None]
"""report(level, path, line, message): "error" (article skipped), "warning" (kept) or "info"."""


@dataclass
class ReadContext:
    """One per corpus load: the content folder, its outlets (once sources.yml is read), the
    size limit and where each problem goes."""

    root: Path
    sources: dict[str, Source]
    max_bytes: int
    report: Report


def display_path(root: Path, path: Path) -> str:
    """A path as a user knows it: from the content folder's name ("content/articles/a.md")."""
    try:
        return (Path(root.name) / path.relative_to(root)).as_posix()
    except ValueError:
        return path.as_posix()
