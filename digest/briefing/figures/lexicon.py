"""The words figures are read with: scales, units, currencies, qualifiers, vague amounts, fractions.

Plain tables, lowercased; the patterns and the readers of a match look words up here.
"""
from __future__ import annotations

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mil": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "hundred": 1e2,
}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
                  "pounds": "GBP", "gbp": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
                  "rupees": "INR", "rupee": "INR", "ringgit": "MYR", "shekels": "ILS", "shekel": "ILS", "pesos": "MXN",
                  "francs": "CHF", "roubles": "RUB", "rubles": "RUB", "lei": "RON", "baht": "THB", "rand": "ZAR",
                  "lira": "TRY", "dinars": "dinars", "riyals": "SAR", "dirhams": "AED", "kronor": "SEK", "krone": "krone"}
CURRENCY_SYMBOLS = {"us$": "USD", "$us": "USD", "$": "USD", "a$": "AUD", "$a": "AUD", "c$": "CAD", "hk$": "HKD",
                    "nz$": "NZD", "s$": "SGD", "rmb": "CNY", "£": "GBP", "€": "EUR", "¥": "JPY", "rm": "MYR", "rs": "INR"}
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
    "tonne": "tonnes", "ton": "tons", "kilogram": "kg", "kilos": "kg", "kilo": "kg", "litre": "litres", "liter": "litres",
    "millimetres": "mm", "millimeters": "mm", "millimetre": "mm", "millimeter": "mm", "mm": "mm", "cm": "cm",
    "centimetres": "cm", "centimeters": "cm", "centimetre": "cm", "centimeter": "cm", "mi": "miles",
    "nautical miles": "nautical miles", "square miles": "square miles", "square mile": "square miles",
    "square kilometres": "square km", "square kilometers": "square km", "square km": "square km", "sq km": "square km",
    "square metres": "square metres", "square meters": "square metres", "sq m": "square metres",
    "square feet": "square feet", "sq ft": "square feet", "μm": "μm", "micrometres": "μm", "micrometers": "μm",
    "megawatts": "MW", "gigawatts": "GW", "kilowatts": "kW", "knots": "knots", "mpg": "mpg", "lb-ft": "lb-ft",
    "celsius": "°C", "fahrenheit": "°F", "megabytes": "MB", "gigabytes": "GB", "terabytes": "TB", "hertz": "Hz",
}
# Physical quantities a unit measures, with the factor to one base unit: "190 miles" and "306 km" are one distance
DIMENSIONS = {
    "km": ("length", 1000.0), "m": ("length", 1.0), "cm": ("length", 0.01), "mm": ("length", 0.001),
    "miles": ("length", 1609.344), "nautical miles": ("length", 1852.0), "feet": ("length", 0.3048),
    "yards": ("length", 0.9144), "inches": ("length", 0.0254),
    "kg": ("mass", 1.0), "g": ("mass", 0.001), "tonnes": ("mass", 1000.0), "tons": ("mass", 907.185), "lb": ("mass", 0.4536),
    "oz": ("mass", 0.02835),
    "square km": ("area", 1e6), "square metres": ("area", 1.0), "square miles": ("area", 2.59e6), "square feet": ("area", 0.0929),
    "hectares": ("area", 1e4), "acres": ("area", 4046.86),
    "mph": ("speed", 0.44704), "km/h": ("speed", 0.27778), "knots": ("speed", 0.51444),
    "litres": ("volume", 1.0), "gallons": ("volume", 3.785), "barrels": ("volume", 158.99),
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
    # verbs of exceeding and falling short: "the toll has exceeded 3,000"
    ("exceeded", "more than"), ("exceeds", "more than"), ("exceed", "more than"), ("exceeding", "more than"),
    ("topped", "more than"), ("tops", "more than"), ("topping", "more than"), ("surpassed", "more than"),
    ("surpasses", "more than"), ("surpassing", "more than"), ("in excess of", "more than"), ("above", "more than"),
    ("well over", "more than"), ("well above", "more than"), ("upward of", "more than"), ("north of", "more than"),
    ("not exceeding", "no more than"), ("not to exceed", "no more than"), ("not exceed", "no more than"),
    ("a maximum of", "no more than"), ("a minimum of", "at least"), ("below", "less than"), ("well below", "less than"),
    ("short of", "less than"), ("fell short of", "less than"), ("falls short of", "less than"), ("shy of", "less than"),
    ("approaching", "nearly"), ("nearing", "nearly"), ("in the region of", "about"),
]
# Vague amounts as orders of magnitude, the convention of the NewsQuant annotations
VAGUE = {"dozens": (12, 100), "scores": (20, 100), "hundreds": (100, 1000), "thousands": (1000, 10000),
         "tens of thousands": (1e4, 1e5), "hundreds of thousands": (1e5, 1e6), "millions": (1e6, 1e7),
         "tens of millions": (1e7, 1e8), "hundreds of millions": (1e8, 1e9), "billions": (1e9, 1e10)}
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2, "sixth": 1 / 6, "seventh": 1 / 7,
             "eighth": 0.125, "ninth": 1 / 9, "tenth": 0.1, "two-thirds": 2 / 3, "two thirds": 2 / 3,
             "three-quarters": 0.75, "three quarters": 0.75, "three-fifths": 0.6, "three fifths": 0.6,
             "two-fifths": 0.4, "two fifths": 0.4}
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
    "act|bill|proposition|amendment|code|pier|terminal|runway|exit|block|building|lot|plot|game|round|lap|hole"
)
# Stock indices and ranked lists named with a number: "S&P 500", "FTSE 100", "Fortune 500", "CAC 40"
INDEX_NAMES = (
    "s&p|sp|s&p/asx|asx|ftse|stoxx|euro\\ stoxx|nikkei|dax|cac|russell|fortune|nasdaq|topix|sensex|nifty|kospi|ibex|aex|omx|smi|ise"
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
    # common verbs of news text, which a plural count is often the subject of ("two nations believe")
    "believe", "believed", "blew", "lack", "buy", "bought", "extend", "approach", "need", "needs", "want", "wants",
    "face", "faces", "live", "lives", "work", "works", "die", "fled", "flee", "fight", "fought", "began", "begin",
    "saw", "see", "sees", "seen", "found", "find", "told", "tell", "think", "thought", "know", "knew", "known",
    "run", "ran", "sat", "set", "put", "kept", "keep", "let", "led", "lead", "leads", "meet", "met", "paid", "pay",
    "sought", "seek", "spent", "spend", "sent", "send", "stood", "stand", "brought", "bring", "became", "become",
    "get", "gets", "go", "goes", "gone", "come", "comes", "take", "takes", "taken", "make", "makes", "give", "gives",
    "given", "show", "shows", "shown", "hold", "holds", "win", "wins", "lose", "loses", "leave", "leaves", "stay",
    "stays", "return", "returns", "remain", "appear", "appears", "seem", "seems", "help", "helps", "try", "tried",
    "attend", "attended", "vote", "voted", "votes", "join", "joins", "protest", "marched", "march", "gathered",
    "shook", "shake", "shakes", "swept", "sank", "spread", "grew", "drew", "drove", "flew", "threw", "wrote", "broke",
    "spoke", "stole", "chose", "tore", "hid", "fed", "dug", "hung", "sang", "rang", "swam", "fought", "caught", "taught",
    "being", "having", "there", "here", "when", "while", "after", "before", "since", "during", "until", "if",
    "whom", "whose", "where", "into", "onto", "about", "over", "under", "against", "between", "among", "through",
}
# Words after a number that say where, how far or how often, not what is counted ("32 km south of Pichilemu")
NOT_COUNTED = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northward", "southward",
    "away", "long", "deep", "high", "tall", "wide", "old", "worth", "past", "apart", "ahead", "apiece", "overall",
    "total", "times", "time", "more", "less", "fewer", "others", "other", "another", "percent", "per", "cent",
    "minute", "hour", "day", "week", "month", "year", "dead", "alive", "strong", "short", "too", "so", "very",
    "last", "next", "first", "second", "third", "fourth", "fifth", "today", "yesterday", "tomorrow", "tonight",
}
# Ordinary nouns that end like a participle or an adverb ("-ed", "-ly")
NOUNS_LIKE_VERBS = {"bed", "beds", "shed", "seed", "speed", "feed", "reed", "hundred", "red", "need", "creed", "steed",
                    "family", "rally", "ally", "supply", "assembly", "anomaly", "monopoly", "reply", "belly", "lily",
                    "fly", "butterfly", "folly", "jelly", "bully", "italy", "july"}
IRREGULAR_PLURALS = {"people", "men", "women", "children", "police", "personnel", "staff", "cattle", "feet", "teeth",
                     "mice", "geese", "troops", "data", "media", "youths", "clergy", "livestock", "aircraft"}
# Words after a count that say it counts people hurt, killed, missing or displaced ("310,000 injured")
CASUALTY_WORDS = {
    "killed", "dead", "died", "die", "deaths", "death", "injured", "wounded", "hurt", "missing", "disappeared",
    "displaced", "homeless", "evacuated", "arrested", "detained", "rescued", "infected", "hospitalised",
    "hospitalized", "drowned", "trapped", "fled", "casualties", "victims", "bodies", "fatalities", "refugees",
    "injuries", "lives", "survivors", "hostages", "prisoners", "executed", "kidnapped", "abducted",
}
