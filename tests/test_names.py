"""Names and speakers (issue 21): each kind of fault, on sentences written for these tests."""
from __future__ import annotations

import pytest

from digest.briefing.names import name_mentions, quotes_by_article, story_entities, story_names
from digest.models import Article, Sentence, Sentences, Source

WIRE = Source("wire", "Example Wire")


def article(*sentences: str, source: Source = WIRE, key: str = "a1") -> Article:
    return Article(id=key, path=f"{key}.md", source=source, sentences=Sentences.of(Sentence(text, i, i) for i, text in enumerate(sentences)))


def kinds(*sentences: str) -> dict[str, str]:
    return {e.name: e.kind for e in story_entities([article(*sentences)])}


def names_in(sentence: str) -> list[str]:
    return [m.name for m in name_mentions(sentence)]


# ---------------------------------------------------------------- what is never a name

@pytest.mark.parametrize("sentence, not_a_name", [
    ("The ceremony starts at 12 noon BST on Friday in London.", "BST"),
    ("Rescuers arrived at 06:34 UTC, officials in Santiago said.", "UTC"),
    ("The plane left Paris at 22:03 GMT on Sunday.", "GMT"),
    ("Voting closes in March in Ohio, and again in November.", "March"),
    ("The talks resume on Wednesday in Geneva.", "Wednesday"),
    ("The shop opens Mon-Fri near Tulsa.", "Mon-Fri"),
])
def test_time_zones_months_and_weekdays_are_never_names(sentence, not_a_name):
    assert not any(not_a_name in name for name in names_in(sentence))


def test_titles_and_ranks_are_left_out_of_the_names_they_precede():
    assert names_in("Jurors said U.S. Army Spc. Charles Graner abused prisoners.") == ["U.S. Army", "Charles Graner"]
    assert names_in("Foreign Minister Sergei Lavrov met reporters.") == ["Sergei Lavrov"]
    assert names_in("British Prime Minister Tony Blair spoke first.") == ["Tony Blair"]
    assert names_in("Defence Secretary Des Browne ordered a review.") == ["Des Browne"]
    assert names_in("The prosecutor, Neil Flewitt QC, showed the footage.") == ["Neil Flewitt"]
    assert names_in("She met London Mayor Boris Johnson.") == ["London", "Boris Johnson"]


def test_a_plural_title_is_left_out_of_the_names_it_precedes_but_a_team_keeps_its_name():
    assert names_in("The raid was led by Generals Mark Obi and Ivan Sorel.") == ["Mark Obi", "Ivan Sorel"]
    assert names_in("Two guards, Sgts. Varga and Lund, were charged.") == ["Varga", "Lund"]
    assert names_in("The Ottawa Senators beat the Kansas City Chiefs.") == ["Ottawa Senators", "Kansas City Chiefs"]


def test_a_title_or_rank_alone_is_no_tag():
    tagged = kinds("The Army Spc said the Governor would decide.", "The Army Spc was not named.")
    assert not any(word in name for name in tagged for word in ("Spc", "Governor"))


def test_a_capitalised_say_verb_is_not_part_of_the_name():
    # truecasing sometimes capitalises "said" after a name it learned
    assert names_in("Selo Said the convoy was still in Raqqa.") == ["Selo", "Raqqa"]
    assert names_in("The battle will take time, Dillon Said on Monday.") == ["Dillon"]


def test_a_name_ends_where_another_begins():
    assert names_in("The cyclist Alexander Vinokourov of Kazakhstan won the stage.") == ["Alexander Vinokourov", "Kazakhstan"]
    assert names_in("The Bank of England held rates.") == ["Bank of England"]
    assert names_in("Aid reached the U.S. It came by sea.") == ["U.S."]
    assert names_in("US-backed fighters entered Syria's Raqqa.") == ["US", "Syria", "Raqqa"]
    assert names_in("Olympic officials in Beijing China denied it.")[-2:] == ["Beijing", "China"]


def test_two_small_towns_names_together_are_a_persons_name_and_a_city_and_its_state_are_two_places():
    assert names_in("The court heard Morley Hastings on Friday.") == ["Morley Hastings"]
    assert names_in("Flooding hit Houston Texas on Monday.") == ["Houston", "Texas"]
    tagged = kinds("The judge sentenced Morley Hastings, 31, on Friday.", "Hastings was cleared of two charges.",
                   "Lawyers for Hastings appealed.")
    assert tagged.get("Morley Hastings") == "person" and "Hastings" not in tagged


