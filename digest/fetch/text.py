"""Plain text out of what feeds and pages hold: paragraphs, titles, authors, sizes.

An article file holds one paragraph a line (digest.text.paragraphs), so every
paragraph must come out whole: lines that a page or feed hard-wrapped inside a
paragraph are joined here, or the summary would quote fragments.
"""
from __future__ import annotations

import html
import re
import unicodedata

# Scripts written without spaces between words: their length is counted in characters.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u0f00-\u0fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                       r"\uf900-\ufaff\U00020000-\U0002fa1f]")
_SENTENCE_END = re.compile(r"[.!?:;…。！？」』\"”’»)\]]$")
_LIST_START = re.compile(r"(?:[-*•–]\s|\d{1,3}[.)]\s|[a-z]\)\s)")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)(?:\]\]>|$)", re.DOTALL)
_TRUNCATION = re.compile(r"(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\.|\b(?:read|continue reading|read more|more)\b\W*)\s*$", re.IGNORECASE)
_BLOCKS = frozenset("address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr "
                    "li main nav ol p pre section table tbody thead tfoot tr td th ul".split())


def text_size(text: str) -> float:
    """Length in words; a character of a script written without spaces (Han, kana, Thai, Lao,
    Khmer, Myanmar, Tibetan) counts as half a word, about what a word of Chinese takes."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return len(_UNSPACED.sub(" ", text).split()) + unspaced / 2


def has_words(text: str | None) -> bool:
    """Holds a letter or a digit (a title of "&" or "--" does not)."""
    return bool(text) and any(unicodedata.category(c)[0] in "LN" for c in text)


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Paragraphs from lines: a line break inside a sentence (the line ends without closing
    punctuation and the next starts in lower case), or where a hard-wrapped run of lines was cut
    because the next word did not fit, is a space; every other line break ends a paragraph."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in lines]
    lines = [line for line in lines if line]
    width = _wrap_width(lines)
    paragraphs: list[str] = []
    for number, line in enumerate(lines):
        if number and _continues(lines[number - 1], line, width):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def _wrap_width(lines: list[str]) -> int | None:
    """The width a run of lines was hard-wrapped at (40-100 characters), or None when the lines do
    not look wrapped: most lines but the last end near one width, and many continue in lower case."""
    if len(lines) < 3:
        return None
    lengths = [len(line) for line in lines[:-1]]
    width = max(lengths)
    near = sum(1 for length in lengths if length >= 0.75 * width)
    lower_starts = sum(1 for line in lines[1:] if line[:1].islower())
    if 40 <= width <= 100 and near >= 0.6 * len(lengths) and lower_starts >= 0.3 * (len(lines) - 1):
        return width
    return None


def _continues(previous: str, line: str, width: int | None) -> bool:
    if _LIST_START.match(line):
        return False
    if line[:1].islower() and not _SENTENCE_END.search(previous):
        return True
    return width is not None and len(previous) + 1 + len(line.split(" ", 1)[0]) > width


def html_to_paragraphs(fragment: str) -> list[str]:
    """Paragraphs of an HTML fragment (a feed's description or content): block elements and <br>
    end lines, whitespace inside text is a space (as HTML renders it), scripts and styles go."""
    fragment = unwrap_cdata(fragment)
    if "<" not in fragment:
        return plain_paragraphs(html.unescape(fragment))
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return plain_paragraphs(re.sub(r"<[^>]+>", " ", html.unescape(fragment)))
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    pieces: list[str] = []
    _walk(root, pieces)
    return join_wrapped_lines("".join(pieces).split("\n"))


def _walk(element, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag.lower() in _BLOCKS
    if tag.lower() == "br":
        pieces.append("\n")
    if block:
        pieces.append("\n")
    if element.text and isinstance(element.tag, str):
        pieces.append(element.text if tag.lower() == "pre" else re.sub(r"\s+", " ", element.text))
    for child in element:
        _walk(child, pieces)
    if block:
        pieces.append("\n")
    if element.tail:
        pieces.append(re.sub(r"\s+", " ", element.tail))


def plain_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blank lines end paragraphs; single line breaks are judged by
    join_wrapped_lines."""
    text = unwrap_cdata(text).replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        out.extend(join_wrapped_lines(block.split("\n")))
    return out


def unwrap_cdata(text: str) -> str:
    """A CDATA section that arrived as text (a feed that escaped its own CDATA): its content."""
    return _CDATA.sub(lambda m: m.group(1), text) if "<![CDATA[" in text else text


def looks_truncated(text: str) -> bool:
    """Ends as a teaser does: "…", "[...]", "Read more", "Continue reading"."""
    return bool(_TRUNCATION.search(text.strip()))


def one_line(value) -> str | None:
    """A title or name on one line, tags removed and entities decoded; None when empty."""
    if value is None:
        return None
    text = html.unescape(re.sub(r"<[^>]+>", " ", unwrap_cdata(str(value))))
    text = re.sub(r"\s+", " ", text).strip()
    return text or None


_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|·|::|»|/)\s+")
_DATE_PART = re.compile(r"^[\d\s./-]+$")


def strip_site_name(title: str, names: list[str]) -> str:
    """A page or feed title without the site's name around it: "Storm hits coast | DW | 19.01.2020"
    -> "Storm hits coast" when "DW" is the site. Parts are dropped from either end while they name
    the site (any of `names`, compared without case or spaces) or are a bare date; the headline
    itself is never dropped."""
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    keys = {_name_key(n) for n in names if n and _name_key(n)}

    def is_site(part: str) -> bool:
        key = _name_key(part)
        return bool(key) and (key in keys or any(key in k or k in key for k in keys if len(k) >= 3 and len(key) >= 2)) \
            or bool(_DATE_PART.match(part))

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    if len(parts) == len(_SEPARATORS.split(title)):
        return title
    # Rebuild from the original text so separators inside the headline stay as written
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else title


def _name_key(name: str) -> str:
    name = re.sub(r"^https?://", "", name.lower())
    name = re.sub(r"^www\.", "", name)
    name = re.sub(r"\.(?:com|org|net|de|co\.uk|fr|at|ch|info|io)(?:/.*)?$", "", name)
    return re.sub(r"[\W_]+", "", name)


_EMAIL = re.compile(r"\(?\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b\)?")
_AUTHOR_NOISE = re.compile(r"\b(?:view all posts by|all posts by|posts by|posted by|written by|author:|by)\b[:\s]*", re.IGNORECASE)


def clean_author(value) -> str | None:
    """A byline fit to show: e-mail addresses, "By", "View all posts by" and links removed, names
    kept ("jane@example.com (Jane Roe)" -> "Jane Roe"); None when no name is left."""
    text = one_line(value)
    if not text:
        return None
    text = re.sub(r"https?://\S+", " ", text)
    bracketed = re.fullmatch(r"\s*\S+@\S+\s*\((.+)\)\s*", text)
    if bracketed:
        text = bracketed.group(1)
    names = []
    for part in re.split(r"\s*[;|]\s*", text):
        part = _EMAIL.sub(" ", part)
        part = _AUTHOR_NOISE.sub(" ", part)
        part = re.sub(r"\s+", " ", part).strip(" ,.:-()")
        if has_words(part) and part not in names and len(part) <= 100:
            names.append(part)
    return "; ".join(names) or None
