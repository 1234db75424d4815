"""Which items are new: identity per outlet and by canonical page; JSON Feed items too.

Served on 127.0.0.1; issue 18, "Identity" and "Formats".
"""
import json
import shutil

import pytest
from click.testing import CliRunner

from digest.cli import cli
from digest.fetch import FetchConfig, fetch

from conftest import ROOT
from feedserver import FeedServer, json_feed, page, rss
from test_fetch import BRIDGE, FLOOD, front


@pytest.fixture
def server():
    server = FeedServer()
    yield server
    server.close()


def project(tmp_path, server, feeds: dict[str, str]):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    (content / "sources.yml").write_text("".join(f"{key}:\n  name: Outlet {key}\n  feed: {server.url}{path}\n" for key, path in feeds.items()))
    return content


def run(content):
    log = []
    report = fetch(FetchConfig(content_dir=content, host_delay=0.0, timeout=2.0), log=log.append)
    return report, log


def articles(content):
    return sorted(p.relative_to(content / "articles").as_posix() for p in (content / "articles").rglob("*.md"))


def test_a_guid_belongs_to_its_outlet(tmp_path, server):
    server.add("/a.rss", rss([{"guid": "1", "title": "Flood in Riverton", "summary": FLOOD[0]}]), content_type="application/rss+xml")
    server.add("/b.rss", rss([{"guid": "1", "title": "Bridge closed in Eastport", "summary": BRIDGE[0]}]), content_type="application/rss+xml")
    content = project(tmp_path, server, {"a": "/a.rss", "b": "/b.rss"})
    run(content)
    assert articles(content) == ["a/2024-03-02-flood-in-riverton.md", "b/2024-03-02-bridge-closed-in-eastport.md"]


def test_a_state_from_before_keeps_its_items_known_without_taking_other_outlets(tmp_path, server):
    server.add("/a.rss", rss([{"guid": "1", "title": "Flood in Riverton", "summary": FLOOD[0]}]), content_type="application/rss+xml")
    server.add("/b.rss", rss([{"guid": "1", "title": "Bridge closed in Eastport", "summary": BRIDGE[0]},
                              {"guid": "old", "title": "Fetched once and deleted", "summary": BRIDGE[1]}]), content_type="application/rss+xml")
    content = project(tmp_path, server, {"a": "/a.rss", "b": "/b.rss"})
    (content / "articles" / "a").mkdir()
    (content / "articles" / "a" / "flood.md").write_text("---\nsource: a\nguid: '1'\n---\nFlood.\n")
    # The state file of the previous fetch: one list of GUIDs for all outlets
    (content / "digest-state.json").write_text(json.dumps({"fetched_guids": ["1", "old"], "fetched_urls": []}))
    run(content)
    assert articles(content) == ["a/flood.md", "b/2024-03-02-bridge-closed-in-eastport.md"]


def test_two_items_of_one_canonical_page_write_one_file_and_the_build_stays_strict(tmp_path, server):
    canonical = f"{server.url}/news/flood-riverton"
    server.add("/flood.html", page("Flood forces 1,200 from homes in Riverton", FLOOD, canonical=canonical))
    server.add("/flood.html?utm_source=rss", page("Flood forces 1,200 from homes in Riverton", FLOOD, canonical=canonical))
    server.add("/bridge.html", page("Harbor Bridge closed", BRIDGE, canonical="/"))  # a site that names its home page
    server.add("/bridge-2.html", page("Harbor Bridge closed", BRIDGE[1:] + BRIDGE[:1], canonical="/"))
    server.add("/wire.rss", rss([
        {"guid": "w1", "title": "Flood in Riverton", "link": f"{server.url}/flood.html"},
        {"guid": "w2", "title": "Flood in Riverton (update)", "link": f"{server.url}/flood.html?utm_source=rss"},
        {"guid": "w3", "title": "Bridge closed", "link": f"{server.url}/bridge.html"},
        {"guid": "w4", "title": "Bridge closed for weeks", "link": f"{server.url}/bridge-2.html"},
    ]), content_type="application/rss+xml")
    content = project(tmp_path, server, {"wire": "/wire.rss"})
    report, log = run(content)
    assert articles(content) == ["wire/2024-03-02-bridge-closed-for-weeks.md", "wire/2024-03-02-bridge-closed.md",
                                 "wire/2024-03-02-flood-in-riverton.md"]
    assert front(content / "articles" / "wire" / "2024-03-02-flood-in-riverton.md")[0]["url"] == canonical
    assert [i["outcome"] for i in report.items] == ["written", "duplicate", "written", "written"]
    assert any("same page" in line and "flood-riverton" in line for line in log)
    assert run(content)[0].new_articles == []  # and tomorrow, with the items still in the feed

    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = CliRunner().invoke(cli, ["generate", "--strict", "--content", str(content), "--docs", str(tmp_path / "docs"),
                                      "--config", str(tmp_path / "mkdocs.yml"), "-q", "--no-cache"])
    assert result.exit_code == 0, result.output


def test_the_same_text_from_two_outlets_is_written_for_both(tmp_path, server):
    story = "".join(f"<p>{p}</p>" for p in FLOOD)
    server.add("/a.rss", rss([{"guid": "a1", "title": "Flood in Riverton", "content": story}]), content_type="application/rss+xml")
    server.add("/b.rss", rss([{"guid": "b1", "title": "Flood in Riverton", "content": story}]), content_type="application/rss+xml")
    content = project(tmp_path, server, {"a": "/a.rss", "b": "/b.rss"})
    run(content)
    assert articles(content) == ["a/2024-03-02-flood-in-riverton.md", "b/2024-03-02-flood-in-riverton.md"]


# ---------------------------------------------------------------- JSON Feed

def test_json_feed_1_1(tmp_path, server):
    server.add("/feed.json", json_feed([
        {"id": "https://example.org/1", "url": f"{server.url}/gone.html", "title": "Flood in Riverton", "language": "en-GB",
         "content_html": "".join(f"<p>{p}</p>" for p in FLOOD), "date_published": "2024-03-02T09:00:00+01:00",
         "authors": [{"name": "Jane Roe"}, {"name": "Tom Baker"}]},
        {"id": 2, "content_text": BRIDGE[0], "date_modified": "2024-03-03T10:00:00Z"},
    ], version="1.1"), content_type="application/feed+json")
    content = project(tmp_path, server, {"json": "/feed.json"})
    report, log = run(content)
    first, body = front(content / "articles" / "json" / "2024-03-02-flood-in-riverton.md")
    assert first["guid"] == "https://example.org/1" and first["author"] == "Jane Roe; Tom Baker" and first["lang"] == "en-GB"
    assert first["published"] == "2024-03-02T09:00:00+01:00" and all(p in body for p in FLOOD) and "summary_only" not in first
    second = [p for p in articles(content) if p != "json/2024-03-02-flood-in-riverton.md"]
    assert second == ["json/2024-03-03-the-old-harbor-bridge-in-eastport-closed-to-traffic-on.md"]
    assert not any("not a feed" in line for line in log)


def test_json_feed_1_0(tmp_path, server):
    server.add("/feed.json", json_feed([{"id": "x1", "title": "Bridge closed", "summary": BRIDGE[0], "author": {"name": "Jane Roe"},
                                         "date_published": "2024-03-03T10:00:00Z"}], version="1"), content_type="application/json")
    content = project(tmp_path, server, {"json": "/feed.json"})
    run(content)
    meta, body = front(content / "articles" / "json" / "2024-03-03-bridge-closed.md")
    assert meta["author"] == "Jane Roe" and meta["summary_only"] is True and BRIDGE[0] in body
