"""The text, title and byline `digest fetch` writes: what was published, whole and readable.

One test per kind of fault of issue 18 (charset, content, titles, structure, scripts without
spaces), with small feeds and pages written here and served on 127.0.0.1.
"""
import pytest

from digest.fetch import FetchConfig, fetch

from feedserver import FeedServer, page, rss
from test_fetch import FLOOD, front

ZURICH = [
    "Die Stadt Zürich und der Kanton Genève haben am Montag ein gemeinsames Programm für den Nahverkehr vorgestellt.",
    "Die Kosten von rund 120 Millionen Franken teilen sich die beiden Kantone, wie die Behörden mitteilten.",
    "Bis 2026 sollen zwischen Zürich und Genève stündlich zusätzliche Züge fahren, auch am Wochenende.",
]


@pytest.fixture
def server():
    server = FeedServer()
    yield server
    server.close()


def run(tmp_path, server, items, feed=None, **feed_options):
    """One outlet, 'wire', whose feed holds `items`; returns {file name: (front matter, body)} and the log."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    (content / "sources.yml").write_text(f"wire:\n  name: Example Wire\n  url: https://wire.example/\n  feed: {server.url}/wire.rss\n")
    server.add("/wire.rss", feed or rss(items, **feed_options), content_type="application/rss+xml")
    log = []
    fetch(FetchConfig(content_dir=content, host_delay=0.0, timeout=2.0), log=log.append)
    files = sorted((content / "articles").rglob("*.md"))
    return {p.name: front(p) for p in files}, log


def html_page(paragraphs, head="", title="Nahverkehr"):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head>{head}<title>{title}</title></head><body><article>{body}</article></body></html>"


# ---------------------------------------------------------------- charset

@pytest.mark.parametrize("body, content_type", [
    # Latin-1 whose <meta> says so, served without a charset: was "Z\ufffdrich" for ever
    (html_page(ZURICH, '<meta charset="iso-8859-1">').encode("latin-1"), "text/html"),
    (html_page(ZURICH, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">').encode("cp1252"), "text/html"),
    # The HTTP header's charset, no <meta>
    (html_page(ZURICH).encode("cp1252"), "text/html; charset=ISO-8859-1"),
    # A BOM, nothing declared
    (b"\xef\xbb\xbf" + html_page(ZURICH).encode("utf-8"), "text/html"),
    # UTF-8 under a server's default ISO-8859-1 header
    (html_page(ZURICH).encode("utf-8"), "text/html; charset=ISO-8859-1"),
    # UTF-8 with one stray Windows-1252 quote pasted in
    (html_page(ZURICH[:2] + ["Bis 2026 sollen zwischen Zürich und Genève stündlich zusätzliche Züge fahren, sagt der Kanton\x92s Sprecher."])
     .encode("utf-8").replace(b"\xc2\x92", b"\x92"), "text/html; charset=utf-8"),
])
def test_pages_are_decoded_by_what_they_declare(tmp_path, server, body, content_type):
    server.add("/zurich.html", body, content_type=content_type)
    files, _ = run(tmp_path, server, [{"guid": "z1", "title": "Neue Züge", "link": f"{server.url}/zurich.html"}])
    (meta, text), = files.values()
    assert "Zürich" in text and "Genève" in text and "\ufffd" not in text
    assert "summary_only" not in meta


# ---------------------------------------------------------------- content

def test_an_escaped_cdata_description_is_the_text(tmp_path, server):
    files, _ = run(tmp_path, server, [{"guid": "s1", "title": "Storm cuts power",
                                       "summary": "&lt;![CDATA[A storm cut power to 40,000 homes on Friday, the utility said.]]&gt;"}])
    meta, body = files["2024-03-02-storm-cuts-power.md"]
    assert body.strip() == "A storm cut power to 40,000 homes on Friday, the utility said."
    assert meta["title"] == "Storm cuts power" and meta["summary_only"] is True


def test_the_feeds_full_content_is_kept_when_the_page_cannot_be_read(tmp_path, server):
    content = "".join(f"<p>{p}</p>" for p in FLOOD * 20)  # 600 words in content:encoded
    files, log = run(tmp_path, server, [{"guid": "f1", "title": "Flood in Riverton", "link": f"{server.url}/gone.html",
                                         "summary": "Floodwater covered Riverton [...]", "content": content}])
    meta, body = files["2024-03-02-flood-in-riverton.md"]
    assert "summary_only" not in meta and body.count("Emergency crews used boats") == 20
    assert any("text from the feed content" in line for line in log)


def test_the_longest_faithful_text_wins(tmp_path, server):
    server.add("/short.html", html_page(FLOOD[:1] + ["Read the whole story in the feed of the wire service, which is longer."]))
    full = "".join(f"<p>{p}</p>" for p in FLOOD)
    files, _ = run(tmp_path, server, [
        {"guid": "a", "title": "Flood in Riverton", "link": f"{server.url}/short.html", "content": full},
        {"guid": "b", "title": "Flood page", "link": f"{server.url}/flood.html"},
    ])
    _, body = files["2024-03-02-flood-in-riverton.md"]
    assert all(sentence in body for sentence in FLOOD)


@pytest.mark.parametrize("summary, summary_only", [
    ("Floodwater covered the valley town of Riverton on Friday, forcing residents from their homes.", True),
    (" ".join(FLOOD) + " Read more", True),
    (" ".join(FLOOD * 4), False),  # a description of 170 words is the article, not a summary
])
def test_summary_only_only_for_a_summary(tmp_path, server, summary, summary_only):
    files, _ = run(tmp_path, server, [{"guid": "a", "title": "Flood in Riverton", "link": f"{server.url}/gone.html", "summary": summary}])
    meta, _ = files["2024-03-02-flood-in-riverton.md"]
    assert meta.get("summary_only", False) is summary_only


# ---------------------------------------------------------------- titles

def test_an_item_without_a_title_gets_no_invented_one(tmp_path, server):
    files, _ = run(tmp_path, server, [{"guid": "n1", "summary": "Floodwater covered the valley town of Riverton on Friday. More rain is due."}])
    (name, (meta, body)), = files.items()
    assert "title" not in meta and "untitled" not in name  # the build makes the headline from the first sentence
    assert name == "2024-03-02-floodwater-covered-the-valley-town-of-riverton-on-friday.md"


@pytest.mark.parametrize("page_title, site", [
    ("Harbor Bridge closed for repairs | DW | 19.01.2020", "DW"),
    ("Harbor Bridge closed for repairs | CNN Politics", "CNN"),
    ("Harbor Bridge closed for repairs - Example Wire", None),  # the outlet's own name
])
def test_the_pages_title_loses_the_site_name(tmp_path, server, page_title, site):
    head = f'<meta property="og:site_name" content="{site}">' if site else ""
    server.add("/bridge.html", html_page(FLOOD, head, title=page_title))
    files, _ = run(tmp_path, server, [{"guid": "b1", "link": f"{server.url}/bridge.html"}])
    (meta, _), = files.values()
    assert meta["title"] == "Harbor Bridge closed for repairs"


def test_the_feeds_title_wins_and_a_title_of_no_words_is_no_title(tmp_path, server):
    server.add("/flood.html", page("Flood | Riverton Gazette", FLOOD))
    files, _ = run(tmp_path, server, [
        {"guid": "a", "title": "Flood forces 1,200 from homes in Riverton", "link": f"{server.url}/flood.html"},
        {"guid": "b", "title": "&amp;", "summary": "Savings &amp; Trust was fined $2 million on Friday for misleading loans."},
    ])
    assert files["2024-03-02-flood-forces-1-200-from-homes-in-riverton.md"][0]["title"] == "Flood forces 1,200 from homes in Riverton"
    meta, body = files["2024-03-02-savings-trust-was-fined-2-million-on-friday-for-misleading.md"]
    assert "title" not in meta and body.strip().startswith("Savings & Trust was fined")


# ---------------------------------------------------------------- structure

WRAPPED = """The storm cut power to 40,000 homes on Friday, officials said, and
the roads across the county were closed for most of the weekend while
crews worked to clear fallen trees and repair the lines that had come
down in the high winds.

