"""Events and storylines (issue 19): one development is one briefing; a matter's developments are
linked into a storyline; a shared country or day is no reason to merge; languages stay apart
unless the same names and numbers say it is one event. Articles written for these tests."""
from datetime import datetime

from digest.models import RawArticle, Source
from digest.stories.identity import storylines_state

from conftest import ROOT, grouped, read_corpus, restore, stories


def article(article_id, outlet, day, title, text, lang="en"):
    return RawArticle(id=article_id, path=f"{article_id}.md", source=Source(outlet, outlet.title()), raw_text=text,
                      title=title, published=datetime.fromisoformat(day), lang=lang)


def events_of(raws):
    return sorted(sorted(a.id for a in story.articles) for story in stories(restore(raws)))


SAME_COUNTRY_SAME_DAY = [
    article("football-party", "tabloid", "2023-06-12", "Croatian striker pictured at late-night party before qualifier",
            "Croatia's striker Ivo Maric was photographed at a party in Split on Saturday night, two days before the "
            "national team's qualifier. The Croatian Football Federation said it would speak to the 24-year-old. "
            "Maric apologised on social media and said he had left the party before midnight."),
    article("overtourism", "daily", "2023-06-12", "Dubrovnik report warns of overtourism as cruise arrivals climb",
            "A report commissioned by Dubrovnik's city council found that cruise passengers crowd the old town on 140 "
            "days a year. Croatia welcomed 18 million foreign visitors last year, and residents of the walled city "
            "have fallen to under 1,500. The report recommends a daily cap of 4,000 cruise visitors."),
    article("tax-ruling", "business", "2023-06-12", "Croatian constitutional court strikes down property tax on holiday homes",
            "Croatia's constitutional court ruled on Monday that a tax on second homes breached the principle of equal "
            "treatment. The finance ministry had expected the levy to raise 310 million euros. Judges gave parliament "
            "six months to pass a new law."),
    article("festival", "culture", "2023-06-12", "Zagreb jazz festival announces headliners for its tenth edition",
            "The Zagreb Summer Jazz Festival announced its line-up for July, with 35 concerts on four stages along the "
            "Sava. Organisers expect 60,000 visitors to the Croatian capital for the tenth edition. Tickets go on sale "
            "on Friday."),
    article("police-ceremony", "wire", "2023-06-12", "Croatian police honour officers at annual ceremony in Osijek",
            "Croatia's interior minister handed medals to 27 police officers at a ceremony in Osijek on Monday. "
            "Two of the officers were decorated for rescuing a family during the spring floods. The ceremony marks "
            "the founding of the Croatian police in 1990."),
]


def test_five_unrelated_articles_about_one_country_on_one_day_are_five_events():
    assert events_of(SAME_COUNTRY_SAME_DAY) == [[a.id] for a in sorted(SAME_COUNTRY_SAME_DAY, key=lambda a: a.id)]


def test_the_demo_corpus_beside_them_does_not_merge_them_either():
    corpus = read_corpus(ROOT / "content")
    events = events_of(list(corpus.articles) + SAME_COUNTRY_SAME_DAY)
    for raw in SAME_COUNTRY_SAME_DAY:
        assert [raw.id] in events, f"{raw.id} shares an event: {[e for e in events if raw.id in e]}"
    assert ["seeds/bbc-raqqa-final-assault", "seeds/reuters-raqqa-final-assault"] in events


