"""Canonical actors across the documents of a run: one entity_id per real-world actor."""

from __future__ import annotations

import hashlib

from newsgraph.model import Document, Entity


class EntityResolver:
    """Assigns run-wide entity ids to the mentions of each document as documents arrive."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}

    def resolve(self, document: Document) -> Document:
        """The document with every mention carrying its run-wide entity id and canonical name."""
        mentions = [m.model_copy(update={"entity_id": self._entity_for(m.name or m.text, m.type)}) for m in document.entities]
        return document.model_copy(update={"entities": mentions})

    def _entity_for(self, name: str, type_: str) -> str:
        entity_id = "e" + hashlib.sha1(f"{type_}\n{name.lower()}".encode()).hexdigest()[:10]
        self.entities.setdefault(entity_id, Entity(id=entity_id, name=name, type=type_))
        return entity_id
