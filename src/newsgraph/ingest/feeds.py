"""RSS and Atom feeds: each entry that carries article content is one article."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import feedparser

from newsgraph.errors import InputError, MalformedInputError, OversizeInputError
from newsgraph.ingest.files import DEFAULT_MAX_BYTES
from newsgraph.ingest.html import fragment_to_text
from newsgraph.model import RawDocument

# Below this many characters an entry holds a teaser, not the article.
MIN_CONTENT_CHARS = 200


def looks_like_feed(text: str) -> bool:
    """True when text starts like an RSS or Atom document."""
    head = text.lstrip()[:1024].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def read_feed(source: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """Yield one document per entry with content; report entries that only carry a teaser or exceed the limit."""
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None) or "no entries"
        raise MalformedInputError(source, f"not a readable RSS/Atom feed ({reason})")
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{source}: entry {number}"
        content = _entry_content(entry)
        if len(content) > max_bytes:
            yield OversizeInputError(where, f"entry content is over the limit of {max_bytes:,} characters")
            continue
        text = fragment_to_text(content)
        if len(text) < MIN_CONTENT_CHARS:
            yield MalformedInputError(where, "entry has no article content, only a teaser or nothing")
            continue
        yield RawDocument(
            source=where,
            text=text,
            title=entry.get("title"),
            url=entry.get("link"),
            outlet=outlet,
            byline=entry.get("author"),
            published=_entry_date(entry),
            date_source="feed" if _entry_date(entry) else None,
            is_clean=False,
        )


def _entry_content(entry: feedparser.FeedParserDict) -> str:
    contents = [c.get("value", "") for c in entry.get("content", [])]
    return max(contents + [entry.get("summary", "")], key=len)


def _entry_date(entry: feedparser.FeedParserDict) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
