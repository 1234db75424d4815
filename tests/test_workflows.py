"""The GitHub workflows: valid YAML, the daily loop in order, and a real linter (actionlint)."""
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name):
    data = yaml.safe_load((WORKFLOWS / name).read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_actionlint_passes():
    actionlint = Path(sys.executable).parent / "actionlint"
    assert actionlint.exists(), "actionlint comes with the test extras (pip install -e '.[test]')"
    run = subprocess.run([str(actionlint), "-no-color", *sorted(map(str, WORKFLOWS.glob("*.yml")))], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_daily_workflow_fetches_builds_commits_and_deploys():
    data = load("digest.yml")
    assert "schedule" in data["on"] and "workflow_dispatch" in data["on"]
    steps = data["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in steps]
    uses = [s.get("uses", "") for s in steps]
    order = [next(i for i, r in enumerate(runs) if marker in r) for marker in ("scripts/setup", "digest fetch", "digest build --strict", "git push")]
    assert order == sorted(order)
    assert any(u.startswith("actions/setup-python") and s["with"].get("cache") == "pip" for u, s in zip(uses, steps))
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert data["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert data["permissions"]["pages"] == "write" and data["permissions"]["id-token"] == "write"


def test_tests_workflow_runs_the_readme_test_command():
    data = load("tests.yml")
    assert "pull_request" in data["on"]
    assert any("scripts/test" in s.get("run", "") for s in data["jobs"]["test"]["steps"])
    assert "scripts/test" in (ROOT / "README.md").read_text()
