"""Figures: ranges, qualifiers, spelled-out and vague numbers; never a figure not in the text."""
import pytest
from hypothesis import given, settings, strategies as st

from digest.briefing.figures import display_value, extract_figures


def one(sentence):
    found = extract_figures(sentence)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "sentence, low, high, counts, qualifier",
    [
        ("no more than 200-300 foreign militants remained", 200, 300, "foreign militants", "no more than"),
        ("the remaining 200 to 300 militants", 200, 300, "militants", "range"),
        ("about 400 civilians also joined them", 400, 400, "civilians", "about"),
        ("after four months of battle", 4, 4, "battle", None),
        ("hundreds of civilians have died", 100, 1000, "civilians", "vague"),
        ("more than 130 people were killed", 130, 130, "people", "more than"),
        ("between 20 and 30 people died", 20, 30, "people", "range"),
        ("it cost 1.5 million dollars", 1.5e6, 1.5e6, None, None),
    ],
)
def test_figure_values_qualifiers_and_counts(sentence, low, high, counts, qualifier):
    figure = one(sentence)
    assert (figure.low, figure.high) == (low, high)
    assert figure.counts == counts
    assert figure.qualifier == qualifier


def test_units():
    assert one("prices rose 15% last year").unit == "%"
    assert one("a budget of $2.1 billion").low == 2.1e9
    assert one("a budget of $2.1 billion").unit == "USD"
    assert one("the quake was 35 km deep").unit == "km"


@pytest.mark.parametrize("sentence", [
    "the battle began on June 6", "it was captured in January 2014", "they met at 10:30 on Monday",
    "an F-16 flew over", "no one knew it", "on 15 October the convoy left", "the S&P 500 rose", "in Game 7 of the series",
    "Air France Flight 447 carrying passengers vanished", "UN Resolution 1441 was passed",
])
def test_dates_times_and_names_are_not_figures(sentence):
    assert extract_figures(sentence) == []


# ---------------------------------------------------------------- the kinds of issue 21, each with its right value

@pytest.mark.parametrize("sentence, low, high, counts, qualifier", [
    # Sentence position and capitalisation never change what is a figure
    ("Between 200 and 300 fighters remained in the city.", 200, 300, "fighters", "range"),
    ("between 200 and 300 fighters remained in the city.", 200, 300, "fighters", "range"),
    ("About 400 civilians joined them.", 400, 400, "civilians", "about"),
    ("Nearly 40 people were rescued.", 40, 40, "people", "nearly"),
    # A vague amount is a figure when it stands alone as the subject
    ("Tens of thousands fled the advancing troops.", 1e4, 1e5, None, "vague"),
    ("Dozens were hurt when the stand collapsed.", 12, 100, None, "vague"),
    ("hundreds of civilians have died", 100, 1000, "civilians", "vague"),
    # Fractions and mixed numbers are values
    ("Some half a million people fled the region.", 5e5, 5e5, "people", "about"),
    ("He served three and a half years in jail.", 3.5, 3.5, None, None),
    ("The talks lasted two and a half months.", 2.5, 2.5, None, None),
    ("Nearly two-thirds of voters backed the plan.", 2 / 3, 2 / 3, "voters", "nearly"),
    ("one and a half million people were displaced", 1.5e6, 1.5e6, "people", None),
    ("a 2 1/2 mile walk", 2.5, 2.5, "walk", None),
    ("a 4¾ mile walk", 4.75, 4.75, "walk", None),
    ("exactly one sixth of the voters", 1 / 6, 1 / 6, "voters", None),
    ("several hundred people were evacuated", 100, 1000, "people", "vague"),  # not 100 people
    ("A few thousand fled", 1000, 10000, None, "vague"),
    # Verbs of exceeding and falling short are qualifiers
    ("the toll has exceeded 3,000", 3000, 3000, None, "more than"),
    ("sales topped 5,000 units", 5000, 5000, "units", "more than"),
    ("turnout fell short of 40 percent", 40, 40, None, "less than"),
    ("temperatures stayed below 10 degrees", 10, 10, None, "less than"),
])
def test_issue_21_figures(sentence, low, high, counts, qualifier):
    figure = one(sentence)
    assert figure.low == pytest.approx(low) and figure.high == pytest.approx(high)
    assert figure.counts == counts
    assert figure.qualifier == qualifier


