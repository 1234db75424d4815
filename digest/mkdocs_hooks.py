"""MkDocs hooks that digest's site build registers (see site.py). Loaded by MkDocs from this
file's path, so it imports nothing from the package.

One job: keep the search index small. Material's search plugin writes one entry per
section of every page; a briefing page would give four (lead, summary, key figures, tags),
each repeating the page's address and a section title. The browser loads the index whole,
so with 10,000 briefings those repeats alone were a quarter of it. After the build, each
briefing's entries are merged into one, titled with the headline and linking to the page.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

BRIEFINGS = "briefings/"
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")


def compact_search_index(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    merged: list[dict] = []
    pages: dict[str, dict] = {}
    for entry in data.get("docs", []):
        page = entry.get("location", "").split("#", 1)[0]
        if not page.startswith(BRIEFINGS):
            merged.append(entry)
            continue
        text = _EMPTY_PARAGRAPH.sub("", entry.get("text", "")).strip()
        if page not in pages:
            pages[page] = {"location": page, "title": entry.get("title", ""), "text": text}
            merged.append(pages[page])
        elif text:
            pages[page]["text"] = f"{pages[page]['text']} {text}".strip()
    data["docs"] = merged
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(temporary, path)


def on_post_build(config, **kwargs) -> None:
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        compact_search_index(index)
