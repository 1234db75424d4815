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
        ("after four months of battle", 4, 4, "months of battle", None),
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


def test_display_value():
    assert display_value(one("the remaining 200 to 300 militants")) == "200–300"
    assert display_value(one("nearly four months")) == "four months"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_every_figure_is_in_the_text(text):
    for figure in extract_figures(text):
        assert figure.text.strip() in text
        assert text[figure.start:figure.end].strip().endswith(figure.text.strip()[-1:])
