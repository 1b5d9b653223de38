"""Web archives: each HTML response record of a WARC file is one article."""

from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.errors import CorruptInputError, InputError
from newsgraph.ingest.files import decode_text
from newsgraph.ingest.html import read_html
from newsgraph.model import RawDocument


def read_warc(source: str, data: bytes) -> Iterator[RawDocument | InputError]:
    """Yield one document per HTML response; a broken record is reported, the archive read on."""
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or not _is_html(record):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}: {uri}"
            try:
                html = decode_text(where, record.content_stream().read())
                yield read_html(where, html, url=uri)
            except InputError as exc:
                yield exc
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        raise CorruptInputError(source, f"broken WARC archive ({exc})") from None


def _is_html(record: object) -> bool:
    headers = getattr(record, "http_headers", None)
    content_type = headers.get_header("Content-Type", "") if headers else ""
    return "html" in content_type.lower()
