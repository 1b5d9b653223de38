"""Web archives: each HTML response record of a WARC file is one article."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsgraph.errors import CorruptInputError, InputError, OversizeInputError
from newsgraph.ingest.files import DEFAULT_MAX_BYTES, decode_text
from newsgraph.ingest.html import read_html
from newsgraph.model import RawDocument

_GZIP_MAGIC = b"\x1f\x8b"
# Compressed bytes fed to zlib at a time, and inflated bytes taken back at a time: memory stays
# at a few of these whatever a member inflates to.
_INPUT_STEP = 1 << 16
_OUTPUT_STEP = 1 << 20
# What warcio raises on a malformed archive: its own error, or a plain one where a header it needs
# is missing (tests/test_fuzz.py found AttributeError for a response record without a target URI).
_WARCIO_FAILURES = (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, TypeError, KeyError, IndexError)


def read_warc(source: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """Yield one document per HTML response; a broken record is reported, the archive read on.

    In a gzipped archive every member must inflate within `max_bytes`; the archive is read up
    to the first member that is cut, broken or too large, and that member is reported.
    """
    end, problem = _whole_members(source, data, max_bytes) if data.startswith(_GZIP_MAGIC) else (len(data), None)
    records = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data[:end])):
            records += 1
            if record.rec_type == "response" and _is_html(record):
                yield _read_record(source, record, max_bytes)
    except _WARCIO_FAILURES as exc:
        raise CorruptInputError(source, f"broken WARC archive ({type(exc).__name__}: {exc})") from None
    if problem is not None:
        yield problem
    elif not records:
        raise CorruptInputError(source, "no WARC records found (truncated or not a WARC file)")


def _read_record(source: str, record: ArcWarcRecord, max_bytes: int) -> RawDocument | InputError:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{source}: {uri}"
    body = record.raw_stream.read(max_bytes + 1)
    if len(body) > max_bytes:
        return OversizeInputError(where, f"record is over the limit of {max_bytes:,} bytes")
    expected = int(record.rec_headers.get_header("Content-Length") or 0) - record.http_headers.total_len
    if len(body) < expected:
        return CorruptInputError(where, f"record is truncated ({len(body)} of {expected} bytes)")
    try:
        return read_html(where, decode_text(where, body), url=uri)
    except InputError as exc:
        return exc


def _whole_members(source: str, data: bytes, max_bytes: int) -> tuple[int, InputError | None]:
    """Where the run of whole gzip members that each inflate within the limit ends, and what stopped it.

    warcio stops silently at a cut member and inflates a bomb whole; walking the members first
    says which member is cut or too large and keeps the records before it.
    """
    start, number = 0, 0
    while start < len(data):
        number += 1
        end, reason = _member_end(data, start, max_bytes)
        if reason is not None:
            kind = OversizeInputError if "limit" in reason else CorruptInputError
            return start, kind(source, f"gzip member {number} {reason}; the records before it are read")
        start = end
    return start, None


def _member_end(data: bytes, start: int, max_bytes: int) -> tuple[int, str | None]:
    """The offset where the gzip member at `start` ends, or the reason it cannot be read."""
    member = zlib.decompressobj(zlib.MAX_WBITS | 16)
    position, inflated = start, 0
    try:
        while not member.eof:
            if position >= len(data):
                return start, "is truncated: the archive ends inside it"
            pending = data[position:position + _INPUT_STEP]
            position += len(pending)
            while pending and not member.eof:
                inflated += len(member.decompress(pending, _OUTPUT_STEP))
                if inflated > max_bytes:
                    return start, f"inflates past the limit of {max_bytes:,} bytes"
                pending = member.unconsumed_tail
    except zlib.error as exc:
        return start, f"holds broken gzip data ({exc})"
    return position - len(member.unused_data), None


def _is_html(record: ArcWarcRecord) -> bool:
    headers = record.http_headers
    content_type = headers.get_header("Content-Type", "") if headers else ""
    return "html" in content_type.lower()
