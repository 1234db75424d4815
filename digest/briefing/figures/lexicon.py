"""The words figures are read with: scales, units, currencies, qualifiers, vague amounts, fractions.

Plain tables, lowercased; the patterns and the readers of a match look words up here.
"""
from __future__ import annotations

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "hundred": 1e2,
}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
                  "pounds": "GBP", "gbp": "GBP", "yen": "JPY", "yuan": "CNY", "rupees": "INR"}
CURRENCY_SYMBOLS = {"us$": "USD", "$us": "USD", "$": "USD", "a$": "AUD", "$a": "AUD", "c$": "CAD", "hk$": "HKD",
                    "nz$": "NZD", "£": "GBP", "€": "EUR", "¥": "JPY", "rm": "MYR", "rs": "INR"}
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
