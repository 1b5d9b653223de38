"""A statement in the headline is drawn in the headline, escaped, with the anchor its evidence links point at."""

from __future__ import annotations

from newsgraph.model import Document, Statement
from newsgraph.report.article import article_html

TITLE = "Quill: 'Toll <b>rises</b> & stays'"


def test_the_headline_statement_is_highlighted_in_the_escaped_title() -> None:
    content = "'Toll <b>rises</b> & stays'"
    start = TITLE.index(content)
    document = Document(id="d1", source="toll.txt", title=TITLE, text="The toll rises, Quill said.", quotes=[
        Statement(speaker="Quill", speaker_text="Quill", speaker_start=0, speaker_end=5, cue=":", content=content,
                  content_start=start, content_end=start + len(content), direct=True, in_title=True)])
    html = article_html(document)
    headline = html[html.index("<h3"):html.index("</h3>")]
    assert '<a id="a-q0"></a>' in headline and '<span class="speaker quote"' not in headline
    assert '<span class="speaker" data-k="a-q0">Quill</span>' in headline
    assert "&#39;Toll &lt;b&gt;rises&lt;/b&gt; &amp; stays&#39;" in headline and "<b>" not in html
    assert 'data-k="a-q0"' not in html[html.index('class="body"'):]  # the body's offsets are not the title's
