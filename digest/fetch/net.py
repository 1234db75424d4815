"""HTTP for `digest fetch`: the only code in digest that opens network connections.

One GET at a time per host with a pause between two requests to it, a timeout and
a size cap on every response, http(s) only (also after redirects), and 304 for a
conditional GET whose feed is unchanged.
"""
from __future__ import annotations

import http.client
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from .config import FetchConfig, FetchError

USER_AGENT = "news-digest/0.1 (+https://github.com/; polite feed reader)"


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(f"redirect to a non-http(s) address refused: {newurl[:80]}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_SafeRedirects)


class Hosts:
    """One request at a time per host, and a pause between them."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.locks: dict[str, threading.Lock] = {}
        self.last: dict[str, float] = {}
        self.guard = threading.Lock()

    def lock(self, host: str) -> threading.Lock:
        with self.guard:
            return self.locks.setdefault(host, threading.Lock())

    def wait(self, host: str) -> None:
        pause = self.last.get(host, 0.0) + self.delay - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self.last[host] = time.monotonic()


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    body: bytes
    url: str
    """The address after redirects."""
    headers: dict[str, str]
    """Lower-cased header names."""


def http_get(url: str, config: FetchConfig, hosts: Hosts, headers: dict[str, str] | None = None) -> Response:
    """GET with a timeout and a size cap; 304 comes back as a response with an empty body.

    Raises FetchError with a reader's reason (HTTP status, timeout, size, refused redirect)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) address: {url[:80]}")
    request = urllib.request.Request(request_address(url), headers={"User-Agent": USER_AGENT, **(headers or {})})
    with hosts.lock(parts.hostname):
        hosts.wait(parts.hostname)
        try:
            with _OPENER.open(request, timeout=config.timeout) as response:
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > config.max_bytes:
                    raise FetchError(f"response of {int(declared) / 1e6:.1f} MB is over the {config.max_bytes / 1e6:.1f} MB limit")
                body = response.read(config.max_bytes + 1)
                if len(body) > config.max_bytes:
                    raise FetchError(f"response is over the {config.max_bytes / 1e6:.1f} MB limit")
                return Response(response.status, body, response.geturl(), {k.lower(): v for k, v in response.headers.items()})
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Response(304, b"", url, {})
            raise FetchError(f"HTTP {exc.code} {exc.reason}") from exc
        except urllib.error.URLError as exc:
            raise FetchError(f"cannot connect: {exc.reason}") from exc
        except TimeoutError as exc:
            raise FetchError(f"no answer within {config.timeout:g} s") from exc
        except (OSError, ValueError, http.client.HTTPException) as exc:  # a malformed address or answer found late
            raise FetchError(f"connection failed: {exc}") from exc


_UNRESERVED = "/?#[]@!$&'()*+,;=:%~-._"


def request_address(url: str) -> str:
    """The address as a browser sends it: spaces and other characters outside URL syntax
    percent-encoded (UTF-8), an international host name in IDNA; escapes already there are kept."""
    parts = urllib.parse.urlsplit(url.strip())
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        pass
    netloc = host if ":" not in host else f"[{host}]"
    if parts.port:
        netloc += f":{parts.port}"
    if parts.username:
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, urllib.parse.quote(parts.path, safe=_UNRESERVED),
                                    urllib.parse.quote(parts.query, safe=_UNRESERVED), ""))
