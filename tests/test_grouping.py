"""Stories: same event across outlets together, different events apart, stable ids."""
from conftest import QUAKES, read_corpus, restore, stories


def stories_of(project):
    corpus = read_corpus(project / "content")
    return stories(restore(corpus.articles))


def members(stories):
    return sorted(sorted(a.id for a in s.articles) for s in stories)


def test_seeds_form_one_story_and_different_quakes_stay_apart(make_project):
    stories = stories_of(make_project(QUAKES, seeds=True))
    assert members(stories) == [
        ["daily/budget-vote"],
        ["daily/chile-quake", "wire/chile-quake"],
        ["daily/haiti-quake", "wire/haiti-quake"],
        ["seeds/bbc-raqqa-final-assault", "seeds/reuters-raqqa-final-assault"],
    ]


def test_adding_an_article_keeps_other_story_ids(make_project):
    project = make_project({k: v for k, v in QUAKES.items() if "haiti" not in k}, seeds=True)
    before = {s.id: s.slug for s in stories_of(project)}
    from conftest import write_files
    write_files(project / "content" / "articles", {k: v for k, v in QUAKES.items() if "haiti" in k})
    after = {s.id: s.slug for s in stories_of(project)}
    assert before.items() <= after.items()
    assert len(after) == len(before) + 1


def test_articles_weeks_apart_are_not_merged(make_project):
    far = QUAKES["daily/chile-quake.md"].replace("2010-02-28", "2010-06-28").replace("Chile counts", "Chile remembers")
    stories = stories_of(make_project({"wire/chile-quake.md": QUAKES["wire/chile-quake.md"], "daily/later.md": far}))
    assert len(stories) == 2


def test_nearest_neighbour_similarities_match_the_plain_product_whatever_the_word_frequencies():
    # Frequent terms go through a dense product, rare ones through a sparse one: the sum must be
    # the same similarities (and the same neighbours) as one sparse product
    import numpy as np
    from scipy import sparse

    from digest.stories.linkage import similarities as _similarities

    rng = np.random.default_rng(3)
    common = (rng.random((400, 30)) < 0.6) * rng.random((400, 30))  # in most articles
    rare = (rng.random((400, 3000)) < 0.004) * rng.random((400, 3000))  # in a few
    vectors = sparse.csr_matrix(np.hstack([common, rare]).astype(np.float32))
    rows, columns = vectors[:100], vectors[100:]
    plain = (rows @ columns.T).toarray()
    split = _similarities(rows, columns)
    assert np.allclose(split, plain, atol=1e-5)
    assert (np.argsort(-split, axis=1)[:, :5] == np.argsort(-plain, axis=1)[:, :5]).mean() > 0.99
    only_rare = vectors[:, 30:]
    assert np.allclose(_similarities(only_rare[:100], only_rare[100:]), (only_rare[:100] @ only_rare[100:].T).toarray())


def test_candidate_pair_codes_are_deduplicated_and_sorted_like_numpy_unique():
    import numpy as np

    from digest.stories.linkage import unique as _unique

    rng = np.random.default_rng(4)
    for size in (0, 1, 2, 50, 20_000):
        codes = rng.integers(0, max(1, size // 3), size, dtype=np.int64)
        assert np.array_equal(_unique(codes), np.unique(codes))


def test_a_headline_without_latin_letters_gets_the_stories_id_not_its_digits():
    """'荷兰鹿特丹一座大桥坍塌 至少14人死亡' has no letters a URL can keep: its page is named by the
    story's id, not '14'; a headline in Latin letters keeps its words."""
    from digest.text import slugify

    assert slugify("荷兰鹿特丹一座大桥坍塌 至少14人死亡", fallback="c2dec662f3") == "c2dec662f3"
    assert slugify("Brückeneinsturz in Rotterdam: 14 Tote") == "bruckeneinsturz-in-rotterdam-14-tote"
    assert slugify("2024", fallback="x") == "x"
