"""A story's names: every form a story uses for one entity gathered, typed once, named once.

Forms join when they are one entity: the same words written otherwise ("Al Qaeda", "al-Qaeda");
a well-known short form ("US", "U.S." -> "United States", "AP" -> "Associated Press"); an acronym
and its expansion when the story spells it out ("Syrian Democratic Forces (SDF)", or initials that
match one name of the story); a surname or first name alone, or with an honorific, and the one
person of the story so named ("Mr Selo", "Selo" -> "Talal Selo"); a shorter or differently spelt
name of the same person ("George Bush" / "George W. Bush", "Mohammad" / "Mohammed Siddique Khan");
and an institution's head word alone and the one institution of the story it ends ("the Army"
-> "U.S. Army"). An entity is named by its expansion, its well-known name, a person's fullest
name, or else its most used form.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ...models import Article, Entity
from .kinds import ORGANISATION, PERSON, PLACE, Context, Evidence, classify, context_evidence, is_acronym
from .lexicon import (
    HONORIFICS, KNOWN_ALIASES, NEUTRAL_HEADS, ORG_HEADS, OTHER_HEADS, PLACE_HEADS, alias_key, common_word, gazetteer,
    is_demonym, is_given_name, region,
)
from .mentions import name_mentions

TAGGED_KINDS = (PERSON, ORGANISATION, PLACE)
_EXPANSION_RE = re.compile(r"\s*\(\s*([A-Z][A-Z.&]{1,8})\s*\)")
_SAME_PERSON = 0.85
_SURNAME_PARTICLES = frozenset("von van de der den di da du del della dos das la le bin ibn al el".split())
"""Words a surname can start with: a surname so written stands for the story's one full name ending in it."""
"""Similarity (difflib ratio) above which two person names of one story with the same initials are one
person spelt two ways ("Mohammad" / "Mohammed Siddique Khan", "Shehzad" / "Shezhad Tanweer")."""


@dataclass
class _Form:
    """One way the story writes a name, and where."""

    name: str
    contexts: list[Context] = field(default_factory=list)
    kind: str | None = None
    read: Evidence | None = None  # what its sentences say
    pronoun_next: int = 0  # sentences it opens whose next sentence opens with he / she / his / her


@dataclass(frozen=True)
class StoryNames:
    """The tagged entities of a story, most mentioned first, and every form that names one."""

    entities: tuple[Entity, ...]
    forms: dict[str, Entity]  # a form as written ("Selo", "U.S.", "SDF") -> its entity
    mentions: dict[str, int]  # entity name -> how often the story names it

    def resolve(self, name: str) -> Entity | None:
        """The entity a form names: 'Mr Selo' or 'Selo' -> Talal Selo (None if no tagged entity)."""
        found = self.forms.get(name)
        if found is None:
            words = name.split()
            if len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
                found = self.forms.get(" ".join(words[1:]))
        return found


def story_names(articles) -> StoryNames:
    """Read every sentence of the story's articles once; group, type and name its entities."""
    forms = _collect_forms(articles)
    groups = _Groups(forms)
    groups.join_spellings()
    groups.join_known_aliases()
    groups.join_acronyms()
    for form in forms.values():
        form.read = context_evidence(form.contexts)
        form.read.person += PRONOUN_NEXT * form.pronoun_next
    _add_short_reference_evidence(forms)
    for form in forms.values():
        form.kind = classify(form.name, form.contexts, form.read)
    _type_by_coordination(forms)
    groups.join_people()
    groups.join_institutions()
    return groups.result()


def story_entities(articles: tuple[Article, ...] | list[Article]) -> list[Entity]:
    """The people, organisations and places of a story, most mentioned first."""
    return list(story_names(articles).entities)


