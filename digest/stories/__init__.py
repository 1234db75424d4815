"""The stories stage: restored articles -> events (one development, one briefing each) and the
storylines that link the events of one matter over weeks, with ids and pages kept across builds."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config import DigestConfig
from ..models import Article, Story, Storyline
from .clustering import cluster_events
from .identity import identify, keep_storyline_ids
from .storylines import link_storylines

if TYPE_CHECKING:
    from ..runtime import Runtime


@dataclass(frozen=True, slots=True)
class Grouped:
    """The stage's output."""

    events: list[Story]
    """Newest first."""
    storylines: list[Storyline]
    """Newest first; each names its events, oldest first."""


def group(articles: list[Article], options: DigestConfig, runtime: Runtime, previous: dict | None = None) -> Grouped:
    """Articles -> events and storylines, newest first. previous: the last build's state
    (digest-state.json: its "stories" and "storylines"), whose ids and slugs continuing events and
    storylines keep. The storylines read the features the events were made from."""
    previous = previous or {}
    clustering = cluster_events(articles, options.grouping, runtime)
    events = identify(clustering.groups(), _mapping(previous.get("stories")))
    storylines = link_storylines(events, clustering, options.grouping, runtime)
    return Grouped(events, keep_storyline_ids(storylines, _mapping(previous.get("storylines"))))


def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}
