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


def test_the_quality_gate_fails_on_a_drop_and_never_lowers_a_floor_unasked():
    from tools import gate

    def run(r2, f1):
        return {"summaries": [{"set": "DUC", "system": "ours (briefing summary)", "R-2": r2},
                              {"set": "DUC", "system": "sumy LexRank", "R-2": 1.0}],
                "stories": [{"set": "ECB", "system": "ours (digest grouping)", "F1": f1}]}

    floors, refused = gate.pin(run(10.5, 0.93), {})
    assert floors == {"summaries | DUC | R-2": 10.3, "stories | ECB | F1": 0.925} and not refused
    assert gate.check(run(10.4, 0.93), floors) == []
    assert gate.check(run(10.0, 0.93), floors) == ["summaries | DUC | R-2: 10 is below the floor 10.3"]
    assert gate.check({"summaries": []}, floors) == ["summaries | DUC | R-2: no score (floor 10.3)"]
    assert gate.check({"figures": []}, floors) == []  # a task not run is not judged
    lowered, refused = gate.pin(run(9.0, 0.95), floors)
    assert lowered["summaries | DUC | R-2"] == 10.3 and lowered["stories | ECB | F1"] == 0.945 and len(refused) == 1
    assert gate.pin(run(9.0, 0.95), floors, allow_regression=True)[0]["summaries | DUC | R-2"] == 8.8


def test_story_errors_name_each_split_or_merged_gold_cluster_and_what_it_is_mixed_with():
    from tools.eval_stories import gold_errors

    gold = {"a": "budget", "b": "budget", "c": "vote", "d": "vote", "e": "quake", "f": "quake"}
    ours = {"a": 1, "b": 1, "c": 1, "d": 1, "e": 2, "f": 3}  # budget and vote merged, the quake split
    errors = {e["gold"]: e for e in gold_errors(ours, gold)}
    assert set(errors) == {"budget", "vote", "quake"}
    assert (errors["budget"]["B3 P"], errors["budget"]["B3 R"]) == (0.5, 1.0)
    assert errors["budget"]["ours"] == [{"cluster": "1", "of this gold": 2, "gold beside": {"vote": 2}}]
    assert (errors["quake"]["B3 P"], errors["quake"]["B3 R"]) == (1.0, 0.5)
    assert [o["gold beside"] for o in errors["quake"]["ours"]] == [{}, {}]
    assert gold_errors({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"}) == []


def test_documents_a_topic_set_lists_under_two_topics_are_counted(tmp_path):
    import json
    from tools.eval_stories import listed_twice

    topics = [{"id": "t1", "docs": [{"id": "d1"}, {"id": "d2"}]}, {"id": "t2", "docs": [{"id": "d2"}, {"id": "d3"}]}]
    (tmp_path / "topics.jsonl").write_text("".join(json.dumps(t) + "\n" for t in topics), encoding="utf-8")
    assert listed_twice(tmp_path, "topics.jsonl") == 1
