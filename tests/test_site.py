"""Real MkDocs builds: the site, the export, atomic replacement, determinism."""
import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from digest import DigestConfig, build, generate
from digest.errors import DigestError

from conftest import QUAKES, project_config

pytestmark = pytest.mark.site


config = project_config


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import ROOT
    import shutil

    project = tmp_path_factory.mktemp("built") / "project"
    (project / "content" / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copy(ROOT / "content" / "sources.yml", project / "content")
    shutil.copytree(ROOT / "content" / "articles" / "seeds", project / "content" / "articles" / "seeds")
    from conftest import SOURCES, write_files
    (project / "content" / "sources.yml").write_text(SOURCES, encoding="utf-8")
    write_files(project / "content" / "articles", QUAKES)
    result = build(config(project))
    return project, result


def test_site_has_pages_for_every_briefing(built):
    project, result = built
    site = project / "site"
    assert len(result.briefings) == 4
    for page in ["index.html", "archive/index.html", "tags/index.html", "sources/index.html", "about/index.html", "briefings.json"]:
        assert (site / page).exists(), page
    for briefing in result.briefings:
        assert (site / "briefings" / briefing.story.slug / "index.html").exists()
    seed = next(b for b in result.briefings if "Raqqa" in b.headline)
    html = (site / "briefings" / seed.story.slug / "index.html").read_text()
    assert "Key figures" in html and "Talal Selo" in html and "syria s raqqa" not in html.lower()


def indexed_pages(site: Path) -> dict[str, str]:
    """Page address -> the text Pagefind indexed for it (its fragments: gzip, a signature, JSON)."""
    pages = {}
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        pages[data["url"]] = data["content"]
    return pages


def test_search_index_holds_what_readers_search_for(built):
    project, result = built
    site = project / "site"
    pages = indexed_pages(site)
    seed = next(b for b in result.briefings if "Raqqa" in b.headline)
    text = pages[f"/briefings/{seed.story.slug}/"]
    assert text.startswith(seed.headline)
    assert seed.summary[0].text.split()[3] in text  # the summary
    assert "275" in text and "Talal Selo" in text and "BBC News" in text  # figures, tags, outlets
    for left_out in ("[Reuters]", "Reported by", "according to", "What changed", "Source comparison", "Who is quoted", "Articles"):
        assert left_out not in text, left_out
    assert "Source comparison" in (site / "briefings" / seed.story.slug / "index.html").read_text()  # only left out of search
    assert len([p for p in pages if p.startswith("/briefings/")]) == len(result.briefings)
    assert not any(p.startswith(("/tags/", "/archive/")) or p == "/" for p in pages)  # lists that repeat the briefings
    assert not (site / "search" / "search_index.json").exists()  # no lunr index for the browser to load whole


def test_export_lists_every_briefing(built):
    project, result = built
    data = json.loads((project / "site" / "briefings.json").read_text())
    assert data["format_version"] == 2
    assert {b["id"] for b in data["briefings"]} == {b.story.id for b in result.briefings}
    index = next(b for b in data["briefings"] if "Raqqa" in b["headline"])
    assert index["first_published"].startswith("2017-10-15") and index["last_updated"].startswith("2017-10-15")
    assert index["outlets"] == ["BBC News", "Reuters"]
    assert {a["id"] for a in index["articles"]} == {"seeds/bbc-raqqa-final-assault", "seeds/reuters-raqqa-final-assault"}
    assert set(index["articles"][0]) == {"id", "source", "title", "url", "published"}
    assert (project / "site" / index["page"] / "index.html").exists()
    lines = {line["id"]: line for line in data["storylines"]}
    assert index["id"] in lines[index["storyline"]]["briefings"]
    record = json.loads((project / "site" / index["detail"]).read_text())  # the rest, beside the page
    assert record["id"] == index["id"] and set(record["articles"][0]) >= {"author", "license", "summary_only"}
    assert all(s["citations"] for s in record["summary"])
    militants = next(f for f in record["figures"] if f["text"] == "275")
    assert militants["value"] == 275 and militants["counts"]
    quoted = [record["sentences"][outlet["sentence"]] for outlet in militants["outlets"]]  # each written once, named by index
    assert {s["source"] for s in quoted} == {"BBC News", "Reuters"}
    assert "275" in next(s["text"] for s in quoted if s["source"] == "Reuters")
    assert {q["speaker"] for q in record["quotes"]} >= {"Talal Selo", "Ryan Dillon", "Laila Mostafa"}
    reuters = record["comparison"]["outlets"]["Reuters"]
    assert reuters["words"] > 900 and reuters["unique"]
    assert record["comparison"]["differences"]


def test_site_is_self_contained(built):
    project, _ = built
    for page in (project / "site").rglob("*.html"):
        html = page.read_text()
        external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
        resources = [u for u in external if re.search(r"\.(?:css|js|woff2?|png|svg)(?:\?|$)", u) or "fonts.g" in u]
        assert not resources, (page, resources)
        assert "fonts.googleapis" not in html


def test_navigation_does_not_list_briefings(built):
    project, result = built
    html = (project / "site" / "about" / "index.html").read_text()
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    for briefing in result.briefings:
        assert briefing.story.slug not in nav


def test_mkdocs_build_strict_passes_on_generated_pages(built):
    project, _ = built
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project / "strict-site")],
                         cwd=project, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_same_corpus_gives_identical_output(built, tmp_path):
    project, _ = built
    first, second = tmp_path / "a", tmp_path / "b"
    generate(config(project, docs_dir=first))
    generate(config(project, docs_dir=second))
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for relative in files:
        assert (first / relative).read_bytes() == (second / relative).read_bytes(), relative


