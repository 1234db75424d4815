"""Reading the corpus: every problem names the file and line, and the other articles still load."""
import json

from conftest import read_corpus

GOOD = """\
---
source: reuters
title: A good article
published: 2017-10-15T08:30:00Z
url: https://www.reuters.com/a
---
Officials said the bridge would reopen on Monday after repairs.
"""


def messages(corpus, level=None):
    return [str(d) for d in corpus.diagnostics if level is None or d.level == level]


def test_front_matter_is_read(make_project):
    corpus = read_corpus(make_project({"a.md": GOOD}) / "content")
    (article,) = corpus.articles
    assert article.source.name == "Reuters"
    assert article.title == "A good article"
    assert article.published.isoformat() == "2017-10-15T08:30:00"
    assert article.url == "https://www.reuters.com/a"
    assert article.raw_text.startswith("Officials said")


def test_an_article_is_dated_on_the_day_its_outlet_published_it(make_project):
    """'00:30 in Amsterdam on 12 March' is 12 March, as the outlet's page says, not UTC's 11 March."""
    local = GOOD.replace("2017-10-15T08:30:00Z", "2024-03-12T00:30:00+02:00")
    western = GOOD.replace("2017-10-15T08:30:00Z", "2024-03-11T21:00:00-05:00")
    corpus = read_corpus(make_project({"a.md": local, "b.md": western.replace("the bridge would reopen", "the tunnel would close").replace("reuters.com/a", "reuters.com/b")}) / "content")
    days = sorted((a.published.date().isoformat(), a.published.strftime("%H:%M")) for a in corpus.articles)
    assert days == [("2024-03-11", "21:00"), ("2024-03-12", "00:30")]


def test_broken_yaml_names_file_and_line_and_keeps_the_others(make_project):
    broken = "---\nsource: bbc\ntitle: [unclosed\n---\nSome text about a bridge.\n"
    corpus = read_corpus(make_project({"a.md": GOOD, "b.md": broken}) / "content")
    assert [a.id for a in corpus.articles] == ["a"]
    (error,) = messages(corpus, "error")
    assert "content/articles/b.md:" in error and "broken front matter" in error


def test_unknown_key_is_a_warning_with_a_suggestion(make_project):
    text = GOOD.replace("title:", "titel:")
    corpus = read_corpus(make_project({"a.md": text}) / "content")
    assert corpus.articles
    (warning,) = messages(corpus, "warning")
    assert "a.md:3" in warning and "'titel'" in warning and "did you mean 'title'" in warning


def test_non_utf8_bytes_are_reported_and_read(make_project):
    data = GOOD.encode() + "Caf\xe9 owners agreed.\n".encode("latin-1")
    corpus = read_corpus(make_project({"a.md": data}) / "content")
    assert "Café owners agreed." in corpus.articles[0].raw_text
    (warning,) = messages(corpus, "warning")
    assert "a.md:8" in warning and "not valid UTF-8" in warning


def test_empty_body_and_duplicates(make_project):
    empty = "---\nsource: bbc\n---\n\n"
    corpus = read_corpus(make_project({"a.md": GOOD, "b.md": empty, "c.md": GOOD.replace("url: https://www.reuters.com/a\n", "")}) / "content")
    assert [a.id for a in corpus.articles] == ["a"]
    text = "\n".join(messages(corpus))
    assert "b.md: empty article body" in text
    assert "c.md: duplicate article (same text as content/articles/a.md)" in text


def test_a_copy_with_other_spacing_punctuation_and_quotes_is_a_duplicate(make_project):
    original = GOOD.replace("Officials said", "Officials said: “The bridge is safe,” and")
    copied = (original.replace("url: https://www.reuters.com/a\n", "")
              .replace("Officials said: “The", "OFFICIALS\u00a0 said \"the").replace(",”", "\" –"))
    other = GOOD.replace("url: https://www.reuters.com/a\n", "").replace("Monday", "Tuesday")
    corpus = read_corpus(make_project({"a.md": original, "b.md": copied, "c.md": other}) / "content")
    assert [a.id for a in corpus.articles] == ["a", "c"]
    assert "b.md: duplicate article (same text as content/articles/a.md)" in "\n".join(messages(corpus))


def test_huge_file_is_truncated_with_a_warning(make_project):
    big = GOOD + ("The bridge was long and the repairs were slow. " * 20 + "\n") * 3000
    corpus = read_corpus(make_project({"a.md": big}) / "content", max_article_bytes=200_000)
    assert len(corpus.articles[0].raw_text.encode()) <= 200_000
    (warning,) = messages(corpus, "warning")
    assert "a.md" in warning and "MB limit" in warning


