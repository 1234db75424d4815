"""The casing model: how the corpus writes each word and name, learned from its cased articles.

A lowercased article ("syria s raqqa") is truecased from what the rest of the corpus teaches: one
outlet's "Raqqa" and "Talal Selo" teach another outlet's "raqqa" and "talal selo". Each cased
text's evidence is counted on its own (`casing_counts`, cacheable and mergeable); a second look
at the cased texts (`CasingModel.read_lowercase_uses`) forgets phrases of common words the corpus
mostly writes in lowercase and counts the neighbours of words it writes both ways.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, Iterable

from ..text import FUNCTION_WORDS, is_common_word, is_shouted, split_text, wordlist

MapWork = Callable[[Callable, list], list]
"""map_work(function, items) -> results in order: the build's workers, or the built-in serial map."""


def serial_map(function: Callable, items: list) -> list:
    """map_work in this process."""
    return [function(item) for item in items]


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
        """Add one text's evidence (casing_counts) to the model."""
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

    def read_lowercase_uses(self, texts: list, map_work: MapWork = serial_map, keys: list[str] | None = None,
                            last: "LowercaseUses | None" = None) -> "LowercaseUses":
        """A second look at the cased texts, for what a name count alone gets wrong:
        forget a phrase of common words ("Climate Change") that the corpus mostly writes in
        lowercase, and count the neighbours of words it writes both ways ("the House" but
        "house arrest"), so context can decide. texts: strings or Articles; the reading runs
        through map_work (the build's workers), a batch of texts at a time.

        keys name the texts; `last` is what this returned in the last build. The counts add up
        text by text and phrase by phrase, so when every text last read is still there, only the
        new texts are read for everything, and the old ones only for what was not looked for then
        (on a day's rebuild, usually nothing). Returns the counts, for the next build."""
        lower_words = wordlist()[0]
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
            uses, seen = _read_lowercase_uses(part, phrases, words, map_work)
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
        """The corpus's preferred capitalised form of a lowered name, or None."""
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
        """Words in the longest name the model knows."""
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
        # By the text's word pairs, then a search of the joined text for longer names, rather
        # than trying every phrase each word starts at every token
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
        decided = repr(([(w, self.word_form(w)) for w in vocabulary], sorted(names), sorted(pairs)))
        return hashlib.sha256(decided.encode("utf-8", "surrogatepass")).hexdigest()


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


def _read_lowercase_uses(texts: list, suspects: frozenset, two_way: frozenset, map_work: MapWork) -> tuple[Counter, Counter]:
    lowercase_uses: Counter = Counter()
    contexts: Counter = Counter()
    if not texts or not (suspects or two_way):
        return lowercase_uses, contexts  # nothing to look for: spare a pass over the texts
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(suspects):
        by_first[key[0]].append(key)
    work = partial(_lowercase_uses, dict(by_first), two_way)
    batches = [texts[start : start + LOWERCASE_USES_BATCH] for start in range(0, len(texts), LOWERCASE_USES_BATCH)]
    for uses, seen in map_work(work, batches):
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
    lower_words, _ = wordlist()
    for sentences in split_text(text) if isinstance(text, str) else text:
        for sentence in sentences:
            if is_shouted(sentence):
                continue  # text in capitals teaches no casing ("killing at LEAST 12")
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

