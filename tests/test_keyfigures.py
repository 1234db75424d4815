"""Key figures as an editor reads them: one row per quantity, the story's own figures first."""
import pytest

from digest.briefing import build_briefing

from conftest import SOURCES, read_corpus, restore, stories as grouped_stories, write_files

# Written for these tests: one fictional earthquake reported by two outlets.
STORY = {
    "wire/quake.md": """\
---
source: wire
title: Strong earthquake hits southern Haiti
published: 2021-08-14
---
A magnitude 7.0 quake struck southern Haiti on Saturday, killing at least 120 people in the town of Les Cayes.
The quake was centred 190 miles (306 km) west of the capital Port-au-Prince, the US Geological Survey said.
Officials said 3,000 injured were taken to hospitals and 869 disappeared under the rubble of the town.
Rescue teams from Cuba searched the rubble of the town through the night for survivors of the quake.
Aid agencies pledged $25 million for the rescue and for shelters after the earthquake.
Haiti was struck in January 2010 by an earthquake that killed more than 200,000 people in the capital.
""",
    "daily/quake.md": """\
---
source: daily
title: Haiti earthquake kills 120 in Les Cayes
published: 2021-08-14
---
A 7.0 magnitude earthquake struck southern Haiti on Saturday and killed at least 120 people in Les Cayes.
The earthquake struck 306 km west of the capital Port-au-Prince and was felt in Cuba.
Jean Maddon, 66, said the rubble of the town buried his street and his neighbours.
Rescue teams searched the rubble of the town through the night for survivors of the quake.
""",
}


@pytest.fixture(scope="module")
def briefing(tmp_path_factory):
    root = tmp_path_factory.mktemp("keyfigures")
    (root / "articles").mkdir()
    (root / "sources.yml").write_text(SOURCES, encoding="utf-8")
    write_files(root / "articles", STORY)
    stories = grouped_stories(restore(read_corpus(root).articles))
    assert len(stories) == 1, [len(s.articles) for s in stories]
    return build_briefing(stories[0])


def rows(briefing, value):
    return [f for f in briefing.figures if any(r.figure.low == value for r in f.reports)]


def test_a_repeat_of_one_quantity_is_one_row(briefing):
    (magnitude,) = rows(briefing, 7.0)
    assert magnitude.sources == ("daily", "wire")


def test_a_conversion_is_one_row_in_either_unit(briefing):
    (distance,) = [f for f in briefing.figures if {r.figure.unit for r in f.reports} & {"miles", "km"}]
    assert distance.label in ("190 miles", "306 km")
    assert distance.sources == ("daily", "wire")  # the daily's "306 km" is the wire's "190 miles (306 km)"


def test_ages_are_not_key_figures(briefing):
    assert rows(briefing, 66) == []


def test_casualties_reported_by_every_outlet_rank_first(briefing):
    top = briefing.figures[0]
    assert top.label == "120" and top.counts == "people" and top.sources == ("daily", "wire")
    assert {r.figure.qualifier for r in top.reports} == {"at least"}


def test_casualty_counts_without_a_noun_are_kept_with_nothing_invented(briefing):
    (injured,) = rows(briefing, 3000)
    assert injured.counts == ""
    assert "3,000 injured" in injured.context


def test_background_from_another_year_comes_after_the_story_own_figures(briefing):
    labels = [f.label for f in briefing.figures]
    assert "200,000" in labels and "$25 million" in labels
    assert labels.index("200,000") > labels.index("$25 million") > labels.index("120")


def test_what_it_counts_is_a_noun_phrase_or_empty(briefing):
    units = {r.figure.unit for f in briefing.figures for r in f.reports} - {None}
    for figure in briefing.figures:
        assert figure.counts not in units
        assert not figure.counts.endswith(("ed", "ly")), figure.counts
