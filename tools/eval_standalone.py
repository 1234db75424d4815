"""Standalone-sentence check: the share of summary sentences that cannot be read alone.

    python -m tools.eval_standalone [--eval-dir DIR] [--content DIR]

Builds the briefing summary of every cluster of the dev sets (DUC 2003, MultiLing 2011, AllSides
roundups; each cluster one story) and of every story of the demo corpus (content/, the real
pipeline), and counts the sentences that are captions, fragments, glued datelines, list items,
or start mid-quote or in lowercase. The checks here are written apart from the summary's own
filter (digest/briefing/standalone.py) so that they test it rather than repeat it; captions use
the restore stage's caption rule, which reads a sentence alone. Target: under 1% per set.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from tools.evaluate import DEFAULT_EVAL_DIR, read_jsonl, restored

ROOT = Path(__file__).resolve().parent.parent
SETS = (("DUC 2003 task 2", "duc2003_task2/duc2003_task2.jsonl"),
        ("MultiLing 2011 en", "multiling2011_en/multiling2011_en.jsonl"),
        ("AllSides roundups dev", "allsides_roundups_dev/allsides_roundups_dev.jsonl"))
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ABBREVIATION_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Spc|Pfc|Res|No|St|Capt|Gov|Sens?|Reps?|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.$")


def problem(sentence: str) -> str | None:
    """The kind of fault a summary sentence shows, or None."""
    from digest.restore.debris import is_caption

    text = sentence.strip()
    first = re.sub(r"^[\"“‘'(\s]*", "", text)[:1]
    if re.match(rf"^(?:\w+day,?\s+)?(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}[A-Za-z]", text) or re.search(r"\b\d{4}[A-Z][a-z]", text):
        return "glued dateline"
    if re.match(r"^\s*(?:[*•▪·]|-\s|–\s)", text) or re.match(r"^[A-Z][\w&.]*(?: [A-Z][\w&.]*){0,2} - ", text):
        return "list item"
    if first.islower():
        return "lowercase start"
    if len(re.findall(r"[\"“”]", text)) % 2 or re.match(r"^(?:\.\.\.|…|\[|[”’])", text):
        return "mid-quote"
    if len(text.split()) < 5 or not re.search(r"[.!?][\"”'’)]*$", text) or text.endswith(("...", "…", ":")) or _ABBREVIATION_END.search(text):
        return "fragment"
    if is_caption([text]):
        return "caption"
    return None


def set_summaries(path: Path) -> list[list[str]]:
    """Every cluster's briefing summary, as its sentences, in file order."""
    from digest.briefing.sentences import story_text
    from digest.briefing.summary import summarize
    from digest.stories.identity import make_story

    return [[s.text for s in summarize(story_text(make_story(restored(c["docs"]))))] for c in read_jsonl(path)]


def demo_summaries(content: Path) -> list[list[str]]:
    """Every story's summary in a content folder, through the whole pipeline."""
    from digest import DigestConfig
    from digest.pipeline import analyse
    from digest.runtime import Runtime

    analysis = analyse(DigestConfig(content_dir=content, keep_state=False), Runtime())
    return [[s.text for s in outline.summary] for outline in analysis.outlines]


def score(summaries: list[list[str]]) -> dict:
    """Counts, share, both halves (even and odd clusters) and the faulty sentences."""
    faults = [(number, sentence, problem(sentence)) for number, summary in enumerate(summaries) for sentence in summary]
    bad = [(n, s, kind) for n, s, kind in faults if kind]

    def share(half: int) -> float:
        total = sum(1 for n, _, _ in faults if n % 2 == half)
        return sum(1 for n, _, _ in bad if n % 2 == half) / total if total else 0.0

    return {"sentences": len(faults), "not standalone": len(bad), "share": len(bad) / len(faults) if faults else 0.0,
            "halves (even, odd)": [share(0), share(1)], "kinds": dict(Counter(kind for _, _, kind in bad)),
            "examples": [{"kind": kind, "sentence": s} for _, s, kind in bad[:20]]}


def evaluate_standalone(eval_dir: Path = DEFAULT_EVAL_DIR, content: Path = ROOT / "content") -> dict:
    """{set: score(...)} for the dev sets found and the demo corpus."""
    results = {}
    for name, filename in SETS:
        if (eval_dir / filename).exists():
            results[name] = score(set_summaries(eval_dir / filename))
    if content.is_dir():
        results["demo corpus (content/)"] = score(demo_summaries(content))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--out", type=Path, default=Path("eval-results/standalone.json"))
    args = parser.parse_args(argv)
    results = evaluate_standalone(args.eval_dir, args.content)
    for name, result in results.items():
        halves = ", ".join(f"{h:.1%}" for h in result["halves (even, odd)"])
        print(f"{name}: {result['not standalone']} of {result['sentences']} summary sentences do not stand alone "
              f"({result['share']:.1%}; halves {halves}) {result['kinds']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
