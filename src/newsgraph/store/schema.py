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
    Column, Float, ForeignKey, ForeignKeyConstraint, Index, Integer, MetaData, String, Table, Text, func, select,
)
from sqlalchemy.sql.ddl import DDL, CreateView

from newsgraph.model import Blame, Claim, ClaimSide, Document, Entity, Event, Framing, Mention, Quantity, Statement, Story, Timex
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


def _entity(field: str) -> ForeignKeyConstraint:
    """An item's reference to the canonical actor it names."""
    return ForeignKeyConstraint([field], ["entities.id"])


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

mentions = _item_table("mentions", Mention, Index("mentions_by_entity", "entity_id"), _entity("entity_id"))
statements = _item_table("statements", Statement, Index("statements_by_speaker", "speaker_id"),
                         _entity("speaker_id"))
quantities = _item_table("quantities", Quantity, _statement_of("statement"))
timexes = _item_table("timexes", Timex)
events = _item_table(
    "events", Event,
    Column("sentence_start", Integer, nullable=False),  # the sentence around the trigger, for highlighting
    Column("sentence_end", Integer, nullable=False),
    _statement_of("statement"), _entity("actor_id"), _entity("target_id"),
    Index("events_by_type", "type"), Index("events_by_actor", "actor_id"), Index("events_by_target", "target_id"),
)


def _link_key() -> Column:
    """The position of a corpus-wide item in its list of the linking (stories, claims, blame, framing keep their order)."""
    return Column("position", Integer, nullable=False)


stories = Table(
    "stories", metadata,
    Column("id", String, primary_key=True),
    _link_key(),
    *model_columns(Story, skip=frozenset({"id", "documents"})),
)

story_documents = Table(
    "story_documents", metadata,
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False),  # the document's place in the story's list
    Index("story_documents_by_document", "document_id"),
)

claims = Table(
    "claims", metadata,
    Column("id", String, primary_key=True),
    _link_key(),
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), index=True),
    *model_columns(Claim, skip=frozenset({"id", "story", "statements", "events", "sides"})),
)


def _claim_item(name: str, item_table: str) -> Table:
    """The statements (or events) of a claim, in the claim's order, each a foreign key to the item."""
    return Table(
        name, metadata,
        Column("claim_id", String, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
        Column("rank", Integer, primary_key=True),
        Column("document_id", String, nullable=False),
        Column("position", Integer, nullable=False),
        ForeignKeyConstraint(["document_id", "position"], [f"{item_table}.document_id", f"{item_table}.position"],
                             ondelete="CASCADE"),
    )


claim_statements = _claim_item("claim_statements", "statements")
claim_events = _claim_item("claim_events", "events")

claim_sides = Table(
    "claim_sides", metadata,
    Column("claim_id", String, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("rank", Integer, primary_key=True),
    *[c for c in model_columns(ClaimSide) if c.name != "document"],
    Column("document", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    *span_checks(ClaimSide),
)

blame = Table(
    "blame", metadata,
    Column("id", Integer, primary_key=True),  # the attribution's place in the linking's list
    *[c for c in model_columns(Blame) if c.name not in ("story", "document")],
    Column("story", String, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("document", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    *span_checks(Blame),
    Index("blame_by_story", "story"),
)

framing = Table(
    "framing", metadata,
    Column("story", String, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("outlet", String, primary_key=True),
    _link_key(),
    *[c for c in model_columns(Framing) if c.name not in ("story", "outlet")],
)

corpus_state = Table(
    "corpus_state", metadata,
    Column("name", String, primary_key=True),  # resolver: the canonical actors; stories: the story index
    Column("state", Text, nullable=False),  # JSON snapshot, restored by the next run
)

LINK_TABLES = (framing, blame, claim_sides, claim_events, claim_statements, claims, story_documents, stories)  # children first

ITEM_TABLES = {"entities": mentions, "quotes": statements, "quantities": quantities, "timexes": timexes, "events": events}

# Full-text search (FTS5): a virtual table has no Core construct, so its DDL is a constant. The tokenizer
# folds case and accents ("Erdogan" finds "Erdoğan"); porter stems English words.
FTS_DDL = (
    DDL("CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
        "document_id UNINDEXED, title, text, tokenize='porter unicode61 remove_diacritics 2')"),
    DDL("CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5("
        "document_id UNINDEXED, position UNINDEXED, speaker, content, tokenize='porter unicode61 remove_diacritics 2')"),
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
    CreateView(select(blame.c.story.label("story_id"), blame.c.outlet, blame.c.blamed,
                      func.min(blame.c.blamed_name).label("blamed_name"), func.count().label("count")).group_by(blame.c.story, blame.c.outlet, blame.c.blamed),
               "blame_by_outlet", metadata=metadata),
]
