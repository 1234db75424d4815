"""A reader's view in real headless Chromium: open a briefing, search, and nothing hostile runs."""
import contextlib
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


@contextlib.contextmanager
def served_site(make_project, tmp_path, articles, seeds=False, sources=None):
    """Build a site and serve it under a sub-path for the length of the block: (result, base URL)."""
    project, result = built_site(make_project, articles, seeds=seeds, sources=sources)
    server, base = serve_under_subpath(project / "site", tmp_path / "www")
    try:
        yield result, base
    finally:
        server.shutdown()


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
    """Type into the search box until a result holding the term shows (the first query waits
    for Pagefind's script and index to load)."""
    box = page.locator("input.md-search__input")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box.fill("")
    box.press_sequentially(term)
    try:
        page.locator(".md-search-result__item", has_text=term).first.wait_for(timeout=seconds * 1000)
    except Exception as exc:  # playwright's TimeoutError
        raise AssertionError(f"no search result for {term!r} after {seconds} s: {page.locator('.md-search-result').inner_text()!r}") from exc


def test_reader_opens_briefing_and_searches(browser, make_project, tmp_path):
    with served_site(make_project, tmp_path, QUAKES, seeds=True) as (result, base):
        page, outside, _ = open_page(browser, base)
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        seed = next(b for b in result.briefings if "Raqqa" in b.headline)
        page.locator("article a[href*='briefings/']", has_text=seed.headline).first.click()
        page.wait_for_load_state()
        assert page.url == f"{base}briefings/{seed.story.slug}/", page.url
        assert page.locator("h1").inner_text().startswith("US-backed forces")
        assert page.locator("table").first.is_visible()
        assert "Talal Selo" in page.locator("article").inner_text()

        page.goto(f"{base}about/")  # search from any page, with the site under a sub-path
        search(page, "Alloush")  # a name in the seed briefing's summary, and nowhere else
        results = page.locator(".md-search-result__item")
        assert results.count() == 1 and "1 matching document" in page.locator(".md-search-result__meta").inner_text()
        assert results.first.locator("h1").inner_text() == seed.headline
        assert results.first.locator("mark").first.inner_text() == "Alloush"  # the query highlighted in the excerpt
        page.keyboard.press("Enter")  # the first result opens
        page.wait_for_url(f"{base}briefings/{seed.story.slug}/")

        page.locator("h1").first.click()  # the keyboard: "/" opens the box from anywhere on the page, Escape closes it
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
        assert page.evaluate("document.getElementById('__search').checked")
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__search').checked")

        search(page, "Concepcion")  # a quake briefing: the box answers on every page
        page.locator(".md-search-result__link").first.click()
        page.wait_for_load_state()
        assert "Concepcion" in page.locator("article").inner_text()
        assert outside == []
        assert any("/repo/pagefind/" in url for url in requested)
        assert not any("search_index.json" in url for url in requested)  # no index loaded whole


def test_search_finds_nothing_for_words_only_in_left_out_sections(browser, make_project, tmp_path):
    with served_site(make_project, tmp_path, QUAKES, seeds=True) as (_, base):
        page, _, _ = open_page(browser, base)
        search(page, "Raqqa")
        page.locator(".md-search__input").fill("Coverage")  # a heading of the source comparison only
        page.locator(".md-search-result__meta", has_text="No matching documents").wait_for(timeout=10_000)
        assert page.locator(".md-search-result__item").count() == 0


def test_hostile_article_runs_no_script_and_sends_no_request(browser, make_project, tmp_path):
    with served_site(make_project, tmp_path, HOSTILE_ARTICLES, sources=HOSTILE_SOURCES) as (result, base):
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

        page, outside, dialogs = open_page(browser, base)  # search results show the same text, inert
        search(page, "Riverton")
        assert "<script>" in page.locator(".md-search-result").inner_text()  # an outlet's name in the excerpt, as text
        page.mouse.move(200, 200)
        assert page.evaluate("Object.keys(window).filter(k => k.startsWith('__pwned'))") == []
        assert outside == [] and dialogs == []
        for link in page.locator(".md-search-result__link").all():
            assert link.get_attribute("href").startswith(base), link.get_attribute("href")