def test_a_sentences_first_word_starts_no_name_unless_it_is_one():
    assert names_in("Under the plan, Raqqa will be rebuilt.") == ["Raqqa"]
    assert names_in("Visiting Russia, the minister praised Moscow.") == ["Russia", "Moscow"]
    assert names_in("Paris welcomed the team.") == ["Paris"]


# ---------------------------------------------------------------- typing from evidence

def test_a_titled_name_is_a_person_even_in_a_small_article():
    tagged = kinds('"We will not accept this," Foreign Minister Sergei Lavrov said in Moscow.',
                   "Jack Morrow, a spokesman for the port, said ships were waiting.")
    assert tagged["Sergei Lavrov"] == "person"
    assert tagged["Jack Morrow"] == "person"


def test_a_phrase_after_a_comma_that_mentions_a_role_is_no_appositive():
    tagged = kinds("Photo: Harbor Lights, provided by the owners.", "Harbor Lights opened in 2010.",
                   "Nell Brody, a bar owner, said trade was slow.")
    assert tagged.get("Harbor Lights") != "person"
    assert tagged.get("Nell Brody") == "person"


def test_a_person_named_with_a_given_name_is_a_person_not_an_organisation():
    tagged = kinds("Hasib Hussain boarded a bus in London.", "Police said Hasib Hussain was 18.")
    assert tagged["Hasib Hussain"] == "person"


def test_a_name_opening_with_initials_is_a_persons_but_a_short_form_opens_an_institution():
    tagged = kinds("The court heard from A.J. Corrigan on Monday.", "U.S. Army trucks left the base.")
    assert tagged.get("A.J. Corrigan") == "person"
    assert tagged.get("United States Army") == "organisation"


def test_organisations_are_organisations():
    tagged = kinds("The Syrian Democratic Forces (SDF) began the offensive.", "The SDF said the city would fall.",
                   "Al Qaeda claimed the attack, and al-Qaeda's leaders praised it.")
    assert tagged["Syrian Democratic Forces"] == "organisation"
    assert tagged["Al-Qaeda"] == "organisation"


def test_events_and_works_are_not_people():
    tagged = kinds("The Summer Olympics opened in Beijing.", "Athletes at the Summer Olympics marched.",
                   "The Tour de France reached Paris, where the Tour ended.")
    assert "Summer Olympics" not in tagged and "Tour" not in tagged and "Tour de France" not in tagged
    assert tagged["Beijing"] == "place"


def test_a_title_after_film_series_or_album_is_a_work_not_a_person():
    tagged = kinds("The film Jonah Pike opened in May.", "Critics liked the comedy Jonah Pike.",
                   "Nora Vale produced it.")
    assert "Jonah Pike" not in tagged
    assert tagged.get("Nora Vale") == "person"


def test_performing_in_a_town_is_no_work_but_starring_in_a_title_is():
    tagged = kinds("The choir performed in Marlow last spring.", "Rosa Quint starred in Velvet Hours.",
                   "Critics liked Velvet Hours.")
    assert tagged.get("Marlow") == "place"
    assert "Velvet Hours" not in tagged


def test_an_english_word_that_is_a_rare_first_name_starts_no_persons_name():
    tagged = kinds("Art Nouveau shaped the old quarter of the town.", "Visitors come for its Art Nouveau facades.",
                   "Frank Delmore restored two of them.", "Grace Okafor paid for the work.")
    assert tagged.get("Art Nouveau") != "person"
    assert tagged.get("Frank Delmore") == "person" and tagged.get("Grace Okafor") == "person"


def test_a_name_opening_with_a_french_or_spanish_article_is_no_persons_name():
    tagged = kinds("Les Halles reopened after the works.", "Shoppers crowded into Les Halles.",
                   "Los Pinares lies on the coast.", "Ferries stop at Los Pinares.")
    assert tagged.get("Les Halles") != "person" and tagged.get("Los Pinares") != "person"


