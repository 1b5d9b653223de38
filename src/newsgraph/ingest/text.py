"""Plain-text articles, as crawlers dump them: an optional ` date YYYY-MM-DD` line and headline."""

from __future__ import annotations

import re

from newsgraph.ingest.dates import parse_date
from newsgraph.model import RawDocument

# Crawl header lines before the text: " date 2017-01-07", and also " url ...", " outlet ..." / " source ...".
_CRAWL_LINE = re.compile(r"[ \t]*(date|url|outlet|source)[:\s][ \t]*(\S[^\n]*?)[ \t]*(?:\n|$)", re.IGNORECASE)
_CRAWL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TOKEN_KEYS = ("date", "url")  # keys whose value is one token; text after it on the line is the article's
_MAX_OUTLET_WORDS = 6
# A headline is one short line, set apart by a blank line, that does not end like a sentence.
_MAX_HEADLINE_CHARS = 200
_MAX_HEADLINE_WORDS = 30
# A first line ending in a dash or underscore is a dateline that leads into the text ("HAVANA (AP) --",
# "WASHINGTON, August 8 (Xinhua) --"): it is the article's first words, not its title. Every first line the
# TimeBank/AQUAINT train documents would lose to the title was one of these (61 of 63) or a sentence ending '."'.
_DATELINE_ENDS = ("-", "_", "–", "—")


def read_text(source: str, text: str) -> RawDocument:
    """One article from plain text, with the crawl date line and headline taken out of the body."""
    header, text = crawl_header(text.replace("\r\n", "\n").replace("\r", "\n"))
    published = parse_date(header["date"]) if "date" in header else None
    title, text = split_headline(text)
    return RawDocument(
        source=source, text=text, title=title, published=published, date_source="crawl-line" if published else None,
        url=header.get("url"), outlet=header.get("outlet") or header.get("source"),
    )


def crawl_header(text: str) -> tuple[dict[str, str], str]:
    """The crawler's leading `key value` lines (date, url, outlet/source) and the text after them.

    A date or URL line may carry the article's first paragraph after its value
    (` date 2017-01-07 The minister said…`): that text stays in the body, and ends the header.
    """
    header: dict[str, str] = {}
    while match := _CRAWL_LINE.match(text):
        key, value, lead = match[1].lower(), match[2], ""
        if key in _TOKEN_KEYS:
            value, _, lead = value.partition(" ")
        if not _is_header_value(key, value, header):
            break
        header[key] = value
        text = text[match.end():]
        if lead.strip():
            return header, lead.strip() + "\n" + text
    return header, text


def _is_header_value(key: str, value: str, header: dict[str, str]) -> bool:
    """A header line carries a bare value: a date, a URL, or a short name, each given once."""
    if key in header:
        return False
    if key == "date":
        return bool(_CRAWL_DATE.match(value))
    if key == "url":
        return value.startswith(("http://", "https://")) and " " not in value
    return len(value.split()) <= _MAX_OUTLET_WORDS and not value.endswith((".", ",", ";", ":"))


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
        and not line.endswith((".", ",", ";", ":", '."', ".”"))
        and not line.endswith(_DATELINE_ENDS)
        and not line.lower().startswith(("by ", "photo", "share", "follow"))
    )
