"""The language every stage shares: words, stop words, function words, month names, the word
list, datelines, sentence splitting and slugs. Any stage may import this module; it imports none."""
from __future__ import annotations

import gzip
import re
import unicodedata
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .errors import DigestError

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


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


_MONTH_WORD = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?" \
              r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_LINE_RE = re.compile(
    r"^(?:(?:published|updated|posted|created|last\s+updated|first\s+published)\s*(?::|on)?\s*)?"
    r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?"
    rf"(?:{_MONTH_WORD}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_WORD.replace('month', 'month2')},?\s+(?P<year2>\d{{4}})"
    r"|(?P<year3>\d{4})\s*[-./]\s*(?P<month3>\d{1,2})\s*[-./]\s*(?P<day3>\d{1,2}))"
    r"(?:\s*(?:[-,|]|at)?\s*\d{1,2}(?:\s*[:.]\s*\d{2}){0,2}\s*(?:[ap]\.?\s?m\.?)?(?:\s+[a-z]{2,4}T?)?)?"
    r"\s*[|.]?\s*$",
    re.IGNORECASE,
)


def date_line(line: str) -> datetime | None:
    """The date of a line that is a date and nothing else, as pages and archives put above an
    article: "August 7, 2012", "Tuesday, August 7, 2012", "Published: August 7, 2012",
    "August 8, 2012 - 4:43 pm", "16 August 2011", "Thursday, Aug 18, 2011", "TUESDAY, OCTOBER 11,
    2011", "2012-08-08 09:01 AM" (and their tokenized forms, "2012. 08. 08 09: 01 AM"). None for
    any other line, and for numeric dates that are not year first ("16/08/2011": the day and the
    month cannot be told apart), or a date that does not exist."""
    match = _DATE_LINE_RE.match(line.strip()) if len(line) <= 80 else None
    if not match:
        return None
    if match["year3"]:
        year, month, day = int(match["year3"]), int(match["month3"]), int(match["day3"])
    else:
        name = (match["month"] or match["month2"]).lower()[:3]
        year, day = int(match["year"] or match["year2"]), int(match["day"] or match["day2"])
        month = [m.lower()[:3] for m in MONTH_NAMES].index(name) + 1
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def words(text: str) -> list[str]:
    """The words of a text (letters, with inner apostrophes: "Syria's"), in order."""
    return WORD_RE.findall(text)


def word_count(text: str) -> int:
    """How many words `words` finds."""
    return len(WORD_RE.findall(text))


def language(code: str | None) -> str:
    """'en', 'de', ... from an article's lang ('en-GB', 'DE' -> 'en', 'de'); '' when unknown."""
    return (code or "").strip().lower().replace("_", "-").split("-")[0]