def test_a_one_word_name_the_story_only_puts_things_in_is_a_place():
    tagged = kinds("Kelvarra has one hotel.", "The ferry stops in Kelvarra twice a day.",
                   "Mina Oduya studied at Corvane.", "Later she taught at Corvane.")
    assert tagged.get("Kelvarra") == "place"
    assert "Corvane" not in tagged  # 'at' is an organisation's as often


def test_a_surname_ending_in_s_is_no_plural_noun():
    tagged = kinds("Dana Gross interviewed the author on Monday.", "Kelly Spears chaired the panel.",
                   "Visitors crowd Rose Gardens in June.")
    assert tagged.get("Dana Gross") == "person" and tagged.get("Kelly Spears") == "person"
    assert tagged.get("Rose Gardens") != "person"


def test_a_saint_is_no_place_unless_the_gazetteer_has_the_town():
    tagged = kinds("Pilgrims visit the shrine of St. Rupert.", "Rupert founded the abbey in 700.",
                   "St. Rupert is shown with a salt barrel.", "St. Louis has a new stadium.", "Fans in St. Louis cheered.")
    assert tagged.get("St. Rupert") != "place"
    assert tagged.get("St. Louis") == "place"


def test_a_name_joined_by_and_to_a_typed_name_shares_its_kind():
    tagged = kinds("Floods hit Leeds and Kelbrook on Monday.", "Buses between York and Kelbrook stopped.",
                   "Rivers rose in Harwin too.")
    assert tagged.get("Kelbrook") == "place"
    assert "Harwin" not in tagged  # one 'in' alone is not enough


def test_a_surname_is_not_a_place():
    tagged = kinds("President George W. Bush visited the troops.", "Bush said the mission went on.",
                   "Mr Bush flew back to Washington.")
    assert tagged.get("George W. Bush") == "person" and "Bush" not in tagged


def test_a_name_the_story_shortens_to_a_surname_or_first_name_is_a_persons():
    # No title, role or say-verb: only the story's habit of naming a person in full, then briefly
    tagged = kinds("Tavita Oyelaran opened the new clinic in the valley.", "Oyelaran had planned it for years.",
                   "Ingrid Moss built its roof.", "Later Ingrid painted the walls.",
                   "The Ferro Grammar course starts in May.", "Grammar lessons follow it.")
    assert tagged.get("Tavita Oyelaran") == "person" and tagged.get("Ingrid Moss") == "person"
    assert tagged.get("Ferro Grammar") != "person"  # a common word alone is no surname


def test_a_place_after_a_comma_places_a_town_but_a_small_towns_name_may_be_a_surname():
    tagged = kinds("Aid reached Tel Marduk, Syria, on Monday.", "Police searched homes in Ferrow Vale, Leeds.",
                   "Against the Kestrel Herons, Morley scored twice.", "The Kestrel Herons lost the final.",
                   "She studied at the Institute of Marine Studies, Bristol.")
    assert tagged.get("Tel Marduk") == "place" and tagged.get("Ferrow Vale") == "place"
    assert tagged.get("Kestrel Herons") != "place"
    assert tagged.get("Institute of Marine Studies") != "place"  # an institution, where it is


def test_a_name_made_of_a_city_and_more_words_is_an_organisation():
    tagged = kinds("Fans of the San Antonio Spurs cheered.", "The San Antonio Spurs lost in May.",
                   "The Santa Fe Courier printed the result.", "The St. Louis Comets won at home.")
    assert tagged.get("San Antonio Spurs") == "organisation" and tagged.get("St. Louis Comets") == "organisation"
    assert tagged.get("Santa Fe Courier") == "organisation"


def test_a_one_word_name_is_a_person_when_sentences_call_it_he_or_she():
    tagged = kinds("Okonjo grew up in a small village, where his father farmed.",
                   "Okonjo moved to the city after he finished school.", "Okonjo said the work was hard.",
                   "Vantelis said it would close the factory.", "Vantelis cut 200 jobs in May.")
    assert tagged.get("Okonjo") == "person"
    assert "Vantelis" not in tagged  # named alone, and 'it': no evidence of a person


