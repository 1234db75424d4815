"""A content-addressed cache of per-article and per-story results (build/cache/).

A daily rebuild re-analyses only what changed: a restored article is reused
when its raw text, metadata and (for lowercased text) the corpus's casing model
are unchanged; a briefing when its story is unchanged. Keys hash the inputs and
digest's own source code, so a code change empties the cache in effect, and the
output is byte-identical to a clean build. Entries unused by a build are removed
after it. The folder holds pickles written by this program: never point it at
files from elsewhere.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def code_version() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprint(*parts) -> str:
    """A key from the parts' repr: dataclass reprs spell out every field, whatever objects they share."""
    return hashlib.sha256(code_version().encode() + repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


class Cache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = Path(folder) if folder else None
        self.used: set[Path] = set()

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}.pickle"

    def get(self, kind: str, key: str):
        if self.folder is None:
            return None
        path = self._path(kind, key)
        try:
            value = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        self.used.add(path)
        return value

    def put(self, kind: str, key: str, value) -> None:
        if self.folder is None:
            return
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(value, protocol=5))
            os.replace(temporary, path)
            self.used.add(path)
        except OSError:
            pass  # a cache that cannot be written only costs speed

    def prune(self) -> None:
        """Remove entries this build did not use, so the cache never outgrows the corpus."""
        if self.folder is None or not self.folder.exists():
            return
        for path in self.folder.rglob("*.pickle"):
            if path not in self.used:
                try:
                    path.unlink()
                except OSError:
                    pass


def cached_map(cache: "Cache", kind: str, function, items: list, keys: list[str], executor=None, tick=None) -> list:
    """function(item) for every item, in order: from the cache where its key is there, else
    computed on the executor (and stored). An empty key means: do not cache this one."""
    from .executor import SerialExecutor

    results: dict[int, object] = {}
    for position, key in enumerate(keys):
        hit = cache.get(kind, key) if key else None
        if hit is not None:
            results[position] = hit
            if tick:
                tick(1)
    missing = [p for p in range(len(items)) if p not in results]
    for position, result in zip(missing, (executor or SerialExecutor()).map(function, [items[p] for p in missing], tick)):
        results[position] = result
        if keys[position]:
            cache.put(kind, keys[position], result)
    return [results[p] for p in range(len(items))]
