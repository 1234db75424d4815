"""One story whose analysis fails never stops the build of the others (issue: real-world input)."""
import pytest

from digest import build, generate

from conftest import QUAKES, project_config, tree


@pytest.fixture
def haiti_fails(monkeypatch):
    """The analysis raises for the Haiti story only, as a bug meeting odd text would."""
    import digest.briefing as briefing

    original = briefing.build_briefing

    def build_briefing(story, limits):
        if any("haiti" in article.id for article in story.articles):
            raise IndexError("list index out of range")
        return original(story, limits)

    monkeypatch.setattr(briefing, "build_briefing", build_briefing)


def test_a_story_whose_analysis_fails_is_published_with_its_articles_and_named_in_an_error(make_project, haiti_fails, tmp_path):
    project = make_project(QUAKES)
    result = generate(project_config(project, docs_dir=tmp_path / "docs", keep_state=False))
    errors = [str(d) for d in result.diagnostics if d.level == "error"]
    assert len(errors) == 1
    assert "content/articles/daily/haiti-quake.md" in errors[0] and "content/articles/wire/haiti-quake.md" in errors[0]
    assert "IndexError: list index out of range" in errors[0]
    pages = {path: text.decode() for path, text in tree(tmp_path / "docs").items() if path.startswith("briefings/") and path.endswith(".md")}
    haiti = next(text for text in pages.values() if "Haiti" in text.split("\n## Articles")[0])
    assert "analysis failed" in haiti and "Earthquake devastates Haiti's capital" in haiti
    assert "## Summary" not in haiti and "## Articles" in haiti
    assert sum("## Summary" in text for text in pages.values()) == len(pages) - 1  # the others are whole
    failed = next(b for b in result.briefings if b.failure)
    assert failed.failure.startswith("IndexError")


@pytest.mark.site
def test_strict_still_fails_on_a_failed_analysis_and_keeps_the_previous_site(make_project, haiti_fails):
    project = make_project(QUAKES)
    result = build(project_config(project, strict=True))
    assert [d.level for d in result.problems] == ["error"]
    assert not (project / "site").exists()