def test_reader_opens_a_storyline_follows_an_event_and_comes_back(browser, tmp_path):
    """From the home page to the storm's storyline, to its first event, on to the next, and back."""
    from conftest import ROOT

    project = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "golden" / "small" / "content", project / "content",
                    ignore=shutil.ignore_patterns("digest-state.json"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    build(DigestConfig(content_dir=project / "content", config_file=project / "mkdocs.yml"))
    server, base = serve_under_subpath(project / "site", tmp_path / "www")
    try:
        page, outside, _ = open_page(browser, base)
        page.locator("article a", has_text="Port Alder counts the cost").last.click()  # the storyline link under the teaser
        page.wait_for_load_state()
        assert "/storylines/" in page.url
        storyline_url = page.url
        assert page.locator("h2", has_text="Timeline").is_visible() and page.locator("h2", has_text="Figure ledger").is_visible()
        page.locator("article li a", has_text="Storm Imogen kills nine").first.click()  # the first event in the timeline
        page.wait_for_load_state()
        assert "/briefings/" in page.url and page.locator("h1").inner_text() == "Storm Imogen kills nine as it crosses the coast"
        page.locator("article a", has_text="Port Alder counts the cost").filter(has_not_text="Storyline").last.click()  # → Next
        page.wait_for_load_state()
        assert page.locator("h1").inner_text().startswith("Port Alder counts the cost")
        assert "event 2 of 2" in page.locator("article").inner_text()
        page.locator("article p", has_text="Storyline:").locator("a").first.click()  # back to the storyline
        page.wait_for_load_state()
        assert page.url == storyline_url
        page.go_back()
        assert page.locator("h1").inner_text().startswith("Port Alder counts the cost")
        assert outside == []
    finally:
        server.shutdown()


CHINESE_METRO = {
    "xinhua/metro.md": "---\nsource: xinhua\ntitle: 上海地铁新线路开通运营\npublished: 2024-06-03\n---\n"
                       "上海地铁新线路周一开通运营，全长三十公里，设有二十个车站。\n"
                       "市政府表示，新线路每天可运送五十万名乘客。\n",
    "wire/bridge.md": "---\nsource: wire\ntitle: Old bridge reopens after repairs\npublished: 2024-06-03\n---\n"
                      "The old stone bridge over the river reopened on Monday after 18 months of repairs.\n"
                      "The county council said the bridge would carry up to 3,000 cars a day.\n",
}


def test_a_chinese_briefing_is_found_by_a_chinese_word_from_an_english_page(browser, make_project, tmp_path):
    """The Chinese article's language is told from its text; its page says so, so search cuts its
    words (地铁, 'metro'), and a search from an English page finds it too."""
    with served_site(make_project, tmp_path, CHINESE_METRO) as (result, base):
        metro = next(b for b in result.briefings if "上海" in b.headline)
        page, outside, _ = open_page(browser, f"{base}briefings/{metro.story.slug}/")
        assert page.evaluate("document.documentElement.lang") == "zh"
        page.goto(base)
        assert page.evaluate("document.documentElement.lang") == "en"
        search(page, "地铁")
        assert page.locator(".md-search-result__item h1").first.inner_text() == metro.headline
        search(page, "bridge")  # and English still as before
        assert outside == []


CONTRAST = """(element) => {
  const rgb = (color) => color.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const luminance = ([r, g, b]) => {
    const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  let node = element, background = "rgba(0, 0, 0, 0)";
  while (node && (background === "rgba(0, 0, 0, 0)" || background === "transparent")) {
    background = getComputedStyle(node).backgroundColor;
    node = node.parentElement;
  }
  const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(rgb(background))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def settled(page, selector, seconds=5.0):
    """Wait until the element's colour stops changing (a transition has ended)."""
    import time

    deadline, last = time.monotonic() + seconds, None
    while time.monotonic() < deadline:
        page.wait_for_timeout(300)
        now = page.locator(selector).first.evaluate("e => getComputedStyle(e).color")
        if now == last:
            return
        last = now


def test_dark_mode_toggles_and_both_schemes_read_well_and_tables_fit_a_phone(browser, make_project, tmp_path):
    with served_site(make_project, tmp_path, QUAKES, seeds=True) as (result, base):
        seed = next(b for b in result.briefings if "Raqqa" in b.headline)
        page, outside, _ = open_page(browser, f"{base}briefings/{seed.story.slug}/")
        schemes = []
        for _ in range(2):  # light, then dark after the toggle
            schemes.append(page.evaluate("document.body.getAttribute('data-md-color-scheme')"))
            for selector in ("article p", "article td", "article a", "article h2"):
                ratio = page.locator(selector).first.evaluate(CONTRAST)
                assert ratio >= 4.5, (schemes[-1], selector, ratio)  # WCAG AA for text
            page.locator("label.md-header__button[for^='__palette']:visible").first.click()
            settled(page, "article a")  # Material fades colours from one scheme to the other
        assert schemes == ["default", "slate"]
        page.reload()  # the reader's choice is kept
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"

        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(f"{base}briefings/{seed.story.slug}/")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        tables = phone.locator("article table")
        assert tables.count() >= 2  # key figures, coverage, who is quoted
        for number in range(tables.count()):
            table = tables.nth(number)
            box = table.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1, (number, box)
            assert table.evaluate("t => t.scrollWidth <= t.clientWidth + 1"), number  # nothing hidden sideways
        assert outside == []


def test_a_reader_opens_a_citations_supporting_sentence(browser, make_project, tmp_path):
    """A summary sentence's outlets open on each outlet's own sentence, with a link to its article."""
    with served_site(make_project, tmp_path, QUAKES, seeds=True) as (result, base):
        seed = next(b for b in result.briefings if "Raqqa" in b.headline)
        page, outside, _ = open_page(browser, f"{base}briefings/{seed.story.slug}/")
        cited = page.locator("article li details.digest-cited").first
        support = cited.locator(".digest-support").first
        assert not support.is_visible()
        cited.locator("summary").click()
        assert support.is_visible()
        text = support.inner_text()
        assert ": “" in text and text.endswith("”")  # the outlet, then its own words
        assert support.locator("a").get_attribute("href")  # to its article
        assert outside == []
