"""Property-based fuzzing of the stages that read untrusted text: no crash, no hang, clear errors.

DIGEST_FUZZ_EXAMPLES sets how many inputs each property tries (CI: 150; try 5000 for a long run).
The number tried is printed at the end of the test run.
"""
import json
import os
import time
from html.parser import HTMLParser

import markdown
from hypothesis import HealthCheck, example, given, settings, strategies as st

from digest.briefing.figures import extract_figures
from digest.render.markup import md
from digest.restore import learn_casing, restore

from conftest import read_corpus
from stats import RUN_STATS as TRIED

EXAMPLES = int(os.environ.get("DIGEST_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
SECONDS_PER_ARTICLE = 2.0

NASTY = st.sampled_from([
    "\u200f", "\u200e", "\u202e", "\u200d", "\u0301", "\u0327", "👩‍👩‍👧", "🇺🇦", "\x00", "\ufeff", "\r", "\t", "\u2028",
    "1,5 million", "3.2bn", "10^6", "½", "1e9", "–5%", "$-4.2m", "12–15", "٣٤", "1.000.000", "0x1F", "−3", "4¾",
    "<script>", "[a](b)", "{{ x }}", "--8<--", "> > > >", "* * *", "```", "&amp;", "\\", "|", "#", "!", "---",
])
TEXT = st.lists(st.one_of(st.text(max_size=40), NASTY), max_size=60).map("".join)
MODEL = learn_casing(["Talal Selo said the Syrian Democratic Forces took Raqqa on Sunday."])


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    assert time.perf_counter() - started < SECONDS_PER_ARTICLE, "took longer than 2 s"
    return result


@FUZZ
@given(TEXT)
def test_restoration_never_crashes(text):
    TRIED["fuzz: restoration inputs"] += 1
    restored = timed(restore, text, MODEL)
    assert "\x00" not in restored and "\u202e" not in restored
    timed(restore, text.lower(), MODEL)


@FUZZ
@given(TEXT)
def test_figures_never_crash_and_come_from_the_text(text):
    TRIED["fuzz: figure inputs"] += 1
    for figure in timed(extract_figures, text):
        assert figure.text.strip() in text


NUMBERISH = st.lists(st.sampled_from([
    "between", "minus", "-", "−", "US$", "$", "£", "Rs.", "RM", "HK$", " ", "  ", "5", "3.5", ".5", "1,200", "2/3",
    "two", "twenty-five", "a dozen", "dozens", "tens of thousands", "a third", "million", "bn", "%", "percent",
    "to", "and", "people", "years", "June", "2024", "farms", "km", "about", "no more than", ",", ".",
    # Case: the search reads a lowercased copy; these are what IGNORECASE alone would match
    "Two", "HUNDREDS", "Between", "us$", "rs", "Hk$", "thouſands", "mıllion", "İ", "Σ",
]), max_size=14).map(" ".join)


def figures_scanning_every_position(sentence):
    """The plain loop extract_figures is a faster form of: the registered patterns tried from every position."""
    from digest.briefing.figures import FigureExtractor, build_default_patterns

    return FigureExtractor(build_default_patterns()).scan_every_position(sentence)


@FUZZ
@given(NUMBERISH)
@example("between rs two")  # a currency code before a spelled number: 'between' must anchor it too
def test_figure_search_from_anchors_finds_what_a_full_scan_finds(text):
    TRIED["fuzz: figure inputs"] += 1
    assert extract_figures(text) == figures_scanning_every_position(text)


@FUZZ
@given(st.one_of(TEXT, NUMBERISH))
def test_wording_tokens_lowercase_as_token_by_token(text):
    """_tokens lowercases the whole sentence at once: the same tokens as lowercasing each one."""
    from digest.briefing.compare import _TOKEN_RE, _tokens

    assert _tokens(text) == [token.lower().replace(".", "") for token in _TOKEN_RE.findall(text)]


SAYING = st.lists(st.sampled_from([
    "said", "Said", "according to", "according  to", "unsaid", "-said", " ", "  ", "\n", "\u00a0", ",", "Selo", "İ", "Σ",
    "x" * 70, "the", "of", "'s",
]), max_size=12).map("".join)


@FUZZ
@given(st.one_of(TEXT, SAYING), st.integers(min_value=0, max_value=400))
def test_name_contexts_read_from_a_window_as_from_the_whole_sentence(text, start):
    """Classifying a name reads the few characters before it: the same words and say-verbs as the whole start."""
    import re
    from digest.briefing.entities import _WORDS_RE, SAY_VERBS, _context_before, _ends_with_say_verb

    start = min(start, len(text))
    assert _context_before(text, start) == _WORDS_RE.findall(text[:start].lower())[-3:]
    assert _ends_with_say_verb(text[:start]) == bool(re.search(rf"\b{SAY_VERBS}\s*$", text[:start].lower()))


SPACING = st.lists(st.sampled_from([
    "raqqa", "Syria", "_", "٣", "é", "İ", " ", "  ", "\t", "\u00a0", "\n", " \n", ",", ".", " ,", " .", "!", "?", ";", ":",
    "(", ")", "'s", "A", "B", "x" * 25, "X" * 25,
]), max_size=40).map("".join)


@FUZZ
@given(st.one_of(TEXT, SPACING))
def test_quick_text_tests_agree_with_their_plain_definitions(text):
    """looks_tokenized, looks_lowercased and normalize_whitespace are faster forms of these."""
    import re
    from digest.restore.clean import looks_lowercased, looks_tokenized, normalize_whitespace

    gaps = re.findall(r"\w( ?)[,.;:?!](?:\s|$)", text)
    spaced = gaps.count(" ")
    assert looks_tokenized(text) == (spaced >= 3 and spaced > len(gaps) - spaced)
    letters = sum(1 for c in text if c.isalpha() and (c.islower() or c.isupper()))  # letters that have a case
    assert looks_lowercased(text) == (letters >= 20 and sum(map(str.isupper, text)) / letters < 0.004)
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    assert normalize_whitespace(text) == "\n".join(lines).strip()


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_comment(self, data):
        self.tags.append(("!--", []))


@FUZZ
@given(TEXT)
def test_rendered_text_is_only_text(text):
    TRIED["fuzz: rendering inputs"] += 1
    html = markdown.markdown(f"- {md(text)}", extensions=["tables"])
    parser = Tags()
    parser.feed(html)
    assert [tag for tag, _ in parser.tags] in (["ul", "li"], ["p"], []), (text, html)
    assert all(not attrs for _, attrs in parser.tags)


FRONT_MATTER_VALUES = st.one_of(
    TEXT, st.integers(), st.floats(allow_nan=True), st.lists(st.text(max_size=5), max_size=3), st.none(),
    st.sampled_from(["!!python/object/apply:os.system ['touch /tmp/pwned']", "&a [*a]", "*undefined", "!!binary AAAA",
                     "{a: [1, {b: 2}]}", "2017-13-45", "javascript:alert(1)", "[[[[[[[[[[]]]]]]]]]]"]),
)


@FUZZ
@given(st.dictionaries(st.sampled_from(["source", "title", "published", "url", "author", "lang", "guid", "bogus"]), FRONT_MATTER_VALUES, max_size=6),
       TEXT, st.binary(max_size=200))
def test_loader_never_crashes_and_names_the_file(tmp_path_factory, meta, body, raw):
    TRIED["fuzz: corpus files"] += 3
    content = tmp_path_factory.mktemp("fuzz")
    articles = content / "articles"
    articles.mkdir()
    front = "".join(f"{key}: {value}\n" for key, value in meta.items())
    (articles / "a.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8", errors="surrogatepass")
    (articles / "b.txt").write_bytes(raw)
    record = {"id": body[:10], "text": body, **{k: v for k, v in meta.items() if not isinstance(v, float)}}
    (articles / "c.jsonl").write_text(json.dumps(record) + "\n{broken\n", encoding="utf-8")
    corpus = timed(read_corpus, content)
    for diagnostic in corpus.diagnostics:
        assert diagnostic.path.startswith(content.name + "/articles/") or diagnostic.path.endswith("sources.yml")
    assert any(d.path.endswith("c.jsonl") and d.line == 2 for d in corpus.diagnostics)
    assert not os.path.exists("/tmp/pwned")
    for article in corpus.articles:
        article.raw_text.encode("utf-8")  # writable: no lone surrogates
        for value in (article.title, article.author, article.url):
            assert value is None or "\x00" not in value


def test_enormous_line_and_deep_nesting_stay_fast():
    from conftest import restore as restored
    from digest.models import RawArticle, Source
    from digest.runtime import Runtime

    TRIED["fuzz: enormous inputs"] += 2
    line = "The harbour reopened on Monday after repairs costing $4 million. " * 30_000  # 2 MB on one line
    raws = [RawArticle(str(i), f"big{i}.md", Source("x", "X"), text) for i, text in enumerate([line, line.lower().replace(".", " .")])]
    started = time.perf_counter()
    runtime = Runtime()
    articles = restored(raws, runtime)
    notes = [(d.level, d.path, d.line, d.message) for d in runtime.diagnostics]
    assert time.perf_counter() - started < 2 * SECONDS_PER_ARTICLE
    assert all(len(a.sentences) <= 400 for a in articles)
    assert any("only the first" in note[3] for note in notes)
    nested = "> " * 5000 + "[" * 5000 + "text" + "]" * 5000
    html = markdown.markdown(f"- {md(nested)}")
    assert "<blockquote>" not in html and "<a" not in html


def _real_sentences() -> list[str]:
    """Sentences of real and written news: the seeds, the golden corpus and the test corpora."""
    from conftest import QUAKES, ROOT
    from digest.text import split_text

    texts = [path.read_text(encoding="utf-8").split("---")[-1] for path in (ROOT / "content" / "articles" / "seeds").glob("*.md")]
    texts += [path.read_text(encoding="utf-8").split("---")[-1] for path in (ROOT / "tests" / "golden" / "small" / "content").rglob("*.md")]
    texts += [text.split("---")[-1] for text in QUAKES.values()]
    return sorted({s for text in texts for paragraph in split_text(text) for s in paragraph if len(s) > 3})


REAL_SENTENCES = _real_sentences()
STORY_ARTICLES = st.lists(
    st.tuples(st.sampled_from(["wire", "daily", "gazette"]),
              st.lists(st.one_of(st.sampled_from(REAL_SENTENCES), st.sampled_from(REAL_SENTENCES).map(str.lower),
                                 st.sampled_from(REAL_SENTENCES).map(str.upper), TEXT), min_size=1, max_size=12)),
    min_size=1, max_size=5)


@FUZZ
@given(STORY_ARTICLES)
def test_the_analysis_of_a_story_of_random_real_sentences_never_crashes(articles):
    """Whole stories made of random real sentences (and their lowercased and uppercased forms, and
    noise): the briefing stage gives a briefing, and its page renders."""
    from datetime import datetime

    from digest.briefing import build_briefing
    from digest.config import Limits
    from digest.models import Article, Sentence, Sentences, Source, Story
    from digest.render import render_briefing
    from digest.site.mkdocs_engine import MATERIAL_MARKUP

    TRIED["fuzz: analysed stories"] += 1
    story = Story("s", "s", tuple(
        Article(f"{number}", f"{number}.md", Source(outlet, outlet.title()),
                Sentences.of(Sentence(text, index, index // 3) for index, text in enumerate(sentences)),
                title=sentences[0][:60], published=datetime(2021, 7, 31 + number // 3 if number < 3 else 30))
        for number, (outlet, sentences) in enumerate(articles)))
    started = time.perf_counter()
    briefing = build_briefing(story)
    render_briefing(briefing, MATERIAL_MARKUP, Limits())
    assert time.perf_counter() - started < 10 * SECONDS_PER_ARTICLE