CONSECUTIVE = [
    # a proposal, then the vote on it nine days later
    article("proposal-wire", "wire", "2024-03-04", "Leeds council proposes congestion charge for city centre",
            "Leeds city council proposed on Monday a daily congestion charge of 8 pounds for cars entering the city "
            "centre. Council leader Maya Okafor said the charge would cut traffic by a fifth and raise 40 million "
            "pounds a year for buses. Councillors will vote on the plan next week."),
    article("proposal-daily", "daily", "2024-03-04", "Drivers face 8-pound charge under Leeds plan",
            "Drivers entering central Leeds would pay 8 pounds a day under a congestion charge proposed by the city "
            "council. Maya Okafor, the council leader, said the plan would fund new bus routes. Business groups said "
            "the proposal would hurt shops."),
    article("vote-wire", "wire", "2024-03-13", "Leeds councillors vote to approve congestion charge",
            "Leeds councillors voted 52 to 31 on Wednesday to approve the city centre congestion charge. The 8-pound "
            "daily charge will start in January. Maya Okafor said the vote was a turning point for the city's "
            "transport."),
    article("vote-daily", "daily", "2024-03-13", "Congestion charge passes after heated Leeds council vote",
            "After a five-hour debate, Leeds city council voted 52 to 31 to approve the congestion charge. Opposition "
            "councillors walked out before the vote. The charge will start in January, Okafor said."),
    # an advisory panel's recommendation, then the agency's approval three days later
    article("panel-wire", "wire", "2024-05-06", "Advisory panel backs Novexa malaria vaccine for children",
            "An independent advisory panel voted 11 to 2 on Monday to recommend the Novexa malaria vaccine for "
            "children under five. The panel said the vaccine cut severe malaria by 68 percent in trials. The medicines "
            "agency is expected to decide within days."),
    article("panel-daily", "daily", "2024-05-06", "Experts recommend Novexa vaccine after trial data review",
            "Experts advising the medicines agency recommended the Novexa malaria vaccine, citing trial results "
            "showing a 68 percent drop in severe cases. Two of the 13 panel members voted against, citing limited data "
            "on older children."),
    article("approval-wire", "wire", "2024-05-09", "Medicines agency approves Novexa malaria vaccine",
            "The medicines agency on Thursday approved the Novexa malaria vaccine for children under five, following "
            "the advisory panel's recommendation. The first 2 million doses will ship in June, the maker said."),
    article("approval-daily", "daily", "2024-05-09", "Novexa vaccine cleared for use, first doses in June",
            "Regulators cleared the Novexa malaria vaccine on Thursday. The agency approved its use in children under "
            "five; the maker said 2 million doses would ship in June."),
]


def test_consecutive_developments_are_separate_events_in_one_storyline():
    found = grouped(restore(CONSECUTIVE))
    events, storylines = found.events, found.storylines
    members = {s.id: sorted(a.id for a in s.articles) for s in events}
    assert sorted(members.values()) == [["approval-daily", "approval-wire"], ["panel-daily", "panel-wire"],
                                        ["proposal-daily", "proposal-wire"], ["vote-daily", "vote-wire"]]
    lines = sorted([members[e] for e in line.events] for line in storylines)
    assert lines == [[["panel-daily", "panel-wire"], ["approval-daily", "approval-wire"]],  # oldest first
                     [["proposal-daily", "proposal-wire"], ["vote-daily", "vote-wire"]]]


def test_a_storyline_keeps_its_id_when_its_next_event_arrives():
    first = grouped(restore(CONSECUTIVE[:2]))
    state = {"stories": {s.id: {"slug": s.slug, "articles": sorted(a.id for a in s.articles)} for s in first.events},
             "storylines": storylines_state(first.storylines)}
    later = grouped(restore(CONSECUTIVE[:4]), previous=state)
    assert len(later.storylines) == 1 and len(later.storylines[0].events) == 2
    assert (later.storylines[0].id, later.storylines[0].slug) == (first.storylines[0].id, first.storylines[0].slug)
    assert later.storylines[0].events[0] == first.events[0].id  # the proposal, oldest first


