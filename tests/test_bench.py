"""scripts/bench --against: this code and an earlier commit's, timed side by side on one corpus."""
import json
import subprocess
from pathlib import Path

import pytest

from tools import bench

ROOT = Path(__file__).resolve().parent.parent


def _in_git_checkout() -> bool:
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode == 0


pytestmark = pytest.mark.skipif(not _in_git_checkout(), reason="needs the project's git history")


def test_against_a_commit_prints_both_medians_and_their_ratio(tmp_path, capsys):
    out = tmp_path / "bench.json"
    assert bench.main(["--sizes", "150", "--against", "HEAD", "--rounds", "2", "--jobs", "1", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "150 articles, clean builds, 2 of each taken alternately (medians):" in printed
    assert "ratio" in printed and "briefings" in printed
    [row] = json.loads(out.read_text())
    assert row["against_revision"] == "HEAD"
    for version in ("this", "against"):
        assert len(row[version]["runs"]) == 2
        assert row[version]["seconds"] > 0 and row[version]["stages"]["briefings"] > 0


def test_the_other_commit_is_the_code_that_runs(tmp_path):
    other = bench.checkout("HEAD", tmp_path / "other")
    assert (other / "digest" / "pipeline.py").is_file()
    assert bench.imported_from(other, tmp_path) == other.resolve()
    assert bench.imported_from(ROOT, tmp_path) == ROOT


def test_an_unknown_commit_is_named_in_the_error(tmp_path):
    with pytest.raises(SystemExit, match="cannot check out 'no-such-commit'"):
        bench.main(["--sizes", "100", "--against", "no-such-commit", "--out", str(tmp_path / "b.json")])
