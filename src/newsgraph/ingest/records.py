"""Exports with one article per record: JSON Lines, JSON arrays/objects, and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from newsgraph.errors import InputError, MalformedInputError
from newsgraph.ingest.dates import parse_date
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
    records = _json_records(data)
    if records is None:
        raise MalformedInputError(source, "JSON holds no article records")
    for number, record in enumerate(records, start=1):
        yield _record_or_error(f"{source}: record {number}", record)


def read_csv(source: str, text: str) -> Iterator[RawDocument | InputError]:
    """One article per row of a CSV file with a header row."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=header.count)  # the header row names the columns: its separator is the file's
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames or not _find(dict.fromkeys(reader.fieldnames, "x"), "text"):
        raise MalformedInputError(source, f"no text column among {reader.fieldnames or []}")
    try:
        for number, row in enumerate(reader, start=1):
            yield _record_or_error(f"{source}: row {number}", row)
    except csv.Error as exc:
        raise MalformedInputError(source, f"broken CSV at line {reader.line_num} ({exc})") from None


def _parse_json_record(where: str, line: str) -> RawDocument | InputError:
    try:
        return _record_or_error(where, json.loads(line))
    except json.JSONDecodeError as exc:
        return MalformedInputError(where, f"broken JSON ({exc.msg}, column {exc.colno})")


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


def _find(record: dict[str, Any], field: str) -> str | None:
    """The first non-empty value among the field's usual names, matched without regard to case."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for name in FIELDS[field]:
        value = lowered.get(name)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if isinstance(value, dict):
            value = value.get("name") or value.get("title")
        if value not in (None, "") and str(value).strip():
            return str(value).strip()
    return None
