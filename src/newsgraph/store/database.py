"""The store: idempotent, incremental writes in one transaction per batch, and reads back to nouns.

One schema, two backends: a SQLite file (`sqlite.py`) or a PostgreSQL database (`postgres.py`), named by --db.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, inspect, select, update
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.batches import chunks
from newsgraph.errors import StoreError
from newsgraph.model import Blame, Claim, Document, Entity, Framing, Story
from newsgraph.store import schema
from newsgraph.store.link_rows import link_rows, to_blame, to_claims, to_framing, to_stories
from newsgraph.store.postgres import PostgresBackend, is_postgres
from newsgraph.store.rows import document_row, entity_row, entity_rows, item_rows, to_document, to_entity
from newsgraph.store.sqlite import SQLiteBackend
from newsgraph.store.upgrade import can_upgrade, upgrade

# Documents per transaction: an interrupted run loses at most this many; large enough that the
# commit cost is amortised (benchmarks/web.py writes 10,000 articles in batches of this size).
BATCH_SIZE = 50
# Documents read per query when streaming the whole store (exports, relinking).
READ_CHUNK = 500
# A raw driver error escapes SQLAlchemy's wrapping when BEGIN IMMEDIATE itself fails.
_DB_ERRORS = (SQLAlchemyError, sqlite3.Error)
Backend = SQLiteBackend | PostgresBackend


def open_backend(db: str | Path) -> Backend:
    """The backend a --db value names: a PostgreSQL URL, else a SQLite file path."""
    return PostgresBackend(str(db)) if is_postgres(str(db)) else SQLiteBackend(db)


@dataclass(frozen=True)
class StoredLinks:
    """The corpus-wide nouns of a store: what `extract --links` writes, read back."""

    stories: list[Story]
    claims: list[Claim]
    blame: list[Blame]
    framing: list[Framing]
    entities: list[Entity]


class Store:
    """A newsgraph database (a SQLite file or a PostgreSQL URL); read-only unless opened with `writable=True`."""

    def __init__(self, db: str | Path, writable: bool = False) -> None:
        self.backend = open_backend(db)
        self.path, self.location, self.name = self.backend.path, self.backend.location, self.backend.name
        if not writable and not self.backend.exists():
            raise StoreError(f"{self.location}: no such database (run `newsgraph analyze` first)")
        self.engine = self.backend.engine(writable)
        self._writer = self.backend.writer(self.engine) if writable else None
        self._create() if writable else self._check()

    def _create(self) -> None:
        """Create the tables, and write the file's mark: a store that cannot be written fails here, before any work."""
        try:
            with self.begin_write() as conn:
                self.backend.check_foreign(conn)
                schema.metadata.create_all(conn)
                self.backend.create_extras(conn)
                missing = _missing_columns(conn)
                if can_upgrade(missing):
                    upgrade(conn, missing)
                    missing = _missing_columns(conn)
        except _DB_ERRORS as exc:
            raise StoreError(f"{self.location}: cannot create or write the newsgraph tables ({_reason(exc)})") from None
        if missing:
            raise StoreError(f"{self.location}: written by an older newsgraph (no column {', '.join(missing)}); "
                             "analyze into a new database file")

    def _check(self) -> None:
        """Refuse, by name, a file that is not a newsgraph database (before any page or export fails on it)."""
        try:
            with self.engine.connect() as conn:
                self.backend.check_foreign(conn)
                missing = [t.name for t in schema.metadata.sorted_tables if not inspect(conn).has_table(t.name)]
                missing_columns = _missing_columns(conn)
        except _DB_ERRORS as exc:
            raise StoreError(f"{self.location}: cannot read this database ({_reason(exc)})") from None
        if schema.documents.name in missing:
            raise StoreError(f"{self.location}: not a newsgraph database (no documents table); "
                             "write one with `newsgraph analyze`")
        if missing:
            raise StoreError(f"{self.location}: written by an older newsgraph (no table {', '.join(missing)})")
        if can_upgrade(missing_columns):
            self._upgrade(missing_columns)
        elif missing_columns:
            raise StoreError(f"{self.location}: written by an older newsgraph (no column {', '.join(missing_columns)})")

    def _upgrade(self, missing: list[str]) -> None:
        """Add the columns an older store lacks, through a short write transaction (also when opened to read)."""
        writer = self.backend.writer(self.backend.engine(True))
        try:
            with writer.begin() as conn:
                upgrade(conn, missing)
        except _DB_ERRORS as exc:
            raise StoreError(f"{self.location}: written by an older newsgraph (no column {', '.join(missing)}) and cannot "
                             f"be upgraded here ({_reason(exc)}); open it once with `newsgraph analyze`") from None
        finally:
            writer.dispose()

    @contextmanager
    def begin_write(self) -> Iterator[Connection]:
        """A write transaction that holds the database's write lock from its first statement."""
        if self._writer is None:
            raise StoreError(f"{self.location}: opened read-only")
        with self._writer.begin() as conn:
            self.backend.lock(conn)
            yield conn

    def run_lock(self) -> Any:
        """Held by a run from reading the corpus state to writing it back, so that two runs take turns linking."""
        return self.backend.run_lock(self._writer or self.engine)

    def document_ids(self) -> set[str]:
        """The ids of every stored document (to skip them before the expensive steps)."""
        with self.engine.connect() as conn:
            return set(conn.scalars(select(schema.documents.c.id)))

    def add(self, documents: Iterable[Document], entities: Mapping[str, Entity] | None = None,
            batch_size: int = BATCH_SIZE) -> int:
        """Store the documents not stored yet, one transaction per batch; return how many were new.

        `entities` (id -> canonical entity) gives the entities their names, aliases and places;
        without it an entity is stored as its first mention names it.
        """
        added = 0
        for batch in chunks(documents, batch_size):
            try:
                with self.begin_write() as conn:
                    added += _write_batch(conn, batch, entities or {}, self.backend)
            except _DB_ERRORS as exc:
                raise StoreError(f"{self.location}: cannot write ({_reason(exc)}); {added} new articles were stored") from None
        return added

    def set_links(self, stories: Sequence[Story], claims: Sequence[Claim], blame: Sequence[Blame] = (),
                  framing: Sequence[Framing] = (), state: Mapping[str, Any] | None = None) -> None:
        """Replace the stories, claims, blame and framing with a new linking of the whole corpus, atomically,
        with the corpus state (`state`: name -> JSON-ready data) the linking was made from."""
        try:
            with self.begin_write() as conn:
                for table in schema.LINK_TABLES:
                    conn.execute(delete(table))
                _write_links(conn, link_rows(stories, claims, blame, framing), state)
        except _DB_ERRORS as exc:
            raise StoreError(f"{self.location}: cannot write the stories ({_reason(exc)})") from None

    def replace_stories(self, stories: Sequence[Story], touched: set[str], claims: Sequence[Claim],
                        blame: Sequence[Blame], framing: Sequence[Framing], state: Mapping[str, Any]) -> None:
        """Store a linking in which only the `touched` stories (new or grown) have new claims, blame and framing, atomically,
        with the corpus state. `stories` is every story: the others keep their rows, but their summaries are updated
        where they changed (a headline follows the corpus's word weights)."""
        positions = {story.id: number for number, story in enumerate(stories)}
        try:
            with self.begin_write() as conn:
                first_blame = (conn.scalar(select(func.max(schema.blame.c.id))) or 0) + 1
                for chunk in chunks(sorted(touched), READ_CHUNK):
                    _delete_stories(conn, chunk)
                new = [story for story in stories if story.id in touched]
                _write_links(conn, link_rows(new, claims, blame, framing, positions, first_blame), state)
                kept = link_rows([story for story in stories if story.id not in touched], [], [], [], positions)
                _update_changed(conn, schema.stories, kept[schema.stories])
        except _DB_ERRORS as exc:
            raise StoreError(f"{self.location}: cannot write the stories ({_reason(exc)})") from None

    def set_entities(self, entities: Iterable[Entity]) -> None:
        """Add or update canonical actors and places whole: name, aliases, country and coordinates."""
        try:
            with self.begin_write() as conn:
                for chunk in chunks((entity_row(e) for e in entities), READ_CHUNK):
                    _upsert_entities(conn, chunk, self.backend)
        except _DB_ERRORS as exc:
            raise StoreError(f"{self.location}: cannot write the entities ({_reason(exc)})") from None

    def corpus_state(self) -> dict[str, Any] | None:
        """The corpus state the last linking was made from (name -> data), or None if none is kept."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.corpus_state.c.name, schema.corpus_state.c.state)).all()
        return {name: json.loads(state) for name, state in rows} or None

    def links(self) -> StoredLinks:
        """The stored linking and the canonical entities, as the nouns `extract --links` writes."""
        s = schema
        with self.engine.connect() as conn:
            return StoredLinks(
                stories=to_stories(_rows(conn, s.stories, s.stories.c.position), _rows(conn, s.story_documents)),
                claims=to_claims(_by_story(conn, s.claims, s.claims.c.story_id, s.claims.c.position),
                                 _rows(conn, s.claim_statements), _rows(conn, s.claim_events), _rows(conn, s.claim_sides)),
                blame=to_blame(_by_story(conn, s.blame, s.blame.c.story, s.blame.c.id)),
                framing=to_framing(_by_story(conn, s.framing, s.framing.c.story, s.framing.c.position)),
                entities=[to_entity(r) for r in _rows(conn, s.entities, s.entities.c.id)],
            )

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """The stored documents with all their items, in publication order (or in the order of `ids`)."""
        with self.engine.connect() as conn:
            wanted = list(ids) if ids is not None else list(conn.scalars(
                select(schema.documents.c.id).order_by(schema.documents.c.published.asc().nulls_first(), schema.documents.c.id)))
            for chunk in chunks(wanted, READ_CHUNK):
                found = {d.id: d for d in read_documents(conn, chunk)}
                yield from (found[i] for i in chunk if i in found)

    def count(self) -> int:
        """How many documents are stored."""
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(schema.documents)) or 0


def _reason(exc: Exception) -> str:
    """The database's own one-line reason, without the statement or its parameters (they hold article text)."""
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]


