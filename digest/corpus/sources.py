"""content/sources.yml: the outlets, and which outlet an article comes from."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..models import Source
from ..text import split_dateline
from .context import ReadContext
from .frontmatter import http_url, optional_text, yaml_line, yaml_problem

UNKNOWN_SOURCE = Source(key="unknown", name="Unknown outlet")


def load_sources(path: Path, display: str, reader: ReadContext) -> dict[str, Source]:
    """Outlet key -> Source; a missing or broken file is reported and gives no outlets."""
    if not path.exists():
        reader.report("warning", display, None, "no sources file; outlets are named as the articles name them")
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        reader.report("error", display, yaml_line(exc), f"cannot read sources: {yaml_problem(exc)}")
        return {}
    if not isinstance(data, dict):
        reader.report("error", display, 1, "expected a mapping of outlet keys to {name, url}")
        return {}
    sources: dict[str, Source] = {}
    for key, entry in data.items():
        key = str(key).strip().lower()
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict):
            reader.report("error", display, _key_line(path, key), f"outlet '{key}' must be a mapping with a name")
            continue
        url = http_url(entry.get("url"))
        if entry.get("url") and not url:
            reader.report("warning", display, _key_line(path, key), f"outlet '{key}': url is not an http(s) address; dropped")
        name = str(entry.get("name") or key).strip()
        feeds = entry.get("feeds") or entry.get("feed") or []
        feeds = [feeds] if isinstance(feeds, str) else feeds if isinstance(feeds, list) else []
        sources[key] = Source(key=key, name=name, url=url, license=optional_text(entry.get("license")),
                              feeds=tuple(f for f in feeds if isinstance(f, str)))
    return sources


def _key_line(path: Path, key: str) -> int | None:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(rf"\s*{re.escape(key)}\s*:", line, re.IGNORECASE):
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return None


def resolve_source(value: Any, body: str, path: Path, reader: ReadContext, display: str, line: int | None) -> Source:
    """The article's outlet: its `source` key or name, else the dateline's "(Reuters)", else its
    folder's name, else the unknown outlet (each inference reported)."""
    if value is not None and str(value).strip():
        found = _match_source(str(value), reader.sources)
        if found:
            return found
        key = re.sub(r"[^a-z0-9]+", "-", str(value).strip().lower()).strip("-") or "unknown"
        reader.report("warning", display, line, f"source '{value}' is not listed in sources.yml; add it there to give it a name and home page")
        return Source(key=key, name=optional_text(value) or key)
    dateline = split_dateline(body.split("\n", 1)[0].strip())
    if dateline:
        found = _match_source(dateline[1], reader.sources)
        if found:
            reader.report("info", display, line, f"no 'source'; inferred '{found.name}' from the dateline '({dateline[1].strip()})'")
            return found
    folder = path.parent.name.lower()
    if folder in reader.sources:
        found = reader.sources[folder]
        reader.report("info", display, line, f"no 'source'; inferred '{found.name}' from the folder name")
        return found
    reader.report("warning", display, line, "no 'source' and none could be inferred; listed as an unknown outlet")
    return UNKNOWN_SOURCE


def _match_source(value: str, sources: dict[str, Source]) -> Source | None:
    wanted = value.strip().lower()
    for key, source in sources.items():
        if wanted in (key, source.name.lower()):
            return source
    return None
