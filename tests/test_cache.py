"""The build cache: a rebuild reuses what did not change, and the output is the same as a clean build."""
from digest import Limits, generate
from digest.runtime.store import BriefingStore

from conftest import QUAKES, generated, project_config, tree, write_files


def count_analysed(monkeypatch, record=lambda story: story.id) -> list:
    """Stories whose briefing the build analyses (rather than reads back), in the order it does."""
    analysed = []
    original = BriefingStore.__init__

    def init(self, runtime, build):
        original(self, runtime, lambda story: analysed.append(record(story)) or build(story))

    monkeypatch.setattr(BriefingStore, "__init__", init)
    return analysed


def test_cached_rebuild_is_identical_and_reuses_unchanged_work(make_project, tmp_path, monkeypatch):
    project = make_project(QUAKES, seeds=True)
    cache = tmp_path / "cache"

    def run(out, cache_dir):
        return generated(project, tmp_path / out, cache_dir=cache_dir)

    built = count_analysed(monkeypatch)

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
    # unused entries were pruned: the cache holds what a fresh build of this corpus writes
    assert run("fresh", tmp_path / "fresh-cache") == cached
    from digest.runtime.cache import Cache

    assert Cache(cache).keys() == Cache(tmp_path / "fresh-cache").keys()


def test_an_unchanged_storys_page_made_again_from_its_cached_outline_is_a_clean_builds(make_project, tmp_path, monkeypatch):
    """A rebuild reads unchanged stories back as outlines (no comparison); when such a story's
    page must be made again (a new story shares one of its names, so it gains a topic link), its
    whole briefing comes back from the cache, and nothing is analysed again."""
    project = make_project(QUAKES, seeds=True)
    cache = tmp_path / "cache"

    def run(out, cache_dir):
        result = generate(project_config(project, docs_dir=tmp_path / out, keep_state=False, cache_dir=cache_dir,
                                         limits=Limits(topic_min_briefings=2)))  # a name two briefings share links
        return result, tree(tmp_path / out)

    run("a", cache)
    write_files(project / "content" / "articles", {"wire/raqqa-vote.md": """\
        ---
        source: wire
        title: Raqqa council plans a local vote
        published: 2018-06-20
        ---
        The council that runs Raqqa said on Wednesday it would hold local elections next spring.
        SDF spokesman Talal Selo said the vote would take place in every district of the city.
        """})
    built = count_analysed(monkeypatch, lambda story: story.slug)
    result, cached = run("b", cache)
    assert len(built) == 1 and "raqqa-council" in built[0]  # only the new story was analysed
    seed = next(b for b in result.briefings if "Raqqa" in b.headline and b.story.slug not in built)
    assert not hasattr(seed, "comparison")  # an outline, read back
    seed_page = cached[f"briefings/{seed.story.slug}.md"].decode()
    assert "tags/talal-selo" in seed_page and "Source comparison" in seed_page
    monkeypatch.undo()
    assert cached == run("clean", None)[1]


def test_a_cached_lowercased_article_follows_what_new_articles_teach(make_project, tmp_path):
    """A lowercased article is cached under the casing decisions for its own words: a new cased
    article that changes one of them ("the House") must re-restore it, and nothing else."""
    project = make_project({
        "wire/vote.md": "---\nsource: wire\ntitle: the house voted\npublished: 2024-03-01\n---\n"
                        "washington ( wire ) - the house voted on the budget on monday , officials said .\n"
                        "the vote was close , and the house adjourned .\n",
        "daily/vote.md": "---\nsource: daily\ntitle: A close vote\npublished: 2024-03-01\n---\n"
                         "The vote on the budget was close. Lawmakers left the house on foot.\n",
    })
    cache = tmp_path / "cache"

    def run(out, cache_dir):
        return generated(project, tmp_path / out, cache_dir=cache_dir)

    first = run("a", cache)
    assert any(b"the house adjourned" in text for text in first.values())
    write_files(project / "content" / "articles", {"post/house.md": "---\nsource: post\ntitle: Budget passes\npublished: 2024-03-02\n---\n"
                                                   "The House voted on the budget. Later the House adjourned. The House met again.\n"})
    cached = run("b", cache)
    assert any(b"the House adjourned" in text for text in cached.values())
    assert cached == run("clean", None)


