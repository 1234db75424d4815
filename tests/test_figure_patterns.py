"""Figure patterns are registered items: a new one brings its own anchors and is found wherever it is written."""
import pytest

from digest.briefing.figures import FigureExtractor, FigurePattern, build_default_patterns, extract_figures
from digest.models import Figure


def read_bakers_dozen(sentence, match):
    return Figure(text=sentence[match.start():match.end()], value=13.0, low=13.0, high=13.0, unit=None, counts=None,
                  qualifier=None, start=match.start(), end=match.end())


BAKERS_DOZEN = FigurePattern(r"\ba\ baker'?s\ dozen\b", read_bakers_dozen, anchors=("a\\ baker",))


def test_a_registered_pattern_runs_with_its_own_anchor_words():
    patterns = build_default_patterns()
    patterns.register(BAKERS_DOZEN, "bakers dozen", 40)
    extract = FigureExtractor(patterns)
    sentence = "They baked A Baker's dozen loaves, and a baker's dozen more."
    assert [f.value for f in extract(sentence)] == [13.0, 13.0]
    assert extract(sentence) == extract.scan_every_position(sentence)
    assert [f.value for f in extract_figures(sentence)] == []  # the default patterns do not know it


def test_registering_a_name_again_replaces_that_pattern():
    patterns = build_default_patterns()
    patterns.deregister("vague")
    assert extract_figures("hundreds of civilians fled")
    assert FigureExtractor(patterns)("hundreds of civilians fled") == []


@pytest.mark.parametrize("kwargs, message", [
    ({"regex": r"\bscore\b"}, "anchors"),
    ({"regex": r"\bScore\b", "anchors": ("score",)}, "lowercase"),
    ({"regex": r"(?P<a>\d)(?P=a)", "digits": True}, "back references"),
    ({"regex": r"\$\d", "anchors": ("$",)}, "letter"),
])
def test_a_pattern_that_could_never_run_is_refused_when_registered(kwargs, message):
    with pytest.raises(ValueError, match=message):
        FigurePattern(read=read_bakers_dozen, **kwargs)
