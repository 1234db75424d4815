"""Citation support on the evaluation sets: does every cited outlet state the summary sentence's fact?

    python -m tools.eval_citations [--eval-dir DIR] [--sample 30]

Each cluster of a set (an AllSides roundup, a DUC 2003 cluster) is built as one story and
summarised by the real briefing code. For every citation of another outlet than the sentence's
own, the judge looks through that outlet's articles for the sentence that best matches the
summary sentence and decides whether it states its content. The judge is independent of the
citing code (support.py): Porter-stemmed unigrams and bigrams (rouge-score's tokenizer), every
number of the main clause present, negated in both or neither, and at least half of the main
clause's content unigrams (stop words out) or a third of its bigrams. It is a lexical proxy:
a sample is printed for a check by hand (README, Quality). Reports the unsupported share per set and
for each half (even and odd clusters), and prints a sample to check by hand.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from tools.evaluate import DEFAULT_EVAL_DIR, read_jsonl, restored

SETS = (("AllSides roundups dev", "allsides_roundups_dev/allsides_roundups_dev.jsonl"),
        ("DUC 2003 task 2", "duc2003_task2/duc2003_task2.jsonl"))
UNIGRAM_SHARE, BIGRAM_SHARE = 0.5, 1 / 3
_NUMBER_RE = re.compile(r"\d[\d,.]*")


def _tokens(text: str) -> list[str]:
    from nltk.stem import porter
    from rouge_score import tokenize

    stemmer = _tokens.stemmer = getattr(_tokens, "stemmer", None) or porter.PorterStemmer()
    return [stemmer.stem(t) if len(t) > 3 else t for t in tokenize.tokenize(text, None)]


def _content(tokens: list[str]) -> set[str]:
    from digest.text import STOP_WORDS

    return {t for t in tokens if t not in STOP_WORDS and not t.isdigit()}


def _numbers(text: str) -> set[str]:
    return {n.rstrip(".,").replace(",", "") for n in _NUMBER_RE.findall(text)}


def judge(claim: str, candidates: list[str]) -> tuple[bool, str, float]:
    """(states the claim's content, the best-matching candidate, its unigram share). The claim is
    the summary sentence's main clause (up to a subordinate clause), as a reader checks a citation."""
    from digest.briefing.support import main_clause, same_polarity

    claim = main_clause(claim)
    claim_tokens = _tokens(claim)
    claim_words = _content(claim_tokens)
    claim_bigrams = set(zip(claim_tokens, claim_tokens[1:]))
    best = (False, "", -1.0)
    for candidate in candidates:
        tokens = _tokens(candidate)
        unigram = len(claim_words & set(tokens)) / max(len(claim_words), 1)
        bigram = len(claim_bigrams & set(zip(tokens, tokens[1:]))) / max(len(claim_bigrams), 1)
        states = (_numbers(claim) <= _numbers(candidate) and same_polarity(claim, candidate)
                  and (unigram >= UNIGRAM_SHARE or bigram >= BIGRAM_SHARE))
        if (states, unigram) > (best[0], best[2]):
            best = (states, candidate, unigram)
    return best


def cluster_citations(docs: list[dict]) -> list[dict]:
    """Every citation of another outlet in the cluster's summary, judged."""
    from digest.briefing.sentences import story_text
    from digest.briefing.summary import summarize
    from digest.stories.identity import make_story

    story = make_story(restored(docs))
    text = story_text(story)
    by_outlet: dict[str, list[str]] = {}
    for item in text.sentences:
        by_outlet.setdefault(item.source, []).append(item.text)
    rows = []
    for sentence in summarize(text):
        own_source = next(c.source for c in sentence.citations if c.article_id == sentence.article_id)
        for citation in sentence.citations:
            if citation.source == own_source:
                continue
            states, best, share = judge(sentence.text, by_outlet.get(citation.source, []))
            rows.append({"summary": sentence.text, "outlet": citation.source, "cited sentence": citation.sentence,
                         "best match": best, "supported": states, "unigram share": round(share, 3)})
    return rows


def evaluate_citations(eval_dir: Path = DEFAULT_EVAL_DIR, sample: int = 30, seed: int = 20) -> dict:
    """{set: {citations, unsupported, unsupported share, halves: [...], sample: [...]}}."""
    results = {}
    for name, filename in SETS:
        path = eval_dir / filename
        if not path.exists():
            continue
        halves = [[], []]
        for number, cluster in enumerate(read_jsonl(path)):
            halves[number % 2].extend(cluster_citations(cluster["docs"]))
        rows = halves[0] + halves[1]
        results[name] = {
            "citations": len(rows),
            "summary sentences with another outlet cited": len({r["summary"] for r in rows}),
            "unsupported": sum(not r["supported"] for r in rows),
            "unsupported share": _share(rows),
            "halves (even, odd clusters)": [_share(h) for h in halves],
            "sample": random.Random(seed).sample(rows, min(sample, len(rows))),
        }
    return results


def _share(rows: list[dict]) -> float:
    return sum(not r["supported"] for r in rows) / len(rows) if rows else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--out", type=Path, default=Path("eval-results/citations.json"))
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"eval_citations: {args.eval_dir} not found", file=sys.stderr)
        return 2
    results = evaluate_citations(args.eval_dir, args.sample)
    for name, result in results.items():
        halves = ", ".join(f"{h:.1%}" for h in result["halves (even, odd clusters)"])
        print(f"{name}: {result['citations']} citations of another outlet, {result['unsupported']} unsupported "
              f"({result['unsupported share']:.1%}; halves {halves})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} (with a sample of {args.sample} per set to check by hand)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
