"""digest fetch against a real HTTP server on 127.0.0.1: what lands in content/."""
import textwrap

import pytest
import yaml

from digest.fetch import FetchConfig, fetch
from digest.state import load_state

from feedserver import FeedServer, atom, page, rss

FLOOD = [
    "Floodwater covered the valley town of Riverton on Friday, forcing 1,200 residents from their homes, Mayor Jane Doe said.",
    "The river rose two metres overnight after three days of heavy rain, and about 300 homes were flooded.",
    "Emergency crews used boats to reach families trapped on upper floors, and no deaths were reported.",
]
BRIDGE = [
    "The old Harbor Bridge in Eastport closed to traffic on Saturday after inspectors found cracks in two of its supports.",
    "City engineer Tom Baker said repairs would take at least six weeks and cost about $4 million.",
    "Commuters were told to use the ferry, which added extra sailings every 20 minutes.",
]


@pytest.fixture
def server():
    server = FeedServer()
    yield server
    server.close()


def project(tmp_path, server, extra_sources=""):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "sources.yml").write_text(textwrap.dedent(f"""\
        wire:
          name: Example Wire
          feed: {server.url}/wire.rss
        daily:
          name: The Daily Example
          feeds: [{server.url}/daily.atom]
        broken:
          name: Broken Feed
          feed: {server.url}/broken.rss
        """) + extra_sources)
    return content


def config(content, **kwargs):
    return FetchConfig(content_dir=content, host_delay=0.0, timeout=2.0, **kwargs)


def front(path):
    text = path.read_text()
    return yaml.safe_load(text.split("---")[1]), text.split("---", 2)[2]


def serve_standard(server):
    server.add("/flood.html", page("Flood forces 1,200 from homes in Riverton", FLOOD))
    server.add("/bridge.html", page("Harbor Bridge closed for repairs", BRIDGE, date="2024-03-03"))
    server.add("/wire.rss", rss([
        {"guid": "wire-1", "title": "Flood forces 1,200 from homes", "link": f"{server.url}/flood.html", "summary": "Flood."},
        {"guid": "wire-2", "title": "Missing page", "link": f"{server.url}/gone.html", "summary": "A <b>summary</b> kept from the feed about the missing page."},
    ]), content_type="application/rss+xml", headers={"ETag": '"v1"'})
    server.add("/daily.atom", atom([
        {"guid": "urn:daily:1", "title": "Bridge closed", "link": f"{server.url}/go/bridge"},
    ]), content_type="application/atom+xml")
    server.add("/go/bridge", "", status=302, headers={"Location": f"{server.url}/bridge.html"})
    server.add("/broken.rss", "this is { not a feed", content_type="text/plain")


def test_fetch_writes_new_articles_with_metadata(tmp_path, server):
    serve_standard(server)
    content = project(tmp_path, server)
    log = []
    report = fetch(config(content), log=log.append)
    files = sorted((content / "articles").rglob("*.md"))
    names = sorted(p.relative_to(content / "articles").as_posix() for p in files)
    # The feed's title and date win over the page's (the bridge page says 2024-03-03)
    assert names == ["daily/2024-03-02-bridge-closed.md", "wire/2024-03-02-flood-forces-1-200-from-homes.md",
                     "wire/2024-03-02-missing-page.md"]
    meta, body = front(content / "articles" / "wire" / "2024-03-02-flood-forces-1-200-from-homes.md")
    assert meta["source"] == "wire" and meta["author"] == "Jane Roe" and meta["guid"] == "wire-1"
    assert meta["url"] == f"{server.url}/flood.html" and str(meta["published"]).startswith("2024-03-02")
    assert "Floodwater covered the valley town" in body and "Copyright" not in body and "Home News Sport" not in body
    missing, body = front(content / "articles" / "wire" / "2024-03-02-missing-page.md")
    assert missing["summary_only"] is True and "A summary kept from the feed" in body
    bridge, _ = front(content / "articles" / "daily" / "2024-03-02-bridge-closed.md")
    assert bridge["url"] == f"{server.url}/bridge.html" and bridge["title"] == "Bridge closed"
    assert str(bridge["published"]).startswith("2024-03-02T10:00:00")
    assert any("Broken Feed" in line and "failed" in line for line in log)
    assert report.failed_feeds == [f"{server.url}/broken.rss"]


