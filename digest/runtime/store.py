"""The briefing store: every story's outline for the index pages, whole briefings on demand,
and the texts made from them, kept between builds.

A whole briefing is large (mostly the figures' reports and the comparison) and only the pages of
changed stories need one. So the store reads back an unchanged story's outline (all the index
pages, feeds and story history read), and a whole briefing only when its page must be written.
Briefings are stored without their story (every article's text again): the story is at hand when
one is read back.
"""
from __future__ import annotations

from dataclasses import fields, replace
from typing import Callable, Hashable

from ..models import Briefing, Outline, Story
from . import Runtime

BuildBriefing = Callable[[Story], Briefing]


class BriefingStore:
    """build(story) -> Briefing is the briefing stage's function, run on the runtime's workers for
    the stories whose briefing is not stored."""

    def __init__(self, runtime: Runtime, build: BuildBriefing) -> None:
        self.runtime = runtime
        self.build = build
        self._keys: dict[str, str] = {}
        self._built: dict[str, Briefing] = {}
        """The whole briefings this build made (those read back are outlines until a page needs one)."""
        self._last: tuple[str, Briefing] | None = None
        """The last whole briefing read back: a page and its detail file ask for it one after the other."""

    def story_key(self, story: Story) -> str:
        """What a story's briefing is made from: its id, slug and articles (by their fingerprints)."""
        if not self.runtime.caching:
            return ""
        if story.id not in self._keys:
            if all(a.fingerprint for a in story.articles):
                self._keys[story.id] = self.runtime.key("story", story.id, story.slug, [a.fingerprint for a in story.articles])
            else:
                self._keys[story.id] = self.runtime.key("story", story)
        return self._keys[story.id]

    def outlines(self, stories: list[Story]) -> list[Outline]:
        """Each story's outline, in order: read back for an unchanged story, else its briefing is
        built (in parallel) and stored, whole and as an outline."""
        runtime = self.runtime
        keys = [self.story_key(story) for story in stories]
        found: dict[int, Outline] = {}
        with runtime.stage("briefing", len(stories), "stories") as tick:
            with runtime.reading():
                for position, key in enumerate(keys):
                    outline = runtime.get("outlines", key) if runtime.has("briefings", key) else None
                    if outline is not None:
                        found[position] = _with_story(stories[position], outline)
                        tick(1)
            missing = [position for position in range(len(stories)) if position not in found]
            built = runtime.cached_map("briefings", self.build, [stories[p] for p in missing], [keys[p] for p in missing], tick,
                                       pack=_without_story, unpack=_with_story)
            for position, briefing in zip(missing, built):
                self._built[briefing.story.id] = briefing
                outline = Outline.of(briefing)
                found[position] = outline
                runtime.put("outlines", keys[position], _without_story(outline))
            runtime.commit()
        return [found[position] for position in range(len(stories))]

    def whole(self, outline: Outline) -> Briefing:
        """The whole briefing of an outline, with the outline's story and history: the one this build
        made, else read back, else (the cache lost it) built again."""
        story_id = outline.story.id
        if story_id in self._built:
            return _with_history(self._built[story_id], outline)
        if self._last is not None and self._last[0] == story_id:
            return _with_history(self._last[1], outline)
        stored = self.runtime.get("briefings", self.story_key(outline.story))
        briefing = _with_story(outline.story, stored) if stored is not None else self.build(outline.story)
        self._last = (story_id, briefing)
        return _with_history(briefing, outline)

    def text(self, kind: str, outline: Outline, extra: Hashable, make: Callable[[], str]) -> str:
        """A text made from one briefing (its page, its export record): read back when the story,
        its history and `extra` are unchanged, else made and stored."""
        key = self.runtime.key(kind, self.story_key(outline.story), outline.history, extra) if self.runtime.caching else ""
        text = self.runtime.get(kind, key)
        if text is None:
            text = make()
            self.runtime.put(kind, key, text)
        return text


def _without_story(record: Briefing | Outline) -> tuple:
    """The record's kind and fields but its story, as stored."""
    return (type(record).__name__, *(getattr(record, f.name) for f in fields(record) if f.name != "story"))


def _with_story(story: Story, stored: tuple) -> Briefing | Outline:
    kind, *values = stored
    return (Briefing if kind == "Briefing" else Outline)(story, *values)


def _with_history(briefing: Briefing, outline: Outline) -> Briefing:
    return replace(briefing, history=outline.history)