def _collect_forms(articles) -> dict[str, _Form]:
    forms: dict[str, _Form] = {}
    cuts: list[tuple[str, Context]] = []
    for article in articles:
        opener: _Form | None = None  # the form that opens the previous sentence
        for sentence in article.sentences:
            text = sentence.text
            if opener is not None and _PRONOUN_OPENING_RE.match(text):
                opener.pronoun_next += 1  # "Galois was born in 1811. His father ..."
            opener = None
            for mention in name_mentions(text):
                context = Context(text, mention.start, mention.end, mention.titled)
                if mention.cut:
                    cuts.append((f"{mention.cut} {mention.name}", context))
                form = forms.setdefault(mention.name, _Form(mention.name))
                form.contexts.append(context)
                if opener is None and not text[: mention.start].strip(_OPENING_QUOTES):
                    opener = form
    for whole, context in cuts:  # "International Olympic Committee" first in one sentence, inside another
        if whole in forms:
            short = forms[whole.split(" ", 1)[1]]
            short.contexts.remove(context)
            forms[whole].contexts.append(Context(context.sentence, context.start - len(whole) + len(short.name),
                                                 context.end, context.titled))
    _add_nested_places(forms)
    return {name: form for name, form in forms.items() if form.contexts}


def _add_nested_places(forms: dict[str, _Form]) -> None:
    """'University of Copenhagen', 'Gulf of Mexico': the place after 'of' is named there too."""
    for name in list(forms):
        if " of " not in name:
            continue
        place = name.rsplit(" of ", 1)[1].removeprefix("the ")
        if place.lower() not in gazetteer():
            continue
        offset = len(name) - len(place)
        nested = forms.setdefault(place, _Form(place))
        nested.contexts.extend(Context(c.sentence, c.start + offset, c.end) for c in forms[name].contexts)


PRONOUN_NEXT = 1.0
"""Person points for each sentence a name opens that the next sentence follows with 'He', 'She',
'His' or 'Her' (as for a 'he' later in its own sentence)."""
_PRONOUN_OPENING_RE = re.compile(r"[\s\"“‘(]*(?:He|She|His|Her)\b")
_OPENING_QUOTES = ' \t"“‘('

SHORT_REFERENCE = 2.0
"""Person points for a full name the story then shortens to the surname or first name alone:
as much as a title before it."""
_HEADS = ORG_HEADS | PLACE_HEADS | NEUTRAL_HEADS | OTHER_HEADS


def _add_short_reference_evidence(forms: dict[str, _Form]) -> None:
    """A person is named in full once and then by surname ("Talal Selo" ... "Selo said"), or by first
    name ("Britney Spears" ... "Britney"); an organisation or place is shortened to its head word
    ("the Bank", "the Park") or not at all. So a two- or three-word name whose last word (or given
    name) the story also uses alone, and not after "the", gains a person's points."""
    for name, form in forms.items():
        words = name.split()
        if not 2 <= len(words) <= 3 or not all(map(_name_word, words)) or is_demonym(words[0]):
            continue
        given = is_given_name(words[0])
        # A surname that is a common word ("Bush", "Gross") only after a given name: "Case Grammar"
        # ... "Grammar" is a subject's short name, not a person's
        surname = _used_alone(words[-1], forms) and (given or not common_word(words[-1].lower()))
        if surname or (given and _used_alone(words[0], forms)):
            form.read.person += SHORT_REFERENCE


def _name_word(word: str) -> bool:
    """'Talal', 'W.', 'O.J.', "O'Neill": a word of a person's name (not 'I-44', not a lone letter,
    not 'Jane.' with a sentence's full stop)."""
    if not word[:1].isupper() or any(c.isdigit() for c in word):
        return False
    if word.endswith("."):
        return len(word) == 2 or "." in word[:-1]
    return len(word) > 2 or (len(word) == 2 and word[1].isalpha())


def _used_alone(word: str, forms: dict[str, _Form]) -> bool:
    """The story uses `word` as a name of its own, not as the head of an institution or place
    ("the Army"), a place of the gazetteer or a people ("Iraqi")."""
    alone = forms.get(word)
    if alone is None or not alone.read or alone.read.after_the * 2 >= alone.read.uses:
        return False
    lower = word.lower()
    return not (lower in _HEADS or lower in gazetteer() or is_demonym(word) or lower in HONORIFICS)


