"""What is not the article's text (captions, credits, bylines, wire markers, headings, lists of
links, glued dates, cut excerpts) is recognised when an article is read and never becomes one of
its sentences. Every article here is written for the test."""
from datetime import datetime

from digest.models import RawArticle, Source
from digest.restore.debris import is_caption, paragraph_debris, readable_paragraphs, unglue_dates

from conftest import restore


def read(text: str, published: datetime | None = datetime(2010, 5, 6), title: str | None = "A title"):
    raw = RawArticle(id="a", path="a.md", source=Source("wire", "Example Wire"), raw_text=text, title=title, published=published)
    (article,) = restore([raw])
    return article


def text_of(article) -> list[str]:
    """The article's own sentences: what a summary or comparison may use (debris is flagged,
    kept for what reads the whole text)."""
    return [s.text for s in article.sentences if not s.debris]


def test_a_photo_caption_is_not_a_sentence():
    article = read(
        "Ambulances at Russell Square, London after the bombings.\n"
        "A memorial to the victims was unveiled in Hyde Park on Tuesday.\n"
        "Relatives laid flowers at the site."
    )
    assert text_of(article) == [
        "A memorial to the victims was unveiled in Hyde Park on Tuesday.", "Relatives laid flowers at the site."]
    assert article.sentences[0].debris


def test_a_dated_picture_description_is_a_caption_but_dated_news_is_not():
    caption = ["Air Example A330 F-ABCD lands at Orly Airport on March 28, 2007.", "The aircraft was lost in 2009."]
    assert is_caption(caption, datetime(2010, 5, 6))
    news = ["The airline was founded in Lyon on March 28, 2007."]
    assert not is_caption(news, datetime(2010, 5, 6))
    assert not is_caption(["They join three other counties in defying the governor."])
    assert not is_caption(["The Taliban just gave its first press conference."])


def test_credits_bylines_wire_markers_headings_and_navigation_are_dropped():
    assert paragraph_debris("By JANE DOE and Sam Roe") == "byline"
    assert paragraph_debris("Photo: Jane Doe/Example Agency") == "credit"
    assert paragraph_debris("Image: Diego Example.") == "credit"
    assert paragraph_debris("(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)") == "wire marker"
    assert paragraph_debris("(ab-cd/ef)") == "wire marker"
    assert paragraph_debris("NATIONAL FORECAST") == "heading"
    assert paragraph_debris("Read more: the council's budget in full") == "navigation"
    assert paragraph_debris("An Example poll found that three in ten voters had donated.") is None
    assert paragraph_debris("By comparison, only 750,000 hand-held systems were sold.") is None


def test_a_list_of_links_is_dropped_and_a_list_marker_never_starts_a_sentence():
    article = read(
        "The death toll rose to 120 on Monday, officials said.\n"
        "* AP - \"Confirmed death toll passed 121\"\n"
        "* The council will meet again on Friday.\n"
    )
    texts = text_of(article)
    assert texts == ["The death toll rose to 120 on Monday, officials said.", "The council will meet again on Friday."]


def test_a_date_glued_to_the_first_word_is_taken_apart_and_dates_the_article():
    assert unglue_dates("Tuesday, January 18, 2005Through a telethon, people gave.") == (
        "Tuesday, January 18, 2005\nThrough a telethon, people gave.")
    article = read("Tuesday, January 18, 2005Through a telethon, Romanians raised 395,000 euro for the victims.",
                   published=None)
    assert text_of(article)[0].startswith("Through a telethon")
    assert article.published == datetime(2005, 1, 18)


def test_wire_codes_and_a_cut_excerpt_are_not_text():
    article = read(
        "The king was treated in hospital for a week. &UR; str-ab-cd\n"
        "His brother ran the kingdom's affairs, aides said.\n"
        "The prince, who..."
    )
    assert text_of(article) == [
        "The king was treated in hospital for a week.", "His brother ran the kingdom's affairs, aides said."]


def test_an_inferred_headline_is_never_a_caption():
    article = read("The scenes after the flood in Example Town\nRescuers reached the flooded town of Example on Monday.",
                   title=None)
    assert article.title.startswith("Rescuers reached")


def test_readable_paragraphs_counts_what_it_left_out():
    kept, dropped, _ = readable_paragraphs([["By JANE DOE"], ["The vote passed on Monday."], ["(MORE)"]])
    assert kept == [["The vote passed on Monday."]]
    assert dropped == {"byline": 1, "wire marker": 1}


def test_a_date_line_in_any_common_form_dates_an_undated_article():
    """Pages put their date above the text in many forms; each dates the article and is never a
    sentence of it. Numeric dates whose day and month cannot be told apart date nothing."""
    forms = {
        "Published: August 7, 2012": datetime(2012, 8, 7),
        "August 8, 2012 - 4: 43 pm": datetime(2012, 8, 8),
        "16 August 2011": datetime(2011, 8, 16),
        "Thursday, Aug 18, 2011": datetime(2011, 8, 18),
        "TUESDAY, OCTOBER 11, 2011": datetime(2011, 10, 11),
        "Published: 2012. 08. 08 09: 01 AM": datetime(2012, 8, 8),
        "Updated on March 3, 2020 at 10:30 a.m. EST": datetime(2020, 3, 3),
    }
    for line, day in forms.items():
        article = read(f"{line}\nThe old dairy building burned down overnight, the fire service said.", published=None)
        assert article.published == day, line
        assert text_of(article) == ["The old dairy building burned down overnight, the fire service said."], line
    for line in ("16/08/2011", "February 30, 2012", "May 2 2013 was the day the dairy burned."):
        assert read(f"{line}\nThe dairy burned.", published=None).published is None, line


def test_captions_are_told_in_english_text_only():
    """Caption rules read English verbs: a short German or Chinese paragraph is the article's text."""
    from digest.restore.debris import debris_kinds

    german = [["Die Stadt Passau hat wegen des Hochwassers den Katastrophenfall ausgerufen."], ["Die Donau stieg auf neun Meter."]]
    chinese = [["荷兰鹿特丹市一座大桥12日早高峰时段部分坍塌，造成至少14人死亡、37人受伤。"], ["约20辆汽车随之落水。"]]
    for split in (german, chinese):
        kinds, kept, dropped, _ = debris_kinds(split, english=False)
        assert kinds == [[""], [""]] and kept == split and not dropped
    english = [["The bus exploded at 9:47 am."], ["Ambulances at Russell Square, London"], ["Police closed the square."]]
    kinds, _, dropped, _ = debris_kinds(english)
    assert kinds == [[""], ["debris"], [""]] and dropped["caption"] == 1


def test_an_article_that_is_all_debris_keeps_its_text():
    """'Fire.' is all the outlet wrote: it is the article's text, so its briefing has a summary."""
    from digest.restore.debris import debris_kinds

    kinds, kept, dropped, _ = debris_kinds([["Fire."]])
    assert kinds == [[""]] and kept == [["Fire."]] and not dropped
