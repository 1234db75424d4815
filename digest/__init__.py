"""News briefing generator: corpus -> articles -> stories -> briefings -> Markdown -> site."""
from .config import DigestConfig, GroupingConfig, Limits
from .pipeline import DigestResult, build, generate

__all__ = ["DigestConfig", "DigestResult", "GroupingConfig", "Limits", "build", "generate"]