def test_a_one_word_name_is_a_person_when_the_next_sentences_call_it_he_or_she():
    tagged = kinds("Tovaris opened the bakery in 1990.", "He sold it in 2001.", "Tovaris later opened a second shop.",
                   "His son runs it now.", "Tovaris said sales were good.",
                   "Kelmarsh lies on the river.", "Its bridge is old.")
    assert tagged.get("Tovaris") == "person" and tagged.get("Kelmarsh") != "person"


def test_a_place_with_a_persons_first_word_is_still_a_place():
    tagged = kinds("Prisoners at Abu Ghraib prison were abused.", "The Abu Ghraib prison is near Baghdad.")
    assert tagged["Abu Ghraib"] == "place"


def test_a_people_before_a_place_names_a_place():
    tagged = kinds("Fighting spread across Iraqi Kurdistan on Monday.", "Iraqi Kurdistan held a vote.",
                   "Hadrian built a wall in Roman Britain.")
    assert tagged.get("Iraqi Kurdistan") == "place" and tagged.get("Roman Britain") == "place"


def test_a_compass_point_before_a_place_names_a_place():
    tagged = kinds("Power failed across North Leeds on Monday.", "Crews reached North Leeds by noon.",
                   "Southern Ohio had storms too.")
    assert tagged.get("North Leeds") == "place" and tagged.get("Southern Ohio") == "place"


def test_peoples_and_faiths_are_no_tags():
    tagged = kinds("Iranian guards seized the sailors.", "Haitians queued for water, and Chinese officials flew in.")
    assert not {"Iranian", "Haitians", "Chinese"} & set(tagged)


# ---------------------------------------------------------------- one entity, one name

def test_short_forms_of_well_known_names_are_one_entity():
    tagged = kinds("US troops left Iraq.", "The U.S. embassy stayed open.", "The United States sent aid.",
                   "The UK and the United Kingdom's navy helped.", "AP reported it first.",
                   "The Associated Press said so.")
    assert tagged["United States"] == "place" and tagged["United Kingdom"] == "place"
    assert tagged["Associated Press"] == "organisation"
    assert not {"US", "U.S", "U.S.", "UK", "AP"} & set(tagged)


def test_an_acronym_is_named_by_its_expansion_when_the_story_spells_it_out():
    names = story_names([article("The International Olympic Committee (IOC) met in Lausanne.",
                                 "The IOC said the games would go ahead.")])
    assert [e.name for e in names.entities if e.kind == "organisation"] == ["International Olympic Committee"]
    assert names.resolve("IOC").name == "International Olympic Committee"


def test_a_surname_alone_or_with_an_honorific_is_the_person_named_in_full():
    names = story_names([article("SDF spokesman Talal Selo said the battle had begun.",
                                 "Mr Selo said the convoy was still in SDF territory.",
                                 "Selo added that 400 civilians had left.")])
    people = [e for e in names.entities if e.kind == "person"]
    assert [p.name for p in people] == ["Talal Selo"]
    assert names.resolve("Selo").name == names.resolve("Mr Selo").name == "Talal Selo"


def test_one_person_spelt_two_ways_is_one_entity():
    tagged = kinds("Mohammad Siddique Khan led the group.", "Mohammed Siddique Khan was 30.",
                   "Khan recorded a video.")
    people = [name for name, kind in tagged.items() if kind == "person"]
    assert len(people) == 1 and people[0] in ("Mohammad Siddique Khan", "Mohammed Siddique Khan")


# ---------------------------------------------------------------- speakers and quotes

def test_who_is_quoted_names_people_and_organisations_who_speak():
    a = article('"We may not always agree with our partners," Col. Ryan Dillon said.',
                "The Syrian Democratic Forces said the offensive had begun.",
                "Mostafa Bali, an SDF spokesman, told Reuters the civilians were human shields.")
    quotes = dict((speaker, sentence) for speaker, sentence in quotes_by_article(a, story_names([a])))
    assert set(quotes) == {"Ryan Dillon", "Syrian Democratic Forces", "Mostafa Bali"}
    assert quotes["Mostafa Bali"].startswith("Mostafa Bali, an SDF spokesman")


def test_a_say_verb_inside_a_name_makes_nobody_a_speaker():
    a = article("Medic Lena Ortiz, a sergeant in the United States Army, was sentenced to ninety days.",
                "Ortiz was cleared of two other charges.")
    assert quotes_by_article(a, story_names([a])) == []


