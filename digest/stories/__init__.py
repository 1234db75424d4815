"""The stories stage: restored articles -> stories (articles about one event, across outlets),
with ids and pages kept across builds."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..config import DigestConfig
from ..models import Article, Story
from .clustering import cluster_articles
from .identity import identify

if TYPE_CHECKING:
    from ..runtime import Runtime


def group(articles: list[Article], options: DigestConfig, runtime: Runtime, previous: dict[str, dict] | None = None) -> list[Story]:
    """Articles -> stories, newest first. previous: the last build's stories (digest-state.json),
    whose ids and slugs continuing stories keep."""
    return identify(cluster_articles(articles, options.grouping, runtime), previous or {})
