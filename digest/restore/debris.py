"""Debris: what a page or a wire feed puts into an article's text that is not the article's sentences.

Photo captions and credits, bylines, wire-service markers ("(STORY CAN END HERE)", "&QL;",
editors' initials), section headings, navigation ("Read more", "See also"), items of a list of
links ("* AP - ..."), a date glued to the first word ("January 18, 2005Through a telethon") and
a sentence cut off by an excerpt ("... in which the woman..."). `readable_paragraphs` drops them
from an article's split paragraphs when it is read, so they never reach a summary, a headline or
a comparison; each rule looks at one paragraph (a line of the corpus) and is written for a whole
kind, not for one input. `unglue_dates` is a cleaning step (restore/clean.py): it runs before the
text is split, so the glued date becomes a line of its own.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from ..text import FUNCTION_WORDS, MONTH_NAMES, date_line

_MONTHS = "|".join(MONTH_NAMES)
_DATE = rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}"
_GLUED_DATE_RE = re.compile(rf"^({_DATE})(?=[A-Z\"“])", re.MULTILINE)
_FULL_DATE_END_RE = re.compile(rf"\bon\s+(?:{_MONTHS})\s+\d{{1,2}},?\s+(?P<year>\d{{4}})\.?$")


_WIRE_CODE_RE = re.compile(r"[ \t]*&[A-Z]{2};(?:[ \t]+[a-z]{1,4}(?:[-/][a-z]{1,4})*\b)?|(?<=[.!?\"'])-[a-z]{1,4}(?:-[a-z]{1,4})*$", re.MULTILINE)


def strip_wire_codes(text: str) -> str:
    """A news wire's typesetting codes ('&QL;', '&UR; jl') are not words: removed (a line that
    held nothing else is left empty, and later dropped)."""
    return _WIRE_CODE_RE.sub("", text) if "&" in text or ".-" in text else text


def unglue_dates(text: str) -> str:
    """'Tuesday, January 18, 2005Through a telethon, ...' -> the date on a line of its own, then
    the text: a page's dateline run into the first word when its markup was stripped."""
    return _GLUED_DATE_RE.sub(r"\1\n", text) if "," in text else text


# ---------------------------------------------------------------- whole-paragraph debris

_WIRE_MARKER_RE = re.compile(
    r"^\(?\s*STORY CAN END HERE|^\((?:MORE|END|OPTIONAL[^)]*|[A-Z]{2,6} ?/ ?[A-Z]{2,6})\)$"
    r"|^\((?:[a-z]{1,6}(?:[-/][a-z]{1,6}){0,5})\)$"  # editors' initials: (ht-cph), (pvs/ih/kk/gj)
    r"|^(?:nn|lc|_{2,}|-30-|#{1,3}|\*{1,3}|MORE|END|ENDIT)$"
    r"|^c\.\s?\d{4}\b"  # c.1998 N.Y. Times News Service
    r"|\b\d+(?:st|nd|rd|th) graf\b"  # an editor's correction: "The plane, 5th graf pvs."
    r"|^(?:\(?(?:Additional )?(?:Reporting|Writing|Editing|Compiled) by\b)", re.IGNORECASE)
_ENTITY_RE = re.compile(r"&[A-Z]{2};")
_BYLINE_RE = re.compile(r"^By\s+(?:[A-Z][\w.'’-]*|[a-z]{1,3})(?:\s+(?:[A-Z][\w.'’-]*|[a-z]{1,3}|and|&))*(?:\s*[,|]\s*.*)?$")
_CREDIT_RE = re.compile(
    r"^(?:Photos?|Images?|Pictures?|Video|Caption|Credit|Photo credit|Image copyright|Image caption|File photo)\s*[:|/-]"
    r"|\b(?:AP|AFP|Reuters|REUTERS|EPA|Xinhua)\s+Photos?\s*/\s*[A-Z]"
    r"|^\(?(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Xinhua|Shutterstock)\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\)?$"
    r"|\((?:Photo|Image|Picture)s?\s*(?:by|:|credit)[^)]*\)\s*$"
    r"|^(?:Photo|Image|Picture)s? (?:by|courtesy of)\b", re.IGNORECASE)
_NAVIGATION_RE = re.compile(
    r"^(?:Related(?: articles| stories| coverage)?|Read more|Read the full|More from|See also|Click here|Advertisement|Share this"
    r"|Share on|Sign up|Subscribe|Follow us|Sources?|External links|Have an opinion|Watch:|Listen:|Also read|Top stories"
    r"|Most read|Trending|Comments?|Print this|Email this|Back to top)\b", re.IGNORECASE)
