"""Every sentence on a briefing is right, stands alone and can be checked: citations only where an
outlet states the same fact (with its sentence), summary sentences that read alone, a headline from
the outlets' own, and a comparison that says something. Articles here are written for the tests."""
from __future__ import annotations

from datetime import datetime

from digest.briefing import build_briefing
from digest.briefing.standalone import dated, fault
from digest.models import RawArticle, Source

from conftest import restore, stories


def briefing_of(articles: list[tuple[str, str, str | None, str]]):
    """(outlet key, text, title, ISO date) -> the briefing of the one story they make."""
    raws = [RawArticle(id=f"{key}-{n}", path=f"{key}-{n}.md", source=Source(key, key.title()), raw_text=text,
                       title=title, published=datetime.fromisoformat(day))
            for n, (key, text, title, day) in enumerate(articles)]
    found = stories(restore(raws))
    assert len(found) == 1, [len(s.articles) for s in found]
    return build_briefing(found[0])


# ---------------------------------------------------------------- citations

def test_an_outlet_naming_the_same_person_for_another_fact_is_not_cited(seed_briefing):
    alloush = [s for s in seed_briefing.summary if "Omar Alloush" in s.text and "eastern Syria" in s.text]
    for sentence in alloush:
        assert {c.source for c in sentence.citations} == {"reuters"}


def test_every_citation_carries_the_outlets_own_supporting_sentence(seed_briefing):
    for sentence in seed_briefing.summary:
        for citation in sentence.citations:
            article = next(a for a in seed_briefing.story.articles if a.id == citation.article_id)
            assert citation.sentence and any(citation.sentence in s.text for s in article.sentences)
    cited_twice = [s for s in seed_briefing.summary if len(s.citations) == 2]
    assert cited_twice, "the final assault is reported by both outlets"
    bbc = next(c for c in cited_twice[0].citations if c.source == "bbc")
    assert "final assault" in bbc.sentence


def test_a_different_number_or_a_negation_is_not_the_same_fact():
    briefing = briefing_of([
        ("wire", "The city council approved a budget of 40 new schools on Tuesday, the mayor said.\n"
                 "Council members said the schools would open in the autumn of next year.\n"
                 "The mayor said the plan was the largest in the city's history.", "Council backs school plan", "2021-05-04"),
        ("daily", "The city council approved a budget of 30 new schools on Tuesday, the mayor said.\n"
                  "The mayor did not say the plan was the largest in the city's history.\n"
                  "Council members expect the schools to open next autumn.", "Schools plan approved", "2021-05-04"),
    ])
    for sentence in briefing.summary:
        for citation in sentence.citations:
            if citation.article_id != sentence.article_id:
                assert ("40" in sentence.text) == ("40" in citation.sentence)
                assert ("not" in sentence.text) == ("not" in citation.sentence)


def test_a_retracted_or_denied_report_does_not_support_the_report():
    from digest.briefing.support import same_polarity

    assert not same_polarity("The Daily Post was first to report that the minister was warned by police.",
                             "The Daily Post retracted its report that the minister had been warned by police.")
    assert not same_polarity("The paper reported that the minister accepted bribes.",
                             "The minister denied allegations that he accepted bribes.")
    assert same_polarity("Three papers retracted the report on Saturday.", "The report was retracted by three papers.")
    # denying someone a right is no denial of a report
    assert same_polarity("The court ruled against the school board.",
                         "The court ruled against the school board that denied him the right to use the library.")


# ---------------------------------------------------------------- sentences that stand alone

def test_sentences_that_cannot_stand_alone_are_recognised():
    assert fault("this is the final battle, he said.") == "lowercase start"
    assert fault('[15 billion lei] is a lot of money for a television station to raise."') == "mid-quote"
    assert fault("Did you see him get on to a bus that morning?") == "question"
    assert fault("The coalition will keep operating in the city, he said.") == "antecedent"
    assert fault("The move was criticised by opposition parties in parliament.") == "antecedent"
    assert fault("January 18, 2005Through a telethon, Romanians raised money.") == "glued dateline"
    assert fault("* AP - Confirmed death toll passed 121,000 on Sunday.") == "list item"
    assert fault("The council approved a budget of 40 new schools on Tuesday.") is None


def test_no_summary_sentence_of_the_seed_leans_on_its_neighbours(seed_briefing):
    assert all(fault(s.text) is None for s in seed_briefing.summary)
    assert not any(s.text.startswith("Bali described") for s in seed_briefing.summary)


def test_a_relative_time_gets_its_articles_date():
    from datetime import date

    assert dated("An earthquake struck off the coast of Haiti earlier today at 21:53 UTC.", date(2010, 1, 12)) == (
        "An earthquake struck off the coast of Haiti earlier today (as of January 12, 2010) at 21:53 UTC.")
    assert dated("Rescue efforts ended for the quake that hit eleven days ago.", date(2010, 1, 23)).endswith(
        "eleven days ago (as of January 23, 2010).")
    assert dated("The quake struck on Tuesday.", date(2010, 1, 12)) == "The quake struck on Tuesday."
    # a possessive keeps its 's: the date follows it, never splits "today's"
    assert dated("Today's 196 km stage was won by Vinokourov.", date(2007, 7, 23)) == (
        "Today's (as of July 23, 2007) 196 km stage was won by Vinokourov.")
    assert "last week’s (as of March 19, 2024) collapse" in dated("It followed last week’s collapse.", date(2024, 3, 19))


