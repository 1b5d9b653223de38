"""Cleaning: site furniture out of the body, bylines and credits apart, paragraphs kept."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from newsgraph.ingest.html import comparable, fragment_to_text
from newsgraph.ingest.language import detect_language
from newsgraph.ingest.wrapping import unwrap
from newsgraph.model import Document, RawDocument

# Longest line a furniture rule may remove: a longer line is article text whatever it starts with.
MAX_FURNITURE_CHARS = 400
# A "Related articles" list item: a short headline-like line.
_MAX_LIST_ITEM_WORDS = 25
# A pull quote: a short paragraph (at least a few words, so "He said no." is safe) repeated in the
# text; articles with more paragraphs than the scan limit are left alone (the check is quadratic).
_MAX_PULL_QUOTE_CHARS = 250
_MIN_PULL_QUOTE_WORDS = 6
_MAX_PULL_QUOTE_SCAN = 300
_TAG = re.compile(r"</?(p|div|br|span|a|li|ul|h[1-6]|strong|em|b|i|figure|img)\b[^>]*>", re.IGNORECASE)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class Rule:
    """One furniture pattern and what kind of furniture it matches."""

    kind: str
    pattern: re.Pattern[str]


@dataclass
class Cleaned:
    """The body without furniture, and what was taken out of it."""

    text: str
    byline: str | None = None
    credits: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """The furniture rules of data/furniture.tsv, compiled once."""
    lines = resources.files("newsgraph.data").joinpath("furniture.tsv").read_text("utf-8").splitlines()
    rules = []
    for line in lines:
        if line.strip() and not line.startswith("#"):
            kind, pattern = line.split("\t", 1)
            flags = 0 if kind == "byline" else re.IGNORECASE
            rules.append(Rule(kind, re.compile(pattern, flags)))
    return tuple(rules)


def normalize(text: str) -> str:
    """NFC, one kind of newline and space, no invisible characters, at most one blank line."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    if _TAG.search(text):
        text = fragment_to_text(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def furniture_kind(line: str) -> str | None:
    """The kind of furniture a whole line is, or None for article text."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_FURNITURE_CHARS:
        return None
    return next((rule.kind for rule in load_rules() if rule.pattern.fullmatch(stripped)), None)


def strip_furniture(text: str) -> Cleaned:
    """Remove furniture lines; keep bylines and credits apart; keep paragraph breaks, join hard-wrapped lines."""
    cleaned = Cleaned(text="")
    kept: list[str] = []
    in_list = False
    for line in normalize(text).split("\n"):
        kind = furniture_kind(line)
        if kind is None and in_list and line and _is_list_item(line):
            kind = "related"
        in_list = kind == "related" or (in_list and not line)
        if kind is None:
            kept.append(line)
            continue
        cleaned.removed.append((kind, line))
        if kind == "byline" and cleaned.byline is None:
            cleaned.byline = re.sub(r"^[Bb]y\s+", "", line).strip()
        elif kind == "credit":
            cleaned.credits.append(line)
    cleaned.text = _without_pull_quotes(unwrap(re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()), cleaned)
    return cleaned


def _without_pull_quotes(text: str, cleaned: Cleaned) -> str:
    """Drop a short paragraph whose words the article repeats elsewhere: a pull quote set apart in the page."""
    paragraphs = text.split("\n\n")
    if len(paragraphs) > _MAX_PULL_QUOTE_SCAN:
        return text
    whole = comparable(text)
    kept = []
    for paragraph in paragraphs:
        words = comparable(paragraph)
        if len(paragraph) <= _MAX_PULL_QUOTE_CHARS and len(words.split()) >= _MIN_PULL_QUOTE_WORDS and whole.count(words) >= 2:
            cleaned.removed.append(("pullquote", paragraph))
            continue
        kept.append(paragraph)
    return "\n\n".join(kept)


def _is_list_item(line: str) -> bool:
    words = line.split()
    return len(words) <= _MAX_LIST_ITEM_WORDS and not (line.endswith(".") and len(words) > 12)


def make_document(raw: RawDocument, default_published: date | None = None) -> Document:
    """The clean Document of a RawDocument: furniture out, language known, id from its content."""
    cleaned = strip_furniture(raw.text)
    published, date_source = raw.published, raw.date_source
    if published is None and default_published is not None:
        published, date_source = default_published, "option"
    return Document(
        id=document_id(raw.url or raw.source, cleaned.text),
        source=raw.source,
        url=raw.url,
        outlet=raw.outlet or _hostname(raw.url),
        title=normalize(raw.title) if raw.title else None,
        published=published,
        date_source=date_source,
        language=detect_language(cleaned.text),
        text=cleaned.text,
        byline=raw.byline or cleaned.byline,
        credits=cleaned.credits,
    )


def document_id(origin: str, text: str) -> str:
    """Stable id from where the article came from and its clean text: a re-run gives the same id."""
    return hashlib.sha256(f"{origin}\n{text}".encode()).hexdigest()[:16]


def _hostname(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None
