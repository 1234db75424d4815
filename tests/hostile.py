"""Article text, titles, outlet names and URLs written to attack the page."""

HOSTILE_SOURCES = """\
evil:
  name: "Evil <script>window.__pwned_source=1</script> News"
  url: "javascript:window.__pwned_link=1"
reuters:
  name: Reuters
"""

ATTACKS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned_img=1">',
    "[click me](javascript:window.__pwned_md=1)",
    "![pic](http://203.0.113.9/track.png)",
    "<!-- hidden comment -->",
    "{{ config.site_name }} {% raw %}",
    "--8<-- \"/etc/passwd\"",
    "<iframe src=\"data:text/html,<script>parent.__pwned_frame=1</script>\"></iframe>",
    "{: onclick=\"window.__pwned_attr=1\" }",
]

HOSTILE_ARTICLES = {
    "evil/one.md": (
        "---\n"
        "source: evil\n"
        'title: "Flood <script>window.__pwned_title=1</script> hits the valley town of Riverton"\n'
        "published: 2020-05-01\n"
        'url: "javascript:window.__pwned_url=1"\n'
        "author: '<b onmouseover=window.__pwned_author=1>Mallory</b>'\n"
        "---\n"
        "Floodwater covered the valley town of Riverton on Friday, forcing 1,200 residents from their homes, Mayor Jane Doe said.\n"
        + "\n".join(f"Residents of Riverton reported {attack} as the water rose around 300 homes." for attack in ATTACKS)
        + "\n"
    ),
    "reuters/two.md": (
        "---\n"
        "source: reuters\n"
        "title: Riverton flood forces 1,200 from homes\n"
        "published: 2020-05-01\n"
        "url: https://www.reuters.com/riverton\n"
        "---\n"
        "Floodwater covered the valley town of Riverton on Friday and about 1,200 residents left their homes, Mayor Jane Doe said.\n"
        "The river rose two metres overnight, and 300 homes were flooded in Riverton.\n"
    ),
}
