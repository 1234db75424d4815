"""YAML front matter of article files, and the values it may hold."""
from __future__ import annotations

import difflib
import re
from datetime import date
from typing import Any

import yaml

from .context import ReadContext

ARTICLE_KEYS = ("source", "title", "published", "url", "author", "lang", "license", "guid", "summary_only")
JSONL_KEYS = ARTICLE_KEYS + ("id", "text")


def split_front_matter(text: str, reader: ReadContext, display: str) -> tuple[dict | None, str, int]:
    """Return (metadata, body, line where the body starts); metadata None = skip the file."""
    if not text.startswith("---"):
        return {}, text, 1
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text, 1
    for number, line in enumerate(lines[1:], start=2):
        if number > MAX_FRONT_MATTER_LINES:
            reader.report("error", display, 1, f"front matter is longer than {MAX_FRONT_MATTER_LINES} lines; article skipped")
            return None, "", 1
        if line.strip() in ("---", "..."):
            block = "\n".join(lines[1 : number - 1])
            body = "\n".join(lines[number:])
            try:
                meta = yaml.safe_load(block) if block.strip() else {}
            except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:  # "2017-13-45" fails as a date
                line_no = yaml_line(exc)
                reader.report("error", display, line_no + 1 if line_no else None, f"broken front matter: {yaml_problem(exc)}; article skipped")
                return None, "", 1
            if meta is None:
                meta = {}
            if not isinstance(meta, dict):
                reader.report("error", display, 2, "front matter must be a mapping of keys to values; article skipped")
                return None, "", 1
            for key in sorted(str(k) for k in meta if str(k) not in ARTICLE_KEYS):
                reader.report("warning", display, _front_matter_line(lines, key), f"unknown front matter key '{key}'{suggest(key, ARTICLE_KEYS)}; ignored")
            return scalar_values(meta, lambda key, message: reader.report("warning", display, _front_matter_line(lines, key), message)), body, number + 1
    reader.report("error", display, 1, "front matter opened with '---' is never closed; article skipped")
    return None, "", 1


MAX_FRONT_MATTER_LINES = 200


SCALARS = (str, int, float, bool, date)


def scalar_values(meta: dict, warn) -> dict:
    """Known keys with single values; a list or mapping (or a YAML alias bomb) is dropped with a warning."""
    kept = {}
    for key, value in meta.items():
        key = str(key)
        if key not in ARTICLE_KEYS or value is None:
            continue
        if not isinstance(value, SCALARS):
            warn(key, f"'{key}' must be a single value, not a {type(value).__name__}; ignored")
            continue
        kept[key] = sanitize(value) if isinstance(value, str) else value
    return kept


_UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


_UNSAFE_ASCII = bytes(c for c in range(128) if _UNSAFE_CHARS.match(chr(c)))


def has_unsafe_chars(text: str) -> bool:
    """Whether a text holds control characters or lone surrogates. An ASCII text (most articles;
    no surrogates) is checked by deleting its control bytes and comparing lengths, in C."""
    if text.isascii():
        data = text.encode("ascii")
        return len(data.translate(None, _UNSAFE_ASCII)) != len(data)
    return _UNSAFE_CHARS.search(text) is not None


def sanitize(text: str) -> str:
    """No control characters or lone surrogates (which cannot even be written as UTF-8)."""
    return _UNSAFE_CHARS.sub("\ufffd", text) if has_unsafe_chars(text) else text


def _front_matter_line(lines: list[str], key: str) -> int | None:
    for number, line in enumerate(lines[1:], start=2):
        if re.match(rf"{re.escape(key)}\s*:", line):
            return number
    return None


def suggest(key: str, known: tuple[str, ...]) -> str:
    """' (did you mean 'title'?)' for a misspelt key, else ''."""
    close = difflib.get_close_matches(key, known, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def yaml_line(exc: Exception) -> int | None:
    """The line a YAML error points at, when it says."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def yaml_problem(exc: Exception) -> str:
    """A YAML error's message, one line."""
    problem = getattr(exc, "problem", None)
    return str(problem) if problem else str(exc).splitlines()[0]


def take_markdown_heading(body: str) -> tuple[str, str | None]:
    """A leading '# Heading' line is the article's title, not part of its text."""
    stripped = body.lstrip("\n")
    match = re.match(r"#\s+(.+?)\s*#*\s*(?:\n|$)", stripped)
    if match:
        return stripped[match.end() :], match.group(1).strip()
    return body, None


def optional_text(value: Any) -> str | None:
    """A value as one line of text, or None when empty."""
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def http_url(value: Any) -> str | None:
    """The value when it is an http(s) address without spaces or markup characters, else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if re.match(r"https?://[^\s/?#]+", value, re.IGNORECASE) and not re.search(r"[\s<>\"'`\\]", value):
        return value
    return None
