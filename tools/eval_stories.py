"""Events and storylines scored on the public evaluation sets in ../shared/eval/ (issue 19).

    python -m tools.eval_stories [--eval-dir DIR] [--out FILE] [--errors]

Event level (one development, one briefing): AllSides roundups (dev period; gold = roundup)
and ECB+ train+dev (gold = the event of each topic's two). Storyline level (a matter over
weeks): DUC 2003 task 2 (gold = TDT topic) and MultiLing 2011 (gold = topic). Each set is
read through the real restore stage and grouped by digest's grouping with one configuration
(GroupingConfig()), as a whole and as two halves, each half its own corpus: every other gold
cluster (ECB+: every other topic, so that a topic's two events stay together), to show that a
setting is not fitted to one half. Beside ours, the same-run baseline: TF-IDF average-link at
its oracle threshold (the best on that very corpus). Scores are B-cubed (Bagga & Baldwin 1998)
and pairwise precision, recall and F1 over documents. With --errors, each gold cluster we split or
merge is listed with its B-cubed precision and recall and the clusters it shares ours with, so that
the errors can be read and grouped into kinds.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import numpy as np

from digest import GroupingConfig
from tools.evaluate import bcubed, read_jsonl, restored

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_EVAL_DIR = ROOT.parent / "shared" / "eval"
TARGETS = {"AllSides roundups dev": 0.93, "ECB+ train+dev": 0.95, "DUC 2003 pool": 0.93, "MultiLing 2011": 0.93}


def pairwise(predicted: dict[str, object], gold: dict[str, object]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pairs of documents put together (a set with no pair: 1.0)."""
    def pairs(counts) -> int:
        return sum(n * (n - 1) // 2 for n in counts)

    together = pairs(Counter((predicted[d], gold[d]) for d in predicted).values())
    found, wanted = pairs(Counter(predicted.values()).values()), pairs(Counter(gold[d] for d in predicted).values())
    precision = together / found if found else 1.0
    recall = together / wanted if wanted else 1.0
    return precision, recall, (2 * precision * recall / (precision + recall)) if precision + recall else 0.0


def scores(predicted: dict[str, object], gold: dict[str, object]) -> dict[str, float]:
    p, r, f = bcubed(predicted, gold)
    pp, pr, pf = pairwise(predicted, gold)
    return {"B3 P": p, "B3 R": r, "B3 F1": f, "pair P": pp, "pair R": pr, "pair F1": pf,
            "clusters": len(set(predicted.values())), "gold clusters": len(set(gold.values()))}


def gold_errors(predicted: dict[str, object], gold: dict[str, object]) -> list[dict]:
    """Each gold cluster that is split or merged, worst first: {"gold", "documents", "B3 P", "B3 R"
    (means over its documents), "ours": [{"cluster", "of this gold", "gold beside"}]}, where
    "gold beside" counts the documents of other gold clusters in that cluster of ours."""
    by_pred: dict[object, list[str]] = {}
    by_gold: dict[object, list[str]] = {}
    for item, label in predicted.items():
        by_pred.setdefault(label, []).append(item)
        by_gold.setdefault(gold[item], []).append(item)
    errors = []
    for label, items in by_gold.items():
        mine = Counter(predicted[item] for item in items)
        precision = sum(mine[predicted[item]] / len(by_pred[predicted[item]]) for item in items) / len(items)
        recall = sum(mine[predicted[item]] / len(items) for item in items) / len(items)
        if precision < 1 or recall < 1:
            ours = [{"cluster": str(cluster), "of this gold": count,
                     "gold beside": dict(Counter(str(gold[item]) for item in by_pred[cluster] if gold[item] != label))}
                    for cluster, count in mine.most_common()]
            errors.append({"gold": str(label), "documents": len(items), "B3 P": precision, "B3 R": recall, "ours": ours})
    return sorted(errors, key=lambda e: (min(e["B3 P"], e["B3 R"]), e["gold"]))


def listed_twice(eval_dir: Path, filename: str) -> int:
    """Documents a topic set lists under more than one topic (scored under the last one listed)."""
    topics_of = Counter(str(doc["id"]) for cluster in read_jsonl(eval_dir / filename) for doc in cluster["docs"])
    return sum(1 for count in topics_of.values() if count > 1)


# ---------------------------------------------------------------- the sets

def allsides(eval_dir: Path) -> tuple[list[dict], dict[str, str], list[str]]:
    """Docs dated by their roundup (the articles' own dates are not in the set)."""
    docs, gold, halves = [], {}, []
    for roundup in read_jsonl(eval_dir / "allsides_roundups_dev" / "allsides_roundups_dev.jsonl"):
        for doc in roundup["docs"]:
            docs.append({**doc, "date": roundup["date"][:10]})
            gold[str(doc["id"])] = str(roundup["id"])
        halves.append(str(roundup["id"]))
    return docs, gold, halves


def ecbplus(eval_dir: Path) -> tuple[list[dict], dict[str, str], list[str]]:
    docs = read_jsonl(eval_dir / "ecbplus_clustering" / "ecbplus_docs.jsonl")
    return docs, {str(d["id"]): str(d["cluster"]) for d in docs}, [str(d["cluster"]) for d in docs]


def topics(eval_dir: Path, filename: str, first_line_dates: bool = False) -> tuple[list[dict], dict[str, str], list[str]]:
    """DUC / MultiLing: one cluster (topic) a line. Wikinews puts the date alone on an article's
    first line: with first_line_dates it is read from there, as digest's corpus loader does."""
    from digest.corpus.metadata import date_from_first_line

    docs, gold = [], {}
    for cluster in read_jsonl(eval_dir / filename):
        for doc in cluster["docs"]:
            if first_line_dates and not doc.get("date"):
                published, body = date_from_first_line(doc["text"])
                if published:
                    doc = {**doc, "date": published.date().isoformat(), "text": body}
            docs.append(doc)
            gold[str(doc["id"])] = str(cluster["id"])
    return docs, gold, list(dict.fromkeys(gold.values()))


def halves_of(docs: list[dict], gold: dict[str, str], order: list[str], key=lambda label: label) -> tuple[list[dict], list[dict]]:
    """Every other gold cluster (by `key`, in the file's order) in the first half, the rest in the second."""
    keys = list(dict.fromkeys(key(label) for label in order))
    first = set(keys[::2])
    return ([d for d in docs if key(gold[str(d["id"])]) in first], [d for d in docs if key(gold[str(d["id"])]) not in first])


def sets(eval_dir: Path) -> list[tuple[str, str, list[dict], dict[str, str], tuple[list[dict], list[dict]]]]:
    """(name, level, docs, gold, halves) for every set found."""
    found = []
    if (eval_dir / "allsides_roundups_dev").is_dir():
        docs, gold, order = allsides(eval_dir)
        found.append(("AllSides roundups dev", "event", docs, gold, halves_of(docs, gold, order)))
    if (eval_dir / "ecbplus_clustering").is_dir():
        docs, gold, order = ecbplus(eval_dir)
        found.append(("ECB+ train+dev", "event", docs, gold, halves_of(docs, gold, order, key=lambda c: c.split("_")[0])))
    if (eval_dir / "duc2003_task2").is_dir():
        docs, gold, order = topics(eval_dir, "duc2003_task2/duc2003_task2.jsonl")
        found.append(("DUC 2003 pool", "storyline", docs, gold, halves_of(docs, gold, order)))
    if (eval_dir / "multiling2011_en").is_dir():
        docs, gold, order = topics(eval_dir, "multiling2011_en/multiling2011_en.jsonl", first_line_dates=True)
        found.append(("MultiLing 2011", "storyline", docs, gold, halves_of(docs, gold, order)))
    return found


# ---------------------------------------------------------------- ours and the baseline

def ours(docs: list[dict], config: GroupingConfig) -> tuple[dict[str, str], dict[str, str]]:
    """Each document's event and storyline, through the real restore stage and grouping."""
    from digest import DigestConfig
    from digest.runtime import Runtime
    from digest.stories import group

    found = group(restored(docs), DigestConfig(grouping=config), Runtime())
    events, storylines = found.events, found.storylines
    event_of = {a.id: story.id for story in events for a in story.articles}
    line_of = {event: line.id for line in storylines for event in line.events}
    return event_of, {article: line_of[event] for article, event in event_of.items()}


def tfidf_average_link(docs: list[dict], gold: dict[str, str]) -> dict:
    """TF-IDF cosine, average-link, cut at the threshold that gives the best B-cubed F1 here."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = [str(d["id"]) for d in docs]
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([d["text"] for d in docs])
    distance = np.clip(1 - (vectors @ vectors.T).toarray(), 0, None)
    np.fill_diagonal(distance, 0)
    tree = linkage(squareform(distance, checks=False), method="average")
    best = None
    for threshold in np.arange(0.05, 1.0, 0.025):
        labels = dict(zip(ids, (int(x) for x in fcluster(tree, t=threshold, criterion="distance"))))
        row = scores(labels, gold)
        if best is None or row["B3 F1"] > best["B3 F1"]:
            best = {**row, "oracle similarity": round(1 - float(threshold), 3)}
    return best


def evaluate(eval_dir: Path = DEFAULT_EVAL_DIR, config: GroupingConfig = GroupingConfig(), errors: bool = False) -> dict:
    """{"config": the GroupingConfig, "sets": {name: {"level", "target", "parts": {"all" | "half 1" |
    "half 2": {"ours": scores at the set's level, "ours, other level": scores, "baseline": scores,
    "seconds"}}}}}; with `errors`, each part also holds "errors" (gold_errors at the set's level).
    Raises FileNotFoundError when no set is found."""
    found = sets(Path(eval_dir))
    if not found:
        raise FileNotFoundError(f"no evaluation sets in {eval_dir}")
    results = {"config": asdict(config), "sets": {}}
    for name, level, docs, gold, (first, second) in found:
        parts = {}
        for part, part_docs in (("all", docs), ("half 1", first), ("half 2", second)):
            started = time.perf_counter()
            part_gold = {str(d["id"]): gold[str(d["id"])] for d in part_docs}
            event_of, line_of = ours(part_docs, config)
            mine, other = (event_of, line_of) if level == "event" else (line_of, event_of)
            parts[part] = {"ours": scores(mine, part_gold), "ours, other level": scores(other, part_gold),
                           "baseline": tfidf_average_link(part_docs, part_gold), "seconds": time.perf_counter() - started}
            if errors:
                parts[part]["errors"] = gold_errors(mine, part_gold)
        results["sets"][name] = {"level": level, "target": TARGETS[name], "documents": len(docs), "parts": parts}
    return results


def table(results: dict) -> str:
    lines = [f"{'set':24s} {'level':9s} {'part':6s} {'ours B3 P/R/F1':20s} {'pair F1':>7s} {'baseline B3/pair F1':>20s} "
             f"{'other level B3 F1':>17s} {'target':>6s}"]
    for name, found in results["sets"].items():
        for part, row in found["parts"].items():
            mine, base, other = row["ours"], row["baseline"], row["ours, other level"]
            met = "met" if mine["B3 F1"] >= found["target"] else "not"
            lines.append(f"{name:24s} {found['level']:9s} {part:6s} {mine['B3 P']:.3f}/{mine['B3 R']:.3f}/{mine['B3 F1']:.3f}    "
                         f"{mine['pair F1']:7.3f} {base['B3 F1']:10.3f}/{base['pair F1']:.3f} (@{base['oracle similarity']:.2f}) "
                         f"{other['B3 F1']:9.3f} {found['target']:6.2f} {met if part == 'all' else ''}")
    return "\n".join(lines)


def error_table(results: dict, eval_dir: Path) -> str:
    """The gold clusters each part splits or merges (gold_errors), one line each."""
    lines = []
    twice = {"DUC 2003 pool": "duc2003_task2/duc2003_task2.jsonl", "MultiLing 2011": "multiling2011_en/multiling2011_en.jsonl"}
    for name, found in results["sets"].items():
        if name in twice and (count := listed_twice(eval_dir, twice[name])):
            lines.append(f"{name}: {count} documents are listed under two gold clusters (scored under the last)")
        for part, row in found["parts"].items():
            for error in row.get("errors", []):
                ours = "; ".join(f"{o['of this gold']} in {o['cluster']}" + (f" with {o['gold beside']}" if o["gold beside"] else "")
                                 for o in error["ours"])
                lines.append(f"{name} {part}: gold {error['gold']} ({error['documents']} docs) "
                             f"P {error['B3 P']:.2f} R {error['B3 R']:.2f}: {ours}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--out", type=Path, default=ROOT / "eval-results" / "stories.json")
    parser.add_argument("--errors", action="store_true", help="list the gold clusters each part splits or merges")
    args = parser.parse_args(argv)
    try:
        results = evaluate(args.eval_dir, errors=args.errors)
    except FileNotFoundError as exc:
        print(f"eval_stories: {exc}: the public evaluation sets live in ../shared/eval/ beside the project", file=sys.stderr)
        return 2
    print(table(results))
    if args.errors:
        print("\n" + error_table(results, args.eval_dir))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
