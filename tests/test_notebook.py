"""The notebook API: strings and pages in, annotated documents out, linked into stories, drawn as the report draws them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import InputError, UsageError

ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"  # the rendering, for a person to look at
HARBOUR = ("A fire on a ferry moored at Caldera harbour killed 14 passengers on Wednesday, the port authority said.\n\n"
           "\"We have never seen a fire spread so fast,\" said Ines Morel, the harbour master.")
HARBOUR_AGAIN = ("The ferry fire at Caldera harbour killed 17 passengers, the port authority said on Thursday.\n\n"
                 "Ines Morel, the harbour master, said the crew had reported smoke an hour before.")
PAGE = """<!doctype html><html><head><title>Ferry fire | Coast Courier</title></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Ferry fire at Caldera harbour kills 14</h1>
<p>A fire on a ferry moored at Caldera harbour killed 14 passengers on Wednesday, the port authority said.</p>
<p>Harbour master Ines Morel said the blaze started in the engine room before dawn.</p></article>
<footer>Be the first to comment. Share this article.</footer></body></html>"""


@pytest.fixture(scope="module")
def nlp() -> newsgraph.Analyzer:
    return newsgraph.load()


def test_a_string_becomes_an_annotated_document_with_its_metadata(nlp) -> None:
    doc = nlp(HARBOUR, published="2024-05-02", outlet="Coast Courier")
    assert (doc.published, doc.outlet) == (date(2024, 5, 2), "Coast Courier")
    assert any(m.text == "Ines Morel" for m in doc.entities)
    assert any(q.speaker == "Ines Morel" and q.direct for q in doc.quotes)
    assert len(repr(doc)) < 300 and "Coast Courier" in repr(doc)


def test_an_html_page_is_read_as_a_page(nlp) -> None:
    doc = nlp(PAGE)
    assert doc.title == "Ferry fire at Caldera harbour kills 14"
    assert "Sport" not in doc.text and "Be the first to comment" not in doc.text and "engine room" in doc.text


def test_pipe_gives_one_run_whose_articles_share_actors_and_link_into_stories() -> None:
    nlp = newsgraph.Analyzer()
    docs = list(nlp.pipe([{"text": HARBOUR, "published": "2024-05-02", "outlet": "Coast Courier"},
                          {"text": HARBOUR_AGAIN, "published": date(2024, 5, 3), "outlet": "Harbour Times"}]))
    morel = {m.entity_id for d in docs for m in d.entities if "Morel" in m.text}
    assert len(morel) == 1 and docs[0].story == docs[1].story
    linked = nlp.link(docs)
    assert [len(s.documents) for s in linked.stories] == [2]
    rows = newsgraph.records(linked.claims)
    assert rows and json.dumps(rows) and all("agreement" in row for row in rows)
    conflict = [c for c in linked.claims if c.agreement == "conflict"]
    assert conflict and "14" in conflict[0].reason and "17" in conflict[0].reason


def test_the_jupyter_view_highlights_items_and_escapes_the_text(nlp) -> None:
    doc = nlp('Officials said the 3 < 5 "rule" & the <b> tag were found near Caldera harbour on Monday.')
    page = doc._repr_html_()
    assert "<b>" not in page and " &lt; " in page and "&#34;rule&#34; &amp; the" in page
    assert 'class="entity' in page and 'time" data-k' in page and 'class="speaker"' in page
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "notebook-article.html").write_text(nlp(HARBOUR, outlet="Coast Courier")._repr_html_(), encoding="utf-8")


def test_bad_input_raises_the_projects_errors_naming_it(nlp) -> None:
    with pytest.raises(InputError):
        nlp("   ")
    with pytest.raises(UsageError):
        nlp(HARBOUR, published="last Tuesday")
    assert nlp("x" * 5000 + " said the minister.").text  # a long string is text, never a file name
