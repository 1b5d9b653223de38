"""PLOVER events: who did what to whom, when and where."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from newsgraph.model import Event, Mention, Statement, Timex


def find_events(
    doc: Doc, mentions: list[Mention], statements: list[Statement], timexes: list[Timex], published: date | None
) -> list[Event]:
    """Events of the article (filled by the events issue)."""
    return []
