"""Text restoration: a reader never sees 'syria s raqqa'."""
import re

from digest.restore import clean, learn_casing, looks_lowercased, looks_tokenized, restore
from digest.text import FUNCTION_WORDS, split_sentences

# The 22 distinct person, place and organisation names of the Reuters seed.
REUTERS_NAMES = [
    "Ain Issa", "Syria", "Beirut", "Reuters", "Raqqa", "Islamic State", "Syrian Democratic Forces", "SDF",
    "Talal Selo", "Ryan Dillon", "Mostafa Bali", "Laila Mostafa", "Raqqa Civil Council", "Omar Alloush",
    "Iraq", "Euphrates", "Levant", "Mosul", "Mohammed Emwazi", "Paris", "France", "Russia",
]


def test_reuters_seed_names_are_cased(restored_seeds):
    text = restored_seeds["reuters"].text
    cased = [name for name in REUTERS_NAMES if re.search(rf"\b{re.escape(name)}\b", text)]
    missing = sorted(set(REUTERS_NAMES) - set(cased))
    assert len(cased) >= 20, f"not restored: {missing}"


def test_no_function_word_capitalised_mid_sentence(restored_seeds):
    text = restored_seeds["reuters"].text
    assert "the whole city is clean" in text
    for sentence in restored_seeds["reuters"].sentences:
        words = re.findall(r"(?:[A-Za-z]\.){2,}|[A-Za-z']+", sentence.text)[1:]
        wrong = [w for w in words if w.lower() in FUNCTION_WORDS and w != w.lower() and w != "I"]
        assert not wrong, f"{wrong} in {sentence.text!r}"


def test_tokenizer_spacing_and_apostrophes_are_undone(restored_seeds):
    text = restored_seeds["reuters"].text
    assert "syria s raqqa" not in text.lower()
    assert "Syria's Raqqa" in text
    assert " , " not in text and " ." not in text
    assert "(who had agreed to leave)" in text
    assert text.startswith("Ain Issa, Syria/Beirut (Reuters) - U.S.-backed militias")


def test_normal_text_is_left_alone():
    text = "The SDF's decision was designed to shorten the fight, Mr Selo said."
    model = learn_casing([text])
    assert restore(text, model) == text
    assert not looks_tokenized(text) and not looks_lowercased(text)


def test_corpus_casing_comes_from_other_articles():
    model = learn_casing(["Officials in Port-au-Prince said Rene Preval would speak. Preval spoke later."])
    restored = restore("officials said rene preval spoke in port-au-prince , late on tuesday , and left .", model)
    assert "Rene Preval" in restored and "Tuesday" in restored
    assert restored.startswith("Officials said")


def test_sentence_splitting_works_on_lowercased_text():
    sentences = split_sentences("the u.s. army said 12 people died. mr. smith left at 5 p.m. on monday. it rained.")
    assert len(sentences) == 3
    # what pysbd got wrong: an initial ends no sentence, a number or a quote before the stop does
    text = ("the bill was signed by president george w. bush. the vote went 3 to 2. however, gen. mattis "
            "called it 'a mistake'. the quake measured 5.5. nobody was hurt... officials said.")
    assert split_sentences(text) == [
        "the bill was signed by president george w. bush.", "the vote went 3 to 2.",
        "however, gen. mattis called it 'a mistake'.", "the quake measured 5.5.", "nobody was hurt... officials said.",
    ]


def test_one_enormous_line_is_split_by_the_same_rules():
    """40,000 stops, none the end of a sentence: looking back over the whole line at each of
    them took minutes (the rules look at the word before a stop only)."""
    line = "the envoy met gen. jones and gen. smith and " * 20_000 + "left."
    assert split_sentences(line) == [line]
    assert split_sentences(line.title()) == [line.title()]  # the cased rule too
    assert len(split_sentences("the envoy met gen. jones. " * 20_000)) == 20_000


def test_cleaning_removes_control_and_bidi_characters():
    assert clean("a\u202eb\x00c\u200bd") == "abcd"


def test_sentence_splitting_of_cased_text_keeps_abbreviations_and_initials():
    text = 'Mr. Smith met Gen. Jones of the U.S. Army on Monday. "We will stay," he said. George W. Bush left at 5 p.m. Then it rained!'
    assert split_sentences(text) == [
        "Mr. Smith met Gen. Jones of the U.S. Army on Monday.", '"We will stay," he said.',
        "George W. Bush left at 5 p.m.", "Then it rained!",
    ]


def test_what_follows_an_abbreviation_decides_the_sentence_end():
    # a title and a name: one sentence; "U.S." then "The": two
    assert split_sentences("A military court found Army Spc. Charles Graner guilty of abusing prisoners in Iraq.") == [
        "A military court found Army Spc. Charles Graner guilty of abusing prisoners in Iraq."]
    assert split_sentences("Half of the trucks will be built in the U.S. The rest will come from Mexico, it said.") == [
        "Half of the trucks will be built in the U.S.", "The rest will come from Mexico, it said."]
    assert split_sentences("the trucks will be built in the u.s. the rest will come from mexico, it said.") == [
        "the trucks will be built in the u.s.", "the rest will come from mexico, it said."]
    assert len(split_sentences("Officers of the U.S. Army met Acme Inc. Chairman Jo Li at 5 p.m. on Monday.")) == 1


