"""A story's own days: which events the timeline draws, and which it lists apart as background.

An event belongs to the story's own days when it is dated to a day (not only a month or a year),
is not marked background by the extractor, and falls in the story's window: from OWN_DAYS_BEFORE
days before its first article to its last article's day. Everything else ("since 1984", "last
July", "in 2016") is listed apart, so a two-day story is drawn over its two days.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# Days before the first article that still count as the story's own: an article reports what
# happened the day or night before, sometimes a few days before (the demo corpus: New Year's
# Eve, reported from January 1 on). A display window, not a tuned threshold.
OWN_DAYS_BEFORE = 7
# Events whose type the event model reads with less probability than this are folded away by
# default (a control shows them). Tuned on the events held-out fifth (training/heldout.py,
# `benchmarks/real_heldout.py events`): the 32 of 190 events below 0.2 have the right type 44% of
# the time, the 158 at or above it 89%. The folded list keeps every event.
CONFIDENT = 0.2
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def event_day(value: str | None, published: date | None) -> tuple[date | None, str]:
    """The calendar day an event's normalized date names and its precision (day, month, year).

    A date that names no day of its own (none, a season, "PRESENT_REF") falls back to the
    article's day, at day precision, as the extractor dated it.
    """
    match = _DATE.match(value or "")
    if not match or match.group(1) == "0000":
        return published, "day"
    year, month, day = match.groups()
    try:
        found = date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return published, "day"
    return found, "day" if day else "month" if month else "year"


def story_window(first: date | None, last: date | None) -> tuple[date, date] | None:
    """The days counted as the story's own, from its articles' first and last days."""
    if first is None or last is None:
        return None
    return first - timedelta(days=OWN_DAYS_BEFORE), last


def is_own_day(day: date | None, precision: str, background: bool, window: tuple[date, date] | None) -> bool:
    """Whether an event is drawn on the story's timeline rather than listed as background."""
    if day is None or precision != "day" or background:
        return False
    return window is None or window[0] <= day <= window[1]


def is_confident(confidence: float | None) -> bool:
    """Whether an event is shown by default (events without a score, written by hand or by older runs, are)."""
    return confidence is None or confidence >= CONFIDENT
