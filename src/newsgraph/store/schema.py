"""The store's tables, one per noun of design.md, in SQLAlchemy Core (no SQL built from strings).

Every item row carries its document (foreign key) and its span: `start`/`end`, character
offsets into `documents.text`, end exclusive, checked to run forward. Items are numbered by
`position`, their index in the document's list of the extract contract, so `(document_id,
position)` names an item. The columns are the nouns' fields (see columns.py).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlalchemy import (
    Column, Date, Float, ForeignKey, ForeignKeyConstraint, Index, Integer, MetaData, String, Table, Text, select,
)
from sqlalchemy.sql.ddl import DDL, CreateView

from newsgraph.model import Document, Entity, Event, Mention, Quantity, Statement, Timex
from newsgraph.store.columns import model_columns, span_checks

metadata = MetaData()
ITEM_LISTS = ("entities", "quotes", "quantities", "timexes", "events")  # Document's lists of items


def _document_key() -> list[Column]:
    """The columns that name an item: its document and its position in that document's list."""
    return [
        Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        Column("position", Integer, primary_key=True),
    ]


def _item_table(name: str, model: type[BaseModel], *extra: Any) -> Table:
    """The table of one item list: document, position, one column per field of the noun, span checks."""
    return Table(name, metadata, *_document_key(), *model_columns(model), *span_checks(model), *extra)


def _statement_of(field: str) -> ForeignKeyConstraint:
    """An item's reference (by position) to the statement of its document that reports it."""
    return ForeignKeyConstraint(["document_id", field], ["statements.document_id", "statements.position"])


documents = Table(
    "documents", metadata,
    Column("id", String, primary_key=True),
    *model_columns(Document, skip=frozenset({"id", "duplicate_of", "story", *ITEM_LISTS})),
    Column("duplicate_of", String, ForeignKey("documents.id")),
    Index("documents_by_outlet", "outlet"),
    Index("documents_by_date", "published"),
)

entities = Table(
    "entities", metadata,
    Column("id", String, primary_key=True),
    *model_columns(Entity, skip=frozenset({"id"})),
    Index("entities_by_name", "name"),
)

mentions = _item_table("mentions", Mention, Index("mentions_by_entity", "entity_id"),
                       ForeignKeyConstraint(["entity_id"], ["entities.id"]))
statements = _item_table("statements", Statement, Index("statements_by_speaker", "speaker"))
quantities = _item_table("quantities", Quantity, _statement_of("statement"))
timexes = _item_table("timexes", Timex)
events = _item_table(
    "events", Event,
    Column("sentence_start", Integer, nullable=False),  # the sentence around the trigger, for highlighting
    Column("sentence_end", Integer, nullable=False),
    _statement_of("statement"),
    Index("events_by_type", "type"), Index("events_by_actor", "actor"), Index("events_by_target", "target"),
)

stories = Table(
    "stories", metadata,
    Column("id", String, primary_key=True),
    Column("headline", Text),
    Column("first_date", Date),
    Column("last_date", Date),
)

story_documents = Table(
    "story_documents", metadata,
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Index("story_documents_by_document", "document_id"),
)

claims = Table(
    "claims", metadata,
    Column("id", String, primary_key=True),
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), index=True),
    Column("agreement", String, nullable=False),
)

claim_statements = Table(
    "claim_statements", metadata,
    Column("claim_id", String, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", String, primary_key=True),
    Column("position", Integer, primary_key=True),
    ForeignKeyConstraint(["document_id", "position"], ["statements.document_id", "statements.position"], ondelete="CASCADE"),
)

blame = Table(
    "blame", metadata,
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("outlet", Text, primary_key=True),
    Column("blamed", Text, primary_key=True),  # entity id or name of who is blamed
    Column("count", Integer, nullable=False),
)

ITEM_TABLES = {"entities": mentions, "quotes": statements, "quantities": quantities, "timexes": timexes, "events": events}

# Full-text search (FTS5): a virtual table has no Core construct, so its DDL is a constant.
FTS_DDL = (
    DDL("CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
        "document_id UNINDEXED, title, text, tokenize='porter unicode61')"),
    DDL("CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5("
        "document_id UNINDEXED, position UNINDEXED, speaker, content, tokenize='porter unicode61')"),
)
fts = MetaData()  # described for queries only; created by FTS_DDL, never by create_all
documents_fts = Table("documents_fts", fts, Column("rowid", Integer), Column("document_id", String),
                      Column("title", Text), Column("text", Text), Column("documents_fts", Text), Column("rank", Float))
statements_fts = Table("statements_fts", fts, Column("rowid", Integer), Column("document_id", String),
                       Column("position", Integer), Column("speaker", Text), Column("content", Text),
                       Column("statements_fts", Text), Column("rank", Float))


def _document_columns() -> list:
    return [documents.c.outlet, documents.c.title, documents.c.published]


# Views for the common joins, so the database reads well in Datasette as it is.
VIEWS = [
    CreateView(select(mentions, entities.c.name.label("entity_name"), *_document_columns())
               .join_from(mentions, documents).outerjoin(entities, mentions.c.entity_id == entities.c.id),
               "mentions_view", metadata=metadata),
    CreateView(select(statements, entities.c.name.label("speaker_name"), *_document_columns())
               .join_from(statements, documents).outerjoin(entities, statements.c.speaker_id == entities.c.id),
               "statements_view", metadata=metadata),
    CreateView(select(quantities, statements.c.speaker, *_document_columns()).join_from(quantities, documents)
               .outerjoin(statements, (statements.c.document_id == quantities.c.document_id)
                          & (statements.c.position == quantities.c.statement)),
               "quantities_view", metadata=metadata),
    CreateView(select(events, story_documents.c.story_id, *_document_columns()).join_from(events, documents)
               .outerjoin(story_documents, story_documents.c.document_id == events.c.document_id),
               "events_view", metadata=metadata),
    CreateView(select(stories.c.id.label("story_id"), stories.c.headline, documents.c.id.label("document_id"),
                      *_document_columns()).join_from(stories, story_documents).join(documents),
               "story_articles", metadata=metadata),
]