_COORDINATION_RE = re.compile(r",?\s+(?:and|or)\s+$")


def _type_by_coordination(forms: dict[str, _Form]) -> None:
    """'Gorbachev and Bush', 'Devon or Cornwall': names joined by 'and' / 'or' are of one kind, so a
    name with no kind of its own takes a point of the kind of the typed name before it, and is
    typed again. (Commas join too much else: 'in Pullman, Washington, Wikinews ...'; and a name
    of English words is more often the first half of one name: 'Hydrographic and Oceanographic
    Service', 'Institute of Geophysics and Planetary Physics'.)"""
    for form in [form for form in forms.values() if form.kind is None and form.read is not None
                 and not all(common_word(word.lower()) for word in form.name.split())]:
        beside = [kind for context in form.contexts for kind in _coordinated_kinds(context, forms)]
        for kind in beside:
            setattr(form.read, kind, getattr(form.read, kind) + COORDINATION)
        if beside:
            form.kind = classify(form.name, form.contexts, form.read)


def _coordinated_kinds(context: Context, forms: dict[str, _Form]) -> list[str]:
    """The kinds of the typed names joined to this use by 'and' or 'or' before it (a name before
    'and' may share the head of the name after it: 'Hydrographic and Oceanographic Service')."""
    sentence, kinds = context.sentence, []
    for mention in name_mentions(sentence):
        joined = mention.end <= context.start and _COORDINATION_RE.fullmatch(sentence, mention.end, context.start)
        neighbour = forms.get(mention.name) if joined else None
        if neighbour is not None and neighbour.kind in TAGGED_KINDS:
            kinds.append(neighbour.kind)
    return kinds


COORDINATION = 1.0
"""Points a name gains from a typed name listed right before it ('X and Y', 'X, Y')."""


