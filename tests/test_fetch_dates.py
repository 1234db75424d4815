"""The date an article gets from `digest fetch`: the feed's, read from the string the feed wrote.

Each kind of date fault of issue 18 with its right value, through a real HTTP server on 127.0.0.1.
"""
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner
from feedparser.datetimes import _parse_date

from digest.cli import cli
from digest.fetch import FetchConfig, fetch
from digest.fetch.dates import BadDate, read_feed_date
from digest.state import load_state

from feedserver import FeedServer, page, rss
from test_fetch import FLOOD, front

STOLEN = [
    "Police in Lyon recovered a painting stolen in 1998 from a private collection, the prosecutor said on Tuesday.",
    "The canvas, attributed to a pupil of Corot, was found in a garage during a search for stolen cars.",
    "Its owner's family said they had given up hope of seeing it again after more than twenty years.",
]


def read(raw):
    return read_feed_date(raw, _parse_date(raw))


@pytest.mark.parametrize("raw, expected", [
    # feedparser reads this as 2016-11-01
    ("2016/6/29 15:07:41", datetime(2016, 6, 29, 15, 7, 41, tzinfo=timezone.utc)),
    # The publisher's own offset is kept, so the day is the publisher's day
    ("Sat, 02 Mar 2024 23:30:00 -0500", datetime(2024, 3, 2, 23, 30, tzinfo=timezone(timedelta(hours=-5)))),
    ("2024-03-02T23:30:00+01:00", datetime(2024, 3, 2, 23, 30, tzinfo=timezone(timedelta(hours=1)))),
    # Zone names that only feedparser knows
    ("Mon, 26 January 2004 16:31:00 ET", datetime(2004, 1, 26, 21, 31, tzinfo=timezone.utc)),
    ("29.06.2016 15:07", datetime(2016, 6, 29, 15, 7, tzinfo=timezone.utc)),
    ("June 29, 2016", datetime(2016, 6, 29, tzinfo=timezone.utc)),
    ("06/29/2016", datetime(2016, 6, 29, tzinfo=timezone.utc)),
])
def test_feed_dates_are_read_from_the_string(raw, expected):
    assert read(raw) == expected
    assert read(raw).utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("raw, why", [
    ("9999-12-31T23:59:59-99:99", "impossible time zone offset"),  # in feedparser's own date tests
    ("Sun, 31 Dec 9999 23:59:59 -9999", "impossible time zone offset"),
    ("2024-02-30", "cannot be represented"),
    ("2004년 05월 28일  01:31:15", "does not say"),  # feedparser reads 2004-11-01
    ("03/04/2016", "no format"),  # 3 April or March 4: no guess
    ("2003", "does not say"),  # a year alone is no date
    ("1970-01-01T00:00:00Z", "before 1990"),
])
def test_untrustworthy_dates_are_refused_with_a_reason(raw, why):
    with pytest.raises(BadDate, match=why):
        read(raw)


def test_a_date_in_the_future_is_refused():
    soon = datetime.now(timezone.utc) + timedelta(days=30)
    with pytest.raises(BadDate, match="future"):
        read(soon.strftime("%a, %d %b %Y %H:%M:%S +0000"))


@pytest.fixture
def server():
    server = FeedServer()
    yield server
    server.close()


def project(tmp_path, sources):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "sources.yml").write_text(sources)
    return content


def test_an_unrepresentable_date_leaves_the_article_undated_and_the_run_goes_on(tmp_path, server):
    server.add("/flood.html", page("Flood forces 1,200 from homes in Riverton", FLOOD, date="2024-03-01"))
    server.add("/bad.rss", rss([{"guid": "b1", "title": "Storm cuts power", "summary": "A storm cut power to 40,000 homes.",
                                 "date": "9999-12-31T23:59:59-99:99"}]), content_type="application/rss+xml")
    server.add("/good.rss", rss([{"guid": "g1", "title": "Flood in Riverton", "link": f"{server.url}/flood.html"}]),
               content_type="application/rss+xml", headers={"ETag": '"g"'})
    # Both feeds on one host, the bad one first: it must not stop the other
    content = project(tmp_path, f"a:\n  name: Alpha\n  feed: {server.url}/bad.rss\nb:\n  name: Beta\n  feed: {server.url}/good.rss\n")
    result = CliRunner().invoke(cli, ["fetch", "--content", str(content), "--host-delay", "0", "--timeout", "2"])
    assert result.exit_code == 0, result.output
    assert "9999-12-31T23:59:59-99:99" in result.output and "left undated" in result.output
    bad = content / "articles" / "a" / "undated-storm-cuts-power.md"
    meta, body = front(bad)
    assert "published" not in meta and "A storm cut power to 40,000 homes." in body
    good, _ = front(content / "articles" / "b" / "2024-03-02-flood-in-riverton.md")
    assert str(good["published"]).startswith("2024-03-02T09:00:00")  # the feed's date, not the page's 03-01
    state = load_state(content)
    assert state["feeds"][f"{server.url}/good.rss"]["etag"] == '"g"' and "b1" in state["fetched"]["a"]


