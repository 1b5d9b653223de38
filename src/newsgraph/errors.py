"""Every error newsgraph raises on purpose, each with a stable code users can search for.

    NewsgraphError                 root: catch this to catch them all
    ├── InputError                 an input could not be read (names the file)
    │   ├── MissingInputError      NG101 the path does not exist
    │   ├── EmptyInputError        NG102 nothing to read
    │   ├── BinaryInputError       NG103 not text
    │   ├── OversizeInputError     NG104 over the size limit
    │   ├── DecodeInputError       NG105 bytes that decode to no known text encoding
    │   ├── CorruptInputError      NG106 broken container (truncated gzip, bad WARC)
    │   ├── MalformedInputError    NG107 broken HTML/JSON/CSV/feed, or a record without text
    │   ├── UnreadableInputError   NG108 the system refused to read it (permissions, I/O error)
    │   └── ReaderFailedError      NG109 a reader failed on this input (a newsgraph bug: please report it)
    ├── UsageError                 NG201 a command was called with options that cannot work
    │   └── QueryError             NG202 a search query too long or with too many words
    └── StoreError                 NG301 the database cannot be opened or written
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Root of all newsgraph errors."""

    code = "NG000"


class InputError(NewsgraphError):
    """An input could not be turned into documents; `source` names it."""

    code = "NG100"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class MissingInputError(InputError):
    code = "NG101"


class EmptyInputError(InputError):
    code = "NG102"


class BinaryInputError(InputError):
    code = "NG103"


class OversizeInputError(InputError):
    code = "NG104"


class DecodeInputError(InputError):
    code = "NG105"


class CorruptInputError(InputError):
    code = "NG106"


class MalformedInputError(InputError):
    code = "NG107"


class UnreadableInputError(InputError):
    code = "NG108"


class ReaderFailedError(InputError):
    code = "NG109"


class UsageError(NewsgraphError):
    code = "NG201"


class QueryError(UsageError):
    code = "NG202"


class StoreError(NewsgraphError):
    code = "NG301"
