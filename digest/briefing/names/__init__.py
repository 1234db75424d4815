"""Names in a story: people, organisations and places, what kind each is, and who says what.

mentions.py finds the names in a sentence, kinds.py types a name from its evidence, story.py
gathers a story's forms of one entity and names it, speakers.py finds who a sentence quotes.
"""
from .kinds import ORGANISATION, PERSON, PLACE, classify
from .mentions import Mention, name_mentions
from .speakers import quotes_by_article, sentence_speaker
from .story import StoryNames, story_entities, story_names

__all__ = ["ORGANISATION", "PERSON", "PLACE", "Mention", "StoryNames", "classify", "name_mentions",
           "quotes_by_article", "sentence_speaker", "story_entities", "story_names"]
