"""A content-addressed cache of per-article and per-story results (build/cache/).

A daily rebuild re-analyses only what changed: a restored article is reused
when its raw text, metadata and (for lowercased text) the casing decisions for
its words are unchanged; a briefing when its story is unchanged. Keys hash the
inputs and digest's own source code, so a code change empties the cache in
effect, and the output is byte-identical to a clean build. Entries unused by a
build are removed after it. Entries live in one SQLite file (tens of thousands of
small files cost a file open each); the values are pickles written by this
program: never point it at files from elsewhere.
"""
from __future__ import annotations

import hashlib
import pickle
import sqlite3
from functools import lru_cache, partial
from pathlib import Path

from .memory import collector_paused

@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of digest's own source: part of every key, so a code change starts afresh."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent  # digest/
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprint(*parts) -> str:
    """A key from the parts' repr: dataclass reprs spell out every field, whatever objects they share."""
    return hashlib.sha256(code_version().encode() + repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


class Cache:
    """Only the main process reads and writes it; a cache that cannot be read or written
    (a full disk, a damaged file) only costs speed, never the build."""

    FILE = "cache.sqlite"

    def __init__(self, folder: Path | None) -> None:
        self.folder = Path(folder) if folder else None
        self.used: set[tuple[str, str]] = set()
        self._db: sqlite3.Connection | None = None
        self._broken = False

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken and self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.folder / self.FILE)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                # Values live in a rowid table, beside the (kind, key) index, not inside it: in the
                # key's b-tree, every lookup passing a large value (the casing model) would read it
                # all. The old layout is dropped.
                db.execute("DROP TABLE IF EXISTS entries")
                db.execute("CREATE TABLE IF NOT EXISTS results (kind TEXT NOT NULL, key TEXT NOT NULL, value BLOB, UNIQUE (kind, key))")
                self._db = db
            except (OSError, sqlite3.Error):
                self._broken = True
        return self._db

    def get(self, kind: str, key: str):
        """The value stored under (kind, key), or None (also when it cannot be read); counts as used."""
        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM results WHERE kind = ? AND key = ?", (kind, key)).fetchone()
            value = pickle.loads(row[0]) if row else None
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, IndexError):
            return None
        if row:
            self.used.add((kind, key))
        return value

    def has(self, kind: str, key: str) -> bool:
        """Whether an entry is there (without reading it); an entry found counts as used."""
        db = self._connection()
        if db is None:
            return False
        try:
            found = db.execute("SELECT 1 FROM results WHERE kind = ? AND key = ?", (kind, key)).fetchone() is not None
        except sqlite3.Error:
            return False
        if found:
            self.used.add((kind, key))
        return found

    def put(self, kind: str, key: str, value) -> None:
        """Store a value (pickled) under (kind, key); a write that fails only costs speed."""
        db = self._connection()
        if db is None:
            return
        try:
            db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", (kind, key, pickle.dumps(value, protocol=5)))
            self.used.add((kind, key))
        except sqlite3.Error:
            pass

    def commit(self) -> None:
        """Make what was stored durable (nothing if the cache is unusable)."""
        if self._db is not None:
            try:
                self._db.commit()
            except sqlite3.Error:
                pass

    def keys(self) -> list[tuple[str, str]]:
        """Every (kind, key) stored, sorted."""
        db = self._connection()
        return sorted(db.execute("SELECT kind, key FROM results").fetchall()) if db is not None else []

    def prune(self) -> None:
        """Remove entries this build did not use, so the cache never outgrows the corpus."""
        db = self._connection()
        if db is None:
            return
        try:
            # The keys stored (read from the key index alone), less the keys used: a rebuild uses
            # nearly all, so this beats joining the used keys against the table
            unused = [entry for entry in db.execute("SELECT kind, key FROM results") if entry not in self.used]
            db.executemany("DELETE FROM results WHERE kind = ? AND key = ?", unused)
            db.commit()
        except sqlite3.Error:
            pass
        for legacy in self.folder.rglob("*.pickle"):  # one file an entry, before the SQLite file
            legacy.unlink(missing_ok=True)


def cached_map(cache: "Cache", kind: str, function, items: list, keys: list[str], executor=None, tick=None,
               pack=None, unpack=None) -> list:
    """function(item) for every item, in order: from the cache where its key is there, else
    computed on the executor (and stored). An empty key means: do not cache this one.
    pack(result) is what gets stored, unpack(item, stored) gives the result back (say, to leave
    out of the cache what the item already holds)."""
    from .executor import SerialExecutor

    results: dict[int, object] = {}
    with collector_paused():
        for position, key in enumerate(keys):
            hit = cache.get(kind, key) if key else None
            if hit is not None:
                results[position] = unpack(items[position], hit) if unpack else hit
                if tick:
                    tick(1)
    missing = [p for p in range(len(items)) if p not in results]
    # Packed where it is computed: what the item already holds need not travel back from a worker
    work = partial(_packed, function, pack) if pack else function
    for position, stored in zip(missing, (executor or SerialExecutor()).map(work, [items[p] for p in missing], tick)):
        results[position] = unpack(items[position], stored) if unpack else stored
        if keys[position]:
            cache.put(kind, keys[position], stored)
    cache.commit()
    return [results[p] for p in range(len(items))]


def _packed(function, pack, item):
    return pack(function(item))
