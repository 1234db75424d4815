"""Storylines on the site: a storyline's page (timeline, cited summary, figure ledger, names), each
event's page linking its storyline and the events before and after it, the home page and the feeds
showing a storyline once, at its newest event, and the export listing both."""
import json
import re
import shutil

import feedparser
import pytest

from digest import generate

from conftest import ROOT, project_config, tree

GOLDEN_CONTENT = ROOT / "tests" / "golden" / "small" / "content"


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """The generated pages of the small golden corpus, whose storm is two events of one storyline."""
    project = tmp_path_factory.mktemp("storylines") / "project"
    shutil.copytree(GOLDEN_CONTENT, project / "content", ignore=shutil.ignore_patterns("digest-state.json"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    generate(project_config(project, docs_dir=project / "docs", keep_state=False))
    return {path: data.decode() for path, data in tree(project / "docs").items()}


def storm_pages(docs):
    return sorted(path for path in docs if path.startswith("briefings/") and "storm" in path and path.endswith(".md"))


def test_a_storyline_page_shows_its_events_in_order_with_a_cited_summary_ledger_and_names(docs):
    (page,) = [text for path, text in docs.items() if path.startswith("storylines/2") and path.endswith(".md")]
    assert "# Port Alder counts the cost of Storm Imogen" in page  # the newest event's headline
    assert "*Storyline · 31 July 2021 – 5 August 2021 · 2 events" in page
    timeline = page.split("## Timeline")[1].split("## Figure ledger")[0]
    first, second = (timeline.index(f"../{path}") for path in storm_pages(docs))
    assert first < second  # oldest first
    summary = page.split("## Summary")[1].split("## Timeline")[0]
    assert summary.count("\n- ") >= 2 and "[\\[Example Wire\\]]" in summary
    assert "## Names" in page and "Helen Okafor" in page.split("## Names")[1]
    deaths = next(line for line in page.split("## Figure ledger")[1].splitlines() if line.startswith("| deaths |"))
    assert [part.split("**")[1] for part in deaths.split(" → ")] == ["nine", "12", "14"]  # as the toll rose, event to event
    assert "(31 July 2021, [Example Wire]" in deaths and "(5 August 2021, [The Daily Example]" in deaths
    assert "storylines/index.md" in docs and "Port Alder counts the cost" in docs["storylines/index.md"]


def test_each_event_links_its_storyline_and_its_neighbours(docs):
    older, newer = (docs[path] for path in storm_pages(docs))
    assert "**Storyline:** [Port Alder counts the cost" in older and "event 1 of 2" in older
    assert "→ Next: [Port Alder counts the cost" in older and "← Previous" not in older
    assert "event 2 of 2" in newer and "← Previous: [Storm Imogen kills nine" in newer and "→ Next" not in newer
    budget = next(text for path, text in docs.items() if "budget" in path and path.endswith(".md"))
    assert "**Storyline:**" not in budget  # a storyline of one event is the event itself


def test_home_page_and_feeds_show_a_storyline_once_at_its_newest_event(docs):
    home = docs["index.md"]
    assert home.count("Storm Imogen") >= 1 and "Storm Imogen kills nine as it crosses the coast" not in home
    assert "Latest of 2 events in the storyline" in home
    for feed in ("feed.xml", "atom.xml"):
        titles = [entry.title for entry in feedparser.parse(docs[feed]).entries]
        assert sum("Imogen" in title for title in titles) == 1, titles


def test_the_export_lists_storylines_and_each_briefings_storyline(docs):
    data = json.loads(docs["briefings.json"])
    assert data["format_version"] == 2
    lines = {line["id"]: line for line in data["storylines"]}
    storm = [b for b in data["briefings"] if "storm" in b["slug"]]
    (line_id,) = {b["storyline"] for b in storm}
    line = lines[line_id]
    assert line["briefings"] == [b["id"] for b in sorted(storm, key=lambda b: b["first_published"])]
    assert line["page"].startswith("storylines/") and line["first_published"] == "2021-07-31"
    detail = json.loads(docs[line["detail"]])
    assert [entry["briefing"] for entry in detail["timeline"]] == line["briefings"]
    assert detail["summary"] and detail["summary"][0]["citations"] and "ledger" in detail
    single = next(b for b in data["briefings"] if "budget" in b["slug"])
    assert lines[single["storyline"]]["detail"] is None and lines[single["storyline"]]["page"] == single["page"]
    for record in data["briefings"]:
        assert json.loads(docs[record["detail"]])["id"] == record["id"]


def test_links_written_in_html_are_site_addresses_not_markdown_files():
    """MkDocs rewrites Markdown links, not those inside raw HTML (a citation's supporting
    sentences): on every generated page pinned in the golden directory, such a link is the
    site's address of the page (a folder), never a .md file a reader's click would 404 on."""
    pages = list((ROOT / "tests" / "golden").glob("*/expected/**/*.md"))
    assert any("<details" in page.read_text(encoding="utf-8") for page in pages if "/storylines/" in str(page))
    for page in pages:
        for target in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8")):
            assert ".md" not in target.split("#")[0], f"{page.name} links {target}"


def test_a_markdown_target_becomes_the_address_of_its_folder():
    from digest.render.citations import html_href

    assert html_href("../briefings/2024-01-02-storm.md#article-3") == "../../briefings/2024-01-02-storm/#article-3"
    assert html_href("#article-2") == "#article-2"
    assert html_href("https://example.org/news.md") == "https://example.org/news.md"


BRIDGE = {
    "wire/collapse.md": """\
        ---
        source: wire
        title: Rotterdam bridge collapse kills at least 14
        published: 2024-03-12
        ---
        A section of the Van Brienenoord bridge in Rotterdam collapsed on Tuesday, killing at least 14 people.
        Mayor Ahmed Aboutaleb said divers were still searching the Nieuwe Maas river for victims.
        """,
    "daily/collapse.md": """\
        ---
        source: daily
        title: At least 14 dead as Rotterdam bridge falls into river
        published: 2024-03-12
        ---
        At least 14 people died when part of the Van Brienenoord bridge in Rotterdam fell into the Nieuwe Maas.
        Ahmed Aboutaleb, the mayor, said the search for victims would go on through the night.
        """,
    "wire/inquiry.md": """\
        ---
        source: wire
        title: Corrosion caused Rotterdam bridge collapse, inquiry finds
        published: 2024-03-19
        ---
        Corroded steel cables caused the collapse of the Van Brienenoord bridge in Rotterdam, an inquiry found.
        Divers recovered two more bodies from the Nieuwe Maas, raising the death toll to 16, Ahmed Aboutaleb said.
        The roads agency apologised to the families of the victims and said all 26 bridges of the same design would be inspected.
        """,
    "daily/inquiry.md": """\
        ---
        source: daily
        title: Rotterdam bridge inquiry blames corroded cables as toll reaches 16
        published: 2024-03-19
        ---
        An inquiry into the Van Brienenoord bridge collapse in Rotterdam blamed corroded steel cables.
        The death toll rose to 16 after two more bodies were found in the Nieuwe Maas, Ahmed Aboutaleb said.
        """,
}


def test_the_figure_ledger_follows_the_toll_not_increments_or_other_counts(make_project):
    """'two more bodies' is how much the toll grew and 'all 26 bridges' counts bridges: the
    storyline's ledger of deaths reads 14 -> 16."""
    project = make_project(BRIDGE)
    generate(project_config(project, docs_dir=project / "docs", keep_state=False))
    index = json.loads((project / "docs" / "briefings.json").read_text(encoding="utf-8"))
    (line,) = [s for s in index["storylines"] if len(s["briefings"]) == 2]
    detail = json.loads((project / "docs" / line["detail"]).read_text(encoding="utf-8"))
    deaths = [row for row in detail["ledger"] if row["counts"] == "deaths"]
    assert [v["value"] for v in deaths[0]["values"]] == ["14", "16"]