def test_failed_build_keeps_previous_site_and_content(make_project, monkeypatch):
    project = make_project(QUAKES)
    build(config(project))
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    content = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}

    from digest.site import mkdocs_engine

    def broken(*args, **kwargs):
        raise DigestError("MkDocs build failed: simulated")

    monkeypatch.setattr(mkdocs_engine, "build_site", broken)
    with pytest.raises(DigestError):
        build(config(project))
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == before
    assert {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()} == content
    assert not list(project.glob(".digest-tmp-*")) and not list((project / "build").glob(".digest-tmp-*"))


def test_a_failing_search_indexer_is_named_and_keeps_the_previous_site(make_project, tmp_path):
    project = make_project(QUAKES)
    build(config(project))
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    fake = tmp_path / "fake" / "pagefind"  # found first on PYTHONPATH, so `python -m pagefind` runs it
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text("import sys\nprint('Error: out of inodes', file=sys.stderr)\nsys.exit(3)\n")
    env = {**os.environ, "PYTHONPATH": str(fake.parent)}
    run = subprocess.run([sys.executable, "-m", "digest", "build", "-q", "--content", str(project / "content"), "--config", str(project / "mkdocs.yml")],
                         cwd=project, env=env, capture_output=True, text=True)
    assert run.returncode != 0
    assert "Pagefind could not index" in run.stderr and "out of inodes" in run.stderr, run.stderr
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == before


def test_a_theme_override_that_drops_the_page_article_is_named(make_project):
    project = make_project(QUAKES)
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text("{% extends 'base.html' %}{% block container %}<main>{{ page.content }}</main>{% endblock %}")
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text().replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    with pytest.raises(DigestError, match="none can be marked for search"):
        build(config(project))
    assert not (project / "site").exists()


def test_a_mkdocs_yml_that_still_lists_material_search_builds_with_a_hint(make_project, caplog):
    project = make_project(QUAKES)
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text().replace("plugins: []", "plugins:\n  - search"))
    result = build(config(project))
    assert (project / "site" / "pagefind" / "pagefind.js").exists()
    assert 'data-md-component="search"' not in (project / "site" / "index.html").read_text()  # Material's own search does not start
    assert result.briefings
    assert any("remove it from `plugins`" in r.getMessage() for r in caplog.records)


def test_strict_refuses_to_replace_site_on_warnings(make_project):
    project = make_project(QUAKES)
    build(config(project))
    (project / "content" / "articles" / "bad.md").write_text("---\ntitel: x\nsource: wire\n---\nA short note about nothing.\n")
    stamp = (project / "site" / "index.html").stat().st_mtime_ns
    result = build(config(project, strict=True))
    assert result.problems
    assert (project / "site" / "index.html").stat().st_mtime_ns == stamp


def test_a_folder_the_user_wrote_is_never_replaced(make_project):
    project = make_project(QUAKES)
    (project / "site").mkdir()
    (project / "site" / "notes.txt").write_text("mine")
    with pytest.raises(DigestError, match="not written by digest"):
        build(config(project))
    assert (project / "site" / "notes.txt").read_text() == "mine"