Mayor Jane Doe said the town would need a week to recover from
the damage, which she put at about 2 million dollars in all."""


def test_hard_wrapped_lines_are_joined_into_paragraphs(tmp_path, server):
    server.add("/storm.html", f'<html><head><title>Storm</title></head><body><div class="entry-content">{WRAPPED}</div></body></html>')
    server.add("/storm-br.html", "<html><head><title>Storm</title></head><body><article><p>"
               + WRAPPED.replace("\n", "<br>\n") + "</p></article></body></html>")
    files, _ = run(tmp_path, server, [{"guid": "a", "title": "Storm cuts power", "link": f"{server.url}/storm.html"},
                                      {"guid": "b", "title": "Storm damage", "link": f"{server.url}/storm-br.html"}])
    for meta, body in files.values():
        lines = [line for line in body.splitlines() if line]
        assert lines[0].startswith("The storm cut power to 40,000 homes on Friday, officials said, and the roads across")
        assert lines[0].endswith("that had come down in the high winds.")
        assert lines[-1].endswith("which she put at about 2 million dollars in all.")
        assert all(line[0].isupper() for line in lines)


@pytest.mark.parametrize("author, shown", [
    ("By View all posts by Jane Roe", "Jane Roe"),
    ("jane.roe@example.com (Jane Roe)", "Jane Roe"),
    ("news@example.com", None),
    ("Jane Roe <jane@example.com>; Tom Baker", "Jane Roe; Tom Baker"),
])
def test_bylines_are_names_only(tmp_path, server, author, shown):
    files, _ = run(tmp_path, server, [{"guid": "a", "title": "Flood in Riverton", "summary": FLOOD[0], "author": author.replace("<", "&lt;")}])
    (meta, _), = files.values()
    assert meta.get("author") == shown


def test_a_pages_byline_is_cleaned_too(tmp_path, server):
    server.add("/flood.html", html_page(FLOOD, '<meta name="author" content="By View all posts by Jane Roe">'))
    files, _ = run(tmp_path, server, [{"guid": "a", "title": "Flood in Riverton", "link": f"{server.url}/flood.html"}])
    (meta, _), = files.values()
    assert meta["author"] == "Jane Roe"


# ---------------------------------------------------------------- scripts without spaces

CHINESE = ["上海地铁新线路周六正式开通运营，全长三十二公里，设有二十个车站，连接浦东机场和市中心。",
           "市政府表示，新线路每天将运送约四十万名乘客，高峰时段每三分钟一班。"]
JAPANESE = ["東京の新しい美術館が土曜日に開館し、初日には約三千人が訪れた。", "館長は、今後五年間で百万人の来館者を見込んでいると述べた。"]


@pytest.mark.parametrize("paragraphs, charset", [(CHINESE, "utf-8"), (JAPANESE, "shift_jis")])
def test_chinese_and_japanese_pages_are_articles(tmp_path, server, paragraphs, charset):
    server.add("/cjk.html", html_page(paragraphs, f'<meta charset="{charset}">', title="ニュース").encode(charset))
    files, log = run(tmp_path, server, [{"guid": "c1", "title": "新线开通", "link": f"{server.url}/cjk.html", "summary": "短"}])
    (meta, body), = files.values()
    assert all(p in body for p in paragraphs) and "summary_only" not in meta
    assert not any("no article text" in line for line in log)
