"""Per-document extraction: pure functions from a parsed spaCy Doc to the contract's lists."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from newsgraph.extract.events import find_events
from newsgraph.extract.headlines import title_statements
from newsgraph.extract.mentions import find_mentions
from newsgraph.extract.quantities import find_quantities
from newsgraph.extract.statements import find_statements
from newsgraph.extract.timexes import find_timexes
from newsgraph.model import Document

Warn = Callable[[str], None]


def extract_document(doc: Doc, document: Document, warn: Warn, title: Doc | None = None) -> Document:
    """Fill entities, quotes, quantities, timexes and events of a Document from its parse (and its title's).

    The headline's statements come after the body's in `quotes`, so the body's statement indices
    (of quantities and events) are the same with or without a title.

    A step that fails on some text is reported through `warn` and left empty: one odd
    article must not cost the user the rest of its analysis or the rest of the run.
    """
    found: dict[str, list] = {}
    steps = [
        ("entities", lambda: find_mentions(doc)),
        ("quotes", lambda: find_statements(doc, found["entities"])),
        ("quantities", lambda: find_quantities(doc, found["quotes"])),
        ("timexes", lambda: find_timexes(doc, document.published)),
        ("events", lambda: find_events(doc, found["entities"], found["quotes"], found["timexes"], document.published)),
        ("title quotes", lambda: title_statements(title, found["entities"]) if title is not None else []),
    ]
    for name, step in steps:
        try:
            found[name] = step()
        except Exception as exc:  # noqa: BLE001 - reported, never swallowed silently
            warn(f"{document.source}: {name} step failed ({type(exc).__name__}: {exc}); left empty")
            found[name] = []
    found["quotes"] = found["quotes"] + found.pop("title quotes")
    return document.model_copy(update=found)
