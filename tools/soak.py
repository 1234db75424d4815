"""A soak of real inputs: `digest fetch` and `digest build` over the real feeds and pages in
../shared/realworld (feedparser's test feeds, trafilatura's cached news pages), served on 127.0.0.1.

The feeds are served as they are, with the HTTP headers their own comments ask for
("Header: Content-type: ..."); the pages are served without a charset header behind
feeds written here (RSS, Atom and JSON Feed, each item dated by the feed). Every
other address the feeds name is answered by the same server acting as the HTTP
proxy (404), so nothing leaves the machine. Prints: feeds, items offered, articles
written, items lost, crashes, articles with U+FFFD, articles whose date differs from
the feed's, the summary_only share, and non-English articles kept whole.

Run it as scripts/soak [--realworld DIR] [--keep DIR]; it never writes into the project.
"""
from __future__ import annotations

import argparse
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
FEED_DATE = datetime(2024, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))
"""The first page's feed date; each next page a day later (an offset, so the zone is kept too)."""


def find_realworld(given: str | None) -> Path | None:
    candidates = [given, os.environ.get("DIGEST_REALWORLD"), ROOT.parent / "shared" / "realworld", "/work/shared/realworld"]
    return next((Path(c) for c in candidates if c and (Path(c) / "feedparser-tests").is_dir()), None)


# ---------------------------------------------------------------- what is served

@dataclass
class Site:
    routes: dict[str, tuple[bytes, dict[str, str]]] = field(default_factory=dict)
    feeds: list[tuple[str, str]] = field(default_factory=list)
    """(outlet key, feed path) in the order the sources file lists them."""
    page_dates: dict[str, datetime] = field(default_factory=dict)
    """Page address -> the date its feed gives."""
    page_files: dict[str, Path] = field(default_factory=dict)


_HEADER = re.compile(rb"^Header:\s*([\w-]+):\s*(.+?)\s*$", re.MULTILINE)


def feedparser_routes(site: Site, folder: Path) -> None:
    for number, path in enumerate(sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".xml", ".rdf", ".atom", ".rss"))):
        body = path.read_bytes()
        headers = {"Content-Type": "application/xml"}
        for name, value in _HEADER.findall(body[:3000]):
            headers[name.decode("latin-1").title()] = value.decode("latin-1")
        route = "/feedparser/" + urllib.parse.quote(path.relative_to(folder).as_posix())
        site.routes[route] = (body, headers)
        site.feeds.append((f"fp{number:04d}", route))


def page_routes(site: Site, folder: Path) -> None:
    """Pages behind four feeds: RSS 2.0, Atom, JSON Feed 1.1 and RSS without titles."""
    pages = sorted(p for p in folder.glob("*.htm*") if p.is_file())
    groups: dict[str, list[tuple[str, str, datetime, str]]] = {"rss": [], "atom": [], "json": [], "untitled": []}
    kinds = list(groups)
    for number, path in enumerate(pages):
        route = "/pages/" + urllib.parse.quote(path.name)
        site.routes[route] = (path.read_bytes(), {"Content-Type": "text/html"})
        when = FEED_DATE + timedelta(days=number)
        site.page_dates[route] = when
        site.page_files[route] = path
        groups[kinds[number % len(kinds)]].append((route, _headline(path.read_bytes()), when, path.stem))
    for kind, items in groups.items():
        route = f"/soakfeeds/{kind}" + (".json" if kind == "json" else ".xml")
        body, content_type = WRITERS[kind](items)
        site.routes[route] = (body, {"Content-Type": content_type})
        site.feeds.append((f"pages-{kind}", route))


def _headline(html: bytes) -> str:
    """What a publisher's feed would title the page: its first <h1>, else its <title>."""
    import lxml.html
    from w3lib.encoding import html_to_unicode

    try:
        tree = lxml.html.fromstring(html_to_unicode(None, html)[1])
    except Exception:  # noqa: BLE001 -- a page lxml cannot read gets a plain title
        return "Untitled page"
    for xpath in ("//h1", "//title"):
        found = [re.sub(r"\s+", " ", e.text_content()).strip() for e in tree.xpath(xpath)]
        found = [t for t in found if t]
        if found:
            return found[0][:200]
    return "Untitled page"


def _rss(items, titles=True):
    entries = "".join(
        f"<item><guid>urn:soak:{escape(stem)}</guid>" + (f"<title>{escape(title)}</title>" if titles else "")
        + f"<link>{{BASE}}{escape(route)}</link><pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S %z')}</pubDate></item>"
        for route, title, when, stem in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Soak pages</title>'
            f"<link>{{BASE}}/</link>{entries}</channel></rss>").encode(), "application/rss+xml"


