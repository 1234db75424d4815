"""The command line: thin commands over the library, documented in the README."""
import json
import re

from click.testing import CliRunner

from digest.cli import cli

from conftest import QUAKES, ROOT


def test_figures_command_reads_jsonl_and_plain_text():
    lines = json.dumps({"text": "About 400 civilians joined the convoy."}) + "\nNo more than 200-300 foreign militants remained.\n\n"
    result = CliRunner().invoke(cli, ["figures", "-"], input=lines)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records[0]["figures"][0] == {"text": "400", "value": 400.0, "low": 400.0, "high": 400.0, "unit": None, "counts": "civilians", "qualifier": "about"}
    assert records[1]["figures"][0]["qualifier"] == "no more than" and records[1]["figures"][0]["high"] == 300.0


def test_build_and_strict_exit_codes(make_project, monkeypatch):
    project = make_project({**QUAKES, "bad.md": "---\ntitel: x\nsource: wire\n---\nA short note about a town.\n"})
    monkeypatch.chdir(project)
    runner = CliRunner()
    ok = runner.invoke(cli, ["build", "-q"])
    assert ok.exit_code == 0, ok.output
    assert "content/articles/bad.md:2: unknown front matter key 'titel'" in ok.output
    strict = runner.invoke(cli, ["build", "--strict", "-q"])
    assert strict.exit_code == 1
    assert "--strict: nothing was replaced" in strict.output


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for name, command in cli.commands.items():
        assert f"digest {name}" in readme, name
        assert command.help


def test_bundled_demo_corpus_builds_cleanly(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["generate", "--strict", "-q", "--no-state", "--docs", str(tmp_path / "docs")])
    assert result.exit_code == 0, result.output
    match = re.search(r"(\d+) briefings from (\d+) articles", result.output)
    assert match and int(match.group(2)) == 102
    seed = next((tmp_path / "docs" / "briefings").glob("2017-10-15-*.md")).read_text()
    assert "Talal Selo" in seed and "syria s raqqa" not in seed.lower()


def test_python_m_digest_and_any_corpus_folder(make_project, tmp_path):
    import subprocess
    import sys

    project = make_project(QUAKES)
    docs = tmp_path / "elsewhere"
    run = subprocess.run([sys.executable, "-m", "digest", "generate", "-q", "--content", str(project / "content"),
                          "--config", str(project / "mkdocs.yml"), "--docs", str(docs)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (docs / "briefings.json").exists() and len(list((docs / "briefings").glob("*.md"))) == 3
    assert not (project / "build" / "docs").exists()  # only the cache lives under build/
