"""How a page shows a sentence's citations, so a reader can check each one."""
from __future__ import annotations

from ..models import Citation
from .markup import Markup, md


def cited(citations: tuple[Citation, ...], names: dict[str, str], targets: dict[str, str], markup: Markup,
          said: str = "") -> str:
    """A sentence's citations: the outlets' names, which open on each outlet's own supporting
    sentence with a link to its article. A citation whose sentence is the one cited (`said`), or
    which has none, is its link alone."""
    supported = [c for c in citations if c.sentence and c.sentence != said]
    links = [f"[\\[{md(names.get(c.source, c.source))}\\]]({targets[c.article_id]})" for c in citations if c not in supported]
    if not supported:
        return markup.unsearched(" ".join(links))
    lines = "".join(f'<span class="digest-support"><a href="{html_href(targets[c.article_id])}">{md(names.get(c.source, c.source))}</a>: '
                    f"“{md(c.sentence)}”</span>" for c in supported)
    outlets = " · ".join(md(names.get(c.source, c.source)) for c in supported)
    details = f'<details class="digest-cited" {markup.unsearched_attribute}><summary>{outlets}</summary>{lines}</details>'
    return details + (" " + markup.unsearched(" ".join(links)) if links else "")


def html_href(target: str) -> str:
    """A Markdown link's target as the address it must be inside raw HTML, which MkDocs does not
    rewrite: '../briefings/x.md#article-1' on a page served as a folder (directory URLs) is
    '../../briefings/x/#article-1'. Anchors and absolute URLs stay as they are."""
    path, hash_, fragment = target.partition("#")
    if not path.endswith(".md") or "://" in path:
        return target
    return f"../{path[: -len('.md')]}/" + hash_ + fragment

