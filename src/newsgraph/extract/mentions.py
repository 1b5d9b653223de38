"""Mentions of actors and places in one article."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Mention

ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}


def find_mentions(doc: Doc) -> list[Mention]:
    """The named-entity spans of actor and place types, as Mentions."""
    return [
        Mention(start=ent.start_char, end=ent.end_char, text=ent.text, type=ent.label_, name=ent.text)
        for ent in doc.ents
        if ent.label_ in ACTOR_TYPES
    ]
