"""Nouns to table rows and back: the one place that knows how a Document lies in the tables."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from newsgraph.model import Document, Entity, Event, Mention, Quantity, Statement, Timex
from newsgraph.store import schema
from newsgraph.store.columns import is_list
from newsgraph.store.spans import sentence_span

ITEM_MODELS = {"entities": Mention, "quotes": Statement, "quantities": Quantity, "timexes": Timex, "events": Event}
DOCUMENT_SKIP = {"story", *ITEM_MODELS}
# Columns the store adds to an item's fields: its key, and the sentence around an event.
DERIVED = {"document_id", "position", "sentence_start", "sentence_end"}


def _encode(model: type[BaseModel], values: dict[str, Any]) -> dict[str, Any]:
    """Field values as column values: lists become JSON text."""
    return {k: json.dumps(v, ensure_ascii=False) if is_list(model, k) else v for k, v in values.items()}


def _decode(model: type[BaseModel], row: Mapping[str, Any]) -> dict[str, Any]:
    """Column values as field values of `model` (JSON text back to lists; other columns dropped)."""
    fields = model.model_fields
    return {k: json.loads(v or "[]") if is_list(model, k) else v for k, v in row.items() if k in fields}


def document_row(document: Document) -> dict[str, Any]:
    """The documents-table row of a document."""
    return _encode(Document, {k: v for k, v in document if k not in DOCUMENT_SKIP})


def entity_rows(documents: Sequence[Document]) -> list[dict[str, Any]]:
    """One entities-table row per entity id named by the mentions of `documents` (first name wins)."""
    rows: dict[str, dict[str, Any]] = {}
    for document in documents:
        for mention in document.entities:
            if mention.entity_id and mention.entity_id not in rows:
                entity = Entity(id=mention.entity_id, name=mention.name or mention.text, type=mention.type)
                rows[mention.entity_id] = _encode(Entity, dict(entity))
    return list(rows.values())


def item_rows(document: Document, key: str) -> list[dict[str, Any]]:
    """The rows of one item list of a document (`entities`, `quotes`, ...), numbered by position."""
    rows = []
    for position, item in enumerate(getattr(document, key)):
        row = _encode(ITEM_MODELS[key], dict(item)) | {"document_id": document.id, "position": position}
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


def fts_rows(documents: Sequence[Document]) -> dict[Any, list[dict[str, Any]]]:
    """Rows for the full-text indexes of articles and statements."""
    return {
        schema.documents_fts: [{"document_id": d.id, "title": d.title or "", "text": d.text} for d in documents],
        schema.statements_fts: [{"document_id": d.id, "position": p, "speaker": s.speaker_text or s.speaker or "",
                                 "content": s.content} for d in documents for p, s in enumerate(d.quotes)],
    }


def to_document(row: Mapping[str, Any], items: Mapping[str, list[Mapping[str, Any]]], story: str | None) -> Document:
    """A Document from its row, its item rows by list name, and its story id."""
    lists = {key: [to_item(key, item) for item in items.get(key, [])] for key in ITEM_MODELS}
    return Document(**_decode(Document, row), story=story, **lists)


def to_item(key: str, row: Mapping[str, Any]) -> Any:
    """The noun of one item row (without the columns the store derived)."""
    return ITEM_MODELS[key](**_decode(ITEM_MODELS[key], row))
