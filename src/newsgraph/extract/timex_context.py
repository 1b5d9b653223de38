"""What a relative time expression is resolved against, shared by the value modules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
Value = tuple[str, str | None, str | None]  # (TIMEX3 type, value, mod)
Direction = str  # which side of the anchor an underspecified date falls on: past, future, nearest or before (past for sure)


@dataclass(frozen=True)
class Context:
    """What a relative expression is resolved against."""

    anchor: date | None
    direction: Direction = "past"
    reference: str | None = None  # value of the last date mentioned before (for "the next day", "a year earlier")
    sentence_day: str | None = None  # day-precision date of the same sentence (for clock times)
    quarter: str | None = None  # the last quarter mentioned before ("the quarter" of a results report)
    months_period: bool = False  # a period of months named before in the sentence ("For the nine months, ...")
    latest: bool = False  # the last date named was "the latest quarter" / "the latest period" of a results report
    compared: bool = False  # the expression is the other side of a comparison ("up from $3 million last year")


def offset(word: str) -> int:
    """-1, 0 or +1 for last/this/next and their synonyms ("the latest fiscal year": the last one ended)."""
    word = word.lower()
    return -1 if word in ("last", "past", "previous", "latest", "prior") else 1 if word in ("next", "coming") else 0


def month_number(name: str) -> int:
    """1-12 from a month name or abbreviation."""
    return MONTHS.index(name[:3].lower()) + 1


def day_number(text: str) -> int:
    """The day of the month from "12" or "12th"."""
    return int(text.rstrip("stndrh"))
