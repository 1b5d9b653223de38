"""Turn paths into bytes: directory walking, size limit, gzip, and charset detection."""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import charset_normalizer

from newsgraph.errors import (
    BinaryInputError,
    CorruptInputError,
    DecodeInputError,
    EmptyInputError,
    InputError,
    MissingInputError,
    OversizeInputError,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"
# Files a directory walk passes over: a store written beside the articles (`analyze --db`).
DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".db-journal")
# Share of control characters above which bytes are taken for a binary file, not text.
_BINARY_CONTROL_SHARE = 0.10
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13})


def iter_paths(paths: list[str]) -> Iterator[str | InputError]:
    """Expand directories recursively (sorted, hidden files skipped); report missing paths."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*")) if p.is_file() and not _skipped(p, path))
        elif path.is_file():
            yield raw
        else:
            yield MissingInputError(raw, "no such file or directory")


def _skipped(path: Path, root: Path) -> bool:
    """Hidden files and newsgraph's own databases are not articles, when found in a directory."""
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return hidden or path.name.endswith(DATABASE_SUFFIXES)


def read_bytes(source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file (or stdin) whole, gunzipping `.gz`, within the size limit."""
    if source == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        size = Path(source).stat().st_size
        if size > max_bytes:
            raise OversizeInputError(source, f"file is {size:,} bytes, over the limit of {max_bytes:,}")
        data = Path(source).read_bytes()
    if source.endswith(".gz") and not source.endswith(".warc.gz"):
        data = _gunzip(source, data, max_bytes)
    if len(data) > max_bytes:
        raise OversizeInputError(source, f"input is over the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise EmptyInputError(source, "empty input")
    return data


def _gunzip(source: str, data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data without letting a small bomb expand past the size limit."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise CorruptInputError(source, f"broken gzip data ({exc})") from None
    return out


def decode_text(source: str, data: bytes) -> str:
    """Decode bytes as UTF-8, else the encoding charset-normalizer detects; refuse binary data."""
    if _looks_binary(data):
        raise BinaryInputError(source, "binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeInputError(source, "cannot detect the text encoding")
    return str(best)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(head.count(bytes([b])) for b in _CONTROL_BYTES)
    return controls / max(len(head), 1) > _BINARY_CONTROL_SHARE