GERMAN = [
    article("de-budget-1", "zeitung", "2024-11-20", "Bundestag beschließt Haushalt für 2025",
            "Der Bundestag hat am Mittwoch den Haushalt für das kommende Jahr beschlossen. Die Regierung plant "
            "Ausgaben von 481 Milliarden Euro. Die Opposition kritisierte die hohe Neuverschuldung scharf.", "de"),
    article("de-budget-2", "rundschau", "2024-11-20", "Haushalt 2025: Bundestag stimmt mit knapper Mehrheit zu",
            "Mit knapper Mehrheit hat der Bundestag den Haushalt beschlossen. Vorgesehen sind Ausgaben von 481 "
            "Milliarden Euro, die Neuverschuldung steigt deutlich. Die Regierung verteidigte den Plan.", "de"),
    article("de-flood-1", "zeitung", "2024-11-20", "Hochwasser in Passau: Altstadt überflutet",
            "In Passau hat die Donau am Mittwoch die Altstadt überflutet. Die Feuerwehr brachte 300 Bewohner in "
            "Sicherheit. Der Pegel stieg auf neun Meter, die Stadt rief den Katastrophenfall aus.", "de"),
    article("de-flood-2", "rundschau", "2024-11-20", "Katastrophenfall in Passau nach Donau-Hochwasser",
            "Die Stadt Passau hat wegen des Hochwassers den Katastrophenfall ausgerufen. Die Donau erreichte einen "
            "Pegel von neun Metern. Rund 300 Menschen mussten ihre Wohnungen verlassen.", "de"),
]
ENGLISH = [
    article("en-strike-1", "wire", "2024-11-20", "Dock workers strike at Rotterdam port",
            "Dock workers at the port of Rotterdam walked out on Wednesday over pay, halting container traffic. The "
            "union said 4,000 workers joined the strike. Shipping lines diverted vessels to Antwerp."),
    article("en-strike-2", "daily", "2024-11-20", "Rotterdam port strike halts containers",
            "A strike by 4,000 dock workers stopped container handling at Rotterdam on Wednesday. The union is asking "
            "for a 9 percent raise. Several ships were sent to Antwerp instead."),
    article("en-election-1", "wire", "2024-11-20", "Ruling party wins Mauritius election",
            "The ruling party won 41 of 62 seats in Mauritius's general election, results showed on Wednesday. Prime "
            "Minister Ravi Doorgakant claimed victory in Port Louis."),
    article("en-election-2", "daily", "2024-11-20", "Doorgakant claims victory in Mauritius",
            "Ravi Doorgakant's party took 41 of the 62 seats in the Mauritius election. The opposition conceded in "
            "Port Louis on Wednesday evening."),
]


def test_german_and_english_articles_mixed_keep_their_events_apart():
    assert events_of(GERMAN + ENGLISH) == [["de-budget-1", "de-budget-2"], ["de-flood-1", "de-flood-2"],
                                           ["en-election-1", "en-election-2"], ["en-strike-1", "en-strike-2"]]


def test_german_stop_words_and_capitalised_nouns_are_no_evidence():
    from digest.stories.evidence import article_markers, word_analyzer

    assert "und" not in word_analyzer("de")("Die Regierung und die Opposition")
    restored = restore([GERMAN[0]])[0]
    names = {m for m in article_markers(restored) if m.startswith("n:")}
    assert "n:regierung" not in names and "n:opposition" not in names  # every German noun is capitalised



def test_how_strongly_an_events_reports_link_does_not_move_when_other_matters_join_the_corpus():
    # Local scaling divides by the similarity to each article's nearest neighbours: those must be its own
    # event's reports, not whatever related stories the corpus happens to hold (a bigger corpus holds more).
    import numpy as np

    from digest.config import GroupingConfig
    from digest.stories.linkage import locally_scaled

    config = GroupingConfig()
    event = {(0, 1): 0.5, (2, 3): 0.5, (0, 2): 0.2, (0, 3): 0.2, (1, 2): 0.2, (1, 3): 0.2}  # four reports of one event

    def scaled_within_event(others: float) -> np.ndarray:
        """Seven articles: the event's four and three of another matter, `others` similar to each report."""
        pairs = dict(event) | {(a, b): others for a in range(4) for b in range(4, 7)} | {(4, 5): 0.5, (4, 6): 0.5, (5, 6): 0.5}
        i, j = (np.array(side) for side in zip(*pairs))
        sim = np.array(list(pairs.values()), dtype=np.float32)
        scaled = locally_scaled(7, i, j, sim, config.neighbours, config.density_floor)
        return scaled[:len(event)]

    alone, beside_a_related_matter = scaled_within_event(0.0), scaled_within_event(0.15)
    assert np.allclose(alone, beside_a_related_matter)


