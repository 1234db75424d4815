"""Numbers in news text: value, range, qualifier, unit and what they count.

`extract_figures(sentence)` finds "no more than 200-300 foreign militants",
"about 400 civilians", "four months of battle", "hundreds of civilians",
"$3.2bn", "15%". Dates, years and times are not figures. Spelled-out numbers
go through `text2num`. A figure is only ever built from text that is there.
"""
from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from ..models import Figure
from ..text import STOP_WORDS

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "hundred": 1e2,
}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
                  "pounds": "GBP", "gbp": "GBP", "yen": "JPY", "yuan": "CNY", "rupees": "INR"}
MEASURES = {
    "percent": "%", "per cent": "%", "%": "%", "percentage points": "percentage points",
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "miles": "miles", "mile": "miles", "metres": "m", "meters": "m", "metre": "m", "meter": "m", "feet": "feet",
    "ft": "feet", "kg": "kg", "kilograms": "kg", "tonnes": "tonnes", "tons": "tons", "pounds weight": "lb",
    "degrees": "degrees", "mph": "mph", "km/h": "km/h", "magnitude": "magnitude", "hectares": "hectares",
    "points": "points", "point": "points", "cents": "cents", "cent": "cents", "yards": "yards", "yard": "yards",
    "inches": "inches", "inch": "inches", "hp": "hp", "horsepower": "hp", "rpm": "rpm", "gb": "GB", "mb": "MB",
    "grams": "g", "gram": "g", "watts": "W", "kwh": "kWh", "ounces": "oz", "square metres": "square metres",
    "acres": "acres", "litres": "litres", "liters": "litres", "barrels": "barrels", "gallons": "gallons",
}
TIME_UNITS = {"years": "years", "year": "years", "months": "months", "month": "months", "weeks": "weeks",
              "week": "weeks", "days": "days", "day": "days", "hours": "hours", "hour": "hours",
              "minutes": "minutes", "minute": "minutes", "seconds": "seconds", "decades": "decades", "decade": "decades"}
QUALIFIERS = [
    ("no more than", "no more than"), ("not more than", "no more than"), ("up to", "up to"),
    ("at most", "no more than"), ("fewer than", "less than"), ("less than", "less than"),
    ("more than", "more than"), ("over", "more than"), ("at least", "at least"), ("nearly", "nearly"),
    ("almost", "nearly"), ("about", "about"), ("around", "about"), ("approximately", "about"),
    ("roughly", "about"), ("some", "about"), ("an estimated", "estimated"), ("estimated", "estimated"),
    ("as many as", "as many as"), ("as few as", "as few as"), ("under", "less than"), ("just over", "more than"),
    ("just under", "less than"), ("only", "only"), ("close to", "nearly"), ("upwards of", "more than"),
]
# Vague amounts as orders of magnitude, the convention of the NewsQuant annotations
VAGUE = {"dozens": (12, 100), "scores": (20, 100), "hundreds": (100, 1000), "thousands": (1000, 10000),
         "tens of thousands": (1e4, 1e5), "hundreds of thousands": (1e5, 1e6), "millions": (1e6, 1e7),
         "tens of millions": (1e7, 1e8), "hundreds of millions": (1e8, 1e9), "billions": (1e9, 1e10)}
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2, "two-thirds": 2 / 3, "two thirds": 2 / 3,
             "three-quarters": 0.75, "three quarters": 0.75}
