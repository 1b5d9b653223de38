"""Saved web pages: body without page furniture, title without site name, date and its origin."""

from datetime import date
from pathlib import Path

import pytest

from newsgraph.errors import InputError, MalformedInputError
from newsgraph.ingest import read_inputs
from newsgraph.ingest.html import fragment_to_text, read_html
from newsgraph.pipeline import clean_documents

PARAGRAPHS = [
    "Engineers reopened the Vesna river bridge on Thursday after eleven months of repairs that cost the regional government more than expected.",
    "The bridge carries about forty thousand vehicles a day between the port and the industrial zone, according to the transport department.",
    "Residents said the long closure had doubled their commute and hurt small shops on both banks of the river.",
]
PAGE = """<!DOCTYPE html><html><head>
<title>Vesna bridge reopens after repairs | The Riverside Courier</title>
<meta property="og:site_name" content="The Riverside Courier">
<link rel="canonical" href="https://courier.example/2022/05/12/vesna-bridge-reopens">
<meta property="article:published_time" content="2022-05-12T08:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Vesna bridge reopens after repairs</h1>
%s
</article>
<section class="comments"><h3>Comments</h3><p>Be the first to comment</p></section>
<footer>Copyright The Riverside Courier. All rights reserved.</footer>
</body></html>""" % "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def test_page_gives_body_title_date_outlet_and_canonical_url() -> None:
    raw = read_html("page.html", PAGE)
    assert raw.title == "Vesna bridge reopens after repairs"
    assert raw.published == date(2022, 5, 12)
    assert raw.outlet == "The Riverside Courier"
    assert raw.url == "https://courier.example/2022/05/12/vesna-bridge-reopens"
    assert raw.text == "\n\n".join(PARAGRAPHS)


def test_title_and_furniture_stay_out_of_the_body() -> None:
    text = read_html("page.html", PAGE).text
    assert "reopens after repairs" not in text and "Be the first" not in text and "Home" not in text


def test_date_found_only_in_the_url_comes_from_htmldate() -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2022-05-12T08:00:00+00:00">', "")
    raw = read_html("page.html", page)
    assert raw.published == date(2022, 5, 12) and raw.date_source in ("trafilatura", "htmldate")


def test_page_without_article_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MalformedInputError, match="no article text"):
        read_html("empty.html", "<html><body></body></html>")
    (tmp_path / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    errors: list[InputError] = []
    assert list(clean_documents(read_inputs([str(tmp_path)]), None, errors.append)) == []
    assert "menu.html" in str(errors[0]) and "no article text" in str(errors[0])


def test_broken_html_still_yields_its_text() -> None:
    broken = "<html><body><div><p>" + PARAGRAPHS[0] + "<p>" + PARAGRAPHS[1] + "</div></span></body"
    assert "forty thousand vehicles" in read_html("broken.html", broken).text


def test_fragment_keeps_paragraphs_and_drops_scripts() -> None:
    text = fragment_to_text("<p>First part.</p><script>alert(1)</script><p>Second <b>part</b>.</p>")
    assert text == "First part.\n\nSecond part."
