"""Who says what: the person or organisation a sentence attributes its words to.

A sentence names its speaker with a say-verb: "X said", "said X", "X told", "according to X".
"He said" / "she said" is the person named in the previous sentence when that is unambiguous:
the one person it names (or, naming none, the previous sentence's own speaker), or of several the
one whose first name agrees with the pronoun. "The army said" names an institution. A speaker is
named as the story names the entity: "Mr Selo said" is Talal Selo.
"""
from __future__ import annotations

import re

from ...models import Article, Entity
from .kinds import ORGANISATION, PERSON
from .lexicon import INSTITUTIONS, SAY_VERBS, gender_of
from .mentions import name_mentions
from .story import StoryNames

_SAYS_RE = re.compile(rf"\b{SAY_VERBS}\b")
# "..., said Mostafa Bali" names the speaker; "hostages said Emwazi imprisoned them" does not
_SAID_SPEAKER_RE = re.compile(rf"(?:,\s*{SAY_VERBS}|\baccording to)\s+(?:[\w.]+\s+){{0,2}}$")
_PRONOUN_SAYS_RE = re.compile(rf"\b(he|she)\s+(?:has\s+|had\s+|also\s+|later\s+)?{SAY_VERBS}\b|\b{SAY_VERBS}\s+(he|she)\b")
_INSTITUTION_SAYS_RE = re.compile(rf"\b(?:the\s+)?({'|'.join(INSTITUTIONS)})\s+(?:has\s+|had\s+)?{SAY_VERBS}\b")
_STOPS_RE = re.compile(r"[.;]")
_REACH, _APPOSITIVE_REACH = 60, 100
_PRONOUN_GENDER = {"he": "male", "she": "female"}


def named_speaker(sentence: str, lowered: str, names: StoryNames) -> Entity | None:
    """The person (else the organisation) the sentence names with a say-verb next to it."""
    people, organisations = [], []
    for mention in name_mentions(sentence):
        entity = names.resolve(mention.name)
        if entity is None or entity.kind not in (PERSON, ORGANISATION):
            continue
        says_after = _says_after(sentence, lowered, mention.end)
        says_before = _SAID_SPEAKER_RE.search(lowered[max(0, mention.start - 40) : mention.start])
        if says_after or says_before:
            (people if entity.kind == PERSON else organisations).append(entity)
    return (people or organisations or [None])[0]


def _says_after(sentence: str, lowered: str, end: int) -> bool:
    """A say-verb within 60 characters after the name (100 after an appositive: 'Frank Ciacco, a
    former expert for the National Transportation Safety Board, said'), no full stop or
    semicolon between, written in lowercase: in 'Cardona, a soldier in the United States Army,
    was sentenced' the verb is inside another name. (A capital right after the name is the
    casing's: 'Selo Said'.)"""
    reach = _APPOSITIVE_REACH if lowered.startswith(",", end) else _REACH
    for verb in _SAYS_RE.finditer(lowered, end, end + reach + 20):
        if verb.start() - end > reach or _STOPS_RE.search(lowered, end, verb.start()):
            return False
        if sentence[verb.start()].islower() or not sentence[end : verb.start()].strip():
            return True
    return False


def pronoun_speaker(pronoun: str, previous_people, previous_speaker: Entity | None) -> Entity | None:
    """'he said': the previous sentence's one person, or the one of them the pronoun fits.
    previous_people: a list, or an object whose get() gives it."""
    if not isinstance(previous_people, list):
        previous_people = previous_people.get()
    candidates = previous_people or ([previous_speaker] if previous_speaker and previous_speaker.kind == PERSON else [])
    wanted = _PRONOUN_GENDER[pronoun]
    fitting = [c for c in candidates if gender_of(c.name.split()[0]) in (wanted, None)]
    if len(fitting) > 1:
        fitting = [c for c in fitting if gender_of(c.name.split()[0]) == wanted]
    return fitting[0] if len(fitting) == 1 else None


def sentence_speaker(sentence: str, names: StoryNames, previous_people,
                     previous_speaker: Entity | None) -> Entity | str | None:
    """Who the sentence attributes its words to: an entity of the story, an institution named by
    its common noun ("the army"), or None."""
    lowered = sentence.lower()
    if not _SAYS_RE.search(lowered):
        return None
    named = named_speaker(sentence, lowered, names)
    if named:
        return named
    pronoun = _PRONOUN_SAYS_RE.search(lowered)
    if pronoun:
        return pronoun_speaker(pronoun.group(1) or pronoun.group(2), previous_people, previous_speaker)
    institution = _INSTITUTION_SAYS_RE.search(lowered)
    return f"the {institution.group(1)}" if institution else None


def quotes_by_article(article: Article, names: StoryNames) -> list[tuple[str, str]]:
    """(speaker, sentence) for each sentence of the article attributed to a person or organisation."""
    found = []
    previous_text = ""
    previous_speaker: Entity | None = None
    for sentence in article.sentences:
        text = sentence.text
        # The previous sentence's people, read only for a sentence that may need them ("he said")
        speaker = sentence_speaker(text, names, _Lazy(previous_text, names), previous_speaker)
        if speaker:
            found.append((speaker if isinstance(speaker, str) else speaker.name, text))
        previous_speaker = speaker if isinstance(speaker, Entity) else None
        previous_text = text
    return found


class _Lazy:
    """The people a sentence names, worked out when first asked for."""

    def __init__(self, sentence: str, names: StoryNames):
        self.sentence, self.names, self.people = sentence, names, None

    def get(self) -> list[Entity]:
        if self.people is None:
            self.people = []
            for mention in name_mentions(self.sentence) if self.sentence else ():
                entity = self.names.resolve(mention.name)
                if entity is not None and entity.kind == PERSON and entity not in self.people:
                    self.people.append(entity)
        return self.people