class _Groups:
    """Union-find over a story's forms."""

    def __init__(self, forms: dict[str, _Form]):
        self.forms = forms
        self.parent = {name: name for name in forms}
        self.canonical: dict[str, str] = {}  # root -> the name the group must have

    def find(self, name: str) -> str:
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        keep, gone = sorted((ra, rb))
        self.parent[gone] = keep
        named = self.canonical.pop(gone, None) or self.canonical.get(keep)
        if named:
            self.canonical[keep] = named

    def join_spellings(self) -> None:
        by_key: dict[str, str] = {}
        for name in sorted(self.forms):
            key = _spelling_key(name)
            if key in by_key:
                self.join(by_key[key], name)
            else:
                by_key[key] = name

    def join_known_aliases(self) -> None:
        first_of: dict[str, str] = {}
        for name in sorted(self.forms):
            known = KNOWN_ALIASES.get(alias_key(name))
            if not known or (len(alias_key(name)) <= 5 and not name.replace(".", "").isupper()):
                continue  # "Is", "Us": a short form counts written in capitals only
            canonical = known[0]
            if canonical in first_of:
                self.join(first_of[canonical], name)
            else:
                first_of[canonical] = name
            self.canonical[self.find(name)] = canonical

    def join_acronyms(self) -> None:
        """'Syrian Democratic Forces (SDF)' spelt out, or one name of the story with its initials."""
        spelt: dict[str, str] = {}
        for form in self.forms.values():
            for context in form.contexts:
                match = _EXPANSION_RE.match(context.sentence, context.end)
                if match and match.group(1).replace(".", "") in self.forms and " " in form.name:
                    spelt.setdefault(match.group(1).replace(".", ""), form.name)
        initials: dict[str, list[str]] = defaultdict(list)
        for name in self.forms:
            if " " in name or "-" in name:
                for variant in _initials(name):
                    initials[variant].append(name)
        for name in sorted(self.forms):
            if not is_acronym(name) or KNOWN_ALIASES.get(alias_key(name)):
                continue
            bare = name.replace(".", "")
            expansion = spelt.get(bare)
            if expansion is None and len(set(initials.get(bare, ()))) == 1:
                expansion = initials[bare][0]
            if expansion:
                self.join(expansion, name)
                root = self.find(name)
                self.canonical.setdefault(root, self.canonical.get(self.find(expansion)) or expansion)

    def join_people(self) -> None:
        people = [name for name, form in self.forms.items() if form.kind == PERSON and " " in name]
        by_part: dict[str, set[str]] = defaultdict(set)
        for name in people:
            words = name.split()
            by_part[words[-1]].add(self.find(name))
            by_part[words[0]].add(self.find(name))
        for name, form in sorted(self.forms.items()):
            if " " in name or KNOWN_ALIASES.get(alias_key(name)):
                continue
            if region(name.lower()) and not any(c.titled for c in form.contexts):
                continue  # "Jordan" the country, unless "Col. Jordan"
            owners = by_part.get(name, set())
            if len(owners) == 1:  # "Selo" and the one "Talal Selo" of the story
                self.join(next(iter(owners)), name)
            elif owners and form.kind != PERSON:
                form.kind = None  # "Whitman" of "Walt Whitman" and "George Whitman": one of them, no town
        self._join_person_variants(people)

    def _join_person_variants(self, people: list[str]) -> None:
        """'George Bush' / 'George W. Bush'; 'Mohammad' / 'Mohammed Siddique Khan'; 'De Boer' / 'Yvo de Boer'."""
        lowered = {name.lower(): name for name in people}
        for name in self.forms:
            if " " in name and (name not in people or name.split()[0].lower() in _SURNAME_PARTICLES):
                # "Von der Leyen", a person too, is the story's one "Ursula von der Leyen"
                longer = {self.find(p) for low, p in lowered.items() if low.endswith(" " + name.lower())}
                if len(longer) == 1 and self.forms[name].kind in (PERSON, None):
                    self.join(next(iter(longer)), name)
        by_shape: dict[tuple, list[str]] = defaultdict(list)
        for name in sorted(people):
            words = [w for w in name.split() if not (len(w) == 2 and w.endswith("."))]
            by_shape[(len(words), tuple(w[0] for w in words))].append(" ".join(words))
            if " ".join(words) != name and " ".join(words) in self.forms:
                self.join(name, " ".join(words))
        for same_shape in by_shape.values():
            for i, a in enumerate(same_shape):
                for b in same_shape[i + 1 :]:
                    if a in self.forms and b in self.forms and SequenceMatcher(None, a, b).ratio() >= _SAME_PERSON:
                        self.join(a, b)

    def join_institutions(self) -> None:
        """'the Army' and the one 'U.S. Army' of the story; 'Olympic Committee' inside one longer name."""
        organisations = [n for n, f in self.forms.items() if f.kind == ORGANISATION and " " in n]
        for name, form in sorted(self.forms.items()):
            if form.kind not in (ORGANISATION, None) or (" " not in name and name.lower() not in ORG_HEADS):
                continue
            longer = {self.find(o) for o in organisations if o != name and o.endswith(" " + name)}
            if len(longer) == 1:
                self.join(next(iter(longer)), name)

    def result(self) -> StoryNames:
        members: dict[str, list[str]] = defaultdict(list)
        for name in self.forms:
            members[self.find(name)].append(name)
        entities: list[tuple[int, Entity]] = []
        forms: dict[str, Entity] = {}
        for root, names in members.items():
            contexts = [c for n in names for c in self.forms[n].contexts]
            display = expand_short_form(self.canonical.get(root) or _display_name(names, self.forms))
            kind = self._group_kind(display, names, contexts)
            if kind not in TAGGED_KINDS:
                continue
            entity = Entity(name=display, kind=kind, aliases=tuple(sorted(set(names) - {display})))
            entities.append((len(contexts), entity))
            for name in names:
                forms[name] = entity
        entities.sort(key=lambda item: (-item[0], item[1].name))
        merged = _merge_same_names(entities)
        return StoryNames(entities=tuple(e for _, e in merged), forms=forms, mentions={e.name: n for n, e in merged})

    def _group_kind(self, display: str, names: list[str], contexts: list[Context]) -> str | None:
        known = KNOWN_ALIASES.get(alias_key(display))
        if known and display == known[0]:
            return known[1]
        kinds = Counter(self.forms[n].kind for n in names if self.forms[n].kind)
        if len(names) == 1:
            return self.forms[names[0]].kind
        read = Evidence()
        for name in names:
            form_read = self.forms[name].read or context_evidence(self.forms[name].contexts)
            for field_name in ("person", "organisation", "place", "other", "speaks", "uses", "after_the", "weak_place"):
                setattr(read, field_name, getattr(read, field_name) + getattr(form_read, field_name))
        kind = classify(display, contexts, read)
        if kind is None and len(kinds) == 1:
            return next(iter(kinds))  # the forms agree; together their evidence was only less clear
        return kind


