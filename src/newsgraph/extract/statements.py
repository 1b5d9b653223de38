"""Who said what: direct, indirect, mixed, anonymous and unattributed statements."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Mention, Statement


def find_statements(doc: Doc, mentions: list[Mention]) -> list[Statement]:
    """Statements of the article (filled by the statements issue)."""
    return []
