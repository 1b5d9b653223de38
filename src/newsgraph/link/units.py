"""The units claims are made of: each statement, and each sentence reporting events in the outlet's own voice."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from newsgraph.link.sentences import sentence_span
from newsgraph.link.words import stem
from newsgraph.model import Document, Quantity

NEGATION = re.compile(r"\b(?:not|no|never|nothing|none|deny|denies|denied|denying)\b|n't\b", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+")
# Characters around a number searched for the word saying what it counts ("killing 23", "the number of
# people killed in the bombing has risen to 27"; benchmarks/stories dev split).
COUNT_WINDOW = 80
# How much farther a counting word after the number is taken to be than one before it.
AFTER_PENALTY = 2
# A comment the reporter hangs on a statement with a comma (", which killed 17 people", ", leaving 40
# wounded"): the statement's content stops before it (as PolNeAR marks contents), but the numbers it
# reports belong to the claim the sentence makes.
TAIL = re.compile(r",\s+(?:which|who|whose|where|when|[a-z]+ing)\b")


@dataclass
class Unit:
    """One document's assertion: a statement or an outlet-voice event sentence, with its numbers."""

    document: Document
    kind: str  # "statement" or "event"
    index: int  # in the document's quotes or events
    start: int
    end: int
    text: str
    negated: bool
    counts: dict[str, list[Quantity]] = field(default_factory=dict)  # kind of count -> numbers

    @property
    def outlet(self) -> str:
        """The outlet, or the document id when the outlet is unknown (each its own voice)."""
        return self.document.outlet or self.document.id


@lru_cache(maxsize=1)
def count_words() -> tuple[tuple[str, str], ...]:
    """(word stem, kind of count) pairs of data/link_counts.tsv."""
    text = resources.files("newsgraph.data").joinpath("link_counts.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple((row[0].strip(), row[1].strip()) for row in rows)


def document_units(document: Document) -> list[Unit]:
    """The statements of the article's text (a claim's evidence is a span of it), then its outlet-voice event sentences
    not inside a statement."""
    units = [_statement_unit(document, i) for i, q in enumerate(document.quotes) if not q.in_title]
    spans = [(u.start, u.end) for u in units]
    for index, event in enumerate(document.events):
        if event.statement is not None or any(s <= event.start < e for s, e in spans):
            continue
        start, end = sentence_span(document.text, event.start, event.end)
        spans.append((start, end))
        units.append(_unit(document, "event", index, start, end, event.negated))
    return units


def _statement_unit(document: Document, index: int) -> Unit:
    quote = document.quotes[index]
    negated = any(e.negated for e in document.events if e.statement == index)
    end = quote.content_end
    if TAIL.match(document.text, end):
        end = sentence_span(document.text, quote.content_start, end)[1]
    return _unit(document, "statement", index, quote.content_start, end, negated)


def _unit(document: Document, kind: str, index: int, start: int, end: int, negated: bool) -> Unit:
    text = document.text[start:end]
    counts: dict[str, list[Quantity]] = {}
    for quantity in document.quantities:
        if start <= quantity.start < end:
            counts.setdefault(count_kind(document.text, quantity, start, end), []).append(quantity)
    return Unit(document, kind, index, start, end, text, negated or bool(NEGATION.search(text)), counts)


def count_kind(text: str, quantity: Quantity, start: int, end: int) -> str:
    """What a number counts: the nearest counting word of data/link_counts.tsv, else its noun.

    A word after the number counts at double distance: the counting word usually comes first
    ("killed 23", "rate to 19%", "toll rose to 27"), and one after it often belongs to the next clause.
    """
    best, distance = None, float(COUNT_WINDOW + 1)
    low, high = max(start, quantity.start - COUNT_WINDOW), min(end, quantity.end + COUNT_WINDOW)
    for match in WORD.finditer(text.lower(), low, high):
        kind = next((k for prefix, k in count_words() if match.group().startswith(prefix)), None)
        before = match.end() <= quantity.start
        gap = quantity.start - match.end() if before else AFTER_PENALTY * (match.start() - quantity.end)
        if kind and 0 <= gap < distance:
            best, distance = kind, gap
    return best or stem(quantity.what or quantity.unit or "number")
