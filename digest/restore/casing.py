"""Text restoration: make tokenized, lowercased corpus text readable again.

Two parts:
- an ordered registry of small `str -> str` cleaning steps (Unicode, control
  characters, tokenizer spacing, dropped apostrophes), applied to every article;
- a `CasingModel` learned from the corpus's own normally-cased articles plus a
  word list with proper casing (Debian's wamerican), applied only to articles
  that arrive lowercased.
"""
from __future__ import annotations

import hashlib
import pickle
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Iterable

from .runtime.cache import Cache, cached_map, fingerprint
from .runtime.executor import SerialExecutor, Shared
from .runtime.progress import QUIET
from .registry import Registry, TextStep
from .text import FUNCTION_WORDS, paragraphs, split_sentences

WORDLIST_PATHS = ("/usr/share/dict/american-english", "/usr/share/dict/words")
# The huge list knows rare lowercase words ("geosynchronous"), so an unknown word is more surely a name
LARGE_WORDLIST_PATHS = ("/usr/share/dict/american-english-huge", "/usr/share/dict/british-english-huge")


# ---------------------------------------------------------------- cleaning steps

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def normalize_unicode(text: str) -> str:
    """NFC, so the same word is always the same code points."""
    return unicodedata.normalize("NFC", text)


def strip_control_characters(text: str) -> str:
    """Control and bidi-override characters only hide or reorder text."""
    return _CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# Runs of spaces, tabs and no-break spaces other than the single space most of them are
_SPACES_RE = re.compile(r"[\t\u00a0][ \t\u00a0]*| [ \t\u00a0]+")


def normalize_whitespace(text: str) -> str:
    """One space between words, no trailing space, lines kept."""
    return "\n".join([line.strip() for line in _SPACES_RE.sub(" ", text).split("\n")]).strip()


_PUNCTUATION_RE = re.compile(r"[,.;:?!](?:\s|$)")


def looks_tokenized(text: str) -> bool:
    """Tokenized corpora put a space before most commas and full stops: counts the word
    characters followed by ' ,' against those followed by ',' (the punctuation is found first:
    four times quicker than a regex starting at every word character)."""
    spaced = plain = 0
    for match in _PUNCTUATION_RE.finditer(text):
        at = match.start()
        if at and text[at - 1] == " ":
            spaced += at > 1 and _is_word_char(text[at - 2])
        else:
            plain += at > 0 and _is_word_char(text[at - 1])
    return spaced >= 3 and spaced > plain


def _is_word_char(character: str) -> bool:
    return character.isalnum() or character == "_"  # what \w matches


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")
_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
_ASCII_CAPITALS = bytes(range(ord("A"), ord("Z") + 1))


def looks_lowercased(text: str) -> bool:
    # Counted in bytes for the ASCII part (bytes.translate deletes in C), by character for the rest
    data = text.encode("ascii", "ignore")
    others = "" if len(data) == len(text) else "".join(_NON_ASCII_RE.findall(text))
    letters = len(data) - len(data.translate(None, _ASCII_LETTERS)) + sum(map(str.isalpha, others))
    if letters < 20:
        return False
    capitals = len(data) - len(data.translate(None, _ASCII_CAPITALS)) + sum(map(str.isupper, others))
    return capitals / letters < 0.004