def test_bad_date_and_unsafe_url_are_dropped(make_project):
    text = GOOD.replace("2017-10-15T08:30:00Z", "yesterday").replace("https://www.reuters.com/a", "javascript:alert(1)")
    corpus = read_corpus(make_project({"a.md": text}) / "content")
    (article,) = corpus.articles
    assert article.published is None and article.url is None
    text = "\n".join(messages(corpus, "warning"))
    assert "not an ISO date" in text and "not an http(s) address" in text


def test_source_inferred_from_dateline_and_date_from_first_line(make_project):
    dateline = "ain issa , syria ( reuters ) - officials said the bridge would reopen .\n"
    dated = "Saturday, January 8, 2005\nOfficials said the bridge would reopen.\n"
    corpus = read_corpus(make_project({"x.txt": dateline, "y.md": "---\nsource: bbc\n---\n" + dated}) / "content")
    by_id = {a.id: a for a in corpus.articles}
    assert by_id["x"].source.key == "reuters"
    assert by_id["y"].published.date().isoformat() == "2005-01-08"
    assert not by_id["y"].raw_text.startswith("Saturday")
    infos = "\n".join(messages(corpus, "info"))
    assert "inferred 'Reuters' from the dateline" in infos and "first line" in infos
    assert by_id["x"].url is None  # never invented


def test_jsonl_bad_lines_are_skipped_by_line_number(make_project):
    lines = [
        json.dumps({"id": "one", "source": "bbc", "text": "The bridge reopened on Monday."}),
        "{not json",
        json.dumps({"id": "two", "source": "bbc", "text": "The tunnel closed on Tuesday.", "colour": "red"}),
        json.dumps({"id": "three", "source": "bbc"}),
        '{"id": "four", "source": "bbc", "text": "a raw\ttab"}',
    ]
    corpus = read_corpus(make_project({"bulk.jsonl": "\n".join(lines) + "\n"}) / "content")
    assert [a.id for a in corpus.articles] == ["one", "two"]
    text = "\n".join(messages(corpus))
    assert "bulk.jsonl:2: not valid JSON" in text
    assert "bulk.jsonl:5: not valid JSON (Invalid control character at column 47)" in text
    assert "bulk.jsonl:3: unknown key 'colour'" in text
    assert "bulk.jsonl:4: no 'text' string" in text


def test_jsonl_control_characters_and_lone_surrogates_are_replaced_with_a_warning(make_project):
    lines = [json.dumps({"id": f"n{i}", "source": "bbc", "text": f"The bridge{c} reopened on day {i}."})
             for i, c in enumerate(["\x00", "\x1b", "\ud800", "\x7f", "\u00e9", ""])]
    corpus = read_corpus(make_project({"bulk.jsonl": "\n".join(lines) + "\n"}) / "content")
    texts = [a.raw_text for a in corpus.articles]
    assert texts[:4] == [f"The bridge\ufffd reopened on day {i}." for i in range(4)]
    assert texts[4:] == ["The bridge\u00e9 reopened on day 4.", "The bridge reopened on day 5."]
    warned = [d.line for d in corpus.diagnostics if "control characters or lone surrogates" in d.message]
    assert warned == [1, 2, 3, 4]


def test_loading_never_writes_to_content(make_project):
    content = make_project({"a.md": GOOD, "b.md": "---\nbroken: [\n---\nx\n"}) / "content"
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    read_corpus(content)
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before


def test_another_outlets_copy_of_the_same_text_is_kept_as_syndicated_copy(make_project):
    wire = GOOD.replace("source: reuters", "source: wire")
    daily = GOOD.replace("source: reuters", "source: daily").replace("url: https://www.reuters.com/a\n", "url: https://daily.example/a\n")
    relinked = GOOD.replace("source: reuters", "source: bbc").replace("Officials said", "A spokesman said")  # same URL
    same_outlet = wire.replace("url: https://www.reuters.com/a\n", "url: https://www.reuters.com/b\n")
    corpus = read_corpus(make_project({"a.md": wire, "b.md": daily, "c.md": relinked, "d.md": same_outlet}) / "content")
    copies = {a.id: a.copy_of for a in corpus.articles}
    assert copies == {"a": None, "b": "a", "c": "a"}  # kept, each marked a copy of the first
    assert not any(d.level == "warning" for d in corpus.diagnostics if "b.md" in d.path or "c.md" in d.path)
    assert any("b.md" in d.path and d.level == "info" and "copy" in d.message for d in corpus.diagnostics)
    assert any("d.md" in d.path and "duplicate article" in d.message for d in corpus.diagnostics)  # one outlet twice
