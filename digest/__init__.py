"""News briefing generator: corpus -> articles -> stories -> briefings -> Markdown -> site."""
from .pipeline import DigestConfig, DigestResult, build, generate

__all__ = ["DigestConfig", "DigestResult", "build", "generate"]
