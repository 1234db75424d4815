"""The site stage: generated pages -> a static site, through a site engine, swapped in atomically.

staging.py is engine-agnostic (staging folders, the atomic swap, recovery after a killed build);
mkdocs_engine.py is the one engine, and the only module that imports MkDocs.
"""
from .engine import SiteEngine, SiteLayout
from .staging import is_ours, recover, staging_dir, swap_in


def default_engine() -> SiteEngine:
    """The engine digest builds with: MkDocs with the Material theme."""
    from .mkdocs_engine import MkDocsEngine

    return MkDocsEngine()


__all__ = ["SiteEngine", "SiteLayout", "default_engine", "is_ours", "recover", "staging_dir", "swap_in"]