def _missing_columns(conn: Connection) -> list[str]:
    """Columns this version writes that an existing database file lacks."""
    found = inspect(conn)
    return [f"{table.name}.{c.name}" for table in schema.metadata.sorted_tables if found.has_table(table.name)
            for c in table.columns if c.name not in {col["name"] for col in found.get_columns(table.name)}]


def _write_batch(conn: Connection, batch: Sequence[Document], entities: Mapping[str, Entity], backend: Backend) -> int:
    """Insert the documents of `batch` that are not stored yet, with their entities, items and index rows."""
    known = set(conn.scalars(select(schema.documents.c.id).where(schema.documents.c.id.in_([d.id for d in batch]))))
    new = list({d.id: d for d in batch if d.id not in known}.values())
    if not new:
        return 0
    _insert(conn, schema.documents, [document_row(d) for d in new])
    _upsert_entities(conn, entity_rows(new, entities), backend)
    for key, table in schema.ITEM_TABLES.items():
        _insert(conn, table, [row for d in new for row in item_rows(d, key)])
    backend.index_text(conn, new)
    return len(new)


def _upsert_entities(conn: Connection, rows: list[dict[str, Any]], backend: Backend) -> None:
    """Insert entity rows, replacing what an earlier run knew of the same ids."""
    if rows:
        statement = backend.upsert(schema.entities)
        update = {c.name: statement.excluded[c.name] for c in schema.entities.columns if c.name != "id"}
        conn.execute(statement.on_conflict_do_update(index_elements=["id"], set_=update), rows)


