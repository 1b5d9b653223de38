"""Web archives and feeds: one article per HTML response or per entry with content."""

import io
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.errors import CorruptInputError, InputError, MalformedInputError
from newsgraph.ingest import read_inputs
from newsgraph.ingest.feeds import read_feed
from newsgraph.model import RawDocument

STORY = ("The coastal town of Marvik opened its first desalination plant on Monday, ending years of summer "
         "water rationing. The plant will supply twelve thousand homes, the mayor said at the opening ceremony. ")


def _warc(tmp_path: Path, gz: bool) -> Path:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for number, content_type in enumerate(["text/html; charset=utf-8", "image/png", "text/html"]):
        body = f"<html><head><title>Plant opens {number}</title></head><body><article><p>{STORY * 3}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        uri = f"https://marvik.example/news/{number}"
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize("gz", [True, False])
def test_each_html_response_of_a_warc_is_an_article_with_its_uri(tmp_path: Path, gz: bool) -> None:
    docs = list(read_inputs([str(_warc(tmp_path, gz))]))
    assert [d.url for d in docs] == ["https://marvik.example/news/0", "https://marvik.example/news/2"]
    assert all(isinstance(d, RawDocument) and "desalination" in d.text for d in docs)


def test_truncated_warc_reports_the_archive(tmp_path: Path) -> None:
    path = _warc(tmp_path, gz=True)
    path.write_bytes(path.read_bytes()[:300])
    items = list(read_inputs([str(path)]))
    assert any(isinstance(item, (CorruptInputError, InputError)) for item in items)


FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Marvik Gazette</title>
<item><title>Plant opens</title><link>https://gazette.example/plant</link>
<pubDate>Mon, 04 Jul 2022 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{STORY}</p><p>{STORY}</p>]]></content:encoded></item>
<item><title>Teaser only</title><link>https://gazette.example/teaser</link><description>Short.</description></item>
</channel></rss>"""


def test_feed_entry_with_content_is_an_article_and_a_teaser_is_reported() -> None:
    first, second = list(read_feed("feed.xml", FEED.encode()))
    assert isinstance(first, RawDocument)
    assert (first.title, first.url, first.outlet, first.published) == (
        "Plant opens", "https://gazette.example/plant", "Marvik Gazette", date(2022, 7, 4))
    assert "\n\n" in first.text and "<p>" not in first.text
    assert isinstance(second, MalformedInputError) and "entry 2" in str(second)


def test_something_that_is_not_a_feed_is_refused() -> None:
    with pytest.raises(MalformedInputError, match="not a readable RSS/Atom feed"):
        list(read_feed("feed.xml", b"<html><body>nothing</body></html>"))
