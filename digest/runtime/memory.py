"""The garbage-collector policy of a build, in one place.

A build allocates millions of short-lived objects (strings, matches, records) with no reference
cycles among them, and keeps a large heap alive from stage to stage (a year of articles, their
features, the stories). Left at its defaults, the collector scans that heap again and again. So:
- during a build the youngest generation is collected less often (BUILD_GC_THRESHOLDS), in the
  main process and in every worker;
- what a stage leaves alive goes into the permanent generation at the stage's end
  (`stage_done`), and workers forked afterwards inherit it frozen, so their collections neither
  scan nor copy the pages they share;
- reading many entries back from the cache runs with the collector paused (`collector_paused`).
Records hold no reference cycles; reference counting still frees them. Timings are in the
README's Performance section and the commits that made each choice.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

BUILD_GC_THRESHOLDS = (10_000, 10, 10)
"""The collector's thresholds while a build runs (the default collects the youngest generation
every 700 net allocations; nearly all of those passes found nothing to free)."""


@contextmanager
def frozen_heap() -> Iterator[None]:
    """A build's collector policy: raised thresholds, and a permanent generation that each stage's
    leftovers join (`stage_done`). Unfrozen and the thresholds put back when the build is done."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def stage_done() -> None:
    """What the stage that just ended left alive joins the permanent generation."""
    gc.freeze()


def worker_setup() -> None:
    """In each worker process: the build's thresholds (forked workers inherit them, spawned ones
    do not) and one BLAS thread (numpy's own threads on top of `jobs` processes only contend)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    gc.set_threshold(*BUILD_GC_THRESHOLDS)


@contextmanager
def collector_paused() -> Iterator[None]:
    """For reading many entries back: unpickling allocates millions of small records and no
    reference cycles. When the caller keeps a frozen heap (a build does), what was read joins it,
    or the collector's next pass would scan it all."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count():
            gc.freeze()
        if enabled:
            gc.enable()
