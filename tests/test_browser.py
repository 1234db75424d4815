"""A reader's view in real headless Chromium: open a briefing, search, and nothing hostile runs."""
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from digest import DigestConfig, build

from conftest import QUAKES
from hostile import HOSTILE_ARTICLES, HOSTILE_SOURCES

pytestmark = pytest.mark.browser
CHROMIUM = next((Path(p) for p in (os.environ.get("DIGEST_CHROMIUM", ""), "/usr/bin/chromium", "/usr/bin/google-chrome") if p and Path(p).exists()),
                Path("/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (scripts/setup --test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def serve_under_subpath(site: Path, root: Path):
    """Serve site at http://127.0.0.1:PORT/repo/, as GitHub Pages serves a project site."""
    shutil.copytree(site, root / "repo")
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/repo/"


def built_site(make_project, articles, seeds=False, sources=None):
    kwargs = {"sources": sources} if sources else {}
    project = make_project(articles, seeds=seeds, **kwargs)
    result = build(DigestConfig(content_dir=project / "content", config_file=project / "mkdocs.yml"))
    return project, result


def open_page(browser, url):
    """A page whose requests to anywhere but this machine are blocked and recorded."""
    page = browser.new_page()
    outside = []

    def guard(route):
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    return page, outside, dialogs


def search(page, term, seconds=20):
    """Type into Material's search box until results show: the search worker loads its index
    in the background, and a query typed before it is ready is not answered."""
    box = page.locator("input.md-search__input")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    for _ in range(seconds):
        box.fill("")
        box.press_sequentially(term)
        try:
            page.locator(".md-search-result__item").first.wait_for(timeout=1_000)
            return
        except Exception:  # playwright's TimeoutError: not ready yet, type again
            continue
    raise AssertionError(f"no search result for {term!r} after {seconds} s")


def test_reader_opens_briefing_and_searches(browser, make_project, tmp_path):
    project, result = built_site(make_project, QUAKES, seeds=True)
    server, base = serve_under_subpath(project / "site", tmp_path / "www")
    try:
        page, outside, _ = open_page(browser, base)
        seed = next(b for b in result.briefings if "Raqqa" in b.headline)
        page.locator("article a[href*='briefings/']", has_text=seed.headline).first.click()
        page.wait_for_load_state()
        assert page.url == f"{base}briefings/{seed.story.slug}/", page.url
        assert page.locator("h1").inner_text().startswith("US-backed forces")
        assert page.locator("table").first.is_visible()
        assert "Talal Selo" in page.locator("article").inner_text()

        search(page, "Alloush")
        assert "Alloush" in page.locator(".md-search-result").inner_text()
        assert outside == []
    finally:
        server.shutdown()


def test_hostile_article_runs_no_script_and_sends_no_request(browser, make_project, tmp_path):
    project, result = built_site(make_project, HOSTILE_ARTICLES, sources=HOSTILE_SOURCES)
    server, base = serve_under_subpath(project / "site", tmp_path / "www")
    try:
        pages = [base] + [f"{base}briefings/{b.story.slug}/" for b in result.briefings] + [f"{base}sources/", f"{base}tags/"]
        for url in pages:
            page, outside, dialogs = open_page(browser, url)
            page.wait_for_load_state("networkidle")
            for link in page.locator("a").all():
                href = link.get_attribute("href") or ""
                assert not href.lower().startswith(("javascript:", "data:")), (url, href)
            page.mouse.move(10, 10)
            pwned = page.evaluate("Object.keys(window).filter(k => k.startsWith('__pwned'))")
            assert pwned == [], (url, pwned)
            assert outside == [] and dialogs == [], (url, outside, dialogs)
            text = page.locator("body").inner_text()
            if "/briefings/" in url:
                assert "<script>" in text  # shown as text, not run
            page.close()
    finally:
        server.shutdown()
