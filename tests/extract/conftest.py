"""Shared statement fixtures: find_statements on a parsed text, and the one statement holding a fragment."""

from __future__ import annotations

import pytest

from newsgraph.extract.mentions import find_mentions
from newsgraph.extract.statements import find_statements


@pytest.fixture(scope="module")
def statements(parse):
    def run(text: str):
        doc = parse(text)
        return find_statements(doc, find_mentions(doc))

    return run


def only(found, fragment: str):
    """The one statement whose content contains fragment."""
    hits = [s for s in found if fragment in s.content]
    assert len(hits) == 1, [s.content for s in found]
    return hits[0]
