"""The daily loop against a local server: fetch, build, new items, fetch, build again."""
import json
import shutil

import feedparser
import pytest

from digest import DigestConfig, build
from digest.fetch import FetchConfig, fetch

from conftest import ROOT
from feedserver import FeedServer, atom, page, rss
from test_fetch import BRIDGE, FLOOD

pytestmark = pytest.mark.site

FLOOD_DAILY = [
    "Hundreds of residents of Riverton spent Friday night in a school gym after floodwater covered the valley town.",
    "Mayor Jane Doe said 1,200 people had left their homes and that the river had risen two metres overnight.",
    "Forecasters expect more rain over the weekend, and the army has sent 40 soldiers to help build flood barriers.",
]
QUAKE = [
    "A magnitude 6.1 earthquake struck the mountain province of Lorca on Sunday, damaging old houses and a church tower.",
    "Regional officials said 14 people were injured and about 500 had spent the night outside for fear of aftershocks.",
    "Engineers began inspecting schools and bridges in Lorca on Monday before classes resume.",
]


@pytest.fixture
def server():
    server = FeedServer()
    yield server
    server.close()


def test_two_days_of_fetch_and_build(tmp_path, server):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "sources.yml").write_text(
        f"wire:\n  name: Example Wire\n  feed: {server.url}/wire.rss\n"
        f"daily:\n  name: The Daily Example\n  feed: {server.url}/daily.atom\n"
        f"broken:\n  name: Broken Feed\n  feed: {server.url}/broken.rss\n")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    with open(tmp_path / "mkdocs.yml", "a") as handle:
        handle.write("site_url: https://example.github.io/news/\n")
    server.add("/flood.html", page("Flood forces 1,200 from homes in Riverton", FLOOD, date="2024-03-01"))
    server.add("/bridge.html", page("Harbor Bridge in Eastport closed for repairs", BRIDGE, date="2024-03-01"))
    server.add("/wire.rss", rss([
        {"guid": "w1", "title": "Flood forces 1,200 from homes in Riverton", "link": f"{server.url}/flood.html"},
        {"guid": "w2", "title": "Harbor Bridge in Eastport closed for repairs", "link": f"{server.url}/bridge.html"},
    ]), content_type="application/rss+xml")
    server.add("/daily.atom", atom([]), content_type="application/atom+xml")
    server.add("/broken.rss", "<rss><channel><item>", status=500)

    def day():
        log = []
        fetch(FetchConfig(content_dir=content, host_delay=0.0, timeout=2.0), log=log.append)
        result = build(DigestConfig(content_dir=content, config_file=tmp_path / "mkdocs.yml"))
        data = json.loads((tmp_path / "site" / "briefings.json").read_text())
        return log, result, {b["id"]: b for b in data["briefings"]}

    log1, result1, day1 = day()
    assert any("Broken Feed" in line and "HTTP 500" in line for line in log1)
    assert len(day1) == 2
    pages1 = {sid: b["page"] for sid, b in day1.items()}

    # Overnight: the Daily Example covers the flood too, and a new story breaks
    server.add("/flood-daily.html", page("Riverton families spend night in school gym", FLOOD_DAILY, date="2024-03-02"))
    server.add("/quake.html", page("Earthquake damages houses in Lorca", QUAKE, date="2024-03-03"))
    server.add("/daily.atom", atom([
        {"guid": "urn:daily:flood", "title": "Riverton families spend night in school gym", "date": "2024-03-02T10:00:00Z", "link": f"{server.url}/flood-daily.html"},
        {"guid": "urn:daily:quake", "title": "Earthquake damages houses in Lorca", "date": "2024-03-03T08:00:00Z", "link": f"{server.url}/quake.html"},
    ]), content_type="application/atom+xml")
    log2, result2, day2 = day()
    assert len(day2) == 3
    for sid, page_url in pages1.items():
        assert day2[sid]["page"] == page_url  # existing stories kept their URLs
    flood = next(b for b in day2.values() if "Riverton" in b["headline"])
    assert len(flood["articles"]) == 2
    assert "new outlet: The Daily Example" in json.loads((tmp_path / "site" / flood["detail"]).read_text())["changes"]
    html = (tmp_path / "site" / flood["page"] / "index.html").read_text()
    assert "What changed in the last update" in html and "new outlet: The Daily Example" in html
    files = sorted(p.name for p in (content / "articles").rglob("*.md"))
    assert len(files) == len(set(files)) == 4  # nothing duplicated, nothing lost

    rss_feed = feedparser.parse((tmp_path / "site" / "feed.xml").read_bytes())
    atom_feed = feedparser.parse((tmp_path / "site" / "atom.xml").read_bytes())
    for parsed in (rss_feed, atom_feed):
        assert not parsed.bozo, parsed.bozo_exception
        ids = [e.id for e in parsed.entries]
        assert len(ids) == 3 and len(set(ids)) == 3
        assert f"urn:news-digest:story:{flood['id']}" in ids
        entry = next(e for e in parsed.entries if e.id.endswith(flood["id"]))
        assert entry.link == f"https://example.github.io/news/{flood['page']}"
        assert entry.updated_parsed[:3] == (2024, 3, 2)  # the briefing's own date, not the build date
    assert "Updated: " in next(e for e in rss_feed.entries if e.id.endswith(flood["id"])).summary

    # A third build with nothing new changes nothing
    before = (tmp_path / "site" / "feed.xml").read_bytes(), (content / "digest-state.json").read_bytes()
    build(DigestConfig(content_dir=content, config_file=tmp_path / "mkdocs.yml"))
    assert ((tmp_path / "site" / "feed.xml").read_bytes(), (content / "digest-state.json").read_bytes()) == before


def test_deleting_the_state_costs_only_continuity(tmp_path, make_project):
    from conftest import QUAKES

    project = make_project(QUAKES)
    first = build(DigestConfig(content_dir=project / "content", config_file=project / "mkdocs.yml"))
    (project / "content" / "digest-state.json").unlink()
    second = build(DigestConfig(content_dir=project / "content", config_file=project / "mkdocs.yml"))
    assert [b.story.slug for b in first.briefings] == [b.story.slug for b in second.briefings]
