"""Turn paths into bytes: directory walking, size limit, gzip, and charset detection."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import re
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
    UnreadableInputError,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"
# Files a directory walk passes over: a store written beside the articles (`analyze --db`).
DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".db-journal")
# Share of control characters above which bytes are taken for a binary file, not text.
_BINARY_CONTROL_SHARE = 0.10
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13})
_SNIFF_BYTES = 8192
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# UTF-16 without a BOM: English or Western text has a zero byte in (nearly) every other position.
_UTF16_ZERO_SHARE = 0.6
_WORD = re.compile(r"[^\W\d_]+")
# Non-letters a Western text in Windows-1252 holds: typographic quotes, dashes, currency, symbols.
_WESTERN_MARKS = frozenset("\u00a0‘’‚“”„–—…«»‹›°€£¥©®™•·¿¡§¶×÷´¨¸ªº±²³¹½¼¾")
# A symbol between two letters ("Za¿ó³æ") is a letter of another code page.
_SYMBOL_IN_WORD = re.compile(r"[^\W\d_][^\w\s\x00-\x7f‘’–][^\W\d_]")
# Share of non-ASCII words that also hold ASCII letters above which 1252 reads as a Western language.
_WESTERN_MIXED_SHARE = 0.5


def iter_paths(paths: list[str]) -> Iterator[str | InputError]:
    """Expand directories recursively (sorted, hidden files skipped); report missing and unreadable paths."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield raw
        elif path.is_symlink():
            yield MissingInputError(raw, "broken symbolic link (its target does not exist)")
        else:
            yield MissingInputError(raw, "no such file or directory")


def _walk(root: Path) -> Iterator[str | InputError]:
    """The files under `root` in path order; a directory that cannot be listed and a broken link each get an error."""
    found: list[tuple[str, str | InputError]] = []

    def refused(error: OSError) -> None:
        where = str(error.filename or root)
        found.append((where, UnreadableInputError(where, f"cannot list this directory ({error.strerror or error})")))

    for folder, dirs, files in os.walk(root, onerror=refused):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(folder, name)
            if _skipped(path):
                continue
            if path.is_file():
                found.append((str(path), str(path)))
            elif path.is_symlink():
                found.append((str(path), MissingInputError(str(path), "broken symbolic link (its target does not exist)")))
    yield from (item for _, item in sorted(found, key=lambda pair: pair[0]))


def _skipped(path: Path) -> bool:
    """Hidden files and newsgraph's own databases are not articles, when found in a directory."""
    return path.name.startswith(".") or path.name.endswith(DATABASE_SUFFIXES)


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
    """Decode bytes as UTF-8/16/32, else Windows-1252, else what charset-normalizer detects; refuse binary data."""
    wide = _wide_encoding(data)
    if wide is not None:
        try:
            text = data.decode(wide).lstrip("\ufeff")
        except UnicodeDecodeError:
            raise DecodeInputError(source, f"broken {wide.upper()} text") from None
        if _looks_binary(text[:_SNIFF_BYTES].encode("utf-8", "replace")):
            raise BinaryInputError(source, "binary data, not text")
        return text
    if _looks_binary(data):
        raise BinaryInputError(source, "binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    western = _western(data)
    if western is not None:
        return western
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeInputError(source, "cannot detect the text encoding")
    return str(best)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-32 or UTF-16 by byte-order mark, or UTF-16 without one by its pattern of zero bytes."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:_SNIFF_BYTES - _SNIFF_BYTES % 2]
    even, odd = head[0::2], head[1::2]
    if len(head) < 4 or b"\x00" not in head:
        return None
    if odd.count(0) >= _UTF16_ZERO_SHARE * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= _UTF16_ZERO_SHARE * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _western(data: bytes) -> str | None:
    """The text as Windows-1252 when it reads as a Western language in it, else None.

    charset-normalizer takes short Spanish or French text for Central European code pages
    ("Muñoz" as "Muńoz"). Western text in 1252 has its accented letters inside words that
    also hold plain ASCII letters; Cyrillic, Greek or Polish bytes read as 1252 give words of
    accented letters only, or symbols where letters should be.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if not words or _SYMBOL_IN_WORD.search(text) or any(not (c.isascii() or c.isalpha() or c in _WESTERN_MARKS) for c in text):
        return None
    mixed = sum(any(c.isascii() for c in w) for w in words)
    return text if mixed >= _WESTERN_MIXED_SHARE * len(words) else None


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([b])) for b in _CONTROL_BYTES)
    return controls / max(len(head), 1) > _BINARY_CONTROL_SHARE
