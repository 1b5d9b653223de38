"""Exports with one article per record: JSON Lines, JSON arrays/objects, and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from newsgraph.errors import InputError, MalformedInputError
from newsgraph.ingest.dates import parse_date
from newsgraph.ingest.files import DEFAULT_MAX_BYTES
from newsgraph.model import RawDocument

# The field names exports commonly use, in order of preference.
FIELDS = {
    "text": ("text", "content", "body", "maintext", "article", "full_text", "fulltext", "article_text"),
    "title": ("title", "headline", "heading"),
    "published": ("published", "date", "publish_date", "date_publish", "published_at", "pubdate", "datetime"),
    "url": ("url", "link", "canonical_url", "uri"),
    "outlet": ("outlet", "source", "site_name", "sitename", "publisher", "source_name", "domain"),
    "byline": ("byline", "author", "authors"),
}
_DELIMITERS = (",", ";", "\t", "|")
_JSON_CONTAINER_KEYS = ("articles", "items", "records", "data", "documents", "results")
_TOO_DEEP = "JSON nested too deeply to be an article record"


def read_jsonl(source: str, text: str) -> Iterator[RawDocument | InputError]:
    """One article per non-blank line; a broken line is reported and the rest still read."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _parse_json_record(f"{source}: line {number}", line)


def read_json(source: str, text: str) -> Iterator[RawDocument | InputError]:
    """A JSON article, a list of articles, or an object holding such a list."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(source, f"broken JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise MalformedInputError(source, _TOO_DEEP) from None
    records = _json_records(data)
    if records is None:
        raise MalformedInputError(source, "JSON holds no article records")
    for number, record in enumerate(records, start=1):
        yield _record_or_error(f"{source}: record {number}", record)


def read_csv(source: str, text: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """One article per row of a CSV file with a header row; a row whose fields do not line up is reported."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=header.count)  # the header row names the columns: its separator is the file's
    # A field may be as long as the input may be (the default cap of 131,072 characters ends the file there).
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        names = next(reader, [])
        if not names or not _find(dict.fromkeys(names, "x"), "text"):
            raise MalformedInputError(source, f"no text column among {names}")
        for number, row in enumerate((row for row in reader if row), start=1):
            yield _csv_record(f"{source}: row {number} (line {reader.line_num})", names, row)
    except csv.Error as exc:
        raise MalformedInputError(source, f"broken CSV at line {reader.line_num} ({exc})") from None


def _csv_record(where: str, names: list[str], row: list[str]) -> RawDocument | InputError:
    """The article of one CSV row, or why it is none: a row with more or fewer fields than the header is out of step."""
    if len(row) != len(names):
        return MalformedInputError(where, f"{len(row)} fields where the header has {len(names)}: "
                                          "its quoting is broken, so its columns cannot be trusted")
    return _record_or_error(where, dict(zip(names, row)))


def _parse_json_record(where: str, line: str) -> RawDocument | InputError:
    try:
        return _record_or_error(where, json.loads(line))
    except json.JSONDecodeError as exc:
        return MalformedInputError(where, f"broken JSON ({exc.msg}, column {exc.colno})")
    except RecursionError:
        return MalformedInputError(where, _TOO_DEEP)


def _json_records(data: Any) -> list[Any] | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in _JSON_CONTAINER_KEYS:
            if isinstance(data.get(key), list):
                return data[key]
        return [data]
    return None


def _record_or_error(where: str, record: Any) -> RawDocument | InputError:
    """A RawDocument from a mapping with any of the usual field names, or the reason it has none."""
    if not isinstance(record, dict):
        return MalformedInputError(where, f"expected an object, found {type(record).__name__}")
    found = _raw(record, "text")
    if found is not None and not isinstance(found, str):
        return MalformedInputError(where, f"article text is a {_json_type(found)}, not a string")
    text = _find(record, "text")
    if not text:
        return MalformedInputError(where, f"no article text (looked for {', '.join(FIELDS['text'])})")
    published = parse_date(_find(record, "published"))
    return RawDocument(
        source=where,
        text=text,
        title=_find(record, "title"),
        url=_find(record, "url"),
        outlet=_find(record, "outlet"),
        byline=_find(record, "byline"),
        published=published,
        date_source="record" if published else None,
    )


def _raw(record: dict[str, Any], field: str) -> Any:
    """The first value present among the field's usual names, as the record holds it."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    return next((lowered[name] for name in FIELDS[field] if lowered.get(name) not in (None, "")), None)


def _json_type(value: Any) -> str:
    names = {bool: "boolean", int: "number", float: "number", list: "list", dict: "object"}
    return names.get(type(value), type(value).__name__)


def _find(record: dict[str, Any], field: str) -> str | None:
    """The first non-empty value among the field's usual names, matched without regard to case."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for name in FIELDS[field]:
        value = lowered.get(name)
        if isinstance(value, bool):
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if isinstance(value, dict):
            value = value.get("name") or value.get("title")
        if value not in (None, "") and str(value).strip():
            return str(value).strip()
    return None
