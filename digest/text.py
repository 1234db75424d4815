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
# Written out rather than taken from a stop-word list: those also hold "un", "us",
# "bill" and "fire", which are names or content words in news.
FUNCTION_WORDS = frozenset("""
a an the this that these those there here us
i me my mine myself you your yours yourself yourselves he him his himself she her hers herself it its itself
we our ours ourselves they them their theirs themselves who whom whose which what whatever whoever
am is are was were be been being have has had having do does did doing done
will would shall should can could may might must ought
and or but nor so yet if then else than because as while whereas although though unless until since
of in on at by for with without within from to into onto upon over under above below between among
through throughout during before after about against along across around behind beside besides beyond
near off out up down toward towards via per despite except like unlike
not no nor only also too very just even still already ever never always often sometimes
all any both each either neither every few many more most much other others some such same several own
how when where why whether
s t d ll re ve m o
""".split())


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def word_count(text: str) -> int:
    return len(WORD_RE.findall(text))


LONG_PARAGRAPH = 5_000


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st gen col lt sgt capt cmdr adm maj gov sen rep rev hon pres supt insp det
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
inc corp co ltd plc bros no nos vs etc al approx dept est fig govt intl univ ave blvd rd mt ft
""".split())
_BOUNDARY = re.compile(r"""([.!?]+["'”’)\]`]*)\s+(?=["'“‘`(\[]*[A-Z0-9])""")


def split_cased(paragraph: str) -> list[str]:
    """Fast splitting for normally-cased text: a full stop, then a capital, unless the word
    before is an abbreviation ("Gen.", "Mr.") or an initial ("George W. Bush", "U.S.")."""
    sentences, start = [], 0
    for match in _BOUNDARY.finditer(paragraph):
        before = re.search(r"([\w.]+)$", paragraph[start : match.start(1)] + ("." if match.group(1).startswith(".") else ""))
        word = before.group(1).rstrip(".").lower() if before else ""
        if match.group(1).startswith(".") and (word in ABBREVIATIONS or len(word.replace(".", "")) <= 1 or "." in word):
            continue
        sentences.append(paragraph[start : match.end(1)].strip())
        start = match.end()
    sentences.append(paragraph[start:].strip())
    return [s for s in sentences if s]


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences. Lowercased text (no capital to mark a start) goes
    through pysbd, which handles it; cased text through a fast rule, 20 times quicker."""
    paragraph = paragraph.strip()
    if not paragraph:
        return []
    if len(paragraph) < 40 or not re.search(r"[.!?]\W*\s+\S", paragraph):
        return [paragraph]
    if len(paragraph) > LONG_PARAGRAPH:
        # pysbd's rules slow down badly on one enormous line; a plain rule keeps it linear
        return [p.strip() for p in re.split(r"(?<=[.!?])\s+(?=\S)", paragraph) if p.strip()]
    if re.search(r"[.!?]\W*\s+\W*[A-Z]", paragraph):
        return split_cased(paragraph)
    # The processor's sentences directly: pysbd's own segment() then finds each one in the text
    # again with a freshly compiled regex, which took half its time
    parts = [p.strip() for p in _segmenter().processor(paragraph).process()]
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
