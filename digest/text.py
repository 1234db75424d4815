"""Shared text helpers: word tokens, stop words, sentence splitting."""
from __future__ import annotations

import re
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {
    "said", "says", "s", "t", "mr", "mrs", "ms", "would", "could", "also", "just", "like",
    "told", "including", "according", "did", "does", "don't", "it's", "i'm",
}
# Function words are never capitalised mid-sentence, whatever the corpus says
# ("IS" for Islamic State must not turn "the city is clean" into "the city IS clean").
FUNCTION_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"s", "t", "d", "ll", "re", "ve", "m", "o"}


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def word_count(text: str) -> int:
    return len(WORD_RE.findall(text))


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences; pysbd also works on lowercased text."""
    paragraph = paragraph.strip()
    if not paragraph:
        return []
    if len(paragraph) < 40 or not re.search(r"[.!?]\W*\s+\S", paragraph):
        return [paragraph]
    parts = [p.strip() for p in _segmenter().segment(paragraph)]
    return [p for p in parts if p]


def paragraphs(text: str) -> list[str]:
    """Every non-empty line is a paragraph: corpora put one paragraph or sentence a line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def slugify(text: str, limit: int = 60) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] or slug[:limit]
    return slug or "item"