def test_feedparser_misreading_is_not_written(tmp_path, server):
    server.add("/wire.rss", rss([{"guid": "w1", "title": "Council approves budget", "summary": "The council approved the budget.",
                                  "date": "2016/6/29 15:07:41"}]), content_type="application/rss+xml")
    content = project(tmp_path, f"wire:\n  name: Wire\n  feed: {server.url}/wire.rss\n")
    fetch(FetchConfig(content_dir=content, host_delay=0.0, timeout=2.0), log=lambda line: None)
    meta, _ = front(content / "articles" / "wire" / "2016-06-29-council-approves-budget.md")
    assert meta["published"] == "2016-06-29T15:07:41+00:00"


def test_the_page_date_only_when_the_feed_has_none_and_never_a_year_from_the_text(tmp_path, server):
    server.add("/flood.html", page("Flood forces 1,200 from homes in Riverton", FLOOD, date="2024-03-01"))
    body = "".join(f"<p>{p}</p>" for p in STOLEN)  # no date in the markup; 1998 only in the text
    server.add("/stolen.html", f"<html><head><title>Stolen painting found</title></head><body><article>{body}</article></body></html>")
    server.add("/wire.rss", rss([
        {"guid": "w1", "title": "Flood in Riverton", "link": f"{server.url}/flood.html", "date": None},
        {"guid": "w2", "title": "Stolen painting found", "link": f"{server.url}/stolen.html", "date": None},
    ]), content_type="application/rss+xml")
    content = project(tmp_path, f"wire:\n  name: Wire\n  feed: {server.url}/wire.rss\n")
    fetch(FetchConfig(content_dir=content, host_delay=0.0, timeout=2.0), log=lambda line: None)
    flood, _ = front(content / "articles" / "wire" / "2024-03-01-flood-in-riverton.md")
    assert str(flood["published"]) == "2024-03-01"
    stolen, body = front(content / "articles" / "wire" / "undated-stolen-painting-found.md")
    assert "published" not in stolen and "stolen in 1998" in body


def test_a_run_without_feeds_or_news_leaves_the_state_file_alone(tmp_path, server):
    content = project(tmp_path, "quiet:\n  name: No feeds here\n")
    fetch(FetchConfig(content_dir=content, host_delay=0.0), log=lambda line: None)
    assert not (content / "digest-state.json").exists()

    state = content / "digest-state.json"
    state.write_text('{"stories": {"s1": {"slug": "flood"}}}\n')  # as a build leaves it, committed
    before = state.stat().st_mtime_ns
    fetch(FetchConfig(content_dir=content, host_delay=0.0), log=lambda line: None)
    assert state.read_text() == '{"stories": {"s1": {"slug": "flood"}}}\n' and state.stat().st_mtime_ns == before

    server.add("/wire.rss", rss([{"guid": "w1", "title": "Council approves budget", "summary": "The council approved it."}]),
               content_type="application/rss+xml", headers={"ETag": '"v1"'})
    (content / "sources.yml").write_text(f"wire:\n  name: Wire\n  feed: {server.url}/wire.rss\n")
    fetch(FetchConfig(content_dir=content, host_delay=0.0), log=lambda line: None)
    written = state.read_bytes()
    assert b"w1" in written and b'"slug": "flood"' in written
    mtime = state.stat().st_mtime_ns
    fetch(FetchConfig(content_dir=content, host_delay=0.0), log=lambda line: None)  # 304: nothing new
    assert state.read_bytes() == written and state.stat().st_mtime_ns == mtime
