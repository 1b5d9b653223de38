"""Reported numbers: value, what they count, period and source."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Quantity, Statement


def find_quantities(doc: Doc, statements: list[Statement]) -> list[Quantity]:
    """Quantities of the article (filled by the statements issue)."""
    return []
