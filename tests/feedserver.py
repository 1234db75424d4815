"""A real HTTP server on 127.0.0.1 serving feed and page fixtures written for these tests."""
from __future__ import annotations

import http.server
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                if route.delay:
                    time.sleep(route.delay)
                etag = route.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        # A short poll interval: shutdown() waits for one, and every test closes a server
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def add(self, path: str, body: str | bytes, **kwargs) -> None:
        self.routes[path] = Route(body.encode() if isinstance(body, str) else body, **kwargs)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def page(title: str, paragraphs: list[str], date: str = "2024-03-02", canonical: str | None = None) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (f"<html><head><title>{title}</title>{link}<meta property=\"article:published_time\" content=\"{date}T09:00:00Z\">"
            f"<meta name=\"author\" content=\"Jane Roe\"></head><body><nav>Home News Sport</nav><article><h1>{title}</h1>{body}"
            f"</article><footer>Copyright</footer></body></html>")


def rss(items: list[dict], title: str = "Example Wire", language: str | None = None) -> str:
    """An RSS 2.0 feed. Item keys: guid, title (left out when absent), link, summary (the description,
    inserted as written: escape it yourself), date (RFC 822; None: no pubDate), content (content:encoded,
    in CDATA), author, extra (raw XML)."""
    entries = "".join(
        "<item>"
        + (f"<guid>{i['guid']}</guid>" if i.get("guid") else "")
        + (f"<title>{i['title']}</title>" if "title" in i else "")
        + (f"<link>{i['link']}</link>" if i.get("link") else "")
        + f"<description>{i.get('summary', '')}</description>"
        + (f"<pubDate>{i.get('date', 'Sat, 02 Mar 2024 09:00:00 GMT')}</pubDate>" if i.get("date", "") is not None else "")
        + (f"<content:encoded><![CDATA[{i['content']}]]></content:encoded>" if i.get("content") else "")
        + (f"<author>{i['author']}</author>" if i.get("author") else "")
        + i.get("extra", "")
        + "</item>"
        for i in items
    )
    lang = f"<language>{language}</language>" if language else ""
    return (f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>{title}</title><link>http://example/</link>{lang}{entries}</channel></rss>")


def atom(items: list[dict], title: str = "The Daily Example") -> str:
    entries = "".join(
        f"<entry><id>{i['guid']}</id><title>{i['title']}</title><link href=\"{i['link']}\"/>"
        f"<updated>{i.get('date', '2024-03-02T10:00:00Z')}</updated><summary>{i.get('summary', '')}</summary></entry>"
        for i in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
            f"<id>urn:daily</id><updated>2024-03-02T10:00:00Z</updated>{entries}</feed>")


def json_feed(items: list[dict], version: str = "1.1", title: str = "Example JSON") -> str:
    """A JSON Feed (https://www.jsonfeed.org/version/1.1/); items are written as given."""
    import json

    return json.dumps({"version": f"https://jsonfeed.org/version/{version}", "title": title, "items": items})
