"""Figure extraction under the magnifier: where it misses, what it adds, and whether case changes it.

    .venv/bin/python tools/eval_figures.py [--eval-dir ../shared/eval] [--half even|odd|all] [--units] [--case]

Reads NewsQuant dev (../shared/eval/newsquant_cqe/newsquant_dev.jsonl) and prints, per sentence, the
annotated values it misses and the values it adds (or, with --units, the values found whose unit
disagrees with the annotation), scored as `digest.evaluate.score_figures` scores them. --case reads
every sentence of the DUC 2003 and MultiLing 2011 sets three ways (as written, lowercased, and with
its first word capitalised) and counts the sentences whose figures change: sentence position and
capitalisation should never change what is a figure. A development aid; nothing here is copied from
the sets, and the unit tests do not need them.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.briefing.figures import extract_figures  # noqa: E402
from digest.evaluate import UNIT_WORDS, _same_value, _unit_tokens, _values  # noqa: E402
from digest.text import paragraphs, split_sentences  # noqa: E402


def newsquant(eval_dir: Path, half: str) -> list[dict]:
    rows = [json.loads(line) for line in (eval_dir / "newsquant_cqe" / "newsquant_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    return rows[0::2] if half == "even" else rows[1::2] if half == "odd" else rows


def unit_agrees(figure, annotation: dict) -> bool:
    ours = _unit_tokens(UNIT_WORDS.get(figure.unit or "", figure.unit)) | _unit_tokens(figure.counts)
    theirs = _unit_tokens(annotation.get("unit")) | _unit_tokens(annotation.get("normalized_unit"))
    return not ((theirs and not ours & theirs) or (not theirs and ours and figure.unit))


def show_errors(rows: list[dict], units: bool) -> None:
    for row in rows:
        predicted = extract_figures(row["text"])
        used, missed, wrong_unit = set(), [], []
        for annotation in row["quantities"]:
            values = _values(str(annotation["value"]))
            hit = next((i for i, f in enumerate(predicted) if i not in used and values and _same_value(f, values)), None)
            if hit is None:
                missed.append(annotation)
                continue
            used.add(hit)
            if not unit_agrees(predicted[hit], annotation):
                wrong_unit.append((annotation, predicted[hit]))
        added = [f for i, f in enumerate(predicted) if i not in used]
        lines = [f"   unit: annotated {a['value']} {a['unit']!r} ({a['normalized_unit']}), ours {f.unit} / {f.counts!r}"
                 for a, f in wrong_unit] if units else \
            [f"   missed {a['value']} {a['unit']!r}" for a in missed] + [f"   added  {f.text!r} = {f.low}..{f.high} {f.unit} / {f.counts!r}" for f in added]
        if lines:
            print(row["id"], row["text"])
            print("\n".join(lines))


def case_changes(eval_dir: Path) -> None:
    sentences = []
    for name in ("duc2003_task2/duc2003_task2.jsonl", "multiling2011_en/multiling2011_en.jsonl"):
        for line in (eval_dir / name).read_text(encoding="utf-8").splitlines():
            for doc in json.loads(line)["docs"]:
                sentences += [s for p in paragraphs(doc["text"]) for s in split_sentences(p)]

    def values(text: str) -> list[tuple]:
        return [(f.low, f.high, f.unit) for f in extract_figures(text)]

    lowered = capitalised = 0
    for sentence in sentences:
        found = values(sentence)
        lowered += values(sentence.lower()) != found
        capitalised += values(sentence[:1].upper() + sentence[1:]) != found
    print(f"{len(sentences)} sentences: figures change in {lowered} when lowercased, in {capitalised} with a capital first letter")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--half", choices=("even", "odd", "all"), default="all")
    parser.add_argument("--units", action="store_true", help="list unit disagreements instead of missed and added values")
    parser.add_argument("--case", action="store_true", help="count sentences whose figures change with case")
    args = parser.parse_args()
    if args.case:
        case_changes(args.eval_dir)
    else:
        show_errors(newsquant(args.eval_dir, args.half), args.units)


if __name__ == "__main__":
    main()
