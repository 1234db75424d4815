"""The build cache: a rebuild reuses what did not change, and the output is the same as a clean build."""
from digest import DigestConfig, generate

from conftest import QUAKES, write_files


def pages(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cached_rebuild_is_identical_and_reuses_unchanged_work(make_project, tmp_path, monkeypatch):
    project = make_project(QUAKES, seeds=True)
    cache = tmp_path / "cache"

    def run(out, cache_dir):
        generate(DigestConfig(content_dir=project / "content", config_file=project / "mkdocs.yml", docs_dir=tmp_path / out,
                              keep_state=False, cache_dir=cache_dir))
        return pages(tmp_path / out)

    from digest import briefing, pipeline

    built = []
    original = briefing.build_briefing
    monkeypatch.setattr(pipeline, "build_briefing", lambda story: built.append(story.id) or original(story))

    first = run("a", cache)
    assert len(built) == 4
    built.clear()
    assert run("b", cache) == first and built == []  # everything from the cache

    write_files(project / "content" / "articles", {"wire/chile-quake-2.md": QUAKES["daily/chile-quake.md"].replace(
        "Chile counts the dead", "Chile digs out").replace("about 300 people", "about 350 people").replace("source: daily", "source: wire")})
    built.clear()
    cached = run("c", cache)
    assert len(built) == 1  # only the story that changed
    assert cached == run("clean", None)
    assert len(list(cache.rglob("*.pickle"))) < 20  # unused entries were pruned
