"""Cleaning: small `str -> str` steps every article's text goes through, in an ordered registry.

Each step fixes one thing (Unicode form, control characters, spacing, a tokenizer's spaces
before punctuation, apostrophes a tokenizer dropped) and declares when it applies; `clean()` runs
the registered steps that apply, highest priority first. Register a step of your own with
`CLEANERS.register(CleaningStep(fix), "name", priority)`; registering a name again replaces it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

from ..registry import Registry
from ..text import apostrophe_words
from .debris import strip_wire_codes, unglue_dates

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
    characters followed by ' ,' against those followed by ',' (the punctuation is found first,
    then the characters before it are looked at)."""
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
    """Fewer than 0.4% of at least 20 letters that have a case are capitals: text delivered
    lowercased. Letters of scripts without case (Hebrew, Arabic, Chinese, Burmese...) do not count:
    such a text was never lowercased."""
    # Counted in bytes for the ASCII part (bytes.translate deletes in C), by character for the rest
    data = text.encode("ascii", "ignore")
    others = "" if len(data) == len(text) else "".join(_NON_ASCII_RE.findall(text))
    letters = len(data) - len(data.translate(None, _ASCII_LETTERS)) + sum(1 for c in others if c.islower() or c.isupper())
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
    return "\n".join(_close_up_quotes(line) for line in text.split("\n"))


_DOUBLE_QUOTE_RE = re.compile(r'\s*"\s*')


def _close_up_quotes(line: str) -> str:
    """' " we do n't want a war , " the minister said' -> '"we don't want a war," the minister
    said': a tokenizer spaces quotes off the words they enclose. Quotes pair up along the line
    (a paragraph may open a quote that the next one continues, as news writes it)."""
    if '"' not in line:
        return line
    out, opening, position = [], True, 0
    for match in _DOUBLE_QUOTE_RE.finditer(line):
        out.append(line[position : match.start()])
        before = " " if opening and match.start() > 0 and match.group(0)[0].isspace() else ""
        after = " " if not opening and match.end() < len(line) and match.group(0)[-1].isspace() else ""
        out.append(f'{before}"{after}')
        opening, position = not opening, match.end()
    out.append(line[position:])
    return "".join(out)


def restore_apostrophes(text: str) -> str:
    """'syria s raqqa' -> "syria's raqqa"; "don t" -> "don't" where the word list knows it."""
    text = re.sub(r"(?<=\w) s\b(?!['’-])", "'s", text) if re.search(r"\w s\b", text) else text
    known = apostrophe_words()

    def join(match: re.Match[str]) -> str:
        candidate = f"{match.group(1)}'{match.group(2)}"
        return candidate if candidate.lower() in known else match.group(0)

    return re.sub(r"\b([A-Za-z]+) (t|re|ve|ll|d|m|ite|ites)\b", join, text)




@dataclass(frozen=True, slots=True)
class TextTraits:
    """What a text looked like as it arrived, before any step ran."""

    tokenized: bool
    """Spaces before most commas and full stops: a tokenizer's output (looks_tokenized)."""

    @classmethod
    def of(cls, text: str) -> "TextTraits":
        """The traits of a text as it arrived."""
        return cls(tokenized=looks_tokenized(text))


def always(traits: TextTraits) -> bool:
    """Every text."""
    return True


def only_tokenized(traits: TextTraits) -> bool:
    """Only tokenizers drop apostrophes: "Mr s" in normal text stays."""
    return traits.tokenized


@dataclass(frozen=True, slots=True)
class CleaningStep:
    """One fix, and when it applies (judged on the text as it arrived)."""

    fix: Callable[[str], str]
    applies: Callable[[TextTraits], bool] = always


def build_default_cleaners() -> Registry[CleaningStep]:
    """The steps every article goes through, by priority."""
    registry: Registry[CleaningStep] = Registry()
    registry.register(CleaningStep(normalize_unicode), "unicode", 100)
    registry.register(CleaningStep(strip_control_characters), "control", 90)
    registry.register(CleaningStep(normalize_whitespace), "whitespace", 80)
    registry.register(CleaningStep(unglue_dates), "glued-dates", 70)
    registry.register(CleaningStep(strip_wire_codes), "wire-codes", 70)
    registry.register(CleaningStep(undo_tokenizer_spacing), "tokenizer-spacing", 50)
    registry.register(CleaningStep(restore_apostrophes, only_tokenized), "apostrophes", 40)
    return registry


CLEANERS = build_default_cleaners()
"""The registry `clean()` uses unless given another."""


def clean(text: str, cleaners: Registry[CleaningStep] | None = None) -> str:
    """The text after every registered step that applies to it."""
    traits = TextTraits.of(text)
    for step in cleaners if cleaners is not None else CLEANERS:
        if step.applies(traits):
            text = step.fix(text)
    return text
