"""Nouns to table rows and back: the one place that knows how a Document lies in the tables."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from newsgraph.model import Document, Entity, Event, Mention, Quantity, Statement, Timex
from newsgraph.store import schema
from newsgraph.store.columns import is_json
from newsgraph.link.sentences import sentence_span

ITEM_MODELS = {"entities": Mention, "quotes": Statement, "quantities": Quantity, "timexes": Timex, "events": Event}
DOCUMENT_SKIP = {"story", *ITEM_MODELS}
# Columns the store adds to an item's fields: its key, and the sentence around an event.
DERIVED = {"document_id", "position", "sentence_start", "sentence_end"}


def encode(model: type[BaseModel], values: dict[str, Any]) -> dict[str, Any]:
    """Field values as column values: lists and dicts become JSON text."""
    return {k: json.dumps(v, ensure_ascii=False) if is_json(model, k) else v for k, v in values.items()}


def decode(model: type[BaseModel], row: Mapping[str, Any]) -> dict[str, Any]:
    """Column values as field values of `model` (JSON text back to lists and dicts; other columns dropped)."""
    fields = model.model_fields
    return {k: _json_value(model, k, v) if is_json(model, k) else v for k, v in row.items() if k in fields}


def _json_value(model: type[BaseModel], name: str, text: str | None) -> Any:
    """A JSON column's value, or the field's default where the column is NULL."""
    return json.loads(text) if text is not None else model.model_fields[name].get_default(call_default_factory=True)


def document_row(document: Document) -> dict[str, Any]:
    """The documents-table row of a document."""
    return encode(Document, {k: v for k, v in document if k not in DOCUMENT_SKIP})


def entity_rows(documents: Sequence[Document], known: Mapping[str, Entity]) -> list[dict[str, Any]]:
    """One entities-table row per entity id that the mentions, speakers, actors and targets of `documents`
    name: the canonical entity from `known`, else as the item first naming it gives it."""
    rows: dict[str, dict[str, Any]] = {}
    for entity_id, name, type_, country in (ref for d in documents for ref in _entity_references(d)):
        if entity_id not in rows:
            entity = known.get(entity_id) or Entity(id=entity_id, name=name, type=type_, country=country)
            rows[entity_id] = entity_row(entity)
    return list(rows.values())


def _entity_references(document: Document) -> Iterator[tuple[str, str, str, str | None]]:
    """(id, name, type, country) of every entity a document's items refer to, mentions first."""
    for m in document.entities:
        if m.entity_id:
            yield m.entity_id, m.name or m.text, m.type, m.country
    for q in document.quotes:
        if q.speaker_id:
            yield q.speaker_id, q.speaker or q.speaker_text or q.speaker_id, "PERSON", None
    for e in document.events:
        for entity_id, name in ((e.actor_id, e.actor), (e.target_id, e.target)):
            if entity_id:
                yield entity_id, name or entity_id, "ORG", None


def entity_row(entity: Entity) -> dict[str, Any]:
    """The entities-table row of a canonical actor or place, with its aliases and coordinates."""
    return encode(Entity, dict(entity))


def to_entity(row: Mapping[str, Any]) -> Entity:
    """A canonical actor or place from its row."""
    return Entity(**decode(Entity, row))


def item_rows(document: Document, key: str) -> list[dict[str, Any]]:
    """The rows of one item list of a document (`entities`, `quotes`, ...), numbered by position."""
    rows = []
    for position, item in enumerate(getattr(document, key)):
        row = encode(ITEM_MODELS[key], dict(item)) | {"document_id": document.id, "position": position}
        rows.append(row | _derived(document, key, item))
    return rows


def _derived(document: Document, key: str, item: Any) -> dict[str, Any]:
    """An event's sentence; a statement reference that points at no statement dropped (it has no evidence)."""
    found: dict[str, Any] = {}
    if key == "events":
        found["sentence_start"], found["sentence_end"] = sentence_span(document.text, item.start, item.end)
    if key in ("events", "quantities") and item.statement is not None and not 0 <= item.statement < len(document.quotes):
        found["statement"] = None
    return found


def fts_rows(documents: Sequence[Document], rowids: Mapping[tuple[str, int | None], int]) -> dict[Any, list[dict[str, Any]]]:
    """Rows for the full-text indexes of articles and statements, each with the rowid of the row it indexes."""
    return {
        schema.documents_fts: [{"rowid": rowids[(d.id, None)], "document_id": d.id, "title": d.title or "", "text": d.text}
                               for d in documents],
        schema.statements_fts: [{"rowid": rowids[(d.id, p)], "document_id": d.id, "position": p,
                                 "speaker": s.speaker_text or s.speaker or "", "content": s.content}
                                for d in documents for p, s in enumerate(d.quotes)],
    }


def to_document(row: Mapping[str, Any], items: Mapping[str, list[Mapping[str, Any]]], story: str | None) -> Document:
    """A Document from its row, its item rows by list name, and its story id."""
    lists = {key: [to_item(key, item) for item in items.get(key, [])] for key in ITEM_MODELS}
    return Document(**decode(Document, row), story=story, **lists)


def to_item(key: str, row: Mapping[str, Any]) -> Any:
    """The noun of one item row (without the columns the store derived)."""
    return ITEM_MODELS[key](**decode(ITEM_MODELS[key], row))