# ---------------------------------------------------------------- headline

def test_the_headline_is_the_outlets_own_most_central_to_the_story_now():
    briefing = briefing_of([
        ("wire", "Heavy rain fell on the coastal town of Example on Monday as a storm approached.\n"
                 "Forecasters said the storm would reach the coast of Example within a day.", "Heavy rains hit Example", "2021-05-03"),
        ("daily", "The storm reached the coast of Example on Tuesday, flooding hundreds of homes.\n"
                  "Rescuers evacuated homes along the coast of Example as the storm flooded streets.", "Storm floods homes on the Example coast", "2021-05-04"),
        ("wire", "Rescuers evacuated more homes on Wednesday after the storm flooded the coast of Example.\n"
                 "The storm flooded streets and homes across Example, officials said.", "Storm floods Example homes, rescuers evacuate coast", "2021-05-05"),
    ])
    assert briefing.headline in {"Storm floods homes on the Example coast", "Storm floods Example homes, rescuers evacuate coast"}


def test_a_headline_changes_and_the_history_says_when():
    from digest.models import Outline
    from digest.stories.continuity import with_history

    outline = Outline.of(briefing_of([("wire", "The storm reached the coast of Example on Tuesday, flooding homes.\n"
                                                "Rescuers evacuated homes on the coast.", "Storm floods homes", "2021-05-04")]))
    previous = {outline.story.id: {"articles": [], "outlets": [], "figures": {}, "headline": "Heavy rains hit Example"}}
    (updated,), state = with_history([outline], previous)
    assert updated.history.previous_headline == "Heavy rains hit Example"
    assert updated.history.headline_changed == datetime(2021, 5, 4)
    assert any(change.startswith("new headline") for change in updated.history.changes)


# ---------------------------------------------------------------- comparison

def test_reported_by_all_does_not_repeat_the_summary(seed_briefing):
    summary = {s.text for s in seed_briefing.summary}
    assert not summary & {f.text for f in seed_briefing.comparison.shared}
    for fact in seed_briefing.comparison.shared:
        assert {c.source for c in fact.citations} == {"bbc", "reuters"} and all(c.sentence for c in fact.citations)


def test_only_one_outlet_is_judged_on_meaning(seed_briefing):
    bbc_only = [f.text for f in seed_briefing.comparison.exclusive if f.citations[0].source == "bbc"]
    # Reuters reports these in other words: "in retreat for two years", "at odds with ... the coalition"
    assert not any(t.startswith("The loss of Raqqa") for t in bbc_only)
    assert not any(t.startswith("It was one of the first large cities") for t in bbc_only)
    assert any("beheadings" in t for t in bbc_only)


def test_figure_differences_find_attribution_not_qualifier_trivia(seed_briefing):
    differences = seed_briefing.comparison.figure_differences
    attribution = [d for d in differences if d.kind == "attribution"]
    assert attribution and dict(attribution[0].attributed) == {"bbc": "the coalition", "reuters": "Talal Selo"}
    shown = {tuple(sorted(v[1] for v in d.values)) for d in differences if d.kind == "value"}
    assert ("200–300", "no more than 200–300") not in shown
    assert not any({"four months", "nearly four months"} <= {v[1] for v in d.values} for d in differences)


def test_stresses_are_names_and_words_only_that_outlet_uses(seed_briefing):
    views = {v.source: v.focus for v in seed_briefing.comparison.outlets}
    assert "jihadists" in views["reuters"] and "Laila Mostafa" in views["reuters"]
    assert not {"state", "islamic"} & set(views["reuters"])


def test_wire_copies_are_one_independent_report():
    wire = ("Rescuers pulled 12 survivors from the collapsed hotel in Example City on Monday.\n"
            "The hotel collapsed after a gas explosion late on Sunday, the fire service said.\n"
            "Officials said at least 30 guests were staying in the hotel at the time.\n"
            "The mayor ordered an inquiry into the building's gas supply.")
    briefing = briefing_of([
        ("wire", wire, "Survivors pulled from collapsed hotel", "2021-05-03"),
        ("daily", wire.replace("The mayor ordered", "Mayor Jo Example ordered"), "Hotel collapse: 12 rescued", "2021-05-04"),
        ("bbc", "A gas explosion brought down a hotel in Example City, killing at least four people.\n"
                "Rescue teams searched the rubble through the night for guests.", "Example City hotel explosion kills four", "2021-05-03"),
    ])
    (reports,) = briefing.comparison.independence
    assert (reports.outlets, reports.independent) == (3, 2)
    assert [(c[0], c[1]) for c in reports.copies] == [("daily", "wire")]
