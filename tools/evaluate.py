"""Score the real pipeline on the public evaluation sets in ../shared/eval/.

    scripts/evaluate [--eval-dir DIR] [--out FILE] [--tasks summaries,stories,figures,casing]

Prints one table per task, our scores beside baselines computed in the same
run, and writes every table as JSON. The sets are read where they are and
never copied into the project; unit tests do not need them.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import numpy as np

DEFAULT_EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


# ---------------------------------------------------------------- data

def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def raw_articles(docs: list[dict], lowercase: bool = False):
    from digest.models import RawArticle, Source

    articles = []
    for doc in docs:
        published = None
        if doc.get("date"):
            try:
                published = datetime.fromisoformat(str(doc["date"])[:10])
            except ValueError:
                published = None
        source = str(doc.get("source") or "unknown")
        text = doc["text"]
        articles.append(RawArticle(id=str(doc["id"]), path=str(doc["id"]), source=Source(source.lower(), source),
                                   raw_text=text, title=doc.get("title"), published=published))
    return articles


def restored(docs: list[dict], lowercase: bool = False):
    """The real restore stage over an evaluation set's documents, in this process."""
    from digest import DigestConfig
    from digest.restore import restore_articles
    from digest.runtime import Runtime
    return restore_articles(raw_articles(docs, lowercase), DigestConfig(), Runtime())


# ---------------------------------------------------------------- 1. summaries

