"""Markdown rendering: untrusted text stays text."""
from html.parser import HTMLParser

import markdown

import yaml

from digest.config import Limits
from digest.render import render_briefing
from digest.render.markup import html_text, md, safe_url, yaml_string
from digest.site.mkdocs_engine import MATERIAL_MARKUP

from hostile import ATTACKS


def to_html(text):
    return markdown.markdown(text, extensions=["tables"])


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def handle_comment(self, data):
        self.found.append(("!--", {}))


def elements(html):
    parser = Elements()
    parser.feed(html)
    return parser.found


def test_md_escapes_every_attack_to_plain_text():
    for attack in ATTACKS:
        found = elements(to_html(f"- {md(attack)}"))
        assert [tag for tag, _ in found] == ["ul", "li"], (attack, found)
        assert all(not attrs for _, attrs in found), (attack, found)


def test_md_keeps_ordinary_text_readable():
    html = to_html(md("U.S.-backed forces (SDF) took 20% of [the] city_centre * 2 | done"))
    assert "U.S.-backed forces (SDF) took 20% of [the] city_centre * 2 | done" in html


def test_urls():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url("https://a.example/x(1)") == "https://a.example/x%281%29"


def test_front_matter_text_is_escaped_never_deleted():
    assert html_text('Regulator fines Coastal  Savings & Trust\nover <Acme> loans "now"') == \
        "Regulator fines Coastal Savings &amp; Trust over &lt;Acme&gt; loans &quot;now&quot;"
    assert html_text("AT&T " * 100, 10) == "AT&amp;T AT&amp;T"  # cut before escaping: no half entity


def test_topic_titles_are_yaml_strings_that_read_back_as_the_name():
    long_name = "Committee for the Inquiry into a Very Long Matter and Its Many Subcommittees: Part Two" * 3
    names = ["Mosul", "Raqqa Civil Council", "Yes", "ON", "Null", "No Way", "Air 2", "A: B", "#tag", "Café Noir", "O'Brien", "- x",
             long_name, long_name.replace(":", "")] + list(ATTACKS)
    for name in names:
        written = yaml_string(name)
        assert written == yaml.safe_dump(name, default_style=None, width=1 << 30).splitlines()[0]
        if "\n" not in name:
            assert yaml.safe_load(f"title: {written}")["title"] == name


def test_briefing_page_has_every_section(seed_briefing):
    page = render_briefing(seed_briefing, MATERIAL_MARKUP, Limits())
    for heading in ["## Summary", "## Key figures", "## Source comparison", "### Who is quoted", "### Wording", "## Articles", "## Tags"]:
        assert heading in page
    assert "[\\[Reuters\\]](#article-" in page
    assert "syria s raqqa" not in page.lower()
