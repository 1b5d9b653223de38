"""Readers: any news input in, RawDocuments (or the reason an input failed) out."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newsgraph.errors import InputError, MalformedInputError, ReaderFailedError, UnreadableInputError
from newsgraph.ingest.feeds import looks_like_feed, read_feed
from newsgraph.ingest.files import DEFAULT_MAX_BYTES, decode_text, iter_paths, read_bytes
from newsgraph.ingest.html import looks_like_html, read_html
from newsgraph.ingest.records import read_csv, read_json, read_jsonl
from newsgraph.ingest.text import read_text
from newsgraph.ingest.warc import read_warc
from newsgraph.model import RawDocument

Item = RawDocument | InputError
Reader = Callable[[str, bytes, int], Iterator[Item]]
Label = Callable[[str], str]

__all__ = ["DEFAULT_MAX_BYTES", "Item", "Label", "read_inputs", "read_string"]


def read_inputs(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES, label: Label | None = None) -> Iterator[Item]:
    """Every article of every input, in order; a failed input or record yields its InputError.

    `label` names an input in documents and errors when its path must not be shown (an upload's
    temporary file is shown by the name it was uploaded under).
    """
    for path in iter_paths(paths):
        if isinstance(path, InputError):
            yield path
            continue
        name = label(path) if label else path
        yield from _relabelled(_read_one(path, max_bytes), path, name)


def read_string(text: str, source: str = "<string>") -> RawDocument:
    """One article given as a string: an HTML page, or plain text (with an optional crawl header and headline)."""
    return read_html(source, text) if looks_like_html(text) else read_text(source, text)


def _read_one(path: str, max_bytes: int) -> Iterator[Item]:
    """The items of one input; whatever goes wrong with it ends in an InputError naming it, never the run."""
    try:
        yield from _reader_for(path)(path, read_bytes(path, max_bytes), max_bytes)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield UnreadableInputError(path, f"cannot read ({exc.strerror or exc})")
    except RecursionError:
        yield MalformedInputError(path, "nested too deeply to read")
    except Exception as exc:  # noqa: BLE001 - one input's reader bug must not cost the other inputs
        yield ReaderFailedError(path, f"reader failed ({type(exc).__name__}); please report this input")


def _relabelled(items: Iterator[Item], path: str, name: str) -> Iterator[Item]:
    """The items with `path` replaced by `name` wherever they name their input."""
    if name == path:
        yield from items
        return
    for item in items:
        if isinstance(item, InputError):
            yield type(item)(item.source.replace(path, name, 1), item.reason.replace(path, name))
        else:
            yield item.model_copy(update={"source": item.source.replace(path, name, 1)})


def _reader_for(source: str) -> Reader:
    name = source.lower().removesuffix(".gz")
    for suffixes, reader in _READERS:
        if name.endswith(suffixes):
            return reader
    return _read_sniffed


def _decoded(read: Callable[[str, str], Iterator[Item] | Item]) -> Reader:
    """Adapt a reader of text to bytes, yielding whatever it returns or yields."""

    def reader(source: str, data: bytes, max_bytes: int) -> Iterator[Item]:
        result = read(source, decode_text(source, data))
        yield from (result,) if isinstance(result, RawDocument) else result

    return reader


def _read_sniffed(source: str, data: bytes, max_bytes: int) -> Iterator[Item]:
    """For stdin and unknown suffixes: pick the reader from what the content looks like."""
    text = decode_text(source, data)
    head = text.lstrip()[:1]
    if looks_like_feed(text):
        return read_feed(source, data, max_bytes)
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
    ((".csv", ".tsv"), lambda source, data, max_bytes: read_csv(source, decode_text(source, data), max_bytes)),
    ((".rss", ".atom", ".xml"), read_feed),
    ((".txt", ".text"), _decoded(read_text)),
]