def test_a_rebuild_adds_the_new_articles_casing_evidence_to_the_last_model(make_project, tmp_path, monkeypatch):
    """A day's rebuild starts from the last build's casing model and unpacks the evidence of the
    new articles only; an edited article makes it learn afresh. Either way: a clean build's output."""
    from digest.restore import casing, stage

    project = make_project(QUAKES, seeds=True)

    def run(out, cache_dir):
        return generated(project, tmp_path / out, cache_dir=cache_dir)

    run("a", tmp_path / "cache")
    unpacked = []
    original = stage._evidence
    monkeypatch.setattr(stage, "_evidence", lambda evidence: unpacked.append(evidence) or original(evidence))
    new = QUAKES["daily/chile-quake.md"].replace("about 300 people", "about 350 people").replace("source: daily", "source: wire")
    write_files(project / "content" / "articles", {"wire/chile-quake-2.md": new})
    rebuilt = run("b", tmp_path / "cache")
    assert len(unpacked) == 1  # the new article's evidence only
    assert rebuilt == run("clean-b", None)
    cased = len(unpacked) - 1

    unpacked.clear()
    write_files(project / "content" / "articles", {"wire/chile-quake-2.md": new.replace("about 350 people", "about 400 people")})
    rebuilt = run("c", tmp_path / "cache")
    assert len(unpacked) == cased  # the edited article's old evidence is in the last model: learnt afresh
    assert rebuilt == run("clean-c", None)


def test_a_rebuild_reads_old_texts_again_only_for_what_it_did_not_look_for(make_project, tmp_path, monkeypatch):
    """The second look at the cased texts (lowercase uses of name-like phrases, the neighbours of
    words written both ways) adds up text by text: a day's rebuild reads the new texts, and the
    old ones only for a phrase not looked for before. Either way: a clean build's output."""
    from digest.restore import casing, stage

    house = ("---\nsource: daily\ntitle: The vote\npublished: 2010-03-01\n---\n"
             "The House voted on the budget. Later the House met again, and the House adjourned. Lawmakers left the house on foot.\n"
             "A former minister remains under house arrest. Delegates at the Climate Change summit talked about\n"
             "climate change, and climate change talks go on. They also discussed energy policy at length.\n")
    wire = ("---\nsource: wire\ntitle: the house votes\npublished: 2010-03-01\n---\n"
            "washington ( wire ) - the house voted on the budget on monday , officials said .\n"
            "the former minister remains under house arrest , and delegates discussed climate change and energy policy .\n")
    project = make_project({**QUAKES, "daily/house.md": house, "wire/house.md": wire}, seeds=True)

    def run(out, cache_dir):
        return generated(project, tmp_path / out, cache_dir=cache_dir)

    read: list[int] = []
    original = casing._lowercase_uses
    monkeypatch.setattr(casing, "_lowercase_uses", lambda phrases, words, texts: read.append(len(texts)) or original(phrases, words, texts))
    run("a", tmp_path / "cache")
    cased = sum(read)
    assert cased >= 5  # every cased text, "the House" is written both ways

    read.clear()
    write_files(project / "content" / "articles", {"wire/chile-quake-2.md": QUAKES["daily/chile-quake.md"].replace(
        "about 300 people", "about 350 people").replace("source: daily", "source: wire")})
    assert run("b", tmp_path / "cache") == run("clean-b", None)
    assert read[: len(read) - 1] == [1]  # the rebuild read the new text only (then the clean build all)

    read.clear()
    write_files(project / "content" / "articles", {"post/summit.md": "---\nsource: post\ntitle: Summit ends\npublished: 2010-03-02\n---\n"
                                                   "Delegates left the Energy Policy summit in Geneva on Friday.\n"})
    rebuilt = run("c", tmp_path / "cache")
    assert read == [cased + 1, 1]  # the old texts for the new phrase only, the new text for everything
    assert rebuilt == run("clean-c", None)
    page = b"".join(text for path, text in rebuilt.items() if path.startswith("briefings/") and b"former minister" in text)
    assert b"under house arrest" in page and b"climate change and energy policy" in page


def test_a_damaged_cache_costs_only_speed(make_project, tmp_path):
    project = make_project(QUAKES)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "cache.sqlite").write_bytes(b"not a database" * 100)

    def run(out, cache_dir):
        return generated(project, tmp_path / out, cache_dir=cache_dir)

    assert run("damaged", cache) == run("clean", None)
