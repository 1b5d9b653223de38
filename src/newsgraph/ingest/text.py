"""Plain-text articles, as crawlers dump them: an optional ` date YYYY-MM-DD` line and headline."""

from __future__ import annotations

import re

from newsgraph.ingest.dates import parse_date
from newsgraph.model import RawDocument

_CRAWL_DATE = re.compile(r"^\s*date[:\s]+(\d{4}-\d{2}-\d{2})\S*\s*(?:\n|$)", re.IGNORECASE)
# A headline is one short line, set apart by a blank line, that does not end like a sentence.
_MAX_HEADLINE_CHARS = 200
_MAX_HEADLINE_WORDS = 30


def read_text(source: str, text: str) -> RawDocument:
    """One article from plain text, with the crawl date line and headline taken out of the body."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    published, date_source = None, None
    match = _CRAWL_DATE.match(text)
    if match:
        published = parse_date(match[1])
        date_source = "crawl-line" if published else None
        text = text[match.end():]
    title, text = split_headline(text)
    return RawDocument(source=source, text=text, title=title, published=published, date_source=date_source)


def split_headline(text: str) -> tuple[str | None, str]:
    """Split off a first line that reads as a headline followed by a blank line."""
    stripped = text.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    if not sep or not rest.startswith(("\n", " \n")) or not _is_headline(first.strip()):
        return None, text
    return first.strip(), rest.lstrip("\n ")


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        0 < len(line) <= _MAX_HEADLINE_CHARS
        and 2 <= len(words) <= _MAX_HEADLINE_WORDS
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘")
        and not line.endswith((".", ",", ";", ":"))
        and not line.lower().startswith(("by ", "photo", "share", "follow"))
    )