def _atom(items):
    entries = "".join(
        f"<entry><id>urn:soak:{escape(stem)}</id><title>{escape(title)}</title><link href=\"{{BASE}}{escape(route)}\"/>"
        f"<published>{when.isoformat()}</published><updated>{when.isoformat()}</updated></entry>"
        for route, title, when, stem in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Soak pages</title>'
            f"<id>urn:soak</id><updated>{FEED_DATE.isoformat()}</updated>{entries}</feed>").encode(), "application/atom+xml"


def _json(items):
    data = {"version": "https://jsonfeed.org/version/1.1", "title": "Soak pages",
            "items": [{"id": f"urn:soak:{stem}", "url": "{BASE}" + route, "title": title, "date_published": when.isoformat()}
                      for route, title, when, stem in items]}
    return json.dumps(data, ensure_ascii=False).encode(), "application/feed+json"


WRITERS = {"rss": _rss, "atom": _atom, "json": _json, "untitled": lambda items: _rss(items, titles=False)}


class Server:
    """The routes on 127.0.0.1, and the proxy every other address goes through (answered 404)."""

    def __init__(self, site: Site) -> None:
        routes = site.routes
        self.proxied: list[str] = []
        proxied = self.proxied

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                target = urllib.parse.urlsplit(self.path)
                if target.scheme:  # an absolute address: a request for another host, through the proxy
                    proxied.append(self.path)
                    return self._send(404, b"not on this machine", {"Content-Type": "text/plain"})
                body, headers = routes.get(target.path, (None, None))
                if body is None:
                    return self._send(404, b"not found", {"Content-Type": "text/plain"})
                return self._send(200, body.replace(b"{BASE}", server_url.encode()), headers)

            def do_CONNECT(self):
                proxied.append(self.path)
                self._send(405, b"", {})

            def _send(self, status, body, headers):
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        server_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.url = server_url
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# ---------------------------------------------------------------- the runs

def write_project(work: Path, site: Site) -> Path:
    content = work / "content"
    (content / "articles").mkdir(parents=True)
    lines = [f"{key}:\n  name: {json.dumps('Soak ' + key)}\n  feed: {{BASE}}{route}\n" for key, route in site.feeds]
    (content / "sources.yml").write_text("".join(lines))
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    return content


def run_fetch_child(content: Path, out: Path, env: dict) -> subprocess.CompletedProcess:
    """digest.fetch in a child process (so the proxy settings apply from its start), its report as JSON."""
    code = ("import json, sys; from pathlib import Path; from digest.fetch import FetchConfig, fetch; "
            "r = fetch(FetchConfig(content_dir=Path(sys.argv[1]), host_delay=0.0, timeout=10.0, workers=2), log=lambda l: None); "
            "Path(sys.argv[2]).write_text(json.dumps({'items': r.items, 'log': r.log, 'failed': r.failed_feeds}))")
    return subprocess.run([sys.executable, "-c", code, str(content), str(out)], env=env, capture_output=True, text=True)