def _merge_same_names(entities: list[tuple[int, Entity]]) -> list[tuple[int, Entity]]:
    """Two groups that came to one name ("US" and "America" both "United States") are one entity."""
    seen: dict[str, int] = {}
    merged: list[tuple[int, Entity]] = []
    for count, entity in entities:
        if entity.name in seen:
            position = seen[entity.name]
            old_count, old = merged[position]
            aliases = tuple(sorted(set(old.aliases) | set(entity.aliases)))
            merged[position] = (old_count + count, Entity(old.name, old.kind, aliases))
        else:
            seen[entity.name] = len(merged)
            merged.append((count, entity))
    return merged


def _spelling_key(name: str) -> str:
    """'Al Qaeda', 'al-Qaeda', 'Al-Qaeda' -> 'alqaeda'; 'Alain Le Roy', 'Alain LeRoy' -> 'alainleroy';
    'U.S. Army', 'United States Army' -> 'unitedstatesarmy'."""
    return alias_key(expand_short_form(name)).removeprefix("the ").replace(" ", "")


def expand_short_form(name: str) -> str:
    """'U.S. Army' -> 'United States Army', 'UN Security Council' -> 'United Nations Security
    Council': a well-known short form opening a longer name, written out, so that every story
    names the institution alike."""
    first, _, rest = name.partition(" ")
    if not rest or not first.replace(".", "").isupper():
        return name
    known = KNOWN_ALIASES.get(alias_key(first))
    return f"{known[0]} {rest}" if known and known[1] == PLACE or known and " " in known[0] else name


def _initials(name: str) -> set[str]:
    """'Syrian Democratic Forces' -> {'SDF'}; 'Bank of England' -> {'BE', 'BOE'}."""
    words = name.replace("-", " ").split()
    capitals = "".join(w[0] for w in words if w[0].isupper())
    every = "".join(w[0].upper() for w in words if w.lower() != "the")
    return {capitals, every} - {""}


def _display_name(names: list[str], forms: dict[str, _Form]) -> str:
    """A person's fullest form; otherwise the form used most, the longer on a tie (never a bare
    head word such as "Army" when the story names the institution in full); a well-known short
    form inside written out ("U.S. Army" -> "United States Army"); a place written in capitals
    ("TEXAS") as a name."""
    usable = [n for n in names if n.split()[0].lower().rstrip(".") not in HONORIFICS] or names
    usable = [n for n in usable if n.lower() not in ORG_HEADS] or usable
    if any(forms[n].kind == PERSON for n in usable):
        most_words = max(len(n.split()) for n in usable)
        usable = [n for n in usable if len(n.split()) == most_words]
    best = expand_short_form(max(usable, key=lambda n: (len(forms[n].contexts), len(n), n)))
    if best.isupper() and len(best) > 4 and best.lower() in gazetteer():
        best = best.title()
    return best
