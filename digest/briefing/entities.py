"""Names in a story: the public face of the `names` package (kept for the modules and tests that
import from here). See digest/briefing/names/ for the rules."""
from __future__ import annotations

from .names import Mention, StoryNames, classify, name_mentions, quotes_by_article, sentence_speaker, story_entities, story_names
from .names.kinds import _WORDS_RE, context_before as _context_before, ends_with_say_verb as _ends_with_say_verb
from .names.lexicon import SAY_VERBS, gazetteer

__all__ = ["Mention", "StoryNames", "classify", "gazetteer", "name_mentions", "quotes_by_article", "sentence_speaker",
           "story_entities", "story_names", "SAY_VERBS"]
