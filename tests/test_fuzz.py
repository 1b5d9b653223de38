"""Property-based fuzzing (issue 13): every reader and every extractor, on random bytes and random text,
raises nothing but newsgraph's own errors (and the extractors nothing at all).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.extract.events import find_events
from newsgraph.extract.mentions import find_mentions
from newsgraph.extract.quantities import find_quantities
from newsgraph.extract.statements import find_statements
from newsgraph.extract.timexes import find_timexes
from newsgraph.ingest import read_inputs
from newsgraph.ingest.clean import make_document
from newsgraph.ingest.feeds import read_feed
from newsgraph.ingest.files import decode_text
from newsgraph.ingest.html import read_html
from newsgraph.ingest.records import read_csv, read_json, read_jsonl
from newsgraph.ingest.text import read_text
from newsgraph.ingest.warc import read_warc
from newsgraph.model import RawDocument

LIMIT = 100_000
READERS = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
# Extractors parse each example with spaCy first: fewer, longer examples.
EXTRACTORS = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

MARKUP = st.lists(st.one_of(st.text(max_size=30), st.sampled_from([
    "<p>", "</p>", "<div class='article'>", "</div>", "<h1>", "</h1>", "<script>", "</script>", "<!--", "-->",
    "&amp;", "&#x0;", "&nbsp;", "<br>", "<article>", "<html>", "<body>", "<meta property='og:title' content='x'>",
    "<![CDATA[", "]]>", "<!DOCTYPE html>", "<rss>", "<item>", "<title>", "</title>", "<description>", "\x00", "\ufeff",
])), max_size=60).map("".join)
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                               st.sampled_from(["text", "title", "date", "url", "outlet", "author", "body", "x"]) | st.text(max_size=5),
                               inner, max_size=5), max_leaves=20)
CSV_TEXT = st.lists(st.one_of(st.text(max_size=20), st.sampled_from([",", ";", "\t", "|", '"', '""', "\n", "\r\n", "\\", "text", "title"])),
                    max_size=60).map("".join)
PROSE = st.lists(st.one_of(st.text(max_size=25), st.sampled_from([
    "The minister said", "“We will not yield,” she said.", '"No," he said', "on Friday", "3 people were killed",
    "in Ankara", "According to officials,", "last week", "$5 million", "12%", "Reuters", "\n\n", ". ", ", ", "he added.",
    "Police arrested", "the army attacked", "Mr. Varga", "between 2015 and 2017", "—", "«", "»", "(", ")", "'s",
])), max_size=40).map(" ".join)


def _consume(read: Callable[[], Iterator | RawDocument]) -> None:
    """Read every item and clean it; an InputError (raised or yielded) is an accepted outcome, anything else fails."""
    try:
        items = read()
        for item in [items] if isinstance(items, RawDocument) else items:
            if isinstance(item, RawDocument):
                make_document(item)
    except InputError:
        pass


def _text_reader(read: Callable[[str, str], object]) -> Callable[[str], None]:
    return lambda text: _consume(lambda: read("fuzz", text))


@READERS
@given(st.binary(max_size=3000))
def test_decoding_random_bytes_raises_only_our_errors(data: bytes) -> None:
    try:
        decode_text("fuzz", data)
    except InputError:
        pass


@READERS
@given(st.one_of(st.text(max_size=2000), PROSE))
def test_the_text_reader_takes_any_text(text: str) -> None:
    _text_reader(read_text)(" date 2017-01-07 " + text if text[:1] == "x" else text)


@READERS
@given(st.one_of(MARKUP, st.text(max_size=1000)))
def test_the_html_reader_raises_only_our_errors(html: str) -> None:
    _text_reader(read_html)(html)


@READERS
@given(st.one_of(st.text(max_size=500), st.lists(JSON_VALUES, max_size=5).map(lambda v: "\n".join(map(json.dumps, v)))))
def test_the_jsonl_reader_raises_only_our_errors(text: str) -> None:
    _text_reader(read_jsonl)(text)


@READERS
@given(st.one_of(st.text(max_size=500), JSON_VALUES.map(json.dumps)))
def test_the_json_reader_raises_only_our_errors(text: str) -> None:
    _text_reader(read_json)(text)


@READERS
@given(CSV_TEXT)
def test_the_csv_reader_raises_only_our_errors(text: str) -> None:
    _consume(lambda: read_csv("fuzz", "title,text\n" + text if text[:1] == "t" else text, LIMIT))


@READERS
@given(st.one_of(st.binary(max_size=2000), st.binary(max_size=2000).map(gzip.compress),
                 st.text(max_size=500).map(lambda t: ("WARC/1.0\r\nWARC-Type: response\r\n" + t).encode())))
def test_the_warc_reader_raises_only_our_errors(data: bytes) -> None:
    _consume(lambda: read_warc("fuzz", data, LIMIT))


@READERS
@given(st.one_of(st.binary(max_size=2000), MARKUP.map(lambda m: f"<rss><channel><item><description>{m}</description></item></channel></rss>".encode())))
def test_the_feed_reader_raises_only_our_errors(data: bytes) -> None:
    _consume(lambda: read_feed("fuzz", data, LIMIT))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=3000),
       suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".csv", ".xml", ".warc", ".warc.gz", ".gz", ".bin"]))
def test_read_inputs_turns_any_file_into_articles_or_our_errors(tmp_path_factory, data: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    for item in read_inputs([str(path)], LIMIT):
        assert isinstance(item, RawDocument | InputError)


@EXTRACTORS
@given(st.one_of(PROSE, st.text(min_size=1, max_size=400)))
def test_the_extractors_never_raise_on_any_text(parse, text: str) -> None:
    doc = parse(text)
    mentions = find_mentions(doc)
    quotes = find_statements(doc, mentions)
    find_quantities(doc, quotes)
    timexes = find_timexes(doc, date(2021, 3, 8))
    find_events(doc, mentions, quotes, timexes, date(2021, 3, 8))