def test_two_otherwise_isolated_articles_need_a_tenth_of_the_evidence_to_be_one_event():
    # With few neighbours, two articles that are each other's only neighbours scale each other up to
    # the full score: the floor keeps the evidence they need absolute (0.1 of the combined score)
    import numpy as np

    from digest.config import GroupingConfig
    from digest.stories.linkage import average_link, locally_scaled

    config = GroupingConfig()

    def one_event(evidence: float) -> bool:
        i, j, sim = np.array([0]), np.array([1]), np.array([evidence], dtype=np.float32)
        scaled = locally_scaled(2, i, j, sim, config.neighbours, config.density_floor)
        return len(set(average_link(2, i, j, scaled, config.threshold))) == 1

    assert not one_event(0.09)
    assert one_event(0.11)


def storylines_holding(raws, among=()):
    """The storylines (as lists of article ids) that hold any of `raws`, grouped with `among` beside them."""
    found = grouped(restore(list(among) + list(raws)))
    members = {s.id: [a.id for a in s.articles] for s in found.events}
    ids = {raw.id for raw in raws}
    lines = [sorted(a for event in line.events for a in members[event]) for line in found.storylines]
    return sorted(line for line in lines if ids & set(line))


def test_five_unrelated_stories_of_one_country_are_five_storylines_too():
    # A shared country is weak evidence among the words as among the names, and events with no
    # actor in common are no matter followed over time: alone, and beside a hundred other articles
    five = [[a.id] for a in sorted(SAME_COUNTRY_SAME_DAY, key=lambda a: a.id)]
    assert storylines_holding(SAME_COUNTRY_SAME_DAY) == five
    assert storylines_holding(SAME_COUNTRY_SAME_DAY, among=read_corpus(ROOT / "content").articles) == five
    assert len(grouped(restore(GERMAN + ENGLISH)).storylines) == 4


BRIDGE = [
    # a matter followed over two years: the collapse, the inquiry's finding, the reopening
    article("bridge-collapse", "wire", "2022-03-14", "Velmora bridge collapses into the Tarn, killing three",
            "A section of the Pont Aubrac in Velmora collapsed into the river Tarn on Monday morning, killing three "
            "drivers and injuring eleven. Mayor Hélène Castagnet ordered every bridge in the town closed. Engineers "
            "said the 1962 concrete span had been due for repairs since 2017."),
    article("bridge-inquiry", "daily", "2023-05-02", "Inquiry blames corrosion for Velmora bridge collapse",
            "Corroded steel cables caused last year's collapse of the Pont Aubrac in Velmora, a government inquiry "
            "found on Tuesday. The report said inspectors had flagged the rust in 2017 but repairs were never funded. "
            "Hélène Castagnet, the mayor, called for the regional transport chief to resign."),
    article("bridge-reopens", "wire", "2024-06-20", "Pont Aubrac open to traffic again",
            "Cars and cyclists crossed the Pont Aubrac on Thursday morning as the town celebrated with a brass band and "
            "fireworks over the water. The new deck rests on four steel arches and carries a cycle lane. Shops on the "
            "north bank said trade had fallen by half while the crossing was shut."),
]


def test_a_matter_followed_over_years_stays_one_storyline():
    assert storylines_holding(BRIDGE, among=read_corpus(ROOT / "content").articles) == [
        ["bridge-collapse", "bridge-inquiry", "bridge-reopens"]]