def is_shouted(sentence: str) -> bool:
    """A sentence in capitals ('AT LEAST 12 DEAD, SAYS AFAD'): at least three words and nearly every
    cased letter upper case. Its capitals say nothing about which words are names."""
    upper = lower = 0
    for char in sentence:
        if char.isupper():
            upper += 1
        elif char.islower():
            lower += 1
    return upper >= 8 and lower * 10 < upper and len(sentence.split()) >= 3


ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st gen col lt sgt capt cmdr adm maj gov sen rep rev hon pres supt insp det
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
inc corp co ltd plc bros no nos vs etc al approx dept est fig govt intl univ ave blvd rd mt ft
spc pfc pvt cpl sgts lieut brig cdr cmdr rear vice ens amb atty res sens reps
""".split())
TITLES = frozenset("""
mr mrs ms dr prof sr st gen col lt sgt capt cmdr adm maj gov sen rep rev hon pres supt insp det
spc pfc pvt cpl lieut brig cdr ens amb atty no nos fig vs res sens reps
""".split())
"""Abbreviations that always lead into what follows ("Army Spc. Charles Graner", "No. 10"): no
sentence ends after them, whatever comes next."""
_ANY_BOUNDARY = re.compile(r"[.!?]\W*\s+\S")
_CASED_BOUNDARY = re.compile(r"[.!?]\W*\s+\W*[A-Z]")
_BOUNDARY = re.compile(r"""([.!?]+["'”’)\]`]*)\s+(?=["'“‘`(\[]*[A-Z0-9])""")
# Lowercased text: no capital marks a start, so any full stop before a space may end a sentence
_LOWERCASE_BOUNDARY = re.compile(r"""([.!?]+["'”’)\]`]*)\s+(?=\S)""")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def split_cased(paragraph: str) -> list[str]:
    """Fast splitting for normally-cased text: a full stop, then a capital, unless the word
    before is an abbreviation ("Gen.", "Mr.") or an initial ("George W. Bush", "U.S.")."""
    return _split_at(paragraph, _BOUNDARY, lowercased=False)


def split_lowercased(paragraph: str) -> list[str]:
    """Lowercased text: any full stop before a space may end a sentence, unless the word before
    is an abbreviation ("gen."), an initial ("george w. bush", "u.s.") or the stop is an ellipsis,
    which lowercased news mostly uses mid-sentence (see split_sentences for how it compares)."""
    return _split_at(paragraph, _LOWERCASE_BOUNDARY, lowercased=True)


def _split_at(paragraph: str, boundary: re.Pattern[str], lowercased: bool) -> list[str]:
    sentences, start = [], 0
    for match in boundary.finditer(paragraph):
        stop = match.group(1)
        # The word before the stop, from a short window: a whole enormous line searched at every stop is quadratic
        window = paragraph[max(start, match.start(1) - 100) : match.start(1)]
        before = _WORD_BEFORE.search(window + ("." if stop.startswith(".") else ""))
        word = before.group(1).rstrip(".").lower() if before else ""
        if lowercased and stop.startswith(".."):
            continue  # an ellipsis: lowercased news mostly uses it mid-sentence
        if stop.startswith(".") and _abbreviated(word, lowercased) and not _opens_sentence(word, paragraph, match.end(), lowercased):
            continue
        sentences.append(paragraph[start : match.end(1)].strip())
        start = match.end()
    sentences.append(paragraph[start:].strip())
    return [s for s in sentences if s]


def _abbreviated(word: str, lowercased: bool) -> bool:
    """Whether a full stop after this word marks an abbreviation or an initial, not an end."""
    if word in ABBREVIATIONS:
        return True
    if not lowercased:
        return len(word.replace(".", "")) <= 1 or "." in word
    # No capital after it to tell: "3 votes to 2. however" and "measured 5.5. nobody" end, "w. bush" does not
    return len(word) == 1 and word.isalpha() or "." in word and not any(c.isdigit() for c in word)


_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([^\W\d_]+)")


_OPENERS = frozenset("the a an he she it they we i this these those there but however his her their its our".split())
"""Words that open a sentence and hardly ever follow "u.s." or "p.m." inside one: what tells a
boundary in lowercased text, where no capital does."""


def _opens_sentence(word: str, paragraph: str, at: int, lowercased: bool = False) -> bool:
    """After an abbreviation that can end a sentence ("U.S.", "p.m.", "Inc."), the word that
    follows decides: a function word such as "The" or "He" opens a new sentence ("built in the
    U.S. The rest will come from Mexico"), a name does not ("the U.S. Army"). A title ("Gen.",
    "Spc.") or a single initial ("George W. Bush") always leads into what follows."""
    if word in TITLES or len(word.replace(".", "")) <= 1:
        return False
    following = _NEXT_WORD.match(paragraph, at)
    if not following:
        return False
    if lowercased:
        return following.group(1) in _OPENERS
    return following.group(1)[0].isupper() and following.group(1).lower() in FUNCTION_WORDS


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences: a full stop then a capital in normally-cased text,
    any full stop (but an abbreviation's or an initial's) in lowercased text. Both by rule; pysbd
    agrees with the lowercased rule on 96% of the evaluation sets' lowercased paragraphs, and
    most of the rest this splits better ("george w. bush." ends no sentence; "3 to 2. however"
    does): the README's Text restoration."""
    paragraph = paragraph.strip()
    if not paragraph:
        return []
    if len(paragraph) < 40 or not _ANY_BOUNDARY.search(paragraph):
        return [paragraph]
    if _CASED_BOUNDARY.search(paragraph):
        return split_cased(paragraph)
    return split_lowercased(paragraph)



def split_text(text: str) -> list[list[str]]:
    """The sentences of each paragraph."""
    return [split_sentences(paragraph) for paragraph in paragraphs(text)]


def paragraphs(text: str) -> list[str]:
    """Every non-empty line is a paragraph: corpora put one paragraph or sentence a line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def slugify(text: str, limit: int = 60, fallback: str = "item") -> str:
    """A URL-safe slug of ASCII letters, digits and hyphens, at most `limit` characters, cut at a
    hyphen where it can be; `fallback` when no letter is left (a headline in Chinese, whose digits
    alone would name nothing: '至少14人死亡' is not '14')."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if not re.search(r"[a-z]", slug):
        return fallback
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] or slug[:limit]
    return slug or fallback


# ---------------------------------------------------------------- the word list

WORD_LISTS = Path(__file__).resolve().parent / "data"
"""SCOWL's word lists as Debian packages them (wamerican; the lowercase words of wamerican-huge and
wbritish-huge), shipped with the package so every machine reads the same words (tools/wordlists.py
makes them; their licence is data/SCOWL-LICENSE)."""


def _read_word_list(name: str) -> str:
    path = WORD_LISTS / name
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return handle.read()
    except OSError as exc:
        raise DigestError(f"{path}: the word list digest ships with is missing or unreadable ({exc}); "
                          "reinstall the package (pip install -e .)") from exc


@lru_cache(maxsize=1)
def wordlist() -> tuple[frozenset[str], dict[str, str]]:
    """(lowercase words, lower -> capitalised form for words listed only capitalised), from
    SCOWL's American English list, where proper nouns keep their capitals."""
    lower: set[str] = set()
    capital: dict[str, str] = {}
    for line in _read_word_list("words.txt.gz").splitlines():
        word = line.strip()
        if not word:
            continue
        if word[0].isupper():
            capital.setdefault(word.lower(), word)
        else:
            lower.add(word)
    only_capital = {k: v for k, v in capital.items() if k not in lower}
    return frozenset(lower), only_capital


@lru_cache(maxsize=1)
def apostrophe_words() -> frozenset[str]:
    """Words the word list writes with an apostrophe ("don't", "o'clock"), lowercased."""
    lower, capital = wordlist()
    words = {w for w in lower if "'" in w} | {w for w in capital if "'" in w}
    return frozenset(words | {"don't", "doesn't", "didn't", "isn't", "wasn't", "can't", "won't", "it's"})


def in_wordlist(word: str) -> bool:
    """Whether the word list has this lowercased word, as a common word or as a name."""
    lower, capital = wordlist()
    return word in lower or word in capital


@lru_cache(maxsize=1)
def _large_lowercase() -> frozenset[str]:
    """The rarer lowercase words ("geosynchronous") of the huge American and British lists: with
    them an unknown word is more surely a name."""
    return frozenset(_read_word_list("words-large.txt.gz").split())


def is_common_word(word: str) -> bool:
    """In any word list as a lowercase word."""
    return word in wordlist()[0] or word in _large_lowercase()


# ---------------------------------------------------------------- datelines

DATELINE_RE = re.compile(r"^(?P<place>[^()]{2,80}?)\s*\(\s*(?P<outlet>[A-Za-z][A-Za-z .&-]{0,40}?)\s*\)\s*[-–—_]+\s*")


def split_dateline(first_line: str) -> tuple[str, str, str] | None:
    """'ain issa, syria/beirut (reuters) - text' -> ('ain issa, syria/beirut', 'reuters', 'text')."""
    match = DATELINE_RE.match(first_line)
    if not match:
        return None
    return match.group("place"), match.group("outlet"), first_line[match.end() :]
