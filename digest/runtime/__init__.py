"""How fast, not what: workers, the cache between builds, progress, memory and diagnostics.

No stage imports this wing and this wing imports no stage: the pipeline makes one `Runtime` per
build and hands it to each stage, which calls it to map work over its items (on processes or a
Dask cluster, results in input order), to read and store results between builds, to show
progress and to report what it found wrong with the input. `Runtime()` alone runs everything in
this process, without a cache, silently: what a library caller or a test needs.
"""
from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from ..models import Diagnostic
from . import records  # noqa: F401  (registers the records' compact pickling)
from .cache import Cache, cached_map, fingerprint
from .executor import Executor, SerialExecutor, Shared, make_executor
from .memory import collector_paused
from .progress import QUIET, Progress, Tick

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Runtime:
    """The machinery one build runs on; stages call it, never construct it."""

    executor: Executor = field(default_factory=SerialExecutor)
    cache: Cache = field(default_factory=lambda: Cache(None))
    progress: Progress = QUIET
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Everything the stages reported, in the order they reported it."""

    @classmethod
    def open(cls, jobs: int = 1, dask: str | None = None, cache_dir: Path | None = None, progress: bool = False) -> "Runtime":
        """jobs processes (0: one per core) or a Dask scheduler's address; a cache folder or None."""
        return cls(make_executor(jobs, dask), Cache(cache_dir), Progress(progress))

    def close(self) -> None:
        """Stop the worker processes (the cache stays usable for writing pages)."""
        self.executor.close()

    # ------------------------------------------------ work

    @property
    def jobs(self) -> int:
        """How many items the executor works on at once."""
        return getattr(self.executor, "jobs", 1)

    def map(self, function: Callable[[T], R], items: Iterable[T], tick: Tick | None = None) -> list[R]:
        """function(item) for every item, results in input order; tick(n) as n more are done."""
        return self.executor.map(function, items, tick)

    def share(self, value) -> Shared:
        """A large read-only value every task of a stage reads: sent once to each worker."""
        return Shared(value)

    def stage(self, name: str, total: int, unit: str) -> AbstractContextManager[Tick]:
        """Progress of a stage over `total` items: a bar on a terminal, a log line now and then elsewhere."""
        return self.progress.stage(name, total, unit)

    # ------------------------------------------------ results kept between builds

    @property
    def caching(self) -> bool:
        """Whether results are kept between builds (else every key is "" and nothing is stored)."""
        return self.cache.folder is not None

    def key(self, *parts) -> str:
        """A cache key for these parts and this version of digest's code; "" when not caching."""
        return fingerprint(*parts) if self.caching else ""

    def cached_map(self, kind: str, function: Callable[[T], R], items: list[T], keys: list[str], tick: Tick | None = None,
                   pack=None, unpack=None) -> list[R]:
        """function(item) for every item, in order: read back where its key was stored, else
        computed on the executor and stored. An empty key is never cached. pack(result) is what
        is stored, unpack(item, stored) gives the result back."""
        return cached_map(self.cache, kind, function, items, keys, self.executor, tick, pack, unpack)

    def get(self, kind: str, key: str):
        """The value stored under (kind, key), or None."""
        return self.cache.get(kind, key) if key else None

    def has(self, kind: str, key: str) -> bool:
        """Whether a value is stored under (kind, key), without reading it."""
        return bool(key) and self.cache.has(kind, key)

    def put(self, kind: str, key: str, value) -> None:
        """Store a value under (kind, key); nothing when the key is empty."""
        if key:
            self.cache.put(kind, key, value)

    def commit(self) -> None:
        """Make what was stored durable."""
        self.cache.commit()

    def reading(self) -> AbstractContextManager[None]:
        """Around reading many values back: the garbage collector paused."""
        return collector_paused()

    # ------------------------------------------------ diagnostics

    def report(self, level: str, path: str, line: int | None, message: str) -> None:
        """A problem with the input ("error": the item was skipped, "warning": kept, "info": inferred)."""
        self.diagnostics.append(Diagnostic(level, path, line, message))
