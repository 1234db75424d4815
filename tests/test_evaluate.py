"""The evaluation harness's scoring, on tiny hand-made data (the real sets stay in ../shared/eval)."""
from tools.evaluate import bcubed, lowercase_like_reuters, main, score_figures
from digest.briefing.figures import extract_figures


def test_bcubed_perfect_and_merged():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed({"a": 1, "b": 1, "c": 2}, gold) == (1.0, 1.0, 1.0)
    precision, recall, f1 = bcubed({"a": 1, "b": 1, "c": 1}, gold)
    assert recall == 1.0 and round(precision, 3) == 0.556


def test_figure_scoring_matches_values_and_units():
    sentences = [("Shares rose 15% to $2.06.", [{"value": "15", "unit": "percent", "normalized_unit": "percentage"},
                                               {"value": "2.06", "unit": "$", "normalized_unit": "dollar"}]),
                 ("Nothing to see here.", [])]
    scores = score_figures(sentences, extract_figures)
    assert scores["value"]["F1"] == 1.0 and scores["value+unit"]["F1"] == 1.0


def test_lowercasing_like_the_reuters_seed():
    assert lowercase_like_reuters('Syria\'s Raqqa, the "capital" (U.S. view).') == "syria s raqqa , the capital ( u.s. view ) ."


def test_missing_evaluation_sets_are_reported(tmp_path, capsys):
    assert main(["--eval-dir", str(tmp_path / "nowhere")]) == 2
    assert "not found" in capsys.readouterr().err
