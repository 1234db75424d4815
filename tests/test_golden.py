"""The whole generated output of two corpora, pinned (pelican's functional-test habit).

`tests/golden/<scenario>/expected/` holds every file `digest generate` writes for the scenario's
corpus: the Markdown pages, briefings.json, the RSS and Atom feeds, and the state file it leaves
in the content folder (as `_state/digest-state.json`). A change to the wording, order or markup
of any page fails here with a unified diff. When the change is meant, rewrite the expected tree
with `pytest tests/test_golden.py --update-golden` (or DIGEST_UPDATE_GOLDEN=1) and review the
diff in git like any other change.

Scenarios: `small` (the seeds, a three-outlet story with one outlet delivered lowercased and
tokenized, a single-outlet story, JSON Lines articles without a title or a date, and a hostile
article; its corpus is `tests/golden/small/content/`) and `demo` (the bundled corpus, `content/`).
"""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from digest import DigestConfig, generate

GOLDEN = Path(__file__).resolve().parent / "golden"
SCENARIOS = {"small": GOLDEN / "small" / "content", "demo": ROOT / "content"}
STATE = "_state/digest-state.json"
MAX_DIFF_LINES = 400


def generated_tree(content: Path, work: Path) -> dict[str, bytes]:
    """Every file a fresh `digest generate` writes for a copy of `content` (no cache, no earlier state)."""
    corpus = work / "content"
    shutil.copytree(content, corpus, ignore=shutil.ignore_patterns("digest-state.json"))
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    docs = work / "docs"
    result = generate(DigestConfig(content_dir=corpus, config_file=work / "mkdocs.yml", docs_dir=docs))
    assert not [d for d in result.diagnostics if d.level == "error" and "hostile" in d.message]
    tree = {path.relative_to(docs).as_posix(): path.read_bytes() for path in sorted(docs.rglob("*")) if path.is_file()}
    tree.pop(".digest-output", None)
    tree[STATE] = (corpus / "digest-state.json").read_bytes()
    return tree


def expected_tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def write_tree(folder: Path, tree: dict[str, bytes]) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    for relative, data in tree.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def tree_diff(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    """A unified diff of two trees: files missing, files added, and changed lines."""
    lines: list[str] = []
    for relative in sorted(expected.keys() | actual.keys()):
        before, after = expected.get(relative), actual.get(relative)
        if before == after:
            continue
        lines += difflib.unified_diff(
            (before or b"").decode("utf-8", "replace").splitlines(), (after or b"").decode("utf-8", "replace").splitlines(),
            f"expected/{relative}" if before is not None else "/dev/null",
            f"generated/{relative}" if after is not None else "/dev/null", lineterm="", n=1)
    if len(lines) > MAX_DIFF_LINES:
        lines = lines[:MAX_DIFF_LINES] + [f"... {len(lines) - MAX_DIFF_LINES} more lines"]
    return "\n".join(lines)


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_generated_site_matches_golden(scenario, tmp_path, update_golden):
    expected_folder = GOLDEN / scenario / "expected"
    actual = generated_tree(SCENARIOS[scenario], tmp_path)
    if update_golden:
        write_tree(expected_folder, actual)
        pytest.skip(f"rewrote {expected_folder.relative_to(ROOT)}")
    expected = expected_tree(expected_folder)
    assert expected, f"no golden output in {expected_folder}; run pytest --update-golden"
    diff = tree_diff(expected, actual)
    assert not diff, f"the generated site of '{scenario}' differs from its golden copy " \
                     f"(pytest --update-golden rewrites it if the change is meant):\n{diff}"


def test_a_changed_page_is_reported_as_a_diff():
    expected = {"index.md": b"# Latest\n\nOne\n", "old.md": b"gone\n"}
    actual = {"index.md": b"# Latest\n\nTwo\n", "new.md": b"here\n"}
    diff = tree_diff(expected, actual)
    assert "-One" in diff and "+Two" in diff
    assert "expected/old.md" in diff and "generated/new.md" in diff
    assert tree_diff(expected, dict(expected)) == ""


def test_the_same_pages_without_the_machines_word_lists(tmp_path):
    """The build reads the word lists shipped with the package, never /usr/share/dict (absent on
    macOS, Windows, slim containers): with every open of it refused, the small corpus still gives
    its golden pages."""
    import subprocess
    import sys

    corpus = tmp_path / "content"
    shutil.copytree(SCENARIOS["small"], corpus, ignore=shutil.ignore_patterns("digest-state.json"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    script = ("import sys\n"
              "def refuse(event, args):\n"
              "    if event == 'open' and str(args[0]).startswith('/usr/share/dict'):\n"
              "        raise PermissionError(f'refused: {args[0]}')\n"
              "sys.addaudithook(refuse)\n"
              "from digest.cli import main\n"
              "sys.argv = ['digest', 'generate', '--no-cache', '--docs', 'docs']\n"
              "main()\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    actual = {path.relative_to(tmp_path / "docs").as_posix(): path.read_bytes()
              for path in sorted((tmp_path / "docs").rglob("*")) if path.is_file()}
    actual.pop(".digest-output", None)
    actual[STATE] = (corpus / "digest-state.json").read_bytes()
    assert not tree_diff(expected_tree(GOLDEN / "small" / "expected"), actual)


def test_the_demos_committed_state_is_what_a_fresh_build_writes():
    """content/digest-state.json is committed with the corpus, as a user's is. Left from older code,
    it made a fresh clone's demo inherit old stories' ids: pages whose address named another story
    and 'What changed' notes on a first build. It must equal the state of a build without one."""
    assert (ROOT / "content" / "digest-state.json").read_bytes() == (GOLDEN / "demo" / "expected" / STATE).read_bytes(), \
        "regenerate it: copy tests/golden/demo/expected/_state/digest-state.json to content/"
