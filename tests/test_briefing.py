"""The seed briefing: summary, key figures and comparison as a reader expects them."""
from digest.briefing import build_briefing

from conftest import stories


def figure(briefing, label):
    matches = [f for f in briefing.figures if f.label == label]
    assert matches, [f.label for f in briefing.figures]
    return matches[0]


def test_summary_is_cited_and_sized(seed_briefing):
    summary = seed_briefing.summary
    assert 4 <= len(summary) <= 7
    assert all(s.citations for s in summary)
    assert any({c.source for c in s.citations} == {"bbc", "reuters"} for s in summary)
    texts = [s.text for s in summary]
    assert len(set(texts)) == len(texts)
    assert not any("(Reuters) -" in t for t in texts)  # datelines are not summary text


def test_key_figures_of_the_seeds(seed_briefing):
    assert figure(seed_briefing, "200–300").sources == ("bbc", "reuters")
    militants = figure(seed_briefing, "275")
    assert militants.sources == ("bbc", "reuters")
    speakers = {r.source: r.speaker for r in militants.reports}
    assert speakers["reuters"] == "Talal Selo" and speakers["bbc"] != "Talal Selo"
    assert figure(seed_briefing, "400").sources == ("bbc",)
    assert figure(seed_briefing, "300–400").sources == ("reuters",)
    assert figure(seed_briefing, "four months").sources == ("bbc", "reuters")
    qualifiers = {r.figure.qualifier for r in figure(seed_briefing, "200–300").reports}
    assert "no more than" in qualifiers


def test_every_figure_comes_from_its_sentence(seed_briefing):
    for key in seed_briefing.figures:
        for report in key.reports:
            assert report.figure.text in report.sentence


def test_who_is_quoted_by_whom(seed_briefing):
    quoted = {(q.speaker, q.source) for q in seed_briefing.comparison.quotes}
    for person in ["Talal Selo", "Ryan Dillon", "Mostafa Bali", "Omar Alloush"]:
        assert (person, "reuters") in quoted and (person, "bbc") in quoted
    assert ("Laila Mostafa", "reuters") in quoted and ("Laila Mostafa", "bbc") not in quoted


def test_comparison_sections(seed_briefing):
    comparison = seed_briefing.comparison
    assert not comparison.single_outlet
    assert {v.source for v in comparison.outlets} == {"bbc", "reuters"}
    assert comparison.shared and all(len(f.citations) == 2 for f in comparison.shared)
    assert {f.citations[0].source for f in comparison.exclusive} == {"bbc", "reuters"}
    assert comparison.figure_differences
    pairs = [dict(w.terms) for w in comparison.wording if len(w.terms) == 2]
    assert {"reuters": "militias", "bbc": "forces"} in pairs
    assert {"reuters": "jihadists", "bbc": "militants"} in pairs


def test_entities_are_classified(seed_briefing):
    kinds = {e.name: e.kind for e in seed_briefing.entities}
    assert kinds.get("Raqqa") == "place" and kinds.get("Syria") == "place"
    assert kinds.get("Talal Selo") == "person"
    assert kinds.get("Syrian Democratic Forces") == "organisation"


def test_single_outlet_story_says_so(restored_seeds):
    (story,) = stories([restored_seeds["bbc"]])
    briefing = build_briefing(story)
    assert briefing.comparison.single_outlet
    assert not briefing.comparison.shared and not briefing.comparison.exclusive