def test_a_speaker_with_a_long_appositive_is_the_person_not_the_organisation_in_it():
    a = article("Nadia Brandt, a former crash investigator for the National Transport Safety Agency, said "
                "the wing broke first.")
    assert [speaker for speaker, _ in quotes_by_article(a, story_names([a]))] == ["Nadia Brandt"]


def test_a_speaker_is_named_as_the_story_names_the_person():
    a = article("SDF spokesman Talal Selo spoke in Ain Issa.", "Mr Selo said the convoy had left.")
    assert quotes_by_article(a, story_names([a])) == [("Talal Selo", "Mr Selo said the convoy had left.")]


def test_he_said_is_the_person_named_in_the_previous_sentence():
    a = article("Omar Alloush, an official in the Raqqa Civil Council, spoke to reporters.",
                '"About 400 civilians joined them," he said.')
    assert quotes_by_article(a, story_names([a])) == [("Omar Alloush", '"About 400 civilians joined them," he said.')]


def test_he_said_is_nobody_when_the_previous_sentence_names_two_men():
    a = article("Omar Alloush met Talal Selo in Ain Issa.", '"The talks went well," he said.')
    assert quotes_by_article(a, story_names([a])) == []


def test_she_said_picks_the_one_woman_of_two_people():
    a = article("Laila Mostafa met Talal Selo in Ain Issa.", '"The city will be rebuilt," she said.')
    assert quotes_by_article(a, story_names([a])) == [("Laila Mostafa", '"The city will be rebuilt," she said.')]


def test_a_place_never_speaks():
    a = article("Santiago de Chile said nothing.", "Officials in Santiago said the quake was strong.")
    assert all(speaker not in ("Santiago", "Santiago de Chile") for speaker, _ in quotes_by_article(a, story_names([a])))


def test_who_is_quoted_shows_each_outlets_quote(seed_briefing):
    from digest.config import Limits
    from digest.render import render_briefing
    from digest.site.mkdocs_engine import MATERIAL_MARKUP

    page = render_briefing(seed_briefing, MATERIAL_MARKUP, Limits())
    table = page.split("### Who is quoted", 1)[1].split("###", 1)[0]
    dillon = next(line for line in table.splitlines() if line.startswith("| Ryan Dillon |"))
    reuters_cell, bbc_cell = dillon.split(" | ")[1:3]
    assert "difficult fighting" in bbc_cell or "respect their solutions" in bbc_cell
    assert reuters_cell != "—" and "✓" not in table


def test_a_sentence_in_capitals_gives_no_names():
    """'AT LEAST 12 DEAD, SAYS AFAD': every word is capitalised, so none is known to be a name."""
    assert name_mentions("BREAKING: AT LEAST 12 DEAD AS QUAKE STRIKES IZMIR, SAYS AFAD.") == ()
    assert [m.name for m in name_mentions("NATO and the UN met in Geneva.")][:1] == ["NATO"]


def test_a_name_with_particles_is_one_name_and_its_surname_one_entity():
    """'Ursula von der Leyen' is one name, and 'Von der Leyen' later her; 'Bin Salman' of a story
    with two bin Salmans stays apart, as no one can tell which."""
    assert names_in("Commission President Ursula von der Leyen met Ruud van den Berg.") == ["Ursula von der Leyen", "Ruud van den Berg"]
    entities = story_entities([article("Ursula von der Leyen arrived in Jeddah on Monday.",
                                       "Von der Leyen said the talks went well.",
                                       "Mohammed bin Salman and his brother Abdulaziz bin Salman met her.",
                                       "Bin Salman said the deal was close.")])
    by_name = {e.name: e for e in entities}
    assert "Von der Leyen" not in by_name and "Von der Leyen" in by_name["Ursula von der Leyen"].aliases
    assert "Mohammed bin Salman" in by_name and "Abdulaziz bin Salman" in by_name


def test_a_time_zone_written_out_is_no_name():
    """'China Standard Time' is a clock, as 'BST' is."""
    assert names_in("The torch was lit at 10:02 China Standard Time in Beijing.") == ["Beijing"]
    assert names_in("It struck at 3 pm Eastern Daylight Time.") == []