def digest_command(*args: str, env: dict, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digest", *args], env=env, cwd=cwd, capture_output=True, text=True)


# ---------------------------------------------------------------- the figures

def feed_dates(site: Site, server_url: str) -> dict[str, list]:
    """Feed path -> per entry, in feed order, the date the feed gives: its test's Expect line when
    it states one, else feedparser's reading; for the pages' feeds the date written."""
    import feedparser

    dates: dict[str, list] = {}
    for _, route in site.feeds:
        body, headers = site.routes[route]
        if route.startswith("/soakfeeds/"):
            continue
        parsed = feedparser.parse(body, response_headers={k.lower(): v for k, v in headers.items()})
        expected = _expected_date(body)
        dates[route] = [expected if expected is not None and index == 0 else _feedparser_date(entry)
                        for index, entry in enumerate(parsed.entries)]
    return dates


def _expected_date(body: bytes):
    match = re.search(rb"Expect:.*?entries\[0\]\[?'?(?:published|updated|created)_parsed'?\]?\s*==\s*\(([\d,\s]+)\)", body[:3000])
    if not match:
        return None
    numbers = [int(n) for n in match.group(1).split(b",") if n.strip()]
    try:
        return datetime(*numbers[:6], tzinfo=timezone.utc)
    except ValueError:
        return None


def _feedparser_date(entry):
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if entry.get(key):
            try:
                return datetime(*entry[key][:6], tzinfo=timezone.utc)
            except (ValueError, OverflowError):
                return "unrepresentable"
    return None


def body_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") and "\n---\n" in text else text


def page_language(html: bytes) -> str | None:
    match = re.search(rb"<html[^>]*\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", html[:5000], re.IGNORECASE)
    return match.group(1).decode().lower() if match else None


def _squeeze(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def completeness(ours: str, html: bytes) -> tuple[float, float] | None:
    """(recall of trafilatura's default extraction's lines in ours, our length / its length). Reader
    comments, which the default extraction appends, are no part of an article: left out of both."""
    import trafilatura

    reference = trafilatura.extract(html, include_comments=False)
    if not reference:
        return None
    lines = [_squeeze(line) for line in reference.split("\n") if len(line.split()) >= 3 or len(line) >= 12]
    lines = [line for line in lines if line]
    mine = _squeeze(ours)
    if not lines:
        return None
    found = sum(1 for line in lines if line in mine)
    return found / len(lines), len(mine) / max(1, len(_squeeze(reference)))


def figures(site: Site, server_url: str, content: Path, child: dict, fetch_run, build_run) -> dict:
    items, log = child.get("items", []), child.get("log", [])
    dates = feed_dates(site, server_url)
    written = [i for i in items if i["outcome"] == "written"]
    by_feed: dict[str, list] = {}
    for item in items:
        by_feed.setdefault(urllib.parse.urlsplit(item["feed"]).path, []).append(item)
    offered = sum(len(v) for k, v in dates.items() if k not in {urllib.parse.urlsplit(f).path for f in child.get("failed", [])})
    offered += sum(len(v) for k, v in by_feed.items() if k.startswith("/soakfeeds/"))
    date_checked, date_same, date_diffs = 0, 0, []
    for route, records in by_feed.items():
        wanted = [site.page_dates.get(urllib.parse.urlsplit(r["link"] or "").path) for r in records] \
            if route.startswith("/soakfeeds/") else dates.get(route, [])
        for record, feed_date in zip(records, wanted):
            if record["outcome"] != "written" or feed_date is None:
                continue
            date_checked += 1
            ours = datetime.fromisoformat(record["published"]) if record.get("published") else None
            if ours is not None and ours.tzinfo is None:
                ours = ours.replace(tzinfo=timezone.utc)
            if ours is not None and isinstance(feed_date, datetime) and ours == feed_date:
                date_same += 1
            else:
                date_diffs.append((route, str(feed_date), record.get("published")))
    replacement, replacement_clean = [], []
    for record in written:
        if "\ufffd" in body_of(content / record["path"]):
            replacement.append(record["path"])
            source = site.routes.get(urllib.parse.urlsplit(record["link"] or "").path if record["origin"] == "page"
                                     else urllib.parse.urlsplit(record["feed"]).path, (b"", {}))[0]
            unclean = record.get("replaced") or b"\xef\xbf\xbd" in source or re.search(rb"&#(?:65533|x[fF]{3}[dD]);", source)
            if not unclean:
                replacement_clean.append(record["path"])
    non_english, whole, recalls = 0, 0, {0: [], 1: []}
    for number, record in enumerate(r for r in written if r["origin"] == "page"):
        html = site.routes[urllib.parse.urlsplit(record["link"]).path][0]
        measured = completeness((content / record["path"]).read_text(encoding="utf-8"), html)  # the title is in the front matter
        if measured is None:
            continue
        recalls[number % 2].append(measured[0])
        if (page_language(html) or "en") != "en":
            non_english += 1
            whole += measured[1] >= 0.95
    lost = offered - sum(1 for i in items if i["outcome"] in ("written", "duplicate", "empty"))
    crashes = [line for line in log if "internal error" in line]
    return {
        "feeds": len(site.feeds), "feeds failed": len(child.get("failed", [])), "items offered": offered,
        "articles written": len(written), "duplicates skipped": sum(1 for i in items if i["outcome"] == "duplicate"),
        "items without any text": sum(1 for i in items if i["outcome"] == "empty"), "items lost": lost,
        "crashes": len(crashes) + (fetch_run.returncode != 0) + (build_run.returncode != 0),
        "articles with U+FFFD": len(replacement), "... where the source decodes cleanly": len(replacement_clean),
        "articles whose date differs from the feed's": f"{len(date_diffs)} of {date_checked} "
                                                        f"({100 * date_same / max(1, date_checked):.1f}% carry the feed's date)",
        "summary_only share": _summary_only_share(written),
        "non-English articles kept whole": f"{whole} of {non_english} (>= 95% of trafilatura's default extraction)",
        "recall of trafilatura's default extraction (pages, two halves)":
            " / ".join(f"{100 * sum(v) / max(1, len(v)):.1f}% ({len(v)})" for v in recalls.values()),
        "_details": {"date_diffs": date_diffs, "crashes": crashes, "replacement": replacement_clean},
    }


def _summary_only_share(written: list[dict]) -> str:
    def share(records):
        return f"{100 * sum(1 for r in records if r.get('summary_only')) / max(1, len(records)):.1f}%"

    pages = [r for r in written if "/soakfeeds/" in r["feed"]]
    feeds = [r for r in written if "/soakfeeds/" not in r["feed"]]
    return f"{share(written)} (items behind real pages: {share(pages)}; feedparser's test items, mostly a title alone: {share(feeds)})"


def build_figures(build_run, content: Path, work: Path) -> dict:
    output = build_run.stdout + build_run.stderr
    briefings = work / "site" / "briefings.json"
    used = set()
    if briefings.exists():
        for briefing in json.loads(briefings.read_text()).get("briefings", []):
            used.update(a.get("id") for a in briefing.get("articles", []))
    unnamed = []
    for path in sorted((content / "articles").rglob("*.md")):
        article_id = path.relative_to(content / "articles").with_suffix("").as_posix()
        if article_id not in used and path.relative_to(content.parent).as_posix() not in output:
            unnamed.append(article_id)
    tracebacks = re.findall(r"Traceback \(most recent call last\):.*?(?=\n\S|\Z)", output, re.DOTALL)
    summary = next((line for line in reversed(output.splitlines()) if line.startswith("digest:")), output[-300:])
    return {"digest build exit status": build_run.returncode, "digest build": summary,
            "inputs unused without a named warning or error": len(unnamed),
            "_details": {"unnamed": unnamed[:20], "tracebacks": tracebacks}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--realworld", help="folder with feedparser-tests/ and trafilatura-pages/ (default: ../shared/realworld)")
    parser.add_argument("--keep", help="run in this (new) folder and keep it, instead of a temporary one")
    parser.add_argument("--details", action="store_true", help="also print what differs: dates, U+FFFD, unused inputs")
    args = parser.parse_args(argv)
    realworld = find_realworld(args.realworld)
    if realworld is None:
        print("soak: no real-world inputs (../shared/realworld); nothing to do")
        return 0
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="digest-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    site = Site()
    feedparser_routes(site, realworld / "feedparser-tests")
    page_routes(site, realworld / "trafilatura-pages")
    server = Server(site)
    try:
        content = write_project(work, site)
        (content / "sources.yml").write_text((content / "sources.yml").read_text().replace("{BASE}", server.url))
        env = {**os.environ, "http_proxy": server.url, "https_proxy": server.url, "no_proxy": "127.0.0.1",
               "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        fetch_run = run_fetch_child(content, work / "fetch-report.json", env)
        child = json.loads((work / "fetch-report.json").read_text()) if (work / "fetch-report.json").exists() else {}
        state_before = (content / "digest-state.json").read_bytes() if (content / "digest-state.json").exists() else None
        again = digest_command("fetch", "--content", str(content), "--host-delay", "0", env=env, cwd=work)
        state_after = (content / "digest-state.json").read_bytes() if (content / "digest-state.json").exists() else None
        build_run = digest_command("build", "--content", str(content), "--config", str(work / "mkdocs.yml"), "-q", env=env, cwd=work)
        results = figures(site, server.url, content, child, fetch_run, build_run)
        built = build_figures(build_run, content, work)
        details = results["_details"] | built.pop("_details")
        results.update(built)
        results["_details"] = details
        results["second fetch"] = (f"exit {again.returncode}, "
                                   + (again.stderr.strip().splitlines() or ["(no output)"])[-1]
                                   + ("; state file unchanged" if state_before == state_after else "; state file rewritten"))
        results["requests sent through the proxy (answered 404 here)"] = len(server.proxied)
    finally:
        server.close()
    if fetch_run.returncode != 0:
        print(fetch_run.stderr[-3000:], file=sys.stderr)
    for key, value in results.items():
        if not key.startswith("_"):
            print(f"{key}: {value}")
    if args.details:
        print(json.dumps(results["_details"], indent=1, default=str))
    print(f"soak: output in {work}" if args.keep else "soak: done")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
