"""Shared fixtures: corpora written into tmp_path, and a project folder with mkdocs.yml."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "content" / "articles" / "seeds"

SOURCES = """\
reuters:
  name: Reuters
  url: https://www.reuters.com/
bbc:
  name: BBC News
  url: https://www.bbc.co.uk/news
wire:
  name: Example Wire
  url: https://wire.example/
daily:
  name: The Daily Example
"""

# Two different earthquakes that share their vocabulary, each reported by two outlets.
# Written for these tests; the places, people and numbers tell the events apart.
QUAKES = {
    "wire/chile-quake.md": """\
        ---
        source: wire
        title: Strong earthquake shakes central Chile
        published: 2010-02-27
        url: https://wire.example/chile-quake
        ---
        A magnitude 8.8 earthquake struck central Chile early on Saturday, killing at least 214 people and collapsing buildings in Concepcion.
        President Michelle Bachelet declared a state of catastrophe in the Maule and Biobio regions.
        The quake was centred 115 km north-east of Concepcion at a depth of 35 km, the US Geological Survey said.
        Tsunami warnings were issued across the Pacific, and waves reached the Juan Fernandez islands.
        Rescue workers searched collapsed apartment blocks in Concepcion for survivors.
        """,
    "daily/chile-quake.md": """\
        ---
        source: daily
        title: Chile counts the dead after huge quake
        published: 2010-02-28
        ---
        Chile's government said on Sunday that the earthquake had killed about 300 people, as rescuers dug through rubble in Concepcion.
        Michelle Bachelet said two million people had been affected by the magnitude 8.8 quake.
        Looting broke out in Concepcion, and soldiers were sent to the Biobio region to restore order.
        The tsunami that followed the earthquake destroyed much of the fishing port of Talcahuano.
        """,
    "wire/haiti-quake.md": """\
        ---
        source: wire
        title: Earthquake devastates Haiti's capital
        published: 2010-01-13
        url: https://wire.example/haiti-quake
        ---
        A magnitude 7.0 earthquake struck Haiti on Tuesday, flattening buildings across Port-au-Prince, including the presidential palace.
        President Rene Preval said thousands of people were feared dead in the capital.
        The quake was centred 25 km west of Port-au-Prince at a depth of 13 km, the US Geological Survey said.
        Rescue workers searched collapsed buildings in Port-au-Prince for survivors through the night.
        """,
    "daily/haiti-quake.md": """\
        ---
        source: daily
        title: Haiti appeals for help after quake
        published: 2010-01-14
        ---
        Haiti's President Rene Preval appealed for international help on Wednesday after the earthquake devastated Port-au-Prince.
        Aid agencies said more than three million people had been affected by the magnitude 7.0 quake.
        Bodies lay in the streets of Port-au-Prince, and hospitals were overwhelmed with the injured.
        """,
    "daily/budget-vote.md": """\
        ---
        source: daily
        title: Council approves city budget
        published: 2010-03-02
        ---
        The city council approved a budget of $2.1 billion on Tuesday after a debate that lasted nine hours.
        Mayor Anna Lind said the budget would fund 40 new schools and repair 120 km of roads.
        Opposition councillors said the plan raised property taxes by 4%, more than voters had been promised.
        """,
}


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def make_project(tmp_path):
    """A project folder: mkdocs.yml (the real one), content/sources.yml and the given articles."""

    def make(articles: dict[str, str | bytes], seeds: bool = False, sources: str = SOURCES) -> Path:
        project = tmp_path / "project"
        (project / "content" / "articles").mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        (project / "content" / "sources.yml").write_text(sources, encoding="utf-8")
        if seeds:
            shutil.copytree(SEEDS, project / "content" / "articles" / "seeds")
        write_files(project / "content" / "articles", articles)
        return project

    return make


# ---------------------------------------------------------------- the stages, one at a time

def read_corpus(content: Path, **limits):
    """The corpus stage on a content folder: its articles, sources and diagnostics."""
    from types import SimpleNamespace

    from digest.config import DigestConfig, Limits
    from digest.corpus import load_corpus
    from digest.runtime import Runtime

    runtime = Runtime()
    corpus = load_corpus(content, DigestConfig(limits=Limits(**limits)), runtime)
    return SimpleNamespace(articles=corpus.articles, sources=corpus.sources, diagnostics=tuple(runtime.diagnostics))


def restore(raw_articles, runtime=None):
    """The restore stage, in this process unless a runtime is given."""
    from digest.config import DigestConfig
    from digest.restore import restore_articles
    from digest.runtime import Runtime

    return restore_articles(list(raw_articles), DigestConfig(), runtime or Runtime())


def grouped(articles, grouping=None, previous=None):
    """The stories stage: events and storylines (previous: an earlier build's state)."""
    from digest.config import DigestConfig, GroupingConfig
    from digest.runtime import Runtime
    from digest.stories import group

    return group(list(articles), DigestConfig(grouping=grouping or GroupingConfig()), Runtime(), previous)


def stories(articles, grouping=None):
    """The events of the stories stage, newest first, without an earlier build's state."""
    return grouped(articles, grouping).events


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder: relative POSIX path -> bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def project_config(project: Path, **options):
    """The options of a build of a project folder (content/ and mkdocs.yml)."""
    from digest import DigestConfig

    return DigestConfig(content_dir=project / "content", config_file=project / "mkdocs.yml", **options)


def generated(project: Path, docs: Path, **options) -> dict[str, bytes]:
    """`digest generate` of a project into docs, without state: every file written."""
    from digest import generate

    generate(project_config(project, docs_dir=docs, keep_state=False, **options))
    return tree(docs)


@pytest.fixture(scope="session")
def seed_briefing():
    """The briefing of the two seed articles, built once."""
    from digest.briefing import build_briefing

    corpus = read_corpus(ROOT / "content")
    found = stories(restore(a for a in corpus.articles if a.id.startswith("seeds/")))
    assert len(found) == 1
    return build_briefing(found[0])


@pytest.fixture(scope="session")
def restored_seeds():
    corpus = read_corpus(ROOT / "content")
    return {a.source.key: a for a in restore(a for a in corpus.articles if a.id.startswith("seeds/"))}


def pytest_terminal_summary(terminalreporter):
    """Say how many inputs the fuzz properties tried and how many builds the kill loop killed."""
    from stats import RUN_STATS

    if RUN_STATS:
        terminalreporter.write_line("; ".join(f"{name}: {count}" for name, count in sorted(RUN_STATS.items())))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite tests/golden/*/expected from the current code instead of comparing.")


@pytest.fixture
def update_golden(request) -> bool:
    import os

    return bool(request.config.getoption("--update-golden") or os.environ.get("DIGEST_UPDATE_GOLDEN"))