@pytest.mark.parametrize("separator", [" ", "\u00a0", "\u202f", "'", "’"])
def test_thousands_separators_as_the_text_writes_them(separator):
    figure = one(f"The harvest reached 816{separator}000 tonnes last year.")
    assert (figure.value, figure.unit) == (816000, "tonnes")


def test_a_spaced_number_does_not_swallow_its_neighbours():
    assert [f.value for f in extract_figures("Call +44 800 789321 if you saw him")] != [44800]
    assert [f.value for f in extract_figures("In 1998 300 people died")] == [300]
    assert [f.value for f in extract_figures("a budget of 1.234.567,89 euros")] == [1234567.89]


@pytest.mark.parametrize("sentence, values, unit", [
    ("The jacket costs 179,95 euros.", [179.95], "EUR"),
    ("Prices fell 3,5% in May.", [3.5], "%"),
    ("It sold for €12,50 at auction.", [12.5], "EUR"),
    ("they picked 1,2 and 3 at random", [1, 2, 3], None),  # a list: no unit says these are amounts
])
def test_comma_as_decimal_mark_where_the_context_shows_it(sentence, values, unit):
    figures = extract_figures(sentence)
    assert [f.value for f in figures] == values
    assert figures[0].unit == unit


@pytest.mark.parametrize("sentence", [
    "The ceremony starts at 12 noon BST.", "The vote closed at 1100 UTC.", "They met at 10 pm on Monday.",
    "Manchester won 3-1 at home.", "It was a 1-3 defeat for the visitors.", "the sp 500 was down",
    "the FTSE 100 closed higher", "Stocks in the bottom three fell.",
])
def test_clock_times_scores_and_index_names_are_not_figures(sentence):
    assert [f for f in extract_figures(sentence) if not f.unit] == []


@pytest.mark.parametrize("sentence, value, unit", [
    ("Maddon, 66, has used the downtime to get fit.", 66, "years of age"),
    ("The 65-year-old worries about his job.", 65, "years of age"),
    ("the woman, aged 41, was arrested", 41, "years of age"),
    ("a six month old daughter", 6, "months of age"),
])
def test_ages_are_read_as_ages_and_count_nothing(sentence, value, unit):
    figure = one(sentence)
    assert (figure.value, figure.unit, figure.counts) == (value, unit, None)


@pytest.mark.parametrize("sentence, counts", [
    ("after four months of talks", "talks"),
    ("prices rose 50 percent", None),
    ("Police said two were seized by Iran.", None),
    ("310,000 injured and 869 disappeared", None),
    ("32 kilometers south of Pichilemu", None),
    ("two nations believe that caps would hurt", "nations"),
    ("four suicide bombers blew themselves up", "suicide bombers"),
    ("200 armed men stormed the village", "armed men"),
    ("10 million annually by 2010", None),
    ("an 8-year sentence for his role", "sentence"),
    ("60 per cent of men said so", "men"),
    ("5 million people lack food", "people"),
])
def test_what_it_counts_is_a_noun_phrase_or_empty(sentence, counts):
    assert extract_figures(sentence)[0].counts == counts


def test_currency_codes_and_scale_words():
    assert (one("a stimulus package of INR1 trillion").value, one("a stimulus package of INR1 trillion").unit) == (1e12, "INR")
    assert one("It is a million dollar house.").value == 1e6
    assert one("worth $A82,615,680 in all").unit == "AUD"
    assert one("a 1520 sq m medical centre").unit == "square metres"


