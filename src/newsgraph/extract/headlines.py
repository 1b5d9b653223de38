"""Who said what in the headline ("X says Y", "X: 'Y'"): readers see it first, and it often holds the article's key statement."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.headline_colons import headline_colon_statement, known_names
from newsgraph.extract.mentions import find_mentions
from newsgraph.extract.statements import find_statements
from newsgraph.model import Mention, Statement


def title_statements(title: Doc, body_mentions: list[Mention]) -> list[Statement]:
    """The statements of a parsed headline, marked `in_title` (offsets into the title, no sentence).

    They are found as in the body, except that a "Speaker: what was said" reading (headline_colons.py,
    which knows the names of the body) replaces what the body's rules make of the same words.
    """
    found = [s.model_copy(update={"in_title": True, "sentence": None}) for s in find_statements(title, find_mentions(title))]
    colon = headline_colon_statement(title, known_names(body_mentions))
    if colon is None:
        return found
    rest = [s for s in found if s.content_end <= colon.content_start or colon.content_end <= s.content_start]
    return sorted([*rest, colon], key=lambda s: s.content_start)
