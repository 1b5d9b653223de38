"""Web archives: each HTML response record of a WARC file is one article."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsgraph.errors import CorruptInputError, InputError
from newsgraph.ingest.files import decode_text
from newsgraph.ingest.html import read_html
from newsgraph.model import RawDocument

_GZIP_MAGIC = b"\x1f\x8b"


def read_warc(source: str, data: bytes) -> Iterator[RawDocument | InputError]:
    """Yield one document per HTML response; a broken record is reported, the archive read on."""
    _check_gzip_members(source, data)
    records = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            records += 1
            if record.rec_type == "response" and _is_html(record):
                yield _read_record(source, record)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        raise CorruptInputError(source, f"broken WARC archive ({exc})") from None
    if not records:
        raise CorruptInputError(source, "no WARC records found (truncated or not a WARC file)")


def _read_record(source: str, record: ArcWarcRecord) -> RawDocument | InputError:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{source}: {uri}"
    body = record.raw_stream.read()
    expected = int(record.rec_headers.get_header("Content-Length") or 0) - record.http_headers.total_len
    if len(body) < expected:
        return CorruptInputError(where, f"record is truncated ({len(body)} of {expected} bytes)")
    try:
        return read_html(where, decode_text(where, body), url=uri)
    except InputError as exc:
        return exc


def _check_gzip_members(source: str, data: bytes) -> None:
    """warcio stops silently at a cut gzip member; walk the members to say so."""
    if not data.startswith(_GZIP_MAGIC):
        return
    rest = data
    while rest:
        member = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            while not member.eof and rest:
                member.decompress(rest, 1 << 20)
                rest = member.unused_data if member.eof else member.unconsumed_tail
        except zlib.error as exc:
            raise CorruptInputError(source, f"broken gzip data ({exc})") from None
        if not member.eof:
            raise CorruptInputError(source, "truncated gzip data: the archive ends inside a record")


def _is_html(record: ArcWarcRecord) -> bool:
    headers = record.http_headers
    content_type = headers.get_header("Content-Type", "") if headers else ""
    return "html" in content_type.lower()