def test_display_value():
    assert display_value(one("the remaining 200 to 300 militants")) == "200–300"
    assert display_value(one("nearly four months")) == "four months"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_every_figure_is_in_the_text(text):
    for figure in extract_figures(text):
        assert figure.text.strip() in text
        assert text[figure.start:figure.end].strip().endswith(figure.text.strip()[-1:])


@pytest.mark.parametrize("sentence, values, unit", [
    ("It cost $2000 to fix.", [(2000, 2000)], "USD"),  # a sum of money is never a year
    ("The fine was £2,000.", [(2000, 2000)], "GBP"),
    ("Some 2,000 people marched.", [(2000, 2000)], None),
    ("The mass is about 1.99×10−30 kilograms.", [(1.99e-30, 1.99e-30)], "kg"),
    ("Light oscillates at 4e14 hertz.", [(4e14, 4e14)], "Hz"),
    ("flats from 450 sq ft up to 900 sq ft", [(450, 900)], "square feet"),
    ("screens of 6.1 inches and 6.7 inches", [(6.1, 6.1), (6.7, 6.7)], "inches"),  # 'and' makes a range only after 'between'
    ("they laundered RM3.06mil in all", [(3.06e6, 3.06e6)], "MYR"),
    ("prices between $5 and $10 rose", [(5, 10)], "USD"),
    ("between EUR 5 and EUR 10", [(5, 10)], "EUR"),
    ("temperatures between -5 and 5 degrees", [(-5, 5)], "degrees"),
    ("I bought a dozen eggs", [(12, 12)], None),
])
def test_numbers_in_every_format(sentence, values, unit):
    figures = extract_figures(sentence)
    assert [(f.low, f.high) for f in figures] == [pytest.approx(v) for v in values]
    assert figures[0].unit == unit


def test_codes_are_not_amounts():
    assert [f.value for f in extract_figures("In the 90049 ZIP code, based on 37 sales")] == [37]


def test_a_currency_symbol_or_code_starts_a_word():
    """'vers 8 h 15' and 'users 8 million' hold no rupees; 'Rs 500' and 'US$5' still do."""
    assert "INR" not in [f.unit for f in extract_figures("Le pont est tombé vers 8 h 15.")]
    assert [f.unit for f in extract_figures("The service says its users 8 million strong.")] == [None]
    assert [f.unit for f in extract_figures("He paid Rs 500 and US$5 million.")] == ["INR", "USD"]


def test_what_is_counted_keeps_its_letters_in_any_alphabet():
    """A counted word is cut at no accented letter: 'blessées', never 'bless'."""
    (figure,) = extract_figures("On compte 37 blessées dans la ville.")
    assert figure.counts == "blessées"


def test_numbers_are_read_as_the_articles_language_writes_them():
    """German, French, Spanish... write '230.000' for 230,000 and '1,5' for one and a half; English
    text keeps its own reading, and a date written with full stops is no number to swap."""
    (german,) = extract_figures("Täglich passieren 230.000 Fahrzeuge die Brücke.", "de")
    assert (german.low, german.counts) == (230000.0, "Fahrzeuge")
    assert [f.low for f in extract_figures("La facture atteint 1,5 milliard d’euros.", "fr")] == [1.5]
    assert [f.low for f in extract_figures("The bill reached 1,500 dollars.", "en")] == [1500.0]
    assert [f.low for f in extract_figures("Am 12.03.2024 starben 14 Menschen.", "de")] == \
        [f.low for f in extract_figures("Am 12.03.2024 starben 14 Menschen.", "en")]


def test_clock_times_in_other_languages_are_not_figures():
    """'gegen 8.15 Uhr', 'vers 8 h 15': a time of day, as '8:15 am' is."""
    assert extract_figures("Das Teilstück stürzte gegen 8.15 Uhr in die Maas.", "de") == []
    assert extract_figures("Le pont est tombé vers 8 h 15.", "fr") == []