def test_a_name_inside_a_longer_name_is_learned_but_not_a_common_phrase():
    model = learn_casing([
        "Delegates met Iran's National Security Council on Monday. Groups like Human Rights Watch protested.",
        "Officials spoke of human rights at length.",
    ])
    restored = restore("then the national security council met . they spoke about human rights , and left .", model)
    assert "Then the National Security Council met" in restored
    assert "about human rights" in restored


def test_dropped_apostrophes_in_names_come_back():
    model = learn_casing(["Prime Minister Massimo D'Alema spoke. Later D'Alema left."])
    restored = restore("premier massimo d alema said it would rain , and it did , and they left .", model)
    assert "Massimo D'Alema said" in restored


def test_context_decides_words_the_corpus_writes_both_ways():
    model = learn_casing([
        "The House voted on Monday. Later the House adjourned. A vote in the House followed.",
        "He was under house arrest. She stayed under house arrest for a year.",
    ])
    restored = restore("the leader was placed under house arrest , officials said , and the house voted .", model)
    assert "under house arrest" in restored
    assert "the House voted" in restored


def test_preparing_in_batches_learns_the_same_casing(make_project, monkeypatch):
    from conftest import QUAKES

    from conftest import read_corpus, restore as restored
    from digest.restore import stage

    corpus = read_corpus(make_project(QUAKES, seeds=True) / "content")
    whole = restored(corpus.articles)
    monkeypatch.setattr(stage, "PREPARE_BATCH", 2)
    assert restored(corpus.articles) == whole


def test_a_lowercased_title_over_a_cased_text_is_cased_from_the_corpus(make_project, tmp_path):
    """A cased article is finished in the first pass, unless its title still needs the corpus."""
    from conftest import read_corpus, restore as restored
    from digest.runtime import Runtime
    from digest.runtime.cache import Cache

    project = make_project({
        "wire/a.md": "---\nsource: wire\ntitle: Floods reach Concepcion\n---\n"
                     "The floods reached Concepcion on Monday, officials in Concepcion said.\n",
        "wire/b.md": "---\nsource: wire\ntitle: rescue teams reach concepcion after the floods\n---\n"
                     "Rescue teams reached the flooded city on Tuesday with boats and food.\n",
    })
    for cache in (Cache(None), Cache(tmp_path / "cache"), Cache(tmp_path / "cache")):  # clean, then cached
        articles = {a.id: a for a in restored(read_corpus(project / "content").articles, Runtime(cache=cache))}
        assert articles["wire/b"].title == "Rescue teams reach Concepcion after the floods"
        assert articles["wire/a"].sentences[0].text.startswith("The floods reached Concepcion")
        cache.commit()


def test_tokenized_quotes_close_up_like_other_punctuation():
    model = learn_casing(["The minister said the talks would go on."])
    text = ("tehran ( wire ) - \" we do n't want a war with anyone , \" the minister said on monday .\n"
            "he added : `` the talks will go on . '' officials said talks would resume in may .\n"
            "\" the war is over , \" one said , and \" peace \" was the word of the day .")
    restored = restore(text, model).split("\n")
    assert restored[0] == 'Tehran (Wire) - "We don\'t want a war with anyone," the minister said on Monday.'
    assert restored[1].startswith('He added: "the talks will go on." Officials said')
    assert restored[2] == '"The war is over," one said, and "peace" was the word of the day.'


def test_text_in_a_script_without_case_was_never_lowercased():
    hebrew = "ראש הממשלה אמר ביום שני כי הממשלה תאשר את התקציב החדש בשבוע הבא, לאחר דיון ארוך בכנסת."
    burmese = "မြန်မာနိုင်ငံ အစိုးရက တနင်္လာနေ့တွင် ဘတ်ဂျက်အသစ်ကို အတည်ပြုမည်ဟု ပြောကြားခဲ့သည်။"
    chinese = "上海地铁新线路周一开通运营，全长三十公里，设有二十个车站。"
    for text in (hebrew, burmese, chinese, hebrew + " (Reuters)"):
        assert not looks_lowercased(text)
    assert looks_lowercased("the minister said on monday that the budget would pass . " + hebrew)


def test_an_articles_language_is_its_front_matters_or_told_from_its_text(make_project):
    from conftest import read_corpus, restore as restored

    project = make_project({
        "a.md": "---\nsource: wire\n---\n上海地铁新线路周一开通运营，全长三十公里，设有二十个车站。\n",
        "b.md": "---\nsource: wire\n---\nDer Bundestag hat am Mittwoch den Haushalt für das kommende Jahr beschlossen.\n",
        "c.md": "---\nsource: wire\nlang: en-GB\n---\nDer Bundestag hat am Mittwoch den Haushalt beschlossen, sagte ein Sprecher.\n",
        "d.md": "---\nsource: wire\n---\nRain fell.\n",
    })
    languages = {a.id: a.lang for a in restored(read_corpus(project / "content").articles)}
    assert languages == {"a": "zh", "b": "de", "c": "en", "d": "en"}  # the front matter wins; too short to tell: English


def test_text_in_capitals_teaches_no_casing():
    """Another outlet's headline in capitals must not make a lowercased article shout."""
    model = learn_casing(["AT LEAST 12 DEAD AS QUAKE STRIKES IZMIR, SAYS AFAD.\nInterior Minister Ali Yerlikaya visited Izmir."])
    restored = restore("the quake struck izmir , killing at least 12 people , ali yerlikaya said .", model)
    assert "killing at least 12 people" in restored and "Ali Yerlikaya" in restored and "Izmir" in restored