def _rows(conn: Connection, table: Any, *order: Any) -> list[Any]:
    """Every row of a table as mappings, in `order`."""
    return list(conn.execute(select(table).order_by(*order)).mappings())


def _by_story(conn: Connection, table: Any, story: Any, number: Any) -> list[Any]:
    """The rows of a per-story link table in the linking's order: by their story's position, then their number."""
    statement = (select(table).outerjoin(schema.stories, schema.stories.c.id == story)
                 .order_by(schema.stories.c.position.asc().nulls_last(), number))
    return list(conn.execute(statement).mappings())


def _delete_stories(conn: Connection, ids: list[str]) -> None:
    """Delete the link rows of these stories: their claims' members, claims, blame, framing, members and the stories."""
    s = schema
    claims = select(s.claims.c.id).where(s.claims.c.story_id.in_(ids))
    for table in (s.claim_sides, s.claim_events, s.claim_statements):
        conn.execute(delete(table).where(table.c.claim_id.in_(claims)))
    for column in (s.claims.c.story_id, s.blame.c.story, s.framing.c.story, s.story_documents.c.story_id, s.stories.c.id):
        conn.execute(delete(column.table).where(column.in_(ids)))


def _update_changed(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Update the rows (by id) whose stored values differ from `rows`."""
    stored = {row["id"]: dict(row) for row in conn.execute(select(table)).mappings()}
    changed = [row for row in rows if stored.get(row["id"]) != row]
    if changed:
        key = bindparam("key")
        conn.execute(update(table).where(table.c.id == key), [row | {"key": row["id"]} for row in changed])


def _write_links(conn: Connection, rows: dict[Any, list[dict[str, Any]]], state: Mapping[str, Any] | None) -> None:
    """Insert link rows (parents first) and, when given, replace the corpus state."""
    for table in reversed(schema.LINK_TABLES):
        _insert(conn, table, rows.get(table, []))
    if state is not None:
        conn.execute(delete(schema.corpus_state))
        _insert(conn, schema.corpus_state, [{"name": k, "state": json.dumps(v)} for k, v in state.items()])


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def read_documents(conn: Connection, ids: Sequence[str]) -> list[Document]:
    """The documents with these ids, each with its items and story, as the model's Documents."""
    rows = conn.execute(select(schema.documents).where(schema.documents.c.id.in_(ids))).mappings().all()
    items: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for key, table in schema.ITEM_TABLES.items():
        query = select(table).where(table.c.document_id.in_(ids)).order_by(table.c.document_id, table.c.position)
        for item in conn.execute(query).mappings():
            items[item["document_id"]][key].append(item)
    story_of = dict(conn.execute(select(schema.story_documents.c.document_id, schema.story_documents.c.story_id)
                                 .where(schema.story_documents.c.document_id.in_(ids))).all())
    return [to_document(row, items[row["id"]], story_of.get(row["id"])) for row in rows]
