"""The days an article is about: its publication date and the explicit dates of the events of its lead."""

from __future__ import annotations

import math
import re
from datetime import date

from newsgraph.model import Document

DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Articles whose days lie this close are taken as contemporary: a report the day after, or
# published before midnight about the evening before (benchmarks/stories dev split).
GRACE_DAYS = 3
# Beyond the grace, similarity decays with this scale in days: two bombings in one city a month
# apart keep 20% of their word similarity, a follow-up a week later 77% (benchmarks/stories dev split:
# two rate decisions four weeks apart share most words; 30 days let them merge).
DECAY_DAYS = 15.0


def document_days(document: Document) -> tuple[int, ...]:
    """Ordinal days of the publication date and of the lead's events dated from their own sentence.

    Only the lead (first paragraph) says what the article reports; later dates are often background
    ("six weeks after the nightclub attack on New Year's Eve") that would tie look-alikes together.
    """
    lead_end = document.text.find("\n\n") % (len(document.text) + 1)
    days = {document.published.toordinal()} if document.published else set()
    for event in document.events:
        if event.date_source == "sentence" and event.date and event.start < lead_end:
            days.update(_day(event.date))
    return tuple(sorted(days))


def _day(value: str) -> list[int]:
    match = DAY.match(value)
    if not match:
        return []
    try:
        return [date(*map(int, match.groups())).toordinal()]
    except ValueError:
        return []


def closeness(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """1 for articles about the same days, decaying with the smallest gap between their days."""
    if not first or not second:
        return 1.0
    gap = min(abs(a - b) for a in first for b in second)
    return 1.0 if gap <= GRACE_DAYS else math.exp(-(gap - GRACE_DAYS) / DECAY_DAYS)


def contemporary(first: tuple[int, ...], second: tuple[int, ...]) -> bool:
    """True when both articles have known days within the grace of each other (the same news cycle)."""
    return bool(first) and bool(second) and min(abs(a - b) for a in first for b in second) <= GRACE_DAYS
