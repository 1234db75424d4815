"""How far a long build has got: a bar on a terminal, a log line now and then elsewhere
(a CI log must not fill with carriage returns), nothing when asked to be quiet."""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator, TextIO

Tick = Callable[[int], None]


class Progress:
    """Progress of a build's stages on a stream (stderr), or nothing when disabled."""

    def __init__(self, enabled: bool = False, stream: TextIO | None = None, interval: float = 10.0) -> None:
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.interval = interval
        """Seconds between log lines when the stream is not a terminal."""

    @contextmanager
    def stage(self, name: str, total: int, unit: str) -> Iterator[Tick]:
        """A tick(n) for a stage of `total` items: a bar on a terminal, a log line every
        `interval` seconds elsewhere (and one at the end if it took that long)."""
        if not self.enabled or total == 0:
            yield lambda done=1: None
            return
        if self.stream.isatty():
            from tqdm import tqdm

            with tqdm(total=total, desc=name, unit=f" {unit}", file=self.stream, leave=False, dynamic_ncols=True,
                      mininterval=min(self.interval, 0.1)) as bar:
                yield bar.update
            return
        yield from self._log_lines(name, total, unit)

    def _log_lines(self, name: str, total: int, unit: str) -> Iterator[Tick]:
        started = last = time.monotonic()
        done = 0

        def tick(count: int = 1) -> None:
            nonlocal done, last
            done += count
            now = time.monotonic()
            if now - last >= self.interval and done < total:
                last = now
                print(f"digest: {name}: {done:,} of {total:,} {unit} ({100 * done // total}%), {now - started:.0f} s",
                      file=self.stream, flush=True)

        yield tick
        elapsed = time.monotonic() - started
        if elapsed >= self.interval:
            print(f"digest: {name}: {total:,} {unit} in {elapsed:.0f} s", file=self.stream, flush=True)


QUIET = Progress(enabled=False)