_LIST_MARKER_RE = re.compile(r"^\s*(?:[*•·▪►◦]|-(?=\s))\s+")
_OUTLET_DASH_RE = re.compile(r"^[A-Z][\w.&'’ ]{0,30}?\s+[-–—]\s+\S")
_END_PUNCTUATION = tuple('.!?"”\'’)…:;')


def paragraph_debris(paragraph: str) -> str | None:
    """The kind of debris a whole paragraph is ("wire marker", "byline", "credit", "navigation",
    "heading", "list item", "date"), or None when it is text. A paragraph is one line of the
    corpus, before it is split into sentences."""
    line = _ENTITY_RE.sub("", paragraph).strip()
    if not line:
        return "wire marker"
    words = line.split()
    if _WIRE_MARKER_RE.search(line):
        return "wire marker"
    if date_line(line):
        return "date"
    if len(words) <= 12 and _BYLINE_RE.match(line) and not line.endswith((".", "!", "?")):
        return "byline"
    if len(words) <= 30 and _CREDIT_RE.search(line):
        return "credit"
    if len(words) <= 12 and _NAVIGATION_RE.match(line) and not line.endswith((".", "!", "?", '"', "”")):
        return "navigation"
    if _LIST_MARKER_RE.match(line):
        item = _LIST_MARKER_RE.sub("", line)
        if _OUTLET_DASH_RE.match(item) or not item.endswith(_END_PUNCTUATION):
            return "list item"  # a list of links or headlines, not the article's sentences
    letters = [c for c in line if c.isalpha()]
    if len(words) <= 8 and len(letters) >= 2 and all(c.isupper() for c in letters) and not line.endswith((".", "!", "?")):
        return "heading"
    return None


def without_list_marker(paragraph: str) -> str:
    """'* The council met on Monday.' -> 'The council met on Monday.'"""
    return _LIST_MARKER_RE.sub("", paragraph, count=1)


# ---------------------------------------------------------------- captions

_AUXILIARIES = frozenset("""
is are was were be been being am has have had do does did will would can could may might must shall should
said says say told tells tell added asked called cannot won't can't isn't wasn't don't doesn't didn't
gave took made came went saw got began became found left held met ran won lost fell rose spoke wrote brought bought
thought felt kept sent spent paid led knew grew drew chose broke stood sat shot fought sold built heard meant shook
fled stole sought taught caught flew threw wore hid drove rode swore struck forgot underwent withdrew arose sank swam
hit put set cut let quit beat cost shut spread hurt
""".split())
"""Finite verbs a caption lacks: auxiliaries, verbs of saying and the common irregular past forms."""
_SUBJECTS = frozenset("i we you they he she it who".split())
_ADVERBS = frozenset("now also still never often just already then only even soon later".split())
_CONTRACTED_VERB_RE = re.compile(r"^(?:it|that|he|she|there|here|what|who|let|you|we|they|i)['’](?:s|re|ve|ll|d|m)$", re.IGNORECASE)
_NOT_BEFORE_A_VERB = frozenset("""
a an the these those his her its their our my your of in on at by for with from to into onto over under after before
about between among during without per and or nor some any each every all both many several few most other such no
""".split())
"""Words after which a word in '-s' is a plural noun ('the bombings'), not a verb."""


def _has_verb(words: list[str]) -> bool:
    """Whether any word can be a finite verb: an auxiliary or a verb of saying, a past form
    ('-ed'), or a present form in '-s' after a name or a noun ('F-GZCP lands', 'police search')
    rather than after a determiner or a number ('the 2005 bombings')."""
    previous = ""
    for position, raw in enumerate(words):
        word = raw.strip(".,;:!?\"“”'‘’()[]—–-")
        lower = word.lower()
        if lower in _AUXILIARIES or lower.endswith(("n't", "n’t")) or _CONTRACTED_VERB_RE.match(word):
            return True
        if lower in _ADVERBS:
            continue  # "economists now expect": the verb is read against the word before the adverb
        if word.islower() and lower not in FUNCTION_WORDS and not lower.endswith(("s", "ing", "ly")) and (
                previous.lower() in _SUBJECTS or (previous.islower() and previous.endswith("s") and len(previous) > 3
                                                  and not previous.endswith("ss"))):
            return True  # "They join ...", "the postings show ...": a subject, then its verb
        if position == 0:
            previous = word
            continue  # the first word: a capital, a noun or a name more often than a verb
        if word.islower() and len(word) > 4 and lower.endswith("ed"):
            return True
        if (word.islower() and len(word) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ings"))
                and previous and not previous[0].isdigit() and previous.lower() not in _NOT_BEFORE_A_VERB):
            return True
        previous = word
    return False