def test_one_broken_article_does_not_stop_the_others(make_project):
    project = make_project({**QUAKES, "broken.md": "---\ntitle: [\n---\ntext\n", "empty.md": ""})
    result = build(config(project))
    assert len(result.briefings) == 3
    assert {d.path for d in result.diagnostics if d.level == "error"} == {"content/articles/broken.md", "content/articles/empty.md"}


def test_topic_pages_exist_for_names_briefings_share(built):
    from collections import Counter

    from digest.render.paths import tag_slug

    project, result = built
    shared = Counter(tag_slug(e) for b in result.briefings for e in set(b.entities))
    pages = {p.parent.name for p in (project / "site" / "tags").glob("*/index.html")}
    assert pages == {slug for slug, n in shared.items() if n >= 2}
    single = next(b for b in result.briefings if any(shared[tag_slug(e)] == 1 for e in b.entities))
    html = (project / "site" / "briefings" / single.story.slug / "index.html").read_text()
    lonely = next(e for e in single.entities if shared[tag_slug(e)] == 1)
    assert lonely.name in html and f"tags/{tag_slug(lonely)}/" not in html  # named, not linked to a page of one


def test_titles_show_markup_characters_as_written(make_project):
    """'&', '<', '>' and quotes in a headline are escaped, never deleted: the page's title, its
    heading, the home page and the archive show what the outlet wrote."""
    from html.parser import HTMLParser

    headline = 'Regulator fines Coastal Savings & Trust over <Acme> loans, AT&T "cleared"'
    project = make_project({"wire/fine.md": f"---\nsource: wire\ntitle: '{headline}'\npublished: 2024-02-01\n---\n"
                                            "The regulator fined Coastal Savings & Trust $2 million on Thursday over loans to Acme.\n"})
    build(config(project))

    class Texts(HTMLParser):
        def __init__(self):
            super().__init__()
            self.open, self.found = [], {"title": [], "h1": [], "a": []}

        def handle_starttag(self, tag, attrs):
            self.open.append(tag)

        def handle_endtag(self, tag):
            if self.open and self.open[-1] == tag:
                self.open.pop()

        def handle_data(self, data):
            if self.open and self.open[-1] in self.found:
                self.found[self.open[-1]].append(data.strip())

    def texts(page):
        parser = Texts()
        parser.feed((project / "site" / page).read_text())
        return parser.found

    briefing = next((project / "site" / "briefings").glob("*/index.html")).relative_to(project / "site")
    page = texts(briefing)
    assert page["title"] == [f"{headline} - News briefings"]
    assert headline in page["h1"]
    assert headline in texts("index.html")["a"]
    assert headline in texts("archive/2024-02/index.html")["a"]


def test_feed_items_link_absolute_addresses_when_the_site_says_where_it_lives(make_project, tmp_path):
    import feedparser

    project = make_project(QUAKES)
    config_file = project / "mkdocs.yml"
    config_file.write_text(config_file.read_text().replace("# site_url: https://example.github.io/news-digest/",
                                                           "site_url: https://example.github.io/news-digest/"))
    generate(config(project, docs_dir=tmp_path / "docs", keep_state=False))
    for feed in ("feed.xml", "atom.xml"):
        entries = feedparser.parse((tmp_path / "docs" / feed).read_bytes()).entries
        assert entries and all(e.link.startswith("https://example.github.io/news-digest/briefings/") for e in entries), feed


def test_every_link_between_pages_leads_to_a_page_of_the_site(built):
    """Links written in raw HTML (a citation's supporting sentences) are not rewritten by MkDocs, so
    they must already be the site's addresses: no link may lead to a missing page or a .md file."""
    project, _ = built
    site = project / "site"
    checked = 0
    for page in site.rglob("*.html"):
        for target in re.findall(r'href="([^"#:?]+)(?:#[^"]*)?"', page.read_text(encoding="utf-8")):
            resolved = (site / target.lstrip("/") if target.startswith("/") else page.parent / target).resolve()
            assert not target.endswith(".md"), f"{page.relative_to(site)} links {target}"
            assert resolved.is_file() or (resolved / "index.html").is_file(), f"{page.relative_to(site)} links {target}"
            checked += 1
    assert checked > 100
