"""Time expressions normalized against the publication date."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from newsgraph.model import Timex


def find_timexes(doc: Doc, published: date | None) -> list[Timex]:
    """Time expressions of the article (filled by the events issue)."""
    return []