# Units written against the number: 45g, 10kW, 30Mbps, 24pc, 50mph
ATTACHED_UNITS = {
    "g": "g", "kg": "kg", "mg": "mg", "km": "km", "m": "m", "cm": "cm", "mm": "mm", "kw": "kW", "kwh": "kWh", "mw": "MW",
    "gw": "GW", "w": "W", "mbps": "Mbps", "gbps": "Gbps", "gb": "GB", "mb": "MB", "tb": "TB", "ghz": "GHz", "mhz": "MHz",
    "hz": "Hz", "pc": "%", "mph": "mph", "kph": "km/h", "l": "l", "ml": "ml", "min": "minutes", "mins": "minutes",
    "hrs": "hours", "hr": "hours", "hp": "hp", "ft": "feet", "lb": "lb", "lbs": "lb", "oz": "oz", "sqm": "square metres",
    "in": "inches", "bhp": "hp", "nm": "Nm", "t": "tonnes", "s": "seconds",
}
SPELLED = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a dozen"
)
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
# Capitalised words a number may follow without being part of a name
NAME_EXCEPTIONS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "about", "some",
    "nearly", "almost", "over", "under", "only", "just", "around", "roughly", "at", "by", "in", "on", "of", "to",
    "from", "with", "and", "than", "more", "less", "fewer", "up", "down", "the", "a", "an", "all", "about",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "said", "says", "estimated",
}
IDENTIFIER_NOUNS = (
    "flight|route|highway|interstate|number|no|room|chapter|article|section|platform|gate|line|model|"
    "version|resolution|apollo|episode|season|stage|channel|bus|train|unit|ward|district|precinct|"
    "squadron|division|battalion|regiment|brigade|category|level|phase|grade|class|type|size|page|item|"
    "act|bill|proposition|amendment|code|pier|terminal|runway|exit|block|building|lot|plot"
)
# Words that end the phrase naming what a number counts ("275 militants | left")
VERBS = {
    "left", "remained", "remain", "remains", "were", "was", "are", "is", "be", "been", "have", "has", "had",
    "died", "killed", "joined", "fled", "said", "say", "says", "stayed", "arrived", "went", "came", "lost",
    "gave", "took", "made", "got", "won", "received", "included", "includes", "include", "rose", "fell",
    "increased", "decreased", "dropped", "reached", "held", "hit", "struck", "injured", "wounded", "missing",
    "will", "would", "could", "can", "may", "might", "should", "must", "did", "do", "does", "also",
    "still", "already", "now", "then", "who", "which", "that", "to", "in", "on", "at", "for", "from",
    "with", "by", "and", "or", "but", "as", "than", "ago", "earlier", "later", "each", "per", "a", "an", "the",
}