def is_caption(sentences: list[str], published: datetime | None = None) -> bool:
    """Whether a paragraph (its sentences) is a photo caption: a short line with no verb ('Ambulances
    at Russell Square, London after the July 7, 2005 bombings.'), a short line that ends without
    punctuation ('Countries affected by the 2004 Indian Ocean tsunami'), or a present-tense picture
    description dated years before the article ('Air France A330-200 F-GZCP lands at ... on March 28,
    2007.' in a 2010 article, with at most one sentence after it)."""
    if not sentences or len(sentences) > 2:
        return False
    first = sentences[0].strip()
    words = first.split()
    if first[:1] in "\"“‘'" or first.endswith(("?", "!")):
        return False
    if len(sentences) == 1 and len(words) <= 15 and not first.endswith(_END_PUNCTUATION) and not first.endswith(","):
        return True
    if len(sentences) == 1 and len(words) <= 20 and not _has_verb(words):
        return True
    dated = _FULL_DATE_END_RE.search(first)
    if dated and published and int(dated.group("year")) < published.year and len(words) <= 25:
        return not _has_past_tense(words)
    return False


def _has_past_tense(words: list[str]) -> bool:
    past = {"was", "were", "had", "did", "said", "told", "been"}
    return any(w.lower().strip(",.") in past or (w.islower() and w.endswith("ed") and len(w) > 4) for w in words)


# ---------------------------------------------------------------- the article

def _is_cut_sentence(sentence: str) -> bool:
    """An excerpt cut mid-sentence: it ends with an ellipsis after a word ('in which the woman...')."""
    return bool(re.search(r"[\w,]\s?(?:\.\.\.|…)$", sentence.strip()))


def debris_kinds(split: list[list[str]], published: datetime | None = None, english: bool = True
                 ) -> tuple[list[list[str]], list[list[str]], Counter, datetime | None]:
    """Every sentence's debris kind ("" for the article's text), paragraph by paragraph, then
    what readable_paragraphs returns (the paragraphs kept, the counts dropped, the date found):
    the whole text stays (grouping reads it all). An article whose every paragraph looks like
    debris keeps it all as text: it is all the outlet wrote ('Fire.'), and a briefing must
    have something to say."""
    kept, dropped, found_date = readable_paragraphs(split, published, english)
    if not kept and any(split):
        kept, dropped = [[without_list_marker(s) for s in sentences] for sentences in split if sentences], Counter()
    kept_texts = Counter(s for paragraph in kept for s in paragraph)
    kinds = []
    for sentences in split:
        row = []
        for sentence in sentences:
            plain = without_list_marker(sentence) if _LIST_MARKER_RE.match(sentence) else sentence
            if kept_texts[plain] > 0:
                kept_texts[plain] -= 1
                row.append("")
            else:
                row.append("debris")
        kinds.append(row)
    return kinds, kept, dropped, found_date


def readable_paragraphs(split: list[list[str]], published: datetime | None = None, english: bool = True
                        ) -> tuple[list[list[str]], Counter, datetime | None]:
    """An article's paragraphs (each a list of sentences) without its debris. Captions are told by
    English verbs, so they are looked for in English text only (in other languages, and in
    scripts without spaces, a short paragraph would look like a caption).

    Returns (the paragraphs kept, in order; how many paragraphs or sentences of each kind were
    dropped, with the article's own headline line under "headline: <text>"; the date of a date
    line found among the first three paragraphs, for an article that has none)."""
    kept: list[list[str]] = []
    dropped: Counter = Counter()
    found_date = None
    for number, sentences in enumerate(split):
        if not sentences:
            continue
        paragraph = " ".join(sentences)
        kind = paragraph_debris(paragraph)
        if kind == "date" and number < 3 and found_date is None:
            found_date = date_line(paragraph)
        if kind is None and english and is_caption(sentences, published or found_date):
            kind = "caption"
            if not kept and not any(k.startswith("headline: ") for k in dropped) and _headline_like(paragraph):
                kind = f"headline: {paragraph}"  # a page's headline line: the article's title, not a caption
        if kind:
            dropped[kind] += 1
            continue
        if _LIST_MARKER_RE.match(sentences[0]):
            sentences = [without_list_marker(sentences[0]), *sentences[1:]]
        kept.append(list(sentences))
    if kept and len(kept[-1]) and _is_cut_sentence(kept[-1][-1]) and sum(map(len, kept)) > 1:
        dropped["cut sentence"] += 1
        kept[-1] = kept[-1][:-1]
        if not kept[-1]:
            kept.pop()
    return kept, dropped, found_date


def _headline_like(line: str) -> bool:
    """A first line without end punctuation, most of its longer words capitalised: a page's headline."""
    if line.endswith(_END_PUNCTUATION):
        return False
    words = [w for w in line.split() if len(w) > 3]
    return len(line.split()) >= 3 and bool(words) and sum(w[:1].isupper() for w in words) * 2 >= len(words)