def test_refetch_duplicates_nothing_and_uses_conditional_get(tmp_path, server):
    serve_standard(server)
    content = project(tmp_path, server)
    fetch(config(content), log=lambda line: None)
    before = {p: p.read_bytes() for p in (content / "articles").rglob("*.md")}
    report = fetch(config(content), log=lambda line: None)
    assert report.new_articles == []
    assert {p: p.read_bytes() for p in (content / "articles").rglob("*.md")} == before
    assert f"{server.url}/wire.rss" in report.unchanged_feeds
    conditional = [h for path, h in server.requests if path == "/wire.rss"][-1]
    assert conditional.get("If-None-Match") == '"v1"'
    assert load_state(content)["feeds"][f"{server.url}/wire.rss"]["etag"] == '"v1"'


def test_existing_files_are_never_rewritten(tmp_path, server):
    serve_standard(server)
    content = project(tmp_path, server)
    mine = content / "articles" / "wire" / "2024-03-02-flood-forces-1-200-from-homes.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("---\nsource: wire\n---\nMy own notes.\n")
    fetch(config(content), log=lambda line: None)
    assert mine.read_text() == "---\nsource: wire\n---\nMy own notes.\n"
    assert len(list(mine.parent.glob("2024-03-02-flood-forces-1-200-from-homes*.md"))) == 2


def test_feed_without_guids_slow_huge_and_unsafe_responses(tmp_path, server):
    server.add("/flood.html", page("Flood forces 1,200 from homes in Riverton", FLOOD))
    server.add("/wire.rss", rss([{"title": "No guid here", "link": f"{server.url}/flood.html"},
                                 {"title": "Unsafe", "link": f"{server.url}/evil"}]), content_type="application/rss+xml")
    server.add("/evil", "", status=302, headers={"Location": "file:///etc/passwd"})
    server.add("/daily.atom", atom([]), delay=3.0)
    server.add("/broken.rss", b"x" * (2 * 1024 * 1024), content_type="application/rss+xml")
    content = project(tmp_path, server)
    log = []
    report = fetch(config(content, max_bytes=1024 * 1024), log=log.append)
    text = "\n".join(log)
    assert "The Daily Example" in text and "no answer within" in text
    assert "Broken Feed" in text and "over the" in text
    assert any("/evil" in line and "passwd" in line and ("not allowed" in line or "non-http(s)" in line) for line in log)
    assert len(report.new_articles) == 2  # the item without a GUID, and the unsafe one from its feed summary
    assert any("no-guid-here" in p for p in report.new_articles)
    again = fetch(config(content, max_bytes=1024 * 1024), log=lambda line: None)
    assert again.new_articles == []  # an item without a GUID is known by its link


def test_an_error_in_one_item_stops_nothing_and_the_item_is_tried_again(tmp_path, server, monkeypatch):
    import digest.fetch.run as run

    real = run.extract_page

    def extract(body, url, content_type=None):
        if url.endswith("/boom.html"):
            raise RuntimeError("a bug in extraction")
        return real(body, url, content_type)

    monkeypatch.setattr(run, "extract_page", extract)
    serve_standard(server)
    server.add("/boom.html", page("Boom", FLOOD))
    server.add("/wire.rss", rss([{"guid": "boom", "title": "Boom", "link": f"{server.url}/boom.html"},
                                 {"guid": "wire-1", "title": "Flood forces 1,200 from homes", "link": f"{server.url}/flood.html"}]),
               content_type="application/rss+xml")
    content = project(tmp_path, server)
    log = []
    report = fetch(config(content), log=log.append)
    assert any("item boom: failed: internal error RuntimeError: a bug in extraction" in line for line in log)
    assert sorted(report.new_articles) == ["articles/daily/2024-03-02-bridge-closed.md", "articles/wire/2024-03-02-flood-forces-1-200-from-homes.md"]
    monkeypatch.setattr(run, "extract_page", real)
    assert fetch(config(content), log=lambda line: None).new_articles == ["articles/wire/2024-03-02-boom.md"]
