"""Hostile inputs (issue 13): each one ends in one error naming it, and every other article is kept."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.errors import (
    CorruptInputError,
    InputError,
    MalformedInputError,
    MissingInputError,
    OversizeInputError,
    UnreadableInputError,
)
from newsgraph.ingest import read_inputs
from newsgraph.ingest.files import decode_text
from newsgraph.ingest.records import read_csv, read_json, read_jsonl
from newsgraph.ingest.text import read_text
from newsgraph.ingest.warc import read_warc
from newsgraph.model import RawDocument

BODY = "The harbour authority closed the port on Tuesday after a fire broke out in a warehouse near the docks."
PAGE = f"<html><head><title>Port closed</title></head><body><article><p>{BODY}</p><p>{BODY}</p></article></body></html>"


def _articles(items: list) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def _errors(items: list) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


def test_an_input_the_system_cannot_read_is_one_error_and_the_others_are_kept(tmp_path: Path) -> None:
    """Finding 1: an OSError (here EIO, as /proc/self/mem gives) no longer escapes the readers."""
    first, last = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(BODY)
    last.write_text(BODY.replace("harbour", "airport"))
    items = list(read_inputs([str(first), "/proc/self/mem", str(last)]))
    assert [Path(d.source).name for d in _articles(items)] == ["a.txt", "b.txt"]
    [error] = _errors(items)
    assert isinstance(error, UnreadableInputError) and error.source == "/proc/self/mem"
    assert "Input/output error" in error.reason


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_deeply_nested_json_is_malformed_not_a_recursion_error(tmp_path: Path, suffix: str) -> None:
    """Finding 2: a 200 KB `[[[[…]]]]` or a JSONL line nested 50,000 deep."""
    path = tmp_path / f"deep{suffix}"
    path.write_text("[" * 50_000 + "]" * 50_000 + "\n" + json.dumps({"text": BODY}) + "\n")
    items = list(read_inputs([str(path)]))
    assert any(isinstance(e, MalformedInputError) and "nested too deeply" in e.reason for e in _errors(items))
    if suffix == ".jsonl":
        assert len(_articles(items)) == 1  # the next line is still read


def _warc(records: list[bytes], gzipped: bool = True) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for number, body in enumerate(records):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://marvik.example/news/{number}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


def test_a_warc_record_that_inflates_past_the_limit_is_refused_and_the_records_before_it_kept() -> None:
    """Finding 3: `--max-size` checked only the compressed file; a small .warc.gz inflated to gigabytes."""
    bomb = b"<html><body><p>" + b"a" * 50_000_000 + b"</p></body></html>"
    data = _warc([PAGE.encode(), bomb, PAGE.encode()])
    assert len(data) < 200_000
    items = list(read_warc("bomb.warc.gz", data, max_bytes=1_000_000))
    assert [d.url for d in _articles(items)] == ["https://marvik.example/news/0"]
    [error] = _errors(items)
    assert isinstance(error, OversizeInputError) and "limit of 1,000,000" in error.reason


def test_a_truncated_warc_gz_keeps_the_complete_records_before_the_cut() -> None:
    """Finding 14: a cut .warc.gz used to lose every record, where a plain .warc kept them."""
    data = _warc([PAGE.encode(), PAGE.encode().replace(b"harbour", b"airport"), PAGE.encode()])
    items = list(read_warc("cut.warc.gz", data[: len(data) - 200]))
    assert [d.url for d in _articles(items)] == ["https://marvik.example/news/0", "https://marvik.example/news/1"]
    [error] = _errors(items)
    assert isinstance(error, CorruptInputError) and "truncated" in error.reason


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_is_read_with_or_without_a_byte_order_mark(encoding: str) -> None:
    """Finding 10: UTF-16 was refused as binary data."""
    text = "Mayor Elena Muñoz said the “new” pier would open in May."
    assert decode_text("wide.txt", text.encode(encoding)) == text


@pytest.mark.parametrize("text", [
    "Mayor Elena Muñoz said the plan would go ahead.",
    "El alcalde Muñoz dijo que la reunión tendría lugar en la sede.",
    "Le président a déclaré à Genève que l’été serait «difficile».",
])
def test_latin1_text_is_decoded_with_the_western_code_page(text: str) -> None:
    """Finding 11: `Muñoz` became `Muńoz` (a Central European code page)."""
    assert decode_text("latin.txt", text.encode("cp1252")) == text


def test_cyrillic_legacy_text_is_not_forced_into_the_western_code_page() -> None:
    text = "Министр сказал в пятницу, что переговоры возобновятся."
    assert decode_text("ru.txt", text.encode("cp1251")) == text


@pytest.mark.parametrize("value", [12345, 3.5, True, False, ["a", "b"], {"body": BODY}])
def test_a_jsonl_text_that_is_not_a_string_is_refused(value: object) -> None:
    """Finding 12: a number, boolean or list as `text` became an article (`12345`, `True`)."""
    [item] = list(read_jsonl("x.jsonl", json.dumps({"text": value, "title": "Port closed"})))
    assert isinstance(item, MalformedInputError) and "not a string" in item.reason


def test_a_json_text_that_is_not_a_string_is_refused() -> None:
    items = list(read_json("x.json", json.dumps([{"text": 7}, {"text": BODY}])))
    assert isinstance(items[0], MalformedInputError) and isinstance(items[1], RawDocument)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any directory; tests/test_hardening.py drops the capability")
def test_unreadable_subdirectory_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(BODY)
    locked.chmod(0)
    try:
        items = list(read_inputs([str(tmp_path)]))
    finally:
        locked.chmod(0o755)
    assert any(isinstance(e, UnreadableInputError) and e.source.endswith("locked") for e in items)


def test_a_dangling_symlink_in_a_directory_is_reported(tmp_path: Path) -> None:
    """Finding 13 (links): a broken link was skipped with no error line."""
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    items = list(read_inputs([str(tmp_path)]))
    assert len(_articles(items)) == 1
    [error] = _errors(items)
    assert isinstance(error, MissingInputError) and error.source.endswith("gone.txt") and "broken symbolic link" in error.reason


def test_a_csv_field_over_131072_characters_loses_no_row() -> None:
    """Finding 15: the csv module's default field cap ended the file at the long field."""
    long_text = (BODY + " ") * 2_000
    assert len(long_text) > 131_072
    rows = "title,text\n" + f'Long,"{long_text}"\n' + f'Short,"{BODY}"\n'
    items = list(read_csv("big.csv", rows))
    assert [d.title for d in _articles(items)] == ["Long", "Short"] and not _errors(items)