def undo_tokenizer_spacing(text: str) -> str:
    """'raqqa , syria ( reuters ) .' -> 'raqqa, syria (reuters).'"""
    if not looks_tokenized(text):
        return text
    text = text.replace("``", '"').replace("''", '"')
    text = re.sub(r" ([,.;:?!%])(?=\s|$|[\"')\]])", r"\1", text)
    text = re.sub(r"([(\[]) ", r"\1", text)
    text = re.sub(r" ([)\]])", r"\1", text)
    text = re.sub(r"([$£€]) (?=\d)", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return text


def restore_apostrophes(text: str) -> str:
    """'syria s raqqa' -> "syria's raqqa"; "don t" -> "don't" where the word list knows it."""
    text = re.sub(r"(?<=\w) s\b(?!['’-])", "'s", text) if re.search(r"\w s\b", text) else text
    known = _apostrophe_words()

    def join(match: re.Match[str]) -> str:
        candidate = f"{match.group(1)}'{match.group(2)}"
        return candidate if candidate.lower() in known else match.group(0)

    return re.sub(r"\b([A-Za-z]+) (t|re|ve|ll|d|m|ite|ites)\b", join, text)


def build_default_cleaners() -> Registry[TextStep]:
    registry: Registry[TextStep] = Registry()
    registry.register(normalize_unicode, "unicode", 100)
    registry.register(strip_control_characters, "control", 90)
    registry.register(normalize_whitespace, "whitespace", 80)
    registry.register(undo_tokenizer_spacing, "tokenizer-spacing", 50)
    registry.register(restore_apostrophes, "apostrophes", 40)
    return registry


@lru_cache(maxsize=1)
def _default_steps() -> tuple[TextStep, ...]:
    return tuple(build_default_cleaners())


def clean(text: str, cleaners: Registry[TextStep] | None = None) -> str:
    tokenized = looks_tokenized(text)
    for step in cleaners or _default_steps():
        if step is restore_apostrophes and not tokenized:
            continue  # only tokenizers drop apostrophes; "Mr s" in normal text stays
        text = step(text)
    return text


# ---------------------------------------------------------------- word list

@lru_cache(maxsize=1)
def _wordlist() -> tuple[frozenset[str], dict[str, str]]:
    """(lowercase words, lower -> capitalised form for words listed only capitalised)."""
    lower: set[str] = set()
    capital: dict[str, str] = {}
    for candidate in WORDLIST_PATHS:
        path = Path(candidate)
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
            word = line.strip()
            if not word:
                continue
            if word[0].isupper():
                capital.setdefault(word.lower(), word)
            else:
                lower.add(word)
        break
    only_capital = {k: v for k, v in capital.items() if k not in lower}
    return frozenset(lower), only_capital


@lru_cache(maxsize=1)
def _apostrophe_words() -> frozenset[str]:
    lower, capital = _wordlist()
    words = {w for w in lower if "'" in w} | {w for w in capital if "'" in w}
    return frozenset(words | {"don't", "doesn't", "didn't", "isn't", "wasn't", "can't", "won't", "it's"})


def in_wordlist(word: str) -> bool:
    lower, capital = _wordlist()
    return word in lower or word in capital


@lru_cache(maxsize=1)
def _large_lowercase() -> frozenset[str]:
    words: set[str] = set()
    for candidate in LARGE_WORDLIST_PATHS:  # optional: American and British spellings
        path = Path(candidate)
        if path.exists():
            words.update(w for w in path.read_text(encoding="utf-8", errors="ignore").split() if w[:1].islower())
    return frozenset(words)


def is_common_word(word: str) -> bool:
    """In any word list as a lowercase word."""
    return word in _wordlist()[0] or word in _large_lowercase()


# ---------------------------------------------------------------- casing model

TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def _tokens(sentence: str) -> list[re.Match[str]]:
    return list(TOKEN_RE.finditer(sentence))


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper()


@dataclass
class CasingModel:
    """How the corpus writes each word and name, learned from its cased articles."""

    words: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    """lower -> Counter of forms seen standing alone, mid-sentence."""
    in_names: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    """lower -> Counter of forms seen inside multi-word names ("Civil" in "Raqqa Civil Council")."""
    phrases: dict[tuple[str, ...], Counter] = field(default_factory=lambda: defaultdict(Counter))
    """lowered name -> Counter of its capitalised forms, seen whole or inside a longer name."""
    whole_names: Counter = field(default_factory=Counter)
    """lowered name -> times it stood as a whole name, not only inside a longer one."""
    contexts: Counter = field(default_factory=Counter)
    """(side, neighbour, word, capitalised) counts for words the corpus writes both ways."""
    _index: tuple | None = field(default=None, repr=False, compare=False)
    _contexts_index: tuple | None = field(default=None, repr=False, compare=False)
    _forms: dict = field(default_factory=dict, repr=False, compare=False)
    """word_form's answers, asked again and again once the model is learned."""

    def merge(self, counts: tuple[Counter, Counter, Counter, Counter]) -> None:
        words, in_names, phrases, whole_names = counts
        self._forms.clear()
        self.whole_names.update(whole_names)
        for (lower, form), n in words.items():
            self.words[lower][form] += n
        for (lower, form), n in in_names.items():
            self.in_names[lower][form] += n
        for (key, forms), n in phrases.items():
            self.phrases[key][forms] += n

    def evidence(self) -> tuple[Counter, Counter, Counter, Counter]:
        """Everything merged so far, in casing_counts' form: merge() it into a new model to get this one."""
        words = Counter({(lower, form): n for lower, forms in self.words.items() for form, n in forms.items()})
        in_names = Counter({(lower, form): n for lower, forms in self.in_names.items() for form, n in forms.items()})
        phrases = Counter({(key, forms): n for key, counts in self.phrases.items() for forms, n in counts.items()})
        return words, in_names, phrases, Counter(self.whole_names)

    def read_lowercase_uses(self, texts: list, executor=None, keys: list[str] | None = None,
                            last: "LowercaseUses | None" = None) -> "LowercaseUses":
        """A second look at the cased texts, for what a name count alone gets wrong:
        forget a phrase of common words ("Climate Change") that the corpus mostly writes in
        lowercase, and count the neighbours of words it writes both ways ("the House" but
        "house arrest"), so context can decide. texts: strings or Articles; the reading runs
        on the executor, a batch of texts at a time.

        keys name the texts; `last` is what this returned in the last build. The counts add up
        text by text and phrase by phrase, so when every text last read is still there, only the
        new texts are read for everything, and the old ones only for what was not looked for then
        (on a day's rebuild, usually nothing). Returns the counts, for the next build."""
        lower_words = _wordlist()[0]
        suspects = frozenset(k for k in self.phrases if all(w in lower_words for w in k))
        two_way = frozenset(w for w, forms in self.words.items() if forms.get(w) and _is_capitalised(self.word_form(w) or w))
        keys = list(keys) if keys is not None else [""] * len(texts)
        if last is None or not last.texts <= set(keys) or "" in last.texts or len(set(keys)) < len(keys):
            last = LowercaseUses(frozenset(), frozenset(), frozenset(), Counter(), Counter())
        lowercase_uses = Counter({k: n for k, n in last.uses.items() if k in suspects})
        contexts = Counter({c: n for c, n in last.contexts.items() if c[2] in two_way})
        old = [text for text, key in zip(texts, keys) if key in last.texts]
        new = [text for text, key in zip(texts, keys) if key not in last.texts]
        for part, phrases, words in ((old, suspects - last.suspects, two_way - last.two_way), (new, suspects, two_way)):
            uses, seen = _read_lowercase_uses(part, phrases, words, executor)
            lowercase_uses.update(uses)
            contexts.update(seen)
        self.contexts.update(contexts)
        for key in suspects:
            # Only a whole name outweighs lowercase uses: "Human Rights" inside "Human Rights
            # Watch" is no evidence that "human rights" alone is a name
            if lowercase_uses[key] and lowercase_uses[key] >= self.whole_names[key]:
                del self.phrases[key]
        return LowercaseUses(frozenset(keys), suspects, two_way, lowercase_uses, contexts)

    def lowercase_in_context(self, word: str, before: str, after: str) -> bool:
        """True when the corpus writes this word in lowercase beside this neighbour more often
        than capitalised ("house arrest", "weapons of mass destruction")."""
        for side, neighbour in (("L", before), ("R", after)):
            if neighbour:
                if self.contexts.get((side, neighbour, word, False), 0) > self.contexts.get((side, neighbour, word, True), 0):
                    return True
        return False

    def phrase_form(self, key: tuple[str, ...]) -> tuple[str, ...] | None:
        forms = self.phrases.get(key)
        # ties by the form itself, not by which article came first
        return max(forms.items(), key=lambda kv: (kv[1], kv[0]))[0] if forms else None

    def word_form(self, word: str) -> str | None:
        """The corpus's preferred casing, or None when the corpus has not seen the word.

        A common word ("council") is capitalised only where the corpus capitalises
        it standing alone; inside a name ("Raqqa Civil Council") it says nothing.
        """
        if word not in self._forms:
            self._forms[word] = self._word_form(word)
        return self._forms[word]

    def _word_form(self, word: str) -> str | None:
        forms = Counter(self.words.get(word, Counter()))
        if not is_common_word(word):
            forms.update(self.in_names.get(word, Counter()))
        if not forms:
            return None
        capitalised = sum(n for form, n in forms.items() if _is_capitalised(form))
        lowercase = sum(n for form, n in forms.items() if not _is_capitalised(form))
        if capitalised > lowercase:
            return max((f for f in forms if _is_capitalised(f)), key=lambda f: (forms[f], f))
        return word

    @property
    def longest_phrase(self) -> int:
        return self._phrase_index()[0]

    def _pair_index(self) -> dict[tuple[str, str], list[tuple[str, ...]]]:
        """Phrases (all two words or more) by their first two words."""
        return self._phrase_index()[1]

    def _phrase_index(self) -> tuple[int, dict[tuple[str, str], list[tuple[str, ...]]]]:
        # Asked once a sentence; the phrases are fixed once the model is learned
        if self._index is None or self._index[0] != len(self.phrases):
            by_pair: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
            for key in sorted(self.phrases):
                by_pair[key[:2]].append(key)
            self._index = (len(self.phrases), (max((len(k) for k in self.phrases), default=1), dict(by_pair)))
        return self._index[1]

    def _context_words(self) -> frozenset[str]:
        if self._contexts_index is None or self._contexts_index[0] != len(self.contexts):
            self._contexts_index = (len(self.contexts), frozenset(key[2] for key in self.contexts))
        return self._contexts_index[1]

    def signature(self, text: str) -> str:
        """What this model decides for the words, names and word pairs of one lowercased text.

        A restored article is cached under this, not under the whole model: a day's new
        articles change the model's counts, but rarely what it decides for an older article."""

        tokens = list(map(str.lower, TOKEN_RE.findall(text)))
        present = set(tokens)
        vocabulary = sorted(present)
        if not present.isdisjoint(("d", "l", "o")):  # d'Estaing, l'Oréal, O'Brien
            vocabulary.extend(f"{word}'{tokens[i + 1]}" for i, word in enumerate(tokens[:-1]) if word in ("d", "l", "o"))
        # By the text's word pairs, then a search of the joined text for longer names: trying
        # every phrase each word starts, at every token, took 1 ms an article at 100,000 articles
        by_pair = self._pair_index()
        joined = f" {' '.join(tokens)} "
        names = set()
        for pair in by_pair.keys() & set(zip(tokens, tokens[1:])):
            for key in by_pair[pair]:
                if len(key) == 2 or f" {' '.join(key)} " in joined:
                    names.add((key, self.phrase_form(key)))
        pairs = set()
        in_contexts = self._context_words()
        # Each word the model holds contexts for, with its left and right neighbours
        for i in ([i for i, word in enumerate(tokens) if word in in_contexts] if not present.isdisjoint(in_contexts) else ()):
            word = tokens[i]
            for side, j in (("L", i - 1), ("R", i + 1)):
                if 0 <= j < len(tokens):
                    lower, capital = self.contexts.get((side, tokens[j], word, False), 0), self.contexts.get((side, tokens[j], word, True), 0)
                    if lower or capital:
                        pairs.add((side, tokens[j], word, lower > capital))
        return fingerprint([(w, self.word_form(w)) for w in vocabulary], sorted(names), sorted(pairs))


LOWERCASE_USES_BATCH = 2_000


@dataclass(frozen=True)
class LowercaseUses:
    """The second look's counts (CasingModel.read_lowercase_uses) over some texts."""

    texts: frozenset[str]
    """Keys of the texts read."""
    suspects: frozenset[tuple[str, ...]]
    """The phrases of common words looked for..."""
    two_way: frozenset[str]
    """...and the words written both ways."""
    uses: Counter
    """Lowercase uses of the suspects."""
    contexts: Counter
    """(side, neighbour, word, capitalised) counts of the two-way words."""


def _read_lowercase_uses(texts: list, suspects: frozenset, two_way: frozenset, executor=None) -> tuple[Counter, Counter]:
    from .runtime.executor import SerialExecutor

    lowercase_uses: Counter = Counter()
    contexts: Counter = Counter()
    if not texts or not (suspects or two_way):
        return lowercase_uses, contexts  # nothing to look for: spare a pass over the texts
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(suspects):
        by_first[key[0]].append(key)
    work = partial(_lowercase_uses, dict(by_first), two_way)
    batches = [texts[start : start + LOWERCASE_USES_BATCH] for start in range(0, len(texts), LOWERCASE_USES_BATCH)]
    for uses, seen in (executor or SerialExecutor()).map(work, batches):
        lowercase_uses.update(uses)
        contexts.update(seen)
    return lowercase_uses, contexts


def _lowercase_uses(by_first: dict[str, list[tuple[str, ...]]], two_way: frozenset[str], texts: list) -> tuple[Counter, Counter]:
    """(lowercase uses of the suspect phrases, neighbour counts of the two-way words) in some texts."""
    lowercase_uses: Counter = Counter()
    contexts: Counter = Counter()
    looked_for = by_first.keys() | two_way
    for text in texts:
        tokens = TOKEN_RE.findall(text if isinstance(text, str) else text.text)
        lowered = list(map(str.lower, tokens))
        if looked_for.isdisjoint(lowered):
            continue
        for i, word in enumerate(lowered):
            if word in by_first and tokens[i] == word:
                for key in by_first[word]:
                    if tuple(tokens[i : i + len(key)]) == key:
                        lowercase_uses[key] += 1
            if word in two_way and i > 0:
                capital = tokens[i] != word
                contexts[("L", lowered[i - 1], word, capital)] += 1
                if i + 1 < len(tokens):
                    contexts[("R", lowered[i + 1], word, capital)] += 1
    return lowercase_uses, contexts


def _capitalised_runs(sentence: str, matches: list[re.Match[str]], tokens: list[str], lower_words: frozenset[str]) -> list[list[int]]:
    """Indexes of runs of two or more capitalised words separated by single spaces.

    A sentence-initial word starts a run only when it is no common word
    ("Mostafa Bali said", not "The Syrian ...").
    """
    runs: list[list[int]] = []
    run: list[int] = []
    # Only the capitalised words (a fifth of a news text) are looked at closely
    for i in [i for i, token in enumerate(tokens) if _is_capitalised(token)]:
        lower = tokens[i].lower()
        if lower in FUNCTION_WORDS or (i == 0 and lower in lower_words):
            continue
        if run and run[-1] == i - 1 and sentence[matches[i - 1].end() : matches[i].start()] == " ":
            run.append(i)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [i]
    if len(run) >= 2:
        runs.append(run)
    return runs


def split_text(text: str) -> list[list[str]]:
    """The sentences of each paragraph."""
    return [split_sentences(paragraph) for paragraph in paragraphs(text)]


def casing_counts(text: str | list[list[str]]) -> tuple[Counter, Counter, Counter, Counter]:
    """One cased text's evidence: (lower, form) counts of words standing alone and inside names,
    (lowered phrase, forms) counts of multi-word names and the names inside them, and counts of
    lowered whole names. Per text, so it can be cached and merged. Takes the text, or its
    sentences when they are at hand already (split_text)."""
    words: Counter = Counter()
    in_names: Counter = Counter()
    phrases: Counter = Counter()
    whole_names: Counter = Counter()
    alone: list[tuple[str, str]] = []
    inside: list[tuple[str, str]] = []
    lower_words, _ = _wordlist()
    for sentences in split_text(text) if isinstance(text, str) else text:
        for sentence in sentences:
            matches = _tokens(sentence)
            tokens = [m.group(0) for m in matches]
            runs = _capitalised_runs(sentence, matches, tokens, lower_words)
            in_run = {i for run in runs for i in run}
            for i, token in enumerate(tokens):
                lower = token.lower()
                if lower in FUNCTION_WORDS:
                    continue
                if i == 0 and not (i in in_run and lower not in lower_words):
                    continue  # sentence-initial capitals say nothing about the word
                (inside if i in in_run else alone).append((lower, token))
            for run in runs:
                whole_names[tuple(tokens[i].lower() for i in run)] += 1
                for forms in _name_parts(tuple(tokens[i] for i in run)):
                    phrases[(tuple(t.lower() for t in forms), forms)] += 1
    words.update(alone)  # counted at once: Counter.update over a list runs in C
    in_names.update(inside)
    return words, in_names, phrases, whole_names


def _name_parts(name: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name and the names inside it: "Iran's National Security Council" also teaches
    "National Security Council" and "Security Council", which other articles use alone."""
    return [name[start:end] for start in range(len(name) - 1) for end in range(start + 2, len(name) + 1)]


def learn_casing(texts: Iterable[str]) -> CasingModel:
    """The casing model of some normally-cased texts (restore_articles builds the same model in
    batches, from cached evidence)."""
    texts = list(texts)
    model = CasingModel()
    for text in texts:
        model.merge(casing_counts(text))
    model.read_lowercase_uses(texts)
    return model


LOWERCASE_ABBREVIATIONS = frozenset({"a.m.", "p.m.", "e.g.", "i.e.", "a.k.a.", "c.f."})
MONTHS = frozenset(
    "january february april june july august september october november december".split()
)  # "may" and "march" are verbs far more often than months


NAME_PARTICLES = frozenset("bin ibn bint de del della der den di da das dos du el al la le van von ter".split())


def _case_word(word: str, model: CasingModel) -> tuple[str, bool]:
    """Return (cased word, whether it is known to be a proper noun)."""
    if word in NAME_PARTICLES:
        return word, False  # "Osama bin Laden", "F. W. de Klerk": lowercase inside a name
    if re.fullmatch(r"(?:[a-z]\.){2,}", word) and word not in LOWERCASE_ABBREVIATIONS:
        return word.upper(), True  # u.s. -> U.S.
    if word in FUNCTION_WORDS:
        return word, False
    corpus = model.word_form(word)
    if corpus is not None:
        return corpus, corpus != word
    if word in MONTHS:
        return word.capitalize(), True
    lower, only_capital = _wordlist()
    form = only_capital.get(word)
    if form and len(form) > 2 and not form.isupper():  # "AL" is Alabama, "Eu" europium: not names here
        return form, True
    return word, False


def _rejoin_elisions(sentence: str, model: CasingModel) -> str:
    """'d alema' -> "d'alema" where the corpus writes "D'Alema": the tokenizer dropped the apostrophe.
    Same length, so token offsets stay put."""
    def join(match: re.Match[str]) -> str:
        joined = f"{match.group(1)}'{match.group(2)}"
        form = model.word_form(joined)
        return joined if form and _is_capitalised(form) else match.group(0)

    return _ELISION_RE.sub(join, sentence) if _ELISION_RE.search(sentence) else sentence


_ELISION_RE = re.compile(r"\b([dlo]) ([^\W\d_]{2,})\b")


def truecase_sentence(sentence: str, model: CasingModel) -> str:
    """Restore capitals in one lowercased sentence."""
    sentence = _rejoin_elisions(sentence, model)
    matches = _tokens(sentence)
    if not matches:
        return sentence
    lowered = [m.group(0).lower() for m in matches]
    forms: list[str] = [m.group(0) for m in matches]
    proper = [False] * len(matches)

    i = 0
    longest = model.longest_phrase
    starts = model._pair_index()
    while i < len(matches):
        # Most words start no known name: the first two words rule out every length at once
        pair = tuple(lowered[i : i + 2])
        for size in range(min(longest, len(matches) - i), 1, -1) if pair in starts else ():
            if not _adjacent(sentence, matches[i : i + size]):
                continue
            phrase = model.phrase_form(tuple(lowered[i : i + size]))
            if phrase:
                # "Osama bin Laden", "Charles de Gaulle": particles stay lowercase whatever one article wrote
                forms[i : i + size] = [w.lower() if w.lower() in NAME_PARTICLES else w for w in phrase]
                proper[i : i + size] = [True] * size
                i += size
                break
        else:
            forms[i], proper[i] = _case_word(lowered[i], model)
            if proper[i] and model.lowercase_in_context(lowered[i], lowered[i - 1] if i else "",
                                                         lowered[i + 1] if i + 1 < len(lowered) else ""):
                forms[i], proper[i] = lowered[i], False
            i += 1

    _capitalise_unknown_neighbours(sentence, matches, lowered, forms, proper, model)
    _apply_context_rules(sentence, matches, lowered, forms, proper)
    out = list(sentence)
    for match, form in zip(matches, forms):
        out[match.start() : match.end()] = list(form) if len(form) == match.end() - match.start() else list(match.group(0))
    text = "".join(out)
    text = re.sub(r"\bi\b", "I", text)
    return _capitalise_first_letter(text)


def _adjacent(sentence: str, matches: list[re.Match[str]]) -> bool:
    """True when the tokens are separated by single spaces only (no punctuation between)."""
    return all(sentence[a.end() : b.start()] == " " for a, b in zip(matches, matches[1:]))


def _is_inflection(word: str) -> bool:
    """'jihadists', 'bombings', 'reopened': a known word with a suffix is no name."""
    lower = _wordlist()[0]
    for suffix, replacement in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                                ("ly", ""), ("er", ""), ("est", ""), ("ers", ""), ("ness", ""), ("ment", ""), ("ments", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + replacement in lower:
            return True
    for prefix in ("un", "re", "non", "pre", "anti", "over", "under", "counter", "inter", "co", "mis", "dis", "post", "pro"):
        if word.startswith(prefix) and word[len(prefix):] in lower:
            return True
    return False


def _capitalise_unknown_neighbours(sentence, matches, lowered, forms, proper, model) -> None:
    """A word no dictionary knows, next to a name, is most likely part of it ('mohammed emwazi')."""
    for i, word in enumerate(lowered):
        # A word no dictionary or corpus knows is, in news, almost always a name ("alkifah", "vacco")
        if not proper[i] and forms[i] == word and len(word) >= 4 and word.isalpha() and not in_wordlist(word) \
                and not is_common_word(word) and model.word_form(word) is None and not _is_inflection(word):
            forms[i] = word[:1].upper() + word[1:]
            proper[i] = True
    changed = True
    while changed:
        changed = False
        for i, word in enumerate(lowered):
            if proper[i] or len(word) < 3 or in_wordlist(word) or word in FUNCTION_WORDS:
                continue
            if "'" in word or "’" in word:
                continue
            neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(matches) and proper[j]]
            if any(_adjacent(sentence, sorted([matches[i], matches[j]], key=lambda m: m.start())) for j in neighbours):
                forms[i] = word[:1].upper() + word[1:]
                proper[i] = True
                changed = True
        # Arabic article prefixes: "al-mayadin" -> "al-Mayadin"
        for i, match in enumerate(matches):
            start = match.start()
            if not proper[i] and not in_wordlist(lowered[i]) and sentence[max(0, start - 3) : start] in ("al-", "el-"):
                forms[i] = lowered[i][:1].upper() + lowered[i][1:]
                proper[i] = True


TITLE_WORDS = frozenset(
    "president minister secretary mayor governor senator general colonel col gen king queen prince princess "
    "judge chancellor pope sheikh ayatollah archbishop bishop cardinal ambassador commissioner chairman "
    "premier sen rep lt sgt capt captain admiral inspector detective".split()
)
US_FOLLOWERS = frozenset(
    "president officials official military army government forces troops dollars dollar embassy senate "
    "congress navy department administration economy state states court soldiers marines citizens envoy "
    "secretary ambassador authorities intelligence election elections".split()
)
MONTH_CONTEXT = frozenset("in since until early late mid last next of by from on".split())


def _apply_context_rules(sentence, matches, lowered, forms, proper) -> None:
    """Names a word list cannot know: 'the us', 'in may 2005', 'president' before a name."""
    for i, word in enumerate(lowered):
        before = lowered[i - 1] if i > 0 else ""
        after = lowered[i + 1] if i + 1 < len(lowered) else ""
        if word == "us" and (before == "the" or sentence[matches[i].end() : matches[i].end() + 1] == "-" or after in US_FOLLOWERS):
            forms[i], proper[i] = "US", True
        elif word == "may" and (re.match(r"\s*\d", sentence[matches[i].end() :]) or (before in MONTH_CONTEXT and not after)):
            forms[i], proper[i] = "May", True
    for i in range(len(lowered) - 2, -1, -1):
        if lowered[i] in TITLE_WORDS and proper[i + 1] and sentence[matches[i].end() : matches[i + 1].start()] == " ":
            forms[i] = forms[i][:1].upper() + forms[i][1:]
            proper[i] = True
            if i > 0 and lowered[i - 1] == "prime" and lowered[i] == "minister":
                forms[i - 1], proper[i - 1] = "Prime", True


def _capitalise_first_letter(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch.isdigit():
            return text
    return text


DATELINE_RE = re.compile(r"^(?P<place>[^()]{2,80}?)\s*\(\s*(?P<outlet>[A-Za-z][A-Za-z .&-]{0,40}?)\s*\)\s*[-–—_]+\s*")


def split_dateline(first_line: str) -> tuple[str, str, str] | None:
    """'ain issa, syria/beirut (reuters) - text' -> ('ain issa, syria/beirut', 'reuters', 'text')."""
    match = DATELINE_RE.match(first_line)
    if not match:
        return None
    return match.group("place"), match.group("outlet"), first_line[match.end() :]


def _title_place(place: str) -> str:
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0) if m.group(0) in ("and",) else m.group(0).capitalize(), place)


def _corpus_form(name: str, model: CasingModel) -> str:
    """'ap' -> 'AP' when the corpus writes it so, else title case."""
    form = model.word_form(name.lower()) if " " not in name else None
    return form if form and _is_capitalised(form) else _title_place(name)


def truecase(text: str, model: CasingModel, outlet_names: dict[str, str] | None = None) -> str:
    """Restore casing of a lowercased article, paragraph by paragraph, sentence by sentence."""
    outlet_names = outlet_names or {}
    out_paragraphs = []
    for number, paragraph in enumerate(paragraphs(text)):
        prefix = ""
        if number == 0:
            dateline = split_dateline(paragraph)
            if dateline:
                place, outlet, paragraph = dateline
                outlet_cased = outlet_names.get(outlet.strip().lower()) or _corpus_form(outlet.strip(), model)
                prefix = f"{_title_place(place)} ({outlet_cased}) - "
        sentences = [truecase_sentence(s, model) for s in split_sentences(paragraph)]
        out_paragraphs.append(prefix + " ".join(sentences))
    return "\n".join(out_paragraphs)


def restore(raw: str, model: CasingModel, outlet_names: dict[str, str] | None = None) -> str:
    """The whole restoration for one article: clean, then truecase if it arrived lowercased."""
    text = clean(raw)
    if looks_lowercased(text):
        text = truecase(text, model, outlet_names)
    return text


# ---------------------------------------------------------------- the stage

def _headline_from(text: str, limit: int = 20) -> str:
    """A headline from the first sentence, without its dateline, cut at a word boundary."""
    first = paragraphs(text)[0] if paragraphs(text) else text
    dateline = split_dateline(first)
    if dateline:
        first = dateline[2]
    sentence = (split_sentences(first) or [first])[0].rstrip(".")
    words_ = sentence.split()
    if len(words_) > limit:
        return " ".join(words_[:limit]).rstrip(",;:") + " …"
    return sentence


def _title_lowercased(cleaned: str) -> bool:
    return looks_lowercased(cleaned + " " + cleaned) or (cleaned == cleaned.lower() and len(cleaned) > 12)


def restore_title(title: str, model: CasingModel) -> str:
    cleaned = clean(title)
    return truecase_sentence(cleaned, model) if _title_lowercased(cleaned) else cleaned


MAX_TEXT_CHARS = 100_000
"""Characters of one article that are restored and analysed (a long feature is ~40,000)."""
MAX_SENTENCES = 400
"""Sentences of one article that are analysed: a news article has far fewer; this bounds a runaway file."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """One raw article after the first pass, before the corpus-wide casing model exists."""

    text: str | None
    """Cleaned and cut to MAX_TEXT_CHARS, while the article still needs the model; else None."""
    notes: tuple[tuple[str, str], ...]
    lowercased: bool
    casing: bytes | None
    """casing_counts of the text when it is normally cased (what it teaches the model), pickled:
    a rebuild that starts from the last model never unpickles an unchanged article's counts."""
    article: object | None = None
    """The finished Article when nothing in it depends on the model (a cased text and title)."""


PREPARE_BATCH = 5_000
"""Articles prepared at a time: their casing evidence is held in memory until merged."""


def _needs_model(raw, lowercased: bool) -> bool:
    """Only a lowercased text or title depends on what the rest of the corpus teaches."""
    return lowercased or bool(raw.title and _title_lowercased(clean(raw.title)))


def prepare(item) -> Prepared:
    raw, raw_key = item
    text = clean(raw.raw_text)
    notes = []
    if len(text) > MAX_TEXT_CHARS:
        cut = text.rfind("\n", 0, MAX_TEXT_CHARS)
        text = text[: cut if cut > 0 else MAX_TEXT_CHARS]
        notes.append(("warning", f"{len(raw.raw_text):,} characters; only the first {len(text):,} are analysed"))
    lowercased = looks_lowercased(text)
    split = None if lowercased else split_text(text)
    casing = None if lowercased else pickle.dumps(casing_counts(split), protocol=5)
    if _needs_model(raw, lowercased):
        return Prepared(text, tuple(notes), lowercased, casing)
    # Finished now: a second pass would split the sentences again and send the article back again
    key = fingerprint(raw_key, "", "") if raw_key else ""
    article, notes = _restore_one((raw, text, notes, lowercased, key), None, {}, split)
    return Prepared(None, tuple(notes), lowercased, casing, article)


def raw_article_key(raw) -> str:
    """The cache key of everything a raw article holds. Its text goes in as a hash of its bytes:
    repr() of a year of texts (escaping every character) took 1.5 s at 100,000 articles."""
    text = hashlib.sha256(raw.raw_text.encode("utf-8", "surrogatepass")).hexdigest()
    return fingerprint("prepare", replace(raw, raw_text=""), text)


def restore_articles(raw_articles, report=None, executor=None, cache=None, progress=None):
    """Raw articles -> articles with readable text, sentences and a headline.

    The casing model is learned from the corpus's own normally-cased articles,
    so one outlet's "Raqqa" teaches another outlet's "raqqa". The per-article
    work runs on the executor (processes or a Dask cluster), in order, and is
    cached: a rebuild reads an unchanged article's preparation and result back.
    """
    raw_articles = list(raw_articles)
    cache = cache or Cache(None)
    raw_keys = [raw_article_key(raw) if cache.folder else "" for raw in raw_articles]
    model, prepared = _prepare_and_learn(raw_articles, raw_keys, cache, executor, progress)
    cased = [position for position, item in enumerate(prepared) if not item.lowercased]
    uses_key = fingerprint("lowercase-uses") if cache.folder else ""
    last_uses = cache.get("lowercase-uses", uses_key) if uses_key else None
    # Articles travel packed to the workers that read them again
    uses = model.read_lowercase_uses([prepared[p].article or prepared[p].text for p in cased], executor,
                                     [raw_keys[p] for p in cased], last_uses)
    if uses_key:
        cache.put("lowercase-uses", uses_key, uses)
    outlet_names = {}
    for raw in raw_articles:
        outlet_names.setdefault(raw.source.key, raw.source.name)
        outlet_names.setdefault(raw.source.name.lower(), raw.source.name)
    outlets_key = sorted(outlet_names.items())
    waiting = [position for position, item in enumerate(prepared) if item.article is None]
    shared = Shared(model)
    keys = [""] * len(waiting)
    if cache.folder:
        # On the executor: a rebuild computes every lowercased article's signature (10,000 at
        # 100,000 articles, 0.3 ms each) to find the few whose restored text must be made again
        texts = [f"{prepared[p].text}\n{clean(raw_articles[p].title or '')}" for p in waiting]
        signatures = (executor or SerialExecutor()).map(partial(_signature_with_shared, shared), texts)
        keys = [fingerprint(raw_keys[p], casing, outlets_key) for p, casing in zip(waiting, signatures)]
    work = partial(_restore_with_shared, shared, outlet_names)
    items = [(raw_articles[p], prepared[p].text, list(prepared[p].notes), prepared[p].lowercased, key) for p, key in zip(waiting, keys)]
    with (progress or QUIET).stage("truecasing", len(items), "articles") as tick:
        restored = dict(zip(waiting, cached_map(cache, "articles", work, items, keys, executor, tick)))
    articles = []
    for position, item in enumerate(prepared):
        article, notes = restored[position] if position in restored else (item.article, item.notes)
        for level, message in notes:
            if report:
                report(level, article.path, None, message)
        articles.append(article)
    return articles


def _prepare_and_learn(raw_articles, raw_keys, cache, executor, progress) -> tuple[CasingModel, list[Prepared]]:
    """Every article prepared (a cased one finished), and the casing model learned from them."""
    # The last build's model, with the articles it was merged from: a day's rebuild adds only
    # the new articles' evidence to it instead of merging every article's again. An article it
    # learned from that is gone or changed (its key is gone) makes it learn afresh, as it goes.
    last = cache.get("casing-model", fingerprint("casing-model")) if cache.folder else None
    if last and not (last[0] <= set(raw_keys) and len(set(raw_keys)) == len(raw_keys)):
        last = None
    last_keys, last_evidence = last if last else (frozenset(), None)
    model = CasingModel()
    unmerged: list[bytes] = []  # evidence of articles the last model lacks
    cased_keys: list[str] = []
    prepared: list[Prepared] = []
    with (progress or QUIET).stage("restoring", len(raw_articles), "articles") as tick:
        # A batch at a time: each text's casing evidence is merged (or kept packed), then let go
        for start in range(0, len(raw_articles), PREPARE_BATCH):
            batch = slice(start, start + PREPARE_BATCH)
            items = list(zip(raw_articles[batch], raw_keys[batch]))
            for (_, raw_key), item in zip(items, cached_map(cache, "prepared", prepare, items, raw_keys[batch], executor, tick)):
                if item.casing is not None:
                    cased_keys.append(raw_key)
                    if last_evidence is None:
                        model.merge(_evidence(item.casing))
                    elif raw_key not in last_keys:
                        unmerged.append(item.casing)
                prepared.append(replace(item, casing=None))
    if last_evidence is not None:
        model.merge(last_evidence)
        for casing in unmerged:
            model.merge(_evidence(casing))
    if cache.folder:
        cache.put("casing-model", fingerprint("casing-model"), (frozenset(cased_keys), model.evidence()))
    return model, prepared


def _evidence(casing: bytes) -> tuple[Counter, Counter, Counter, Counter]:
    return pickle.loads(casing)  # written by prepare() in this build or a cached one


def _signature_with_shared(model: Shared, text: str) -> str:
    return model.value.signature(text)


def _restore_with_shared(model: Shared, outlet_names: dict[str, str], item):
    return _restore_one(item, model.value, outlet_names)


def _restore_one(item, model: CasingModel | None, outlet_names: dict[str, str], split: list[list[str]] | None = None):
    """The article itself: truecased when it arrived lowercased, split into sentences (unless
    split already: split_text), titled. model may be None when neither text nor title is lowercased."""
    from .models import Article, Sentence, pack_sentences

    raw, text, notes, lowercased, key = item
    notes = list(notes)
    if lowercased:
        text = truecase(text, model, outlet_names)
        notes.append(("info", "text arrived lowercased; capitals restored from the corpus and the word list"))
    sentences = []
    for number, paragraph_sentences in enumerate(split if split is not None else split_text(text)):
        for sentence in paragraph_sentences:
            sentences.append(Sentence(text=sentence, index=len(sentences), paragraph=number))
    if len(sentences) > MAX_SENTENCES:
        notes.append(("warning", f"{len(sentences)} sentences; only the first {MAX_SENTENCES} are analysed"))
        sentences = sentences[:MAX_SENTENCES]
    title = restore_title(raw.title, model) if raw.title else None
    inferred = title is None
    if inferred:
        title = _headline_from(text)
        notes.append(("info", f"no title; using a headline from the first sentence: {title!r}"))
    article = Article(
        id=raw.id, path=raw.path, source=raw.source,
        packed_sentences=pack_sentences(sentences), title=title, published=raw.published, url=raw.url,
        author=raw.author, lang=raw.lang, license=raw.license, title_inferred=inferred,
        summary_only=raw.summary_only, fingerprint=key,
    )
    return article, tuple(notes)
