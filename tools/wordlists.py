"""Make the word lists shipped in digest/data/ from Debian's SCOWL packages (wamerican,
wamerican-huge, wbritish-huge; Debian 12: 2020.12.07-2), so the build reads the same words on any
machine and never /usr/share/dict.

    apt-get install wamerican wamerican-huge wbritish-huge
    python -m tools.wordlists          # rewrites digest/data/words.txt.gz and words-large.txt.gz

words.txt.gz is american-english as it is (proper nouns keep their capitals); words-large.txt.gz
holds the lowercase words of the two huge lists that it lacks. The licence travels with them
(digest/data/SCOWL-LICENSE, from /usr/share/doc/wamerican/copyright).
"""
from __future__ import annotations

import gzip
import shutil
from pathlib import Path

DICT = Path("/usr/share/dict")
DATA = Path(__file__).resolve().parent.parent / "digest" / "data"


def _write(path: Path, text: str) -> None:
    # mtime 0 and no file name: the same lists give the same bytes
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
        out.write(text.encode("utf-8"))


def main() -> None:
    base = (DICT / "american-english").read_text(encoding="utf-8", errors="ignore")
    base_lower = {w.strip() for w in base.splitlines() if w.strip() and not w.strip()[0].isupper()}
    large: set[str] = set()
    for name in ("american-english-huge", "british-english-huge"):
        large.update(w for w in (DICT / name).read_text(encoding="utf-8", errors="ignore").split() if w[:1].islower())
    _write(DATA / "words.txt.gz", base)
    _write(DATA / "words-large.txt.gz", "\n".join(sorted(large - base_lower)) + "\n")
    shutil.copy("/usr/share/doc/wamerican/copyright", DATA / "SCOWL-LICENSE")


if __name__ == "__main__":
    main()
