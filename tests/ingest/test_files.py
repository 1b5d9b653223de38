"""Bad input gets one clear reason naming the file, never a traceback."""

import gzip
from pathlib import Path

import pytest

from newsgraph.errors import (
    BinaryInputError,
    CorruptInputError,
    EmptyInputError,
    MissingInputError,
    OversizeInputError,
)
from newsgraph.ingest import read_inputs
from newsgraph.ingest.files import decode_text, read_bytes
from newsgraph.model import RawDocument

BODY = "The harbour authority closed the port on Tuesday after a fire broke out in a warehouse.\n"


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(BinaryInputError, match="photo.txt"):
        decode_text(str(path), read_bytes(str(path)))


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n")
    with pytest.raises(EmptyInputError):
        read_bytes(str(path))


def test_oversize_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(BODY * 100)
    with pytest.raises(OversizeInputError, match="over the limit"):
        read_bytes(str(path), max_bytes=1000)


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    with pytest.raises(OversizeInputError):
        read_bytes(str(path), max_bytes=100_000)


def test_truncated_gzip_is_reported_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "cut.html.gz"
    path.write_bytes(gzip.compress(BODY.encode() * 50)[:40])
    with pytest.raises(CorruptInputError, match="gzip"):
        read_bytes(str(path))


def test_legacy_encoding_is_detected_not_guessed(tmp_path: Path) -> None:
    text = "Le président a déclaré que la réunion aurait lieu à Genève, près du lac, après les élections régionales."
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    assert decode_text(str(path), read_bytes(str(path))) == text


def test_missing_path_is_reported_and_other_inputs_still_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY)
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(good)]))
    assert isinstance(items[0], MissingInputError)
    assert isinstance(items[1], RawDocument) and items[1].text.startswith("The harbour")


def test_directories_are_read_recursively_skipping_hidden_files_and_databases(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text(BODY)
    (tmp_path / ".hidden.txt").write_text(BODY)
    (tmp_path / "newsgraph.db").write_bytes(b"SQLite format 3\x00" + bytes(100))
    sources = [item.source for item in read_inputs([str(tmp_path)])]
    assert sources == [str(tmp_path / "a" / "b" / "deep.txt")]


def test_gzipped_html_is_read(tmp_path: Path) -> None:
    page = f"<html><head><title>Port closed</title></head><body><article><p>{BODY * 3}</p></article></body></html>"
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page.encode()))
    [raw] = list(read_inputs([str(path)]))
    assert isinstance(raw, RawDocument) and "harbour authority" in raw.text
