"""Truecasing: capitals back in a lowercased article, from the casing model and rules.

Word by word: a name the corpus knows ("talal selo" -> "Talal Selo") wins, then the corpus's own
form of the word, then the word list (proper nouns keep their capitals there), dotted
abbreviations ("u.s." -> "U.S."), datelines, unknown words next to names ("mohammed emwazi"), and
context rules ("the us", "in may 2005", a title before a name). Function words are never
capitalised mid-sentence.
"""
from __future__ import annotations

import re

from ..text import FUNCTION_WORDS, in_wordlist, is_common_word, paragraphs, split_dateline, split_sentences, wordlist
from .casing import CasingModel, _is_capitalised, _tokens
from .clean import clean, looks_lowercased


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
    lower, only_capital = wordlist()
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
    lower = wordlist()[0]
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


def _title_lowercased(cleaned: str) -> bool:
    return looks_lowercased(cleaned + " " + cleaned) or (cleaned == cleaned.lower() and len(cleaned) > 12)


def restore_title(title: str, model: CasingModel) -> str:
    """A title cleaned, and truecased when it arrived lowercased."""
    cleaned = clean(title)
    return truecase_sentence(cleaned, model) if _title_lowercased(cleaned) else cleaned
