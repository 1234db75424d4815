"""One interface for running per-article and per-story work: in this process, on local
processes (--jobs N), or on a Dask cluster (--dask ADDRESS). Results keep the input order,
so the output is the same whichever runs it."""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Protocol, TypeVar

from .memory import worker_setup

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    """Runs a function over items, results in input order, wherever the work happens."""

    def map(self, function: Callable[[T], R], items: Iterable[T], tick: Callable[[int], None] | None = None) -> list[R]:
        """function over items, results in input order; tick(n) as n more are done."""

    def close(self) -> None:
        """Stop the workers."""


class SerialExecutor:
    """Everything in this process, one item after another."""

    def map(self, function, items, tick=None):
        """function over items, here; results in input order."""
        results = []
        for item in items:
            results.append(function(item))
            if tick:
                tick(1)
        return results

    def close(self) -> None:
        """Nothing to stop."""
        pass


class ProcessExecutor:
    """A pool of local processes, started once per build and reused by every stage."""

    def __init__(self, jobs: int) -> None:
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        self.jobs = jobs
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=worker_setup)

    def map(self, function, items, tick=None):
        """function over items on the pool, in chunks; results in input order."""
        items = list(items)
        chunk = max(1, len(items) // (self.jobs * 8))
        results = []
        for result in self.pool.map(function, items, chunksize=chunk):
            results.append(result)
            if tick:
                tick(1)
        return results

    def close(self) -> None:
        """Stop the worker processes."""
        self.pool.shutdown()


class DaskExecutor:
    """The same work on a Dask cluster (distributed's Client), batched to keep scheduling cheap."""

    def __init__(self, address: str) -> None:
        from distributed import Client

        self.client = Client(address)

    def map(self, function, items, tick=None):
        """function over items on the cluster, in batches; results in input order."""
        from distributed import as_completed

        items = list(items)
        size = max(1, len(items) // 64)
        batches = [items[i : i + size] for i in range(0, len(items), size)]
        futures = self.client.map(_run_batch, [function] * len(batches), batches, pure=False)
        if tick:
            sizes = {future.key: len(batch) for future, batch in zip(futures, batches)}
            for future in as_completed(futures):
                tick(sizes[future.key])
        return [result for batch in self.client.gather(futures) for result in batch]

    def close(self) -> None:
        """Disconnect from the cluster."""
        self.client.close()


class Shared:
    """A large read-only object every task of a stage needs (the casing model). Work sent to
    processes or a cluster is pickled a batch of tasks at a time, and the object with it: wrapped
    in this it is pickled once here and unpickled once per worker process. Tasks read `.value`."""

    def __init__(self, value) -> None:
        self.value = value
        self._packed: tuple[str, bytes] | None = None

    def __reduce__(self):
        if self._packed is None:
            data = pickle.dumps(self.value, protocol=5)
            self._packed = (hashlib.sha256(data).hexdigest(), data)
        return (_received, self._packed)


_RECEIVED: dict[str, Shared] = {}


def _received(digest: str, data: bytes) -> Shared:
    if digest not in _RECEIVED:
        _RECEIVED.clear()  # one at a time: a worker keeps only the latest stage's object
        _RECEIVED[digest] = Shared(pickle.loads(data))
    return _RECEIVED[digest]


def _run_batch(function, batch):
    return [function(item) for item in batch]


def make_executor(jobs: int = 1, dask_address: str | None = None) -> Executor:
    """The executor for --dask ADDRESS, else --jobs N (0: one per core; 1: this process)."""
    if dask_address:
        return DaskExecutor(dask_address)
    if jobs == 0:
        jobs = os.cpu_count() or 1
    return ProcessExecutor(jobs) if jobs > 1 else SerialExecutor()
