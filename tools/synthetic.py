"""Synthetic corpora of a realistic shape, for benchmarks and scale tests.

Many outlets; stories of 1 to 30 articles spread over a few days; 300 to 1,500
words an article; names, places and figures shared within a story; a share of
articles lowercased and tokenized like the Reuters seed. Deterministic for a seed.
"""
from __future__ import annotations

import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

SYLLABLES = ["ka", "ro", "mi", "ta", "sel", "dor", "van", "li", "ne", "ba", "zu", "qua", "hel", "ma", "ri", "ost", "el", "tan", "gor", "vi"]
TOPICS = [
    ("flood", ["floodwater", "river", "rain", "residents", "homes", "evacuation", "rescue", "levee", "boats", "shelter"]),
    ("earthquake", ["earthquake", "magnitude", "aftershock", "buildings", "rubble", "injured", "epicentre", "tremor", "rescuers", "tents"]),
    ("election", ["election", "votes", "candidate", "ballot", "turnout", "campaign", "parliament", "coalition", "polls", "seats"]),
    ("strike", ["strike", "workers", "union", "wages", "factory", "talks", "pickets", "management", "contract", "shifts"]),
    ("trial", ["trial", "court", "judge", "jury", "verdict", "prosecutors", "defence", "witness", "charges", "sentence"]),
    ("fire", ["wildfire", "firefighters", "hectares", "blaze", "smoke", "evacuated", "winds", "crews", "containment", "villages"]),
    ("budget", ["budget", "spending", "taxes", "deficit", "ministry", "schools", "hospitals", "debt", "revenue", "cuts"]),
    ("match", ["match", "goals", "striker", "coach", "league", "stadium", "fans", "penalty", "season", "title"]),
]
COMMON = ("the a of to in and on for with said that was were has have by from at after officials people "
          "government city week day year local new two three first last told reporters statement").split()
VERBS = ["said", "reported", "confirmed", "announced", "warned", "added", "estimated", "told reporters"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def _name(rng: random.Random) -> str:
    return f"{_word(rng, 2).capitalize()} {_word(rng, 2).capitalize()}"


def _tokenize_like_reuters(text: str) -> str:
    text = text.lower().replace("'", " ")
    return re.sub(r"([,.;:()])", r" \1 ", text).replace("  ", " ")


def make_corpus(articles: int, seed: int = 1, outlets: int = 20, start: date = date(2024, 1, 1), lowercased_share: float = 0.1):
    """Yield article records {id, source, title, published, text} until `articles` are made."""
    rng = random.Random(seed)
    outlet_keys = [f"outlet{i:02d}" for i in range(outlets)]
    made, story = 0, 0
    while made < articles:
        story += 1
        topic, words = rng.choice(TOPICS)
        place = _word(rng, 3).capitalize()
        people = [_name(rng) for _ in range(3)]
        organisation = f"{_word(rng, 2).capitalize()} {rng.choice(['Council', 'Agency', 'Ministry', 'Union', 'Party'])}"
        figures = [rng.randint(3, 5000) for _ in range(4)]
        day0 = start + timedelta(days=rng.randint(0, max(1, articles // 80)))
        size = min(articles - made, max(1, int(rng.paretovariate(1.2))) if rng.random() < 0.9 else rng.randint(10, 30))
        size = min(size, 30)
        for number in range(size):
            outlet = rng.choice(outlet_keys)
            sentences = []
            for _ in range(rng.randint(15, 70)):
                who = rng.choice(people + [organisation, "officials", "the " + rng.choice(["mayor", "police", "ministry"])])
                filler = " ".join(rng.choice(COMMON + words) for _ in range(rng.randint(6, 14)))
                figure = rng.choice(figures)
                pattern = rng.randint(0, 3)
                if pattern == 0:
                    sentences.append(f"{who} {rng.choice(VERBS)} that about {figure} {rng.choice(words)} in {place} {filler}.")
                elif pattern == 1:
                    sentences.append(f"In {place}, the {topic} {filler}, {rng.choice(people)} said.")
                elif pattern == 2:
                    sentences.append(f"The {rng.choice(words)} {filler} on {rng.choice(['Monday', 'Tuesday', 'Friday', 'Sunday'])}.")
                else:
                    sentences.append(f"{organisation} said {rng.randint(2, 9)} {rng.choice(words)} and more than {figure} {rng.choice(words)} {filler}.")
            text = "\n".join(" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3))
            if rng.random() < lowercased_share:
                text = _tokenize_like_reuters(text)
            made += 1
            yield {
                "id": f"s{story:06d}-{number:02d}",
                "source": outlet,
                "title": f"{topic.capitalize()} in {place}: {rng.choice(people)} speaks" if rng.random() < 0.8 else None,
                "published": (day0 + timedelta(days=rng.randint(0, 4))).isoformat(),
                "text": text,
            }


def write_corpus(content_dir: Path, articles: int, seed: int = 1, per_file: int = 5000) -> None:
    """content_dir/sources.yml and articles/bulk-NNN.jsonl."""
    articles_dir = content_dir / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    (content_dir / "sources.yml").write_text("".join(f"outlet{i:02d}:\n  name: Outlet {i}\n" for i in range(20)), encoding="utf-8")
    batch, index = [], 0
    for record in make_corpus(articles, seed):
        batch.append(json.dumps({k: v for k, v in record.items() if v is not None}))
        if len(batch) == per_file:
            (articles_dir / f"bulk-{index:03d}.jsonl").write_text("\n".join(batch) + "\n", encoding="utf-8")
            batch, index = [], index + 1
    if batch:
        (articles_dir / f"bulk-{index:03d}.jsonl").write_text("\n".join(batch) + "\n", encoding="utf-8")


def write_stress_corpus(content_dir: Path, kind: str, articles: int) -> None:
    """Stress shapes for the reliability measurements: 'one-line' (many tiny articles) or
    'one-story' (every article about the same event)."""
    rng = random.Random(3)
    articles_dir = content_dir / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    (content_dir / "sources.yml").write_text("".join(f"outlet{i:02d}:\n  name: Outlet {i}\n" for i in range(20)), encoding="utf-8")
    place, person = _word(rng, 3).capitalize(), _name(rng)
    lines = []
    for number in range(articles):
        if kind == "one-line":
            text = f"{_name(rng)} said {rng.randint(2, 900)} {rng.choice(TOPICS)[1][rng.randint(0, 9)]} were counted in {_word(rng, 3).capitalize()} on {rng.choice(['Monday', 'Friday'])}."
        else:
            words = rng.choice(TOPICS[0:1])[1]
            text = " ".join(
                f"{person} said about {rng.randint(100, 900)} {rng.choice(words)} were reported in {place} {' '.join(rng.choice(COMMON + words) for _ in range(10))}."
                for _ in range(rng.randint(8, 20)))
        day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 6 if kind == "one-story" else 364))
        lines.append(json.dumps({"id": f"{kind}-{number:06d}", "source": f"outlet{rng.randrange(20):02d}", "published": day.isoformat(), "text": text}))
    (articles_dir / f"{kind}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
