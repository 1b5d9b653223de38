"""Receiving uploads: the token checked before any file byte is read, every file streamed to disk under a cap.

The token comes in an `X-Newsgraph-Token` header, or as the form's `token` field sent before
the files (the upload form puts it first). A wrong token, or a file before any token, ends the
request at once with 403; a body over the cap ends it with 413, whatever Content-Length said.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import HTTPException, Request
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

TOKEN_HEADER = "x-newsgraph-token"
MAX_FILES = 20
# Room for the multipart boundaries, part headers and the token field around the files' bytes.
_FORM_OVERHEAD = 64 * 1024
_MAX_FIELD_BYTES = 1024
_UNSAFE_NAME = re.compile(r"[^\w.\- ]+")
_MAX_NAME_CHARS = 100


@dataclass
class Saved:
    """One uploaded file: where it was written, and the name the user gave it (shown instead of the path)."""

    path: Path
    name: str


@dataclass
class _Form:
    """What the multipart parser has seen so far; raises HTTPException as soon as the request must end."""

    folder: Path
    token: str
    max_bytes: int
    authorized: bool = False
    saved: list[Saved] = field(default_factory=list)
    _headers: dict[bytes, bytes] = field(default_factory=dict)
    _header: tuple[bytes, bytes] = (b"", b"")
    _field: bytearray | None = None
    _file: object | None = None
    _size: int = 0

    def callbacks(self) -> dict:
        return {"on_part_begin": self._begin, "on_header_field": self._header_field,
                "on_header_value": self._header_value, "on_header_end": self._header_end,
                "on_headers_finished": self._headers_finished, "on_part_data": self._data, "on_part_end": self._end}

    def _begin(self) -> None:
        self._headers, self._header, self._field, self._file, self._size = {}, (b"", b""), None, None, 0

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._header = (self._header[0] + data[start:end], self._header[1])

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._header = (self._header[0], self._header[1] + data[start:end])

    def _header_end(self) -> None:
        self._headers[self._header[0].lower()] = self._header[1]
        self._header = (b"", b"")

    def _headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        if b"filename" not in options:
            self._field = bytearray() if options.get(b"name") == b"token" else None
            return
        if not self.authorized:
            raise HTTPException(403, "upload token missing: send it before the files")
        if len(self.saved) >= MAX_FILES:
            raise HTTPException(413, f"at most {MAX_FILES} files per upload")
        self._open(options[b"filename"].decode("utf-8", "replace"))

    def _open(self, filename: str) -> None:
        number = len(self.saved)
        name = safe_name(filename, number)
        path = self.folder / str(number) / name
        path.parent.mkdir()
        self.saved.append(Saved(path, name))
        self._file = path.open("wb")

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self._file is not None:
            self._size += end - start
            if self._size > self.max_bytes:
                raise HTTPException(413, f"{self.saved[-1].name}: over the limit of {self.max_bytes:,} bytes")
            self._file.write(data[start:end])
        elif self._field is not None:
            self._field += data[start:end]
            if len(self._field) > _MAX_FIELD_BYTES:
                raise HTTPException(403, "wrong upload token")

    def _end(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        elif self._field is not None:
            if not same_token(bytes(self._field).decode("utf-8", "replace"), self.token):
                raise HTTPException(403, "wrong upload token")
            self.authorized = True

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def same_token(given: str, expected: str) -> bool:
    """Compare tokens in constant time."""
    return secrets.compare_digest(given.encode(), expected.encode())


def safe_name(filename: str, number: int) -> str:
    """The uploaded file's own name without any directory or unusual character; its suffixes kept."""
    name = _UNSAFE_NAME.sub("_", Path(filename.replace("\\", "/")).name).strip(" .")[-_MAX_NAME_CHARS:]
    return name or f"upload{number}"


async def receive_files(request: Request, token: str, folder: Path, max_bytes: int) -> list[Saved]:
    """Stream the request's files into `folder`, checking the token first and the size as the bytes come."""
    header = request.headers.get(TOKEN_HEADER)
    if header is not None and not same_token(header, token):
        raise HTTPException(403, "wrong upload token")
    cap = max_bytes * MAX_FILES + _FORM_OVERHEAD
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise HTTPException(413, f"upload over the limit of {cap:,} bytes")
    kind, options = parse_options_header(request.headers.get("content-type", ""))
    if kind != b"multipart/form-data" or b"boundary" not in options:
        raise HTTPException(422, "send the files as multipart/form-data")
    form = _Form(folder, token, max_bytes, authorized=header is not None)
    parser = MultipartParser(options[b"boundary"], form.callbacks())
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > cap:
                raise HTTPException(413, f"upload over the limit of {cap:,} bytes")
            parser.write(chunk)
        parser.finalize()
    except FormParserError:
        raise HTTPException(422, "broken multipart form") from None
    finally:
        form.close()
    if not form.authorized:
        raise HTTPException(403, "upload token missing")
    if not form.saved:
        raise HTTPException(422, "no files uploaded")
    return form.saved
