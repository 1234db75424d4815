"""The demo corpus's topic pages, read as an editor would: no junk entry, no entity twice."""
from __future__ import annotations

import re
import shutil
from collections import defaultdict

import pytest

from digest import DigestConfig, Limits, generate
from digest.briefing.names.lexicon import HONORIFICS, MONTHS, TIME_ZONES, TITLE_HEADS, WEEKDAYS, alias_key, is_demonym
from digest.briefing.names.story import expand_short_form

from conftest import ROOT

SECTION_RE = re.compile(r"^## (People|Organisations|Places)$")
ENTRY_RE = re.compile(r"\[([^\]]+)\]\(([^)]+)\.md\) \((\d+)\)")


@pytest.fixture(scope="module")
def topics(tmp_path_factory) -> dict[str, list[str]]:
    """Section title -> the names the demo's topic index lists there."""
    project = tmp_path_factory.mktemp("demo")
    shutil.copytree(ROOT / "content", project / "content", ignore=shutil.ignore_patterns("digest-state.json"))
    shutil.copy(ROOT / "mkdocs.yml", project)
    docs = project / "docs"
    generate(DigestConfig(content_dir=project / "content", config_file=project / "mkdocs.yml", docs_dir=docs,
                          keep_state=False, limits=Limits(topic_min_briefings=2)))  # every name two briefings share
    listed: dict[str, list[str]] = defaultdict(list)
    section = None
    for line in (docs / "tags" / "index.md").read_text(encoding="utf-8").splitlines():
        heading = SECTION_RE.match(line)
        if heading:
            section = heading.group(1)
        elif section:
            listed[section] += [name.replace("\\", "") for name, _, _ in ENTRY_RE.findall(line)]
    assert sum(map(len, listed.values())) >= 20, "the demo corpus should give topic pages"
    return dict(listed)


def _words(name: str) -> list[str]:
    return [w.lower().strip(".") for w in name.split()]


def test_no_topic_is_a_time_word_title_rank_or_people(topics):
    for section, names in topics.items():
        for name in names:
            words = _words(name)
            assert not set(words) & (TIME_ZONES | MONTHS | WEEKDAYS), (section, name)
            assert not set(words) & (TITLE_HEADS | HONORIFICS), (section, name)
            assert not (len(words) == 1 and is_demonym(name)), (section, name)
            assert words[-1] not in ("said", "says", "told"), (section, name)
            assert not re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", name), (section, name)  # "U.S" cut short


def test_no_entity_has_two_topics(topics):
    everything = [(section, name) for section, names in topics.items() for name in names]
    by_key: dict[str, list[str]] = defaultdict(list)
    for _, name in everything:
        by_key[alias_key(expand_short_form(name)).replace(" ", "")].append(name)
    assert [names for names in by_key.values() if len(names) > 1] == []
    people = topics.get("People", [])
    surnames = {name.split()[-1] for name in people if " " in name}
    assert not [name for name in people if " " not in name and name in surnames]  # "Selo" beside "Talal Selo"
    for short in ("US", "U.S", "UK", "AP", "UN", "EU"):
        assert short not in {name for _, name in everything}


def test_the_demos_well_known_entities_have_their_kind(topics):
    assert "United States" in topics["Places"] and "United Kingdom" in topics["Places"]
    assert "Associated Press" in topics["Organisations"] and "Al-Qaeda" in topics["Organisations"]
    assert "Abu Ghraib" in topics["Places"]
    assert not {"Al Qaeda", "Summer Olympics", "Abu Ghraib"} & set(topics.get("People", []))
    assert not {"Bush", "Tour"} & set(topics["Places"])
    assert "Hasib Hussain" in topics["People"]