NUM = r"\d+\s?[/⁄]\s?\d+(?![\d/])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
WORDNUM = rf"(?:(?:{SPELLED})(?:[- ](?:{SPELLED}|thousand|million|billion|and)(?=\b))*)"
SCALE = r"(?:\s?(?:hundred|thousand|million|billion|trillion|bn|mn|tn)\b|(?<=\d)(?:k|m|b)\b)"
CURRENCY = r"(?:US\$|A\$|C\$|HK\$|NZ\$|\$US|\$A|\$|£|€|¥|RM|Rs\.?)"
MID_UNIT = r"(?:%|\ percent|\ per\ cent|\ pounds|\ miles|\ km|\ kg|\ points|\ dollars|\ euros|\ cents|\ degrees|\ years|\ months|\ weeks|\ days|\ hours)"
FIGURE_RE = re.compile(
    rf"""
    (?P<vague>\b(?:tens\ of\ thousands|hundreds\ of\ thousands|tens\ of\ millions|hundreds\ of\ millions|dozens|hundreds|thousands|millions|billions)\b)
    |
    (?P<fraction>\b(?:a|one)[- ](?:third|quarter|fourth|fifth)\b|\btwo[- ]thirds\b|\bthree[- ]quarters\b)
    |
    (?:\bbetween\s+)?(?P<cur>{CURRENCY})?\s?(?P<neg>(?<![\w.,])[-−](?=\d)|\bminus[- ](?=\d))?(?P<low>{NUM}|\b{WORDNUM}\b)(?P<lowscale>{SCALE})?
    (?:(?P<midunit>{MID_UNIT})?\s*(?:-|–|—|to|and)\s*(?P<cur2>{CURRENCY})?(?P<high>{NUM}|\b{WORDNUM}\b)(?P<highscale>{SCALE})?)?
    (?P<pct>\s?%|\s(?:percent|per\ cent)\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)


_FRACTION_RE = re.compile(r"(\d+)\s?[/⁄]\s?(\d+)")
_DIGITS_RE = re.compile(r"[\d,.]+")


@lru_cache(maxsize=4096)  # a story's numbers repeat ("two", "275") from sentence to sentence
def _to_number(text: str) -> float | None:
    text = text.strip().lower()
    fraction = _FRACTION_RE.fullmatch(text)
    if fraction:
        return int(fraction.group(1)) / int(fraction.group(2)) if int(fraction.group(2)) else None
    if _DIGITS_RE.fullmatch(text):
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    if text in ("dozen", "a dozen"):
        return 12.0
    try:
        return float(text2num(text.replace(" and ", " "), "en"))
    except ValueError:
        return None


def _scale(text: str | None) -> float:
    if not text:
        return 1.0
    return SCALES.get(text.strip().lower(), 1.0)


_YEAR_RE = re.compile(r"(1[5-9]|20)\d\d")
_RANGE_AFTER_RE = re.compile(r"\s*(?:-|to)\s*\d")
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{MONTHS})\.?\s*$")
_MONTH_AFTER_RE = re.compile(rf"\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{MONTHS})\b")
_TIME_AFTER_RE = re.compile(r"\s*(?::\d|a\.?m\b|p\.?m\b|gmt|utc|bst|o'clock)")
_TIME_BEFORE_RE = re.compile(r"\d:\s*$")
_IDENTIFIER_BEFORE_RE = re.compile(rf"\b(?:{IDENTIFIER_NOUNS})\s*(?:no\.?\s*)?$")  # read lowercased
_ATTACHED_RE = re.compile(r"([A-Za-z]{1,4})\b")
_LETTER_BEFORE_RE = re.compile(r"[A-Za-z]-?$")
_CURRENCY_BEFORE_RE = re.compile(r"(?:RM|Rs|US|HK|minus-?)$")
_LETTER_RE = re.compile(r"[A-Za-z]")


def _is_date_or_time(sentence: str, start: int, end: int, low_text: str) -> bool:
    before = sentence[max(0, start - 12) : start].lower()
    after = sentence[end : end + 12].lower()
    if _YEAR_RE.fullmatch(low_text.replace(",", "")) and not _RANGE_AFTER_RE.match(sentence[end:end + 5]):
        return True  # a year
    if _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(after):
        return True  # June 6, 6 June
    if _TIME_AFTER_RE.match(after) or _TIME_BEFORE_RE.search(before):
        return True
    if _IDENTIFIER_BEFORE_RE.search(before):
        return True  # Flight 447, Route 66, Resolution 1441: names, not amounts
    attached = _ATTACHED_RE.match(sentence[end : end + 6])
    if attached and (attached.group(1).lower() in ATTACHED_UNITS or attached.group(1).lower() in ("k", "m", "b", "bn", "mn", "tn")):
        return False
    if _LETTER_BEFORE_RE.search(sentence[max(0, start - 2) : start]) and not _CURRENCY_BEFORE_RE.search(sentence[max(0, start - 6):start]) \
            or _LETTER_RE.match(sentence[end : end + 1] or " "):
        return True  # F-16, G20, COVID-19, 3rd
    return False


def _currency_unit(symbol: str) -> str:
    symbol = symbol.lower().rstrip(".")
    return {"us$": "USD", "$us": "USD", "$": "USD", "a$": "AUD", "$a": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD",
            "£": "GBP", "€": "EUR", "¥": "JPY", "rm": "MYR", "rs": "INR"}.get(symbol, symbol.upper())


_QUALIFIER_RE = re.compile(
    r"(?:^|\W)(" + "|".join(re.escape(p) for p, _ in sorted(QUALIFIERS, key=lambda q: -len(q[0]))) + r")$"
)
_QUALIFIER_NAMES = dict(QUALIFIERS)


def _qualifier(sentence: str, start: int) -> tuple[str | None, int]:
    before = sentence[max(0, start - 30) : start].lower().rstrip()
    match = _QUALIFIER_RE.search(before)
    if match:
        return _QUALIFIER_NAMES[match.group(1)], start - (len(before) - match.start(1))
    return None, start


_US_DOLLARS_RE = re.compile(r"\s+(?:U\.S\.|US)(?=\s+dollars?\b)")
_UNIT_WORD_RE = re.compile(r"\s*(?:-|\s)?(?P<w>[A-Za-z/]+(?:\s(?:cent|points))?)")
_OF_PHRASE_RE = re.compile(r"\s+of\s+((?:[A-Za-z'’-]+\s?){1,3})")
_LOWER_WORD_RE = re.compile(r"\s*([a-z]+)")
_OF_RE = re.compile(r"\s+of\s+")
_PHRASE_WORDS_RE = re.compile(r"\s*((?:[A-Za-z'’.-]+\s?){1,5})")


def _counted(sentence: str, end: int, vague: bool) -> tuple[str | None, str | None, int]:
    """(unit, what it counts, end offset) from the words after the number."""
    rest = sentence[end:]
    unit = None
    us = _US_DOLLARS_RE.match(rest)
    if us:
        end += us.end()
        rest = sentence[end:]
    match = _UNIT_WORD_RE.match(rest)
    if match and match.group("w").lower() in TIME_UNITS and not vague:
        unit = TIME_UNITS[match.group("w").lower()]
        end += match.end()
        rest = sentence[end:]
        of = _OF_PHRASE_RE.match(rest)
        if of:
            phrase = _noun_phrase(of.group(1))
            if phrase:
                return unit, f"{unit} of {phrase}", end + of.end()
        hyphen_noun = _LOWER_WORD_RE.match(rest) if sentence[end - len(match.group('w')) - 1 : end - len(match.group('w'))] == "-" else None
        if hyphen_noun and hyphen_noun.group(1) not in VERBS:
            return unit, f"{hyphen_noun.group(1)} ({unit})", end + hyphen_noun.end()
        return unit, unit, end
    if match:
        word = match.group("w").lower()
        if word in CURRENCY_WORDS:
            unit = CURRENCY_WORDS[word]
            end += match.end()
            rest = sentence[end:]
        elif word in MEASURES:
            unit = MEASURES[word]
            end += match.end()
            rest = sentence[end:]
    of = _OF_RE.match(rest) if vague else None
    if of:
        rest = rest[of.end() :]
        end += of.end()
    words = _PHRASE_WORDS_RE.match(rest)
    phrase = _noun_phrase(words.group(1)) if words else None
    return unit, phrase, end + (len(words.group(0).rstrip()) if words and phrase else 0)


def _noun_phrase(text: str) -> str | None:
    taken = []
    for word in text.split():
        clean = word.strip(".,;:'’\"()")
        lower = clean.lower()
        if not clean or lower in VERBS or (lower in STOP_WORDS and lower not in {"people"}):
            break
        if taken and lower.endswith("ed") and not clean[:1].isupper():
            break  # "militants remained"
        taken.append(clean)
        if word != clean or len(taken) == 3:
            break
    return " ".join(taken) or None


# Every figure starts at most MAX_PREFIX characters before one of these anchors: "between",
# "minus", a digit ("US$ -5": 5 before it) or a number word. FIGURE_RE tries its many
# alternatives at every position, so it only runs from just before the next anchor: the same
# matches, found faster.
_ANCHOR_WORDS = ["between", "minus", *SPELLED.replace("a dozen", "a[- ]dozen").split("|"),
                 "dozens", "hundreds", "thousands", "millions", "billions", "tens", "a[- ](?:third|quarter|fourth|fifth)"]
# The lookahead on first letters lets the regex engine skip most positions at once (40% quicker)
_ANCHOR_RE = re.compile(
    "(?=[\\d" + "".join(sorted({w[0] for w in _ANCHOR_WORDS})) + "])"
    + r"(?:\d|\b(?:" + "|".join(_ANCHOR_WORDS) + r")\b)",
    re.IGNORECASE,
)
MAX_PREFIX = 6
# Both searched again without IGNORECASE over the lowercased sentence (twice as quick); the one
# match found is then read from the sentence itself, so its groups keep their case.
_ANCHOR_LOWERED_RE = re.compile(_ANCHOR_RE.pattern)
_FIGURE_LOWERED_RE = re.compile(FIGURE_RE.pattern.replace(CURRENCY, CURRENCY.lower()), re.VERBOSE)
# The only characters IGNORECASE matches to a-z that lower() does not turn into a-z
_CASE_FOLDED = ("ı", "ſ", "İ")


def _next_match(sentence: str, position: int, lowered: str | None = None) -> re.Match[str] | None:
    text, anchors, figures = (sentence, _ANCHOR_RE, FIGURE_RE) if lowered is None else (lowered, _ANCHOR_LOWERED_RE, _FIGURE_LOWERED_RE)
    anchor = anchors.search(text, position)
    found = figures.search(text, max(position, anchor.start() - MAX_PREFIX)) if anchor else None
    return FIGURE_RE.match(sentence, found.start()) if found and text is lowered else found


def _lowered_alike(sentence: str) -> str | None:
    """The sentence lowercased when a case-blind search of it finds what IGNORECASE finds."""
    if not sentence.isascii() and any(c in sentence for c in _CASE_FOLDED):
        return None
    lowered = sentence.lower()
    return lowered if len(lowered) == len(sentence) else None


def extract_figures(sentence: str) -> list[Figure]:
    """Every figure in one sentence, left to right."""
    figures = []
    position = 0
    lowered = _lowered_alike(sentence)
    while match := _next_match(sentence, position, lowered):
        figure = _figure_from_match(sentence, match)
        if figure:
            figures.append(figure)
        # A figure cut short ("rose 8% to 3.65": 8%) lets the rest of the match be read again
        position = figure.end if figure and match.start() < figure.end < match.end() else max(match.end(), position + 1)
    return figures


_TRAILING_AND_RE = re.compile(r"\band\s*$")
_AND_RE = re.compile(r"\s*and\b")
_HYPHEN_WORD_RE = re.compile(r"-[a-z]")
_AGE_RE = re.compile(r"-(?:year|month|week|day|hour)s?-old")
_PREVIOUS_WORD_RE = re.compile(r"(?:^|\s)([\w&.]+)\s$")
_CAPITAL_RE = re.compile(r"[A-Z]")
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+\S*$")
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)\b")
_ADDRESS_RE = re.compile(r"\s+(?:[A-Z][\w.]*\s+){0,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Boulevard|Blvd|Drive|Way|Place|Square)\b")


def _figure_from_match(sentence: str, match: re.Match[str]) -> Figure | None:
    start, end = match.start(), match.end()
    text = match.group(0).strip()
    if match.group("fraction"):
        word = re.sub(r"^(?:a|one)[- ]", "", match.group("fraction").lower())
        value = FRACTIONS.get(word)
        if value is None:
            return None
        unit, counts, _ = _counted(sentence, end, vague=True)
        return Figure(text=match.group(0), value=value, low=value, high=value, unit=unit, counts=counts,
                      qualifier=None, start=start, end=end)
    if match.group("vague"):
        word = match.group("vague").lower()
        if word not in VAGUE:
            return None  # "thouſands": IGNORECASE takes the long s for an s
        low, high = VAGUE[word]
        qualifier, _ = _qualifier(sentence, start)
        unit, counts, _ = _counted(sentence, end, vague=True)
        if not counts:
            return None
        return Figure(text=match.group(0), value=None, low=low, high=high, unit=unit, counts=counts,
                      qualifier="vague" if not qualifier else qualifier, start=start, end=end)
    low_text, high_text = match.group("low"), match.group("high")
    if high_text is None and _TRAILING_AND_RE.search(match.group(0)):
        return None
    low = _to_number(low_text)
    if low is None:
        return None
    if low_text.lower().strip() == "one" and not match.group("lowscale") and _pronoun_one(sentence, match):
        return None  # "no one", "one another": a pronoun, not a figure
    lead = sentence[start : start + 8].lower()
    joined_range = high_text is not None
    if joined_range and _AND_RE.match(sentence[match.end("low") + len(match.group("lowscale") or "") :]) and not lead.startswith("between"):
        # "Iran and 20 others": 'and' only makes a range after 'between'
        return _figure_from_text(sentence, match.start("low") if not match.group("cur") else match.start("cur"), match.end("low") + len(match.group("lowscale") or ""), low_text, None, match)
    if _is_date_or_time(sentence, match.start("low"), match.end("low"), low_text):
        return None
    if not low_text[:1].isdigit() and high_text is None and _HYPHEN_WORD_RE.match(sentence[match.end("low") : match.end("low") + 2]) \
            and not _AGE_RE.match(sentence[match.end("low") : match.end("low") + 12]):
        return None  # "three-bed", "four-cylinder": part of a compound word
    around = sentence[max(0, start - 1) : start] + sentence[end : end + 1]
    if "×" in around or "/" in around:
        return None  # 1.99×10−30, $7/$9: parts of a larger expression
    return _figure_from_text(sentence, start, end, low_text, high_text, match)


def _pronoun_one(sentence: str, match: re.Match[str]) -> bool:
    before = sentence[: match.start("low")].lower()
    after = sentence[match.end("low") :].lower()
    return bool(re.search(r"\b(?:no|each|any|every|the|this|that|which|someone|anyone|every)\s*$", before)) or bool(
        re.match(r"\s*(?:another|other|or\b|and\b|by one)", after)) or not re.match(r"[ -]?[a-z]", after)


def _names_a_thing(sentence: str, start: int) -> bool:
    """'S&P 500', 'Big 12', 'iPhone 14', 'Game 7': a number right after a capitalised word is part of a name."""
    previous = _PREVIOUS_WORD_RE.search(sentence[max(0, start - 40) : start])
    if not previous:
        return False
    word = previous.group(1)
    if not _CAPITAL_RE.search(word) or word.lower().strip(".") in NAME_EXCEPTIONS:
        return False
    return True


def _figure_from_text(sentence, start, end, low_text, high_text, match) -> Figure | None:
    low = _to_number(low_text) * _scale(match.group("lowscale"))
    high = None
    if high_text:
        high_value = _to_number(high_text)
        if high_value is None:
            return None
        scale = match.group("highscale") or match.group("lowscale")
        high = high_value * _scale(scale)
        if match.group("highscale") and not match.group("lowscale") and _to_number(low_text) < high_value:
            low *= _scale(scale)  # "1.5 to 2 million", but not "$200 to $4 million"
        from_before = _FROM_BEFORE_RE.search(sentence[max(0, match.start("low") - 30) : match.start("low")])
        midunit = (match.group("midunit") or "").strip()
        if midunit and not from_before and not sentence[match.end("high"):].lstrip().lower().startswith(midunit.lower()):
            return _figure_from_text(sentence, start, match.end("low") + len(match.group("lowscale") or "") + len(match.group("midunit")), low_text, None, match)
        if high <= low and not from_before:
            return None  # "2-1" is a score, not a range; "from 4.8 to 4.7" is
    if _ORDINAL_RE.match(sentence[end : end + 4]):
        return None  # 3rd, 21st
    if match.group("neg"):
        low = -low
    currency = match.group("cur") or match.group("cur2")
    unit = _currency_unit(currency) if currency else None
    if match.group("pct") or (match.group("midunit") or "").strip() in ("%", "percent", "per cent"):
        unit = "%"
    attached = _ATTACHED_RE.match(sentence[end : end + 6])
    if attached and attached.group(1).lower() in ATTACHED_UNITS and not unit:
        unit = ATTACHED_UNITS[attached.group(1).lower()]
        end += attached.end()
    qualifier, _ = _qualifier(sentence, start)
    counted_unit, counts, _ = _counted(sentence, end, vague=False)
    unit = unit or counted_unit
    if unit is None and _names_a_thing(sentence, match.start("cur") if match.group("cur") else match.start("neg") if match.group("neg") else match.start("low")):
        return None
    if _ADDRESS_RE.match(sentence[end : end + 120]):
        return None  # an address: 49 Zorro Ranch Road
    if counts and counted_unit and counts == counted_unit and unit in CURRENCY_WORDS.values():
        counts = None
    if high is not None and qualifier is None:
        qualifier = "range"
    text = sentence[start:end].strip()
    if text.lower().startswith("between "):
        text = text[8:]
    figure = Figure(
        text=text, value=None if high is not None else low, low=low, high=high if high is not None else low,
        unit=unit, counts=counts, qualifier=qualifier, start=start, end=end,
    )
    return figure


def display_value(figure: Figure) -> str:
    """The figure as shown on a page (Figure.display)."""
    return figure.display


def figure_key(figure: Figure) -> tuple:
    return (round(figure.low or 0, 6), round(figure.high or 0, 6), figure.unit or "")


def head_noun(figure: Figure) -> str | None:
    """The counted thing, singular and lowercased: 'foreign militants' -> 'militant'."""
    if not figure.counts:
        return figure.unit
    word = figure.counts.split(" of ")[0].split()[-1].lower().strip("()")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
