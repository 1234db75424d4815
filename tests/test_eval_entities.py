"""The GUM entity scorer (tools/eval_entities.py) on a document written for the test."""
from tools.eval_entities import evaluate_entities, score

DOC = {
    "id": "doc", "genre": "interview", "text": "...",
    "mentions": [
        {"text": "Talal Selo", "type": "person", "entity": 1, "identity": None, "names": ["Talal Selo"], "named": True},
        {"text": "Mr Selo", "type": "person", "entity": 1, "identity": None, "names": ["Selo"], "named": True},
        {"text": "the U.S.", "type": "place", "entity": 2, "identity": "United_States", "names": ["U.S."], "named": True},
        {"text": "Washington", "type": "place", "entity": 2, "identity": "United_States", "names": ["Washington"], "named": True},
        {"text": "Raqqa", "type": "place", "entity": 3, "identity": None, "names": ["Raqqa"], "named": True},
        {"text": "Friday", "type": "time", "entity": 4, "identity": None, "names": ["Friday"], "named": True},
    ],
}


def test_typed_precision_junk_and_recall_of_repeated_names():
    tags = [("Talal Selo", "person"), ("United States", "place"), ("Friday", "organisation"), ("Early life", "place")]
    result = score([DOC], [tags])["all"]
    # right: Selo, United States (its Wikipedia title); wrong type: Friday; junk: Early life
    assert result["typed_precision"] == 0.5 and result["junk_rate"] == 0.25
    # named twice: Selo and the United States (Raqqa once): both found
    assert result["recall_repeated"] == 1.0 and result["repeated_entities"] == 2


def test_a_wrong_type_finds_no_entity():
    result = score([DOC], [[("Talal Selo", "place")]])["all"]
    assert result["typed_precision"] == 0.0 and result["recall_repeated"] == 0.0
    assert result["recall_repeated_untyped"] == 0.5


def test_a_missing_set_is_a_clear_error(tmp_path):
    import pytest

    with pytest.raises(FileNotFoundError, match="gum_entities_dev"):
        evaluate_entities(tmp_path)