TWO_TOWNS = [
    # two towns' floods fifteen months apart: alike in words, and both quote a "Mayor"
    article("flood-riverton", "gazette", "2020-05-01", "Flood forces hundreds from their homes in Riverton",
            "Floodwater covered the valley town of Riverton on Friday, forcing 1,200 residents from their homes, Mayor "
            "Jane Doe said. Residents reported the water rising around 300 homes within an hour. Emergency crews opened "
            "two shelters in school gyms."),
    article("storm-port-alder", "wire", "2021-07-31", "Storm floods homes along the coast near Port Alder",
            "A storm made landfall near Port Alder on Saturday, flooding homes and cutting power to 40,000 residents, "
            "Mayor Helen Okafor said. Water rose around hundreds of homes on the seafront. Emergency crews opened the "
            "town's two shelters."),
]


def test_a_title_in_common_is_no_actor_in_common():
    assert storylines_holding(TWO_TOWNS) == [["flood-riverton"], ["storm-port-alder"]]


def test_a_storyline_summary_hears_from_every_event_not_only_the_newest():
    """A matter followed over many events: its summary reads articles across all of them (the
    newest of each event first), at most Limits.storyline_summary_articles, in date order."""
    from datetime import timedelta

    from digest.briefing.storyline import articles_across
    from digest.config import Limits
    from digest.models import Article, Sentences

    SUMMARY_ARTICLES = Limits().storyline_summary_articles
    start = datetime(2024, 1, 1)
    events = [tuple(Article(id=f"e{e:02d}-a{a:02d}", path="x.md", source=Source("wire", "Wire"), sentences=Sentences(),
                            published=start + timedelta(days=3 * e, hours=a)) for a in range(12))
              for e in range(30)]
    chosen = articles_across(events, SUMMARY_ARTICLES)
    assert len(chosen) == SUMMARY_ARTICLES
    assert {a.id[:3] for a in chosen} == {f"e{e:02d}" for e in range(30)}  # every event is heard
    assert "e29-a11" in {a.id for a in chosen} and "e29-a10" in {a.id for a in chosen}  # newest events give a second
    assert [a.published for a in chosen] == sorted(a.published for a in chosen)
    small = [events[0][:3], events[1][:2]]
    assert [a.id for a in articles_across(small, SUMMARY_ARTICLES)] == ["e00-a00", "e00-a01", "e00-a02", "e01-a00", "e01-a01"]


def test_when_an_old_story_splits_the_part_holding_its_founder_keeps_its_page():
    """A state file from a build that held the proposal and the vote as one story (its slug names
    the proposal's day and headline): the proposal's event keeps that id and page, although the
    vote's event holds as many of its articles; the vote's event gets a page of its own."""
    articles = restore(CONSECUTIVE[:4])
    old = {"old-story": {"slug": "2024-03-04-leeds-council-proposes-congestion-charge-for-city",
                         "articles": sorted(a.id for a in articles)}}
    events = grouped(articles, previous={"stories": old}).events
    by_founder = {min(a.id for a in e.articles): e for e in events}
    assert (by_founder["proposal-daily"].id, by_founder["proposal-daily"].slug) == ("old-story", old["old-story"]["slug"])
    assert by_founder["vote-daily"].id != "old-story" and by_founder["vote-daily"].slug.startswith("2024-03-13-")


def test_storylines_from_the_candidate_search_match_all_pairs():
    """Beyond storyline_all_pairs_limit events the candidate search proposes the pairs (a year of
    news has too many events for all pairs); on a small corpus it finds the same storylines."""
    from digest.config import GroupingConfig

    articles = restore(CONSECUTIVE + SAME_COUNTRY_SAME_DAY)
    def lines(grouping):
        result = grouped(articles, grouping)
        members = {e.id: tuple(sorted(a.id for a in e.articles)) for e in result.events}
        return sorted(sorted(members[e] for e in line.events) for line in result.storylines)
    assert lines(GroupingConfig(storyline_all_pairs_limit=1)) == lines(GroupingConfig())