def test_a_csv_row_whose_quoting_desyncs_is_reported_not_turned_into_junk() -> None:
    """Finding 16: a backslash-escaped quote split a row into junk fields that became an article."""
    rows = ('title,text,outlet\n'
            'Storm,"Forecasters said 5\\" of rain fell, and the mayor said \\"stay home\\" on Monday.",Wire\n'
            f'Envoy,"{BODY}",Post\n')
    items = list(read_csv("desync.csv", rows))
    [error] = _errors(items)
    assert isinstance(error, MalformedInputError) and "row 1" in error.source and "quoting" in error.reason
    assert [d.title for d in _articles(items)] == ["Envoy"]


def test_a_crawl_date_line_carrying_the_first_paragraph_keeps_it() -> None:
    """Issue 12: ` date 2017-01-07 The minister said…` lost the lead paragraph."""
    document = read_text("a.txt", " date 2017-01-07 The minister said on Friday that talks would resume.\n\nThe talks stalled in May.")
    assert str(document.published) == "2017-01-07"
    assert document.text.startswith("The minister said on Friday that talks would resume.")
    assert "The talks stalled in May." in document.text


def test_a_crawl_url_line_carrying_text_keeps_the_text_and_ends_the_header() -> None:
    document = read_text("a.txt", " date 2017-01-07\n url https://wire.example/a Source: officials said the vote was close.\n")
    assert document.url == "https://wire.example/a" and document.outlet is None
    assert document.text.strip() == "Source: officials said the vote was close."


def test_crawl_outlet_and_source_lines_are_header_lines() -> None:
    document = read_text("a.txt", " date 2017-01-07\n url https://wire.example/a\n source Capital Wire\n"
                                  "Talks resume on the border\n\nDelegations met on Friday.")
    assert (document.outlet, document.title, document.text) == ("Capital Wire", "Talks resume on the border",
                                                                "Delegations met on Friday.")


def test_a_long_outlet_line_is_text_not_a_header() -> None:
    document = read_text("a.txt", " outlet of the river was blocked by debris after the storm on Monday.\nMore text.")
    assert document.outlet is None and document.text.startswith(" outlet of the river")


def test_a_crawl_prefix_with_no_text_after_it_leaves_an_empty_body() -> None:
    document = read_text("a.txt", " date 2017-01-07\n url https://wire.example/a\n")
    assert (str(document.published), document.url, document.text.strip()) == ("2017-01-07", "https://wire.example/a", "")


def test_gzip_text_is_still_capped(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a " * 3_000_000))
    [error] = list(read_inputs([str(path)], max_bytes=100_000))
    assert isinstance(error, OversizeInputError)
