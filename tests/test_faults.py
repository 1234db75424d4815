"""Faults: a build killed at any moment, a full disk, a read-only output folder, hostile paths."""
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from digest import DigestConfig, build, generate
from digest.errors import DigestError

from conftest import QUAKES, project_config, tree as snapshot
from stats import RUN_STATS

KILL_RUNS = int(os.environ.get("DIGEST_KILL_RUNS", "12"))  # DIGEST_KILL_RUNS=60 for a longer run


def site_is_complete(site: Path) -> bool:
    if not (site / "index.html").exists() or not (site / ".digest-output").exists():
        return False
    data = json.loads((site / "briefings.json").read_text())
    return all((site / b["page"] / "index.html").exists() for b in data["briefings"])


@pytest.mark.site
def test_killed_builds_never_break_the_site_or_the_corpus(make_project):
    project = make_project(QUAKES, seeds=True)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    command = [sys.executable, "-m", "digest", "build", "-q"]
    subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
    started = time.monotonic()
    subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
    rebuild = time.monotonic() - started  # kills land anywhere in a rebuild, however fast this machine is
    articles = snapshot(project / "content" / "articles")
    rng = random.Random(20171015)
    killed = 0
    for run in range(KILL_RUNS):
        (project / "content" / "articles" / f"extra-{run}.md").write_text(
            f"---\nsource: wire\npublished: 2011-0{1 + run % 9}-1{run % 10}\n---\n"
            f"Town council number {run} met on Tuesday to discuss the harbour budget of {run + 3} million dollars.\n")
        articles = snapshot(project / "content" / "articles")
        process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 1.1) * rebuild)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait()
        assert site_is_complete(project / "site"), f"run {run}: the site is broken"
        assert snapshot(project / "content" / "articles") == articles, f"run {run}: the corpus changed"
        json.loads((project / "content" / "digest-state.json").read_text())  # whole, old or new
    RUN_STATS["kill loop: builds started"] += KILL_RUNS
    RUN_STATS["kill loop: builds killed mid-way"] += killed
    assert killed >= KILL_RUNS // 3
    finished = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert site_is_complete(project / "site")
    assert not list(project.glob(".digest-tmp-*")) and not list((project / "build").glob(".digest-tmp-*"))


@pytest.fixture
def small_disk(tmp_path):
    """A real 16 MB tmpfs (needs root, as on CI and the developers' machines); skipped elsewhere."""
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True)
    if result.returncode != 0:
        pytest.skip("cannot mount a tmpfs here: " + result.stderr.decode(errors="replace").strip())
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def project_on(disk: Path, make_project) -> tuple[Path, DigestConfig]:
    project = make_project(QUAKES)
    config_file = project / "mkdocs.yml"
    config_file.write_text(config_file.read_text().replace("site_dir: site", f"site_dir: {disk / 'site'}"))
    return project, DigestConfig(content_dir=project / "content", config_file=config_file)


@pytest.mark.site
def test_full_disk_gives_a_clear_error_and_keeps_the_site(small_disk, make_project):
    project, config = project_on(small_disk, make_project)
    build(config)
    before = snapshot(small_disk / "site")
    stat = os.statvfs(small_disk)
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - 256 * 1024))
    with pytest.raises(DigestError, match="No space left on device"):
        build(config)
    filler.unlink()
    assert snapshot(small_disk / "site") == before
    assert not list(small_disk.glob(".digest-tmp-*"))


@pytest.mark.site
def test_read_only_output_gives_a_clear_error_and_keeps_the_site(small_disk, make_project):
    project, config = project_on(small_disk, make_project)
    build(config)
    before = snapshot(small_disk / "site")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        with pytest.raises(DigestError, match="Read-only file system"):
            build(config)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert snapshot(small_disk / "site") == before


def test_paths_in_the_corpus_never_write_outside_the_output(make_project, tmp_path):
    lines = [
        json.dumps({"id": "../../../escape", "source": "wire", "title": "../../../../etc/passwd", "text": "The harbour reopened on Monday after repairs."}),
        json.dumps({"id": "/abs/path", "source": "../../x", "title": "..\\\\..\\\\win", "text": "Ferries resumed their schedule on Tuesday morning."}),
    ]
    project = make_project({"bulk.jsonl": "\n".join(lines) + "\n", "../../outside.md": "---\ntitle: x\n---\nshould not be read\n"})
    before = {p for p in tmp_path.rglob("*")}
    docs = tmp_path / "docs-out"
    generate(project_config(project, docs_dir=docs, keep_state=False))
    created = {p for p in tmp_path.rglob("*")} - before
    assert created and all(p == docs or docs in p.parents for p in created)


def test_output_is_identical_across_hash_seeds_and_file_order(make_project, tmp_path):
    first = make_project(dict(QUAKES), seeds=True)
    outputs = []
    for seed, order in (("1", 1), ("4242", -1)):
        project = tmp_path / f"copy-{seed}"
        (project / "content" / "articles").mkdir(parents=True)
        (project / "mkdocs.yml").write_bytes((first / "mkdocs.yml").read_bytes())
        (project / "content" / "sources.yml").write_bytes((first / "content" / "sources.yml").read_bytes())
        files = sorted((first / "content" / "articles").rglob("*.md"))[::order]
        for path in files:  # created in a different order each time
            target = project / "content" / "articles" / path.relative_to(first / "content" / "articles")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        subprocess.run([sys.executable, "-m", "digest", "generate", "-q", "--docs", str(project / "out")], cwd=project, env=env, check=True)
        outputs.append(snapshot(project / "out"))
    assert outputs[0] == outputs[1]


def test_a_50_mb_article_is_truncated_quickly_with_a_warning(make_project):
    project = make_project({})
    path = project / "content" / "articles" / "huge.md"
    paragraph = ("The harbour authority said 40 ships were waiting outside the port on Monday. " * 12 + "\n").encode()
    with path.open("wb") as handle:
        handle.write(b"---\nsource: wire\n---\n")
        for _ in range(50 * 1024 * 1024 // len(paragraph) + 1):
            handle.write(paragraph)
    started = time.perf_counter()
    result = generate(project_config(project, keep_state=False))
    seconds = time.perf_counter() - started
    warnings = [str(d) for d in result.diagnostics if d.level == "warning"]
    assert any("huge.md" in w and "MB limit" in w for w in warnings)
    assert len(result.briefings) == 1 and seconds < 30
    RUN_STATS["50 MB article: seconds to build"] = round(seconds)
