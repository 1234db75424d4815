"""Build and fetch state that must survive between CI runs: content/digest-state.json.

A small JSON file committed with the corpus (not the CI cache). Deleting it
costs continuity (story ids, what changed, feed validators), never correctness.
It is the only file digest writes under content/ besides fetched articles.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

STATE_FILE = "digest-state.json"


def state_path(content_dir: Path) -> Path:
    """content/digest-state.json."""
    return Path(content_dir) / STATE_FILE


def load_state(content_dir: Path) -> dict:
    """The state file's contents, or {} when it is missing or unreadable (only continuity is lost)."""
    path = state_path(content_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, json.JSONDecodeError):
        return {}


def save_state(content_dir: Path, state: dict) -> None:
    """Write atomically: a crash leaves the old file or the new one."""
    path = state_path(content_dir)
    text = json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