def _truncate(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


def _rouge(summaries: dict[str, str], references: dict[str, list[str]], limit: int) -> dict[str, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    totals = defaultdict(list)
    for key, summary in summaries.items():
        summary = _truncate(summary, limit)
        for metric in ("rouge1", "rouge2", "rougeL"):
            recalls = [scorer.score(_truncate(ref, limit), summary)[metric].recall for ref in references[key]]
            totals[metric].append(sum(recalls) / len(recalls))
    return {metric: 100 * float(np.mean(values)) for metric, values in totals.items()}


class _OfflineTokenizer:
    """sumy's tokenizer needs nltk data; digest's sentence splitter and a word regex work offline."""

    language = "english"

    def to_sentences(self, text: str) -> list[str]:
        from digest.text import paragraphs, split_sentences

        return [s for p in paragraphs(text) for s in split_sentences(p)]

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"[A-Za-z0-9']+", sentence)


def sumy_summary(kind: str, text: str, words: int) -> str:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    parser = PlaintextParser.from_string(text, _OfflineTokenizer())
    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    chosen, count = [], 0
    for sentence in summarizer(parser.document, 15):
        chosen.append(str(sentence))
        count += len(str(sentence).split())
        if count >= words:
            break
    return " ".join(chosen)


def lead_summary(docs: list[dict], words: int) -> str:
    newest = max(docs, key=lambda d: (d.get("date") or "", d["id"]))
    return _truncate(newest["text"].replace("\n", " "), words)


def our_summary(docs: list[dict], words: int | None = None) -> tuple[str, int]:
    """The briefing summary of the cluster as one story, of the task's length in words (the
    baselines get the same limit), in story order; and how many sentences lack citations."""
    from digest.briefing.sentences import story_text
    from digest.briefing.summary import summarize
    from digest.stories.identity import make_story
    summary = summarize(story_text(make_story(restored(docs))), words=words)
    return " ".join(s.text for s in summary), sum(1 for s in summary if not s.citations)


def our_storyline_summary(docs: list[dict], words: int) -> str:
    """The storyline page's summary of the topic taken as one storyline (issue 19: DUC's topics
    are storylines), cut to the task's length in words like every other system."""
    from digest.briefing.storyline import storyline_summary
    summary = storyline_summary("topic", "topic", [tuple(restored(docs))])
    return _truncate(" ".join(s.text for s in summary), words)


def evaluate_summaries(eval_dir: Path) -> list[dict]:
    rows = []
    for name, filename, limit in (("DUC 2003 task 2", "duc2003_task2/duc2003_task2.jsonl", 100),
                                  ("MultiLing 2011 en", "multiling2011_en/multiling2011_en.jsonl", 250)):
        path = eval_dir / filename
        if not path.exists():
            continue
        clusters = read_jsonl(path)
        refs = {c["id"]: c["refs"] for c in clusters}
        texts = {c["id"]: "\n".join(d["text"] for d in sorted(c["docs"], key=lambda d: (d.get("date") or "", d["id"]))) for c in clusters}
        systems: dict[str, dict[str, str]] = {"ours (briefing summary)": {}, "lead (newest article)": {}, "sumy LexRank": {}, "sumy TextRank": {}}
        uncited = 0
        for cluster in clusters:
            summary, missing = our_summary(cluster["docs"], limit)
            uncited += missing
            systems["ours (briefing summary)"][cluster["id"]] = summary
            systems["lead (newest article)"][cluster["id"]] = lead_summary(cluster["docs"], limit)
            systems["sumy LexRank"][cluster["id"]] = sumy_summary("lexrank", texts[cluster["id"]], limit)
            systems["sumy TextRank"][cluster["id"]] = sumy_summary("textrank", texts[cluster["id"]], limit)
            if name.startswith("DUC"):
                systems.setdefault("ours (storyline summary, 5 sentences)", {})[cluster["id"]] = our_storyline_summary(cluster["docs"], limit)
        if name.startswith("MultiLing"):
            systems.update(_multiling_systems(eval_dir, {c["id"] for c in clusters}))
        for half, label in ((0, "ours, even clusters"), (1, "ours, odd clusters")):  # a gain on one half only is fitting
            systems[label] = {c["id"]: systems["ours (briefing summary)"][c["id"]] for c in clusters[half::2]}
        for system, summaries in systems.items():
            scores = _rouge(summaries, {k: refs[k] for k in summaries}, limit)
            words = np.mean([len(s.split()) for s in summaries.values()])
            rows.append({"set": name, "system": system, "R-1": scores["rouge1"], "R-2": scores["rouge2"],
                         "R-L": scores["rougeL"], "words": float(words),
                         **({"uncited sentences": uncited} if system.startswith("ours") else {})})
    return rows


def _multiling_systems(eval_dir: Path, topics: set[str]) -> dict[str, dict[str, str]]:
    path = eval_dir / "multiling2011_en" / "multiling2011_en_system_summaries.jsonl"
    if not path.exists():
        return {}
    names = {"ID9": "MultiLing centroid baseline (ID9)", "ID2": "MultiLing CLASSY1 (ID2)"}
    systems: dict[str, dict[str, str]] = {}
    for row in read_jsonl(path):
        if row["system"] in names and row["id"] in topics:
            systems.setdefault(names[row["system"]], {})[row["id"]] = row["summary"]
    return systems


# ---------------------------------------------------------------- 2. stories

def bcubed(predicted: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for item, label in predicted.items():
        by_pred[label].add(item)
    for item, label in gold.items():
        by_gold[label].add(item)
    precision = recall = 0.0
    for item in predicted:
        a, b = by_pred[predicted[item]], by_gold[gold[item]]
        overlap = len(a & b)
        precision += overlap / len(a)
        recall += overlap / len(b)
    precision /= len(predicted)
    recall /= len(predicted)
    return precision, recall, 2 * precision * recall / (precision + recall)


def evaluate_stories(eval_dir: Path) -> list[dict]:
    """Events (AllSides roundups, ECB+) and storylines (DUC 2003, MultiLing 2011), each set whole and
    in two halves, beside TF-IDF average-link at its oracle threshold (tools/eval_stories.py)."""
    from tools import eval_stories

    try:
        results = eval_stories.evaluate(eval_dir)
    except FileNotFoundError:
        return []
    rows = []
    for name, found in results["sets"].items():
        for part, row in found["parts"].items():
            label = name if part == "all" else f"{name} ({part})"
            for system, scores in (("ours (digest grouping)", row["ours"]),
                                   (f"TF-IDF average-link, oracle threshold {row['baseline']['oracle similarity']:.3f}", row["baseline"])):
                rows.append({"set": label, "level": found["level"], "system": system, "P": scores["B3 P"], "R": scores["B3 R"],
                             "F1": scores["B3 F1"], "pair F1": scores["pair F1"], "target": found["target"] if part == "all" else ""})
    return rows


# ---------------------------------------------------------------- 3. figures

UNIT_WORDS = {"USD": "dollar", "EUR": "euro", "GBP": "pound", "JPY": "yen", "CNY": "yuan", "INR": "rupee",
              "%": "percent", "km": "kilometre", "m": "metre", "kg": "kilogram", "lb": "pound", "km/h": "kilometre per hour",
              # the rest of the unit codes digest's figures use, named as the annotations name them
              "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar", "NZD": "dollar",
              "SGD": "singapore dollar", "MYR": "malaysian ringgit", "ILS": "shekel", "CHF": "franc", "RUB": "rouble",
              "MXN": "peso", "ZAR": "rand", "THB": "baht", "RON": "leu", "SAR": "riyal", "AED": "dirham", "TRY": "lira",
              "SEK": "krona", "hp": "horsepower", "GW": "gigawatt", "MW": "megawatt", "kW": "kilowatt", "W": "watt",
              "kWh": "kilowatt hour", "°F": "fahrenheit", "°C": "celsius", "inches": "inch", "feet": "foot",
              "miles": "mile", "mm": "millimetre", "cm": "centimetre", "g": "gram", "μm": "micrometre", "oz": "ounce",
              "GB": "gigabyte", "MB": "megabyte", "TB": "terabyte", "Hz": "hertz", "GHz": "gigahertz", "MHz": "megahertz",
              "square metres": "square metre", "square feet": "square foot", "square km": "square kilometre",
              "mpg": "mile per gallon", "mph": "mile per hour", "l": "litre", "litres": "litre", "tonnes": "tonne",
              "years of age": "year of age", "months of age": "month of age", "Mbps": "megabit per second"}
UNIT_SYNONYMS = {"percentage": "percent", "kilometer": "kilometre", "meter": "metre", "$": "dollar", "us$": "dollar",
                 "€": "euro", "£": "pound", "per cent": "percent", "cent": "cent", "mi": "mile"}


def _unit_tokens(text: str | None) -> set[str]:
    if not text or text == "-":
        return set()
    text = text.lower()
    for symbol, word in UNIT_SYNONYMS.items():
        text = text.replace(symbol, f" {word} ")
    tokens = set()
    for token in re.findall(r"[a-z]+|%", text):
        token = "percent" if token == "%" else token
        if token in ("per", "of", "the", "a", "an", "us"):
            continue
        if token.endswith("ies") and len(token) > 4:
            token = token[:-3] + "y"
        elif token.endswith("s") and not token.endswith("ss") and len(token) > 3:
            token = token[:-1]
        tokens.add(UNIT_SYNONYMS.get(token, token))
    return tokens


def _values(annotation: str) -> tuple[float, float] | None:
    try:
        if re.fullmatch(r"-?[\d.e+]+--?[\d.e+]+", annotation) and "-" in annotation[1:]:
            low, high = re.split(r"(?<=\d)-", annotation, maxsplit=1)
            return float(low), float(high)
        value = float(annotation)
        return value, value
    except ValueError:
        return None


def _same_value(figure, gold: tuple[float, float]) -> bool:
    low, high = figure.low, figure.high
    if low is None:
        return False
    return math.isclose(low, gold[0], rel_tol=1e-6, abs_tol=1e-9) and math.isclose(high, gold[1], rel_tol=1e-6, abs_tol=1e-9)


def _f1(tp: int, predicted: int, gold: int) -> dict[str, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0}


def score_figures(sentences: list[tuple[str, list[dict]]], extractor) -> dict[str, dict[str, float]]:
    """Greedy one-to-one matching per sentence, as the CQE evaluation does."""
    counts = defaultdict(int)
    predicted_total = gold_total = 0
    for text, gold in sentences:
        predicted = extractor(text)
        predicted_total += len(predicted)
        gold_total += len(gold)
        for level in ("value", "value+unit", "value+concept"):
            used = set()
            for annotation in gold:
                values = _values(str(annotation["value"]))
                if values is None:
                    continue
                for i, figure in enumerate(predicted):
                    if i in used or not _same_value(figure, values):
                        continue
                    if level == "value+unit":
                        ours = _unit_tokens(UNIT_WORDS.get(figure.unit or "", figure.unit)) | _unit_tokens(figure.counts)
                        theirs = _unit_tokens(annotation.get("unit")) | _unit_tokens(annotation.get("normalized_unit"))
                        if theirs and not (ours & theirs):
                            continue
                        if not theirs and ours and figure.unit:
                            continue
                    if level == "value+concept":
                        concept = _unit_tokens(annotation.get("referred_concepts"))
                        ours = _unit_tokens(figure.counts) | _unit_tokens(text[max(0, figure.start - 60):figure.start])
                        if concept and not (ours & concept):
                            continue
                    used.add(i)
                    counts[level] += 1
                    break
    return {level: _f1(counts[level], predicted_total, gold_total) for level in ("value", "value+unit", "value+concept")}


def evaluate_figures(eval_dir: Path) -> list[dict]:
    from digest.briefing.figures import extract_figures

    rows = []
    newsquant = eval_dir / "newsquant_cqe" / "newsquant_dev.jsonl"
    if newsquant.exists():
        sentences = [(row["text"], row["quantities"]) for row in read_jsonl(newsquant)]
        rows += _figure_rows("NewsQuant dev", sentences, extract_figures)
        # Every other sentence, as the guide asks: a gain on one half only is fitting the set
        rows += _figure_rows("NewsQuant dev, even half", sentences[0::2], extract_figures)
        rows += _figure_rows("NewsQuant dev, odd half", sentences[1::2], extract_figures)
        rows += _published_newsquant(eval_dir)
    quantulum = eval_dir / "quantulum3_tests" / "quantities.json"
    if quantulum.exists():
        data = json.loads(quantulum.read_text(encoding="utf-8"))
        sentences = [(item["req"], [{"value": str(r["value"]), "unit": r.get("unit"), "normalized_unit": r.get("unit")} for r in item["res"]]) for item in data]
        rows += _figure_rows("quantulum3 tests", sentences, extract_figures)
    return rows


def _figure_rows(name, sentences, extractor) -> list[dict]:
    scores = score_figures(sentences, extractor)
    return [{"set": name, "system": "ours (digest figures)", "level": level, **values} for level, values in scores.items()]


def _published_newsquant(eval_dir: Path) -> list[dict]:
    path = eval_dir / "newsquant_cqe" / "evaluation_output" / "NewsQuant.csv"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 6 and parts[5] in ("value", "value+unit"):
            rows.append({"set": "NewsQuant full (published)", "system": parts[4], "level": parts[5],
                         "P": float(parts[1]) / 100, "R": float(parts[2]) / 100, "F1": float(parts[3]) / 100})
    return rows


# ---------------------------------------------------------------- 4. casing

def lowercase_like_reuters(text: str) -> str:
    """What the Reuters seed's corpus did: lowercase, space out punctuation, drop quotes and apostrophes."""
    text = text.lower()
    text = re.sub(r"[\"“”‘`]|''", "", text)
    text = re.sub(r"(\w)['’](\w)", r"\1 \2", text)
    text = re.sub(r"([,.;:?!()])", r" \1 ", text)
    text = re.sub(r"(?<=\d) ([.,]) (?=\d)", r"\1", text)  # keep 3.5 and 1,000
    text = re.sub(r"\b((?:[a-z] \. ){2,})", lambda m: m.group(1).replace(" ", ""), text)  # u . s . -> u.s.
    return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines())


def _word_tokens(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


def evaluate_casing(eval_dir: Path) -> list[dict]:
    """Lowercase and tokenize every other document of a set like the Reuters seed, restore the
    whole set as one corpus (the cased half teaches the names), and compare word by word."""
    rows = []
    for name, filename in (("MultiLing 2011 en", "multiling2011_en/multiling2011_en.jsonl"),
                           ("DUC 2003 task 2", "duc2003_task2/duc2003_task2.jsonl")):
        path = eval_dir / filename
        if not path.exists():
            continue
        docs = sorted((doc for cluster in read_jsonl(path) for doc in cluster["docs"]), key=lambda d: d["id"])
        lowered_ids = {d["id"] for d in docs[::2]}
        prepared = [dict(d, text=lowercase_like_reuters(d["text"]) if d["id"] in lowered_ids else d["text"]) for d in docs]
        restored_texts = {a.id: a.text for a in restored(prepared)}
        capital_total = capital_right = capital_started = false_capitals = tokens_total = 0
        for doc in docs:
            if doc["id"] not in lowered_ids:
                continue
            original = _word_tokens(doc["text"].replace("'", " ").replace("’", " "))
            ours = _word_tokens(restored_texts[doc["id"]].replace("'", " ").replace("’", " "))
            if len(original) != len(ours):
                original, ours = _align(original, ours)
            for want, got in zip(original, ours):
                tokens_total += 1
                if want[:1].isupper():
                    capital_total += 1
                    capital_right += got == want
                    capital_started += got[:1].isupper()  # "Washington" for "WASHINGTON"
                elif got[:1].isupper():
                    false_capitals += 1
        rows.append({"set": name, "capitalised tokens restored": capital_right / max(capital_total, 1),
                     "capitalised, any form": capital_started / max(capital_total, 1),
                     "false capitals per 1,000 tokens": 1000 * false_capitals / max(tokens_total, 1),
                     "tokens": tokens_total})
    return rows


def _align(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    import difflib

    matcher = difflib.SequenceMatcher(a=[t.lower() for t in a], b=[t.lower() for t in b], autojunk=False)
    left, right = [], []
    for block in matcher.get_matching_blocks():
        left += a[block.a : block.a + block.size]
        right += b[block.b : block.b + block.size]
    return left, right


# ---------------------------------------------------------------- report

def evaluate_entities(eval_dir: Path) -> list[dict]:
    """Names on GUM (tools/eval_entities.py): typed precision, junk rate and recall of the names
    mentioned at least twice, over the whole set and its two halves (every other document)."""
    from tools import eval_entities

    try:
        result = eval_entities.evaluate_entities(eval_dir)
    except FileNotFoundError:
        return []
    return [{"set": "GUM entities dev" + ("" if part == "all" else f" ({part.replace('_', ' ')})"), "system": "ours (digest names)",
             "typed precision": scores["typed_precision"], "junk": scores["junk_rate"], "recall (2+ mentions)": scores["recall_repeated"],
             "target": "0.92 / 0.03 / 0.85" if part == "all" else ""}
            for part, scores in result.items() if part in ("all", "half_even", "half_odd")]


TASKS = {"summaries": evaluate_summaries, "stories": evaluate_stories, "figures": evaluate_figures, "casing": evaluate_casing,
         "entities": evaluate_entities}


def format_table(rows: list[dict]) -> str:
    if not rows:
        return "(no data)"
    columns = list(dict.fromkeys(k for row in rows for k in row))

    def cell(value):
        if isinstance(value, float):
            return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
        return str(value)

    widths = {c: max(len(c), *(len(cell(r.get(c, ""))) for r in rows)) for c in columns}
    lines = [" | ".join(c.ljust(widths[c]) for c in columns), "-+-".join("-" * widths[c] for c in columns)]
    for row in rows:
        lines.append(" | ".join(cell(row.get(c, "")).ljust(widths[c]) for c in columns))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--out", type=Path, default=Path("eval-results/evaluation.json"))
    parser.add_argument("--tasks", default=",".join(TASKS))
    parser.add_argument("--pin", action="store_true", help="Pin this run's scores as the quality floors (tools/floors.json).")
    parser.add_argument("--allow-regression", action="store_true", help="With --pin: lower a floor too.")
    parser.add_argument("--no-gate", action="store_true", help="Report the scores without checking the floors.")
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"evaluate: {args.eval_dir} not found: the public evaluation sets live in ../shared/eval/ beside the project", file=sys.stderr)
        return 2
    results = {}
    for task in args.tasks.split(","):
        started = time.perf_counter()
        rows = TASKS[task.strip()](args.eval_dir)
        results[task] = rows
        print(f"\n== {task} ({time.perf_counter() - started:.0f} s)\n{format_table(rows)}", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return _gate(results, args)


def _gate(results: dict, args: argparse.Namespace) -> int:
    """Exit status: 1 when a gated score fell below its floor (or a pin would lower one)."""
    from tools import gate

    floors = gate.load_floors()
    if args.pin:
        updated, refused = gate.pin(results, floors, args.allow_regression)
        gate.save_floors(updated)
        print(f"pinned {len(updated)} floors in {gate.FLOORS}")
        for line in refused:
            print(f"not lowered (use --allow-regression): {line}", file=sys.stderr)
        return 1 if refused else 0
    if args.no_gate:
        return 0
    failures = gate.check(results, floors)
    for line in failures:
        print(f"evaluate: below the floor: {line}", file=sys.stderr)
    print(f"quality gate: {len(floors) - len(failures)} of {len(floors)} floors held" if not failures else
          f"quality gate: {len(failures)} floors not held (tools/floors.json)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
