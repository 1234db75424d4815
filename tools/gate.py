"""Quality floors for scripts/evaluate: a drop below a pinned score exits non-zero.

tools/floors.json pins, per task, set, system and metric, the lowest score accepted. After an
evaluation, `check` lists every pinned score that fell below its floor (or that the run did not
produce, for a task it ran). `pin` writes the run's scores as the new floors, less a tolerance for
run-to-run noise, and refuses to lower a floor unless told to (trafilatura's eval_gate habit):
re-pinning is a deliberate step, in its own commit, with the reason.
"""
from __future__ import annotations

import json
from pathlib import Path

FLOORS = Path(__file__).resolve().parent / "floors.json"
GATED = {
    "summaries": ("ours (briefing summary)", ("R-2",)),
    "stories": ("ours (digest grouping)", ("F1",)),
    "figures": ("ours (digest figures)", ("F1",)),
    "entities": ("ours (digest names)", ("typed precision", "recall (2+ mentions)")),
}
"""task -> (the system whose scores are gated, the metrics gated)."""
TOLERANCE = {"R-2": 0.2, "F1": 0.005, "typed precision": 0.005, "recall (2+ mentions)": 0.005}
"""How far below the pinned run a floor sits: ROUGE points, or a fraction of F1."""


def _label(row: dict) -> str:
    return " / ".join(str(row[k]) for k in ("set", "level") if k in row)


def gated_scores(results: dict[str, list[dict]]) -> dict[str, float]:
    """'task | set [/ level] | metric' -> score, for the gated system of every task run."""
    scores = {}
    for task, (system, metrics) in GATED.items():
        for row in results.get(task, []):
            if row.get("system") == system:
                for metric in metrics:
                    if isinstance(row.get(metric), (int, float)):
                        scores[f"{task} | {_label(row)} | {metric}"] = float(row[metric])
    return scores


def load_floors(path: Path = FLOORS) -> dict[str, float]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def check(results: dict[str, list[dict]], floors: dict[str, float]) -> list[str]:
    """Every floor of a task that ran whose score fell below it, or is missing, as a line."""
    scores = gated_scores(results)
    failures = []
    for key, floor in sorted(floors.items()):
        task = key.split(" | ")[0]
        if task not in results:
            continue
        score = scores.get(key)
        if score is None:
            failures.append(f"{key}: no score (floor {floor:g})")
        elif score < floor:
            failures.append(f"{key}: {score:.4g} is below the floor {floor:g}")
    return failures


def pin(results: dict[str, list[dict]], floors: dict[str, float], allow_regression: bool = False) -> tuple[dict[str, float], list[str]]:
    """The floors with this run's scores (less the tolerance) pinned; and the floors it would
    lower, which stay unless allow_regression."""
    updated = dict(floors)
    refused = []
    for key, score in gated_scores(results).items():
        metric = key.rsplit(" | ", 1)[1]
        floor = round(score - TOLERANCE.get(metric, 0.0), 4)
        if key in floors and floor < floors[key] and not allow_regression:
            refused.append(f"{key}: {floor:g} would lower the floor {floors[key]:g}")
            continue
        updated[key] = floor
    return updated, refused


def save_floors(floors: dict[str, float], path: Path = FLOORS) -> None:
    path.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
