"""MkDocs hooks that digest's site build registers (see mkdocs_engine.py). Loaded by MkDocs from
this file's path, so it imports nothing from the package.

One job: the site's search. Material's own search plugin puts the text of every page into one
JSON file that the browser loads whole, which grows with every briefing. Instead, after
the build, Pagefind indexes the pages into small chunks, and a query loads only the chunks it
needs. Material's search box stays: a theme override (theme/partials/search.html) drives it
with Pagefind's JavaScript API.

What is indexed follows Material's conventions, so pages keep one way of saying it: a page
with `search: exclude: true` in its front matter is left out, and an element carrying
`data-search-exclude` (a paragraph, a span, or a block wrapping whole sections) is not indexed.
"""
from __future__ import annotations

import importlib.util
import logging
import re
import subprocess
import sys
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

THEME_OVERRIDES = Path(__file__).resolve().parent / "theme"
STYLESHEET = "assets/stylesheets/digest.css"
"""digest's own styles (theme/assets/stylesheets/digest.css): tables a phone can read."""
INDEX_FOLDER = "pagefind"
ARTICLE = '<article class="md-content__inner md-typeset">'
INDEXED_ARTICLE = '<article class="md-content__inner md-typeset" data-pagefind-body>'
EXCLUDED = "[data-search-exclude]"
MATERIAL_SEARCH = "material/search"

log = logging.getLogger("mkdocs.hooks.digest")


class PagefindSearch(BasePlugin):
    """Stands where Material's header looks for its search plugin (under the name
    `material/search`, with `enabled` set), so the theme shows its search box; it builds no
    index of its own: on_post_build below runs Pagefind."""

    config_scheme = (("enabled", config_options.Type(bool, default=True)),)


GENERATED_FOLDERS = ("/briefings/", "/storylines/", "/archive/", "/tags/")
"""Folders of pages digest writes by the thousand, linked from their index pages, never the navigation."""


def on_config(config, **kwargs):
    """Add digest's theme overrides, keep its generated folders out of the navigation (an older
    mkdocs.yml may not name a new one), and stand in for Material's search plugin (warn if it is on)."""
    _add_theme_overrides(config)
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    _keep_out_of_nav(config)
    if MATERIAL_SEARCH in config.plugins:
        log.warning("mkdocs.yml: the `search` plugin builds a lunr index this site does not use "
                    "(its search box runs on Pagefind); remove it from `plugins` to save build time")
    else:
        stand_in = PagefindSearch()
        stand_in.load_config({})
        config.plugins[MATERIAL_SEARCH] = stand_in
    return config


def _add_theme_overrides(config) -> None:
    """After the project's own custom_dir (it may override ours), before the theme's files."""
    dirs = config.theme.dirs
    if str(THEME_OVERRIDES) in dirs:
        return
    dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_OVERRIDES))


def _keep_out_of_nav(config) -> None:
    from pathspec.gitignore import GitIgnoreSpec

    existing = [pattern.pattern for pattern in config.not_in_nav.patterns if getattr(pattern, "pattern", None)] if config.not_in_nav else []
    missing = [folder for folder in GENERATED_FOLDERS if folder not in existing]
    if missing:
        config.not_in_nav = GitIgnoreSpec.from_lines(existing + missing)


_pages = {"to index": 0, "marked": 0}


def on_pre_build(config, **kwargs) -> None:
    """Count afresh (`digest serve` builds again in the same process)."""
    _pages.update({"to index": 0, "marked": 0})  # `digest serve` builds again in the same process


_LANGUAGE_RE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_HTML_LANG_RE = re.compile(r'<html lang="[^"]*"')


_PRESERVED_RE = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
_INDENT_RE = re.compile(r"[ \t]*\n\s*")


def without_indentation(html: str) -> str:
    """The page without the indentation and blank lines of the theme's templates (a third of a
    briefing page's bytes, multiplied by every page a host stores): a run of whitespace holding a
    line break becomes one line break, which HTML renders alike; <pre> and <textarea> are kept."""
    parts = _PRESERVED_RE.split(html)
    out = []
    for number, part in enumerate(parts):
        kind = number % 3  # split() with two groups: text, the whole preserved element, its tag name
        if kind == 0:
            out.append(_INDENT_RE.sub("\n", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)


def on_post_page(output, page, config, **kwargs):
    """Give the page its own language (front matter `lang`: search segments its words by it), drop
    the templates' indentation, and mark its article for Pagefind, unless its front matter leaves
    it out of search."""
    output = without_indentation(output)
    language = page.meta.get("lang")
    if isinstance(language, str) and _LANGUAGE_RE.fullmatch(language):
        output = _HTML_LANG_RE.sub(f'<html lang="{language}"', output, count=1)
    if (page.meta.get("search") or {}).get("exclude"):
        return output
    _pages["to index"] += 1
    at = output.find(ARTICLE)
    if at < 0:
        return output
    _pages["marked"] += 1
    return output[:at] + INDEXED_ARTICLE + output[at + len(ARTICLE):]


def on_post_build(config, **kwargs) -> None:
    """Index the built site with Pagefind; fail if no page could be marked for it."""
    if _pages["to index"] and not _pages["marked"]:
        # Unmarked, Pagefind would index every page whole, navigation and excluded pages included
        raise PluginError(f"no page has Material's `{ARTICLE}`, so none can be marked for search; "
                          "does a theme override (custom_dir) replace main.html or base.html?")
    build_search_index(Path(config["site_dir"]))


def build_search_index(site_dir: Path) -> None:
    """Run Pagefind over the built pages; its bundle goes to site_dir/pagefind/."""
    if importlib.util.find_spec("pagefind") is None:
        raise PluginError(f"Pagefind is needed for the site's search and is not installed; "
                          f"install it with `{sys.executable} -m pip install 'pagefind[bin]'` (scripts/setup does)")
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", INDEX_FOLDER,
               "--exclude-selectors", EXCLUDED, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        detail = " ".join(dict.fromkeys(line.strip() for line in (result.stderr or result.stdout).splitlines() if line.strip()))
        raise PluginError(f"Pagefind could not index {site_dir}: {detail or f'exit status {result.returncode}'}")
