"""Readers: any news input in, RawDocuments (or the reason an input failed) out."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newsgraph.errors import InputError
from newsgraph.ingest.feeds import looks_like_feed, read_feed
from newsgraph.ingest.files import DEFAULT_MAX_BYTES, decode_text, iter_paths, read_bytes
from newsgraph.ingest.html import looks_like_html, read_html
from newsgraph.ingest.records import read_csv, read_json, read_jsonl
from newsgraph.ingest.text import read_text
from newsgraph.ingest.warc import read_warc
from newsgraph.model import RawDocument

Item = RawDocument | InputError
Reader = Callable[[str, bytes], Iterator[Item]]

__all__ = ["DEFAULT_MAX_BYTES", "Item", "read_inputs"]


def read_inputs(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every article of every input, in order; a failed input or record yields its InputError."""
    for path in iter_paths(paths):
        if isinstance(path, InputError):
            yield path
            continue
        try:
            yield from _reader_for(path)(path, read_bytes(path, max_bytes))
        except InputError as exc:
            yield exc


def _reader_for(source: str) -> Reader:
    name = source.lower().removesuffix(".gz")
    for suffixes, reader in _READERS:
        if name.endswith(suffixes):
            return reader
    return _read_sniffed


def _decoded(read: Callable[[str, str], Iterator[Item] | Item]) -> Reader:
    """Adapt a reader of text to bytes, yielding whatever it returns or yields."""

    def reader(source: str, data: bytes) -> Iterator[Item]:
        result = read(source, decode_text(source, data))
        yield from (result,) if isinstance(result, RawDocument) else result

    return reader


def _read_sniffed(source: str, data: bytes) -> Iterator[Item]:
    """For stdin and unknown suffixes: pick the reader from what the content looks like."""
    text = decode_text(source, data)
    head = text.lstrip()[:1]
    if looks_like_feed(text):
        return read_feed(source, data)
    if looks_like_html(text):
        return iter((read_html(source, text),))
    if head == "[" or (head == "{" and text.strip().count("\n") == 0):
        return read_json(source, text)
    if head == "{":
        return read_jsonl(source, text)
    return iter((read_text(source, text),))


_READERS: list[tuple[tuple[str, ...], Reader]] = [
    ((".warc", ".arc"), read_warc),
    ((".html", ".htm", ".xhtml"), _decoded(read_html)),
    ((".jsonl", ".ndjson"), _decoded(read_jsonl)),
    ((".json",), _decoded(read_json)),
    ((".csv", ".tsv"), _decoded(read_csv)),
    ((".rss", ".atom", ".xml"), read_feed),
    ((".txt", ".text"), _decoded(read_text)),
]
