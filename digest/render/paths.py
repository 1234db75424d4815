"""Where each page lives, and which names get a topic page."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..models import Entity, Outline, Storyline
from ..text import slugify
from .markup import md


def briefing_path(briefing: Outline) -> str:
    """The briefing's page, relative to the docs folder."""
    return f"briefings/{briefing.story.slug}.md"


def briefing_url(briefing: Outline) -> str:
    """The briefing's address on the site, relative to its root (directory URLs)."""
    return briefing_path(briefing)[: -len(".md")] + "/"


def tag_slug(entity: Entity) -> str:
    """The slug of a name's topic page."""
    return _name_slug(entity.name)


@lru_cache(maxsize=1 << 16)
def _name_slug(name: str) -> str:
    # Asked for every name of every briefing by the topic pages and each briefing's tags, for far fewer names
    return slugify(name, 50)


def topic_slugs(briefings: list[Outline], least: int = 3) -> frozenset[str]:
    """Names that get a topic page: those `least` or more briefings share (Limits.topic_min_briefings).
    A page listing one or two briefings sends the reader back where they came from, and a year of
    news names tens of thousands of people once or twice: each such page a host would store."""
    counts = Counter(slug for b in briefings for slug in {tag_slug(e) for e in b.entities})
    return frozenset(slug for slug, n in counts.items() if n >= least)


def storyline_path(storyline: Storyline) -> str:
    """A storyline's page, relative to the docs folder (a storyline of two or more events)."""
    return f"storylines/{storyline.slug}.md"


def storyline_url(storyline: Storyline) -> str:
    """The storyline's address on the site, relative to its root."""
    return storyline_path(storyline)[: -len(".md")] + "/"


def storyline_detail_path(storyline: Storyline) -> str:
    """Where a storyline's detail file lives, beside its page."""
    return f"storylines/{storyline.slug}.json"


def tag_links(entities, topics: frozenset[str] | None, prefix: str = "../") -> str:
    """Names as a line of links to their topic pages (a name without one, `topics` being the slugs
    that have a page, stays plain text)."""
    return " · ".join(f"[{md(e.name)}]({prefix}tags/{tag_slug(e)}.md)" if topics is None or tag_slug(e) in topics else md(e.name)
                      for e in entities)
