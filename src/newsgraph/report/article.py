"""One article drawn as the report draws it: every entity, statement, number, time and event highlighted."""

from __future__ import annotations

from markupsafe import Markup

from newsgraph.model import Document
from newsgraph.report.dossier import Article
from newsgraph.report.highlight import segments, title_segments
from newsgraph.report.render import environment

# The report's highlighting, scoped to the article so a notebook's own page is left alone.
STYLE = """<style>
.newsgraph-article .body { white-space: pre-wrap; font-family: Georgia, serif; line-height: 1.6; }
.newsgraph-article .entity { border-bottom: 2px solid #7aa7d9; } .newsgraph-article .quote { background: #fff6d5; }
.newsgraph-article .speaker { font-weight: 600; } .newsgraph-article .number { background: #e3f2e6; }
.newsgraph-article .time { border-bottom: 2px dotted #8a6bb5; } .newsgraph-article .event { background: #f9ddd6; }
.newsgraph-article .legend span { margin-right: .8em; padding: 0 .2em; }
</style>"""
TEMPLATE = """{% from "_story.html.j2" import article_text %}<div class="newsgraph-article">{{ style }}
<p class="legend"><span class="entity">actor or place</span><span class="quote">statement</span><span class="speaker">speaker</span>
<span class="number">number</span><span class="time">time</span><span class="event">event</span></p>
{{ article_text(article) }}</div>"""


def article_html(document: Document, key: str = "a") -> str:
    """The article as one self-contained HTML fragment (its text escaped, its items highlighted)."""
    article = Article(document=document, key=key, segments=segments(document, key), title=title_segments(document, key))
    return environment().from_string(TEMPLATE).render(article=article, style=Markup(STYLE))
