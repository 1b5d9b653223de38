"""The SQLite store: idempotent, incremental writes in one transaction per batch, and reads back to nouns."""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, inspect, literal_column, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.ddl import DDL

from newsgraph.errors import StoreError
from newsgraph.extract.entity_lexicon import fold
from newsgraph.model import Blame, Claim, Document, Entity, Framing, Story
from newsgraph.store import schema
from newsgraph.store.link_rows import link_rows, to_blame, to_claims, to_framing, to_stories
from newsgraph.store.rows import document_row, entity_row, entity_rows, fts_rows, item_rows, to_document, to_entity

# Documents per transaction: an interrupted run loses at most this many; large enough that the
# commit cost is amortised (benchmarks/web.py writes 10,000 articles in batches of this size).
BATCH_SIZE = 50
# Documents read per query when streaming the whole store (exports, relinking).
READ_CHUNK = 500
# Marks a SQLite file as newsgraph's (PRAGMA application_id; "NGRF" in ASCII).
APPLICATION_ID = 0x4E475246
# How long a writer waits for another writer's transaction before giving up, in milliseconds:
# two `analyze` runs on one store take turns batch by batch, and a batch commits in well under this.
BUSY_TIMEOUT_MS = 30_000
# A raw driver error escapes SQLAlchemy's wrapping when BEGIN IMMEDIATE itself fails.
_DB_ERRORS = (SQLAlchemyError, sqlite3.Error)
_MARK = DDL(f"PRAGMA application_id = {APPLICATION_ID}")


@dataclass(frozen=True)
class StoredLinks:
    """The corpus-wide nouns of a store: what `extract --links` writes, read back."""

    stories: list[Story]
    claims: list[Claim]
    blame: list[Blame]
    framing: list[Framing]
    entities: list[Entity]


class Store:
    """A newsgraph database file; read-only unless opened with `writable=True`."""

    def __init__(self, path: str | Path, writable: bool = False) -> None:
        self.path = Path(path)
        if not writable and not self.path.is_file():
            raise StoreError(f"{self.path}: no such database (run `newsgraph analyze` first)")
        self.engine = _engine(self.path, writable)
        self._writer = _writer_engine(self.engine) if writable else None
        self._create() if writable else self._check()

    def _create(self) -> None:
        """Create the tables, and write the file's mark: a store that cannot be written fails here, before any work."""
        try:
            with self._begin_write() as conn:
                _check_foreign(conn, self.path)
                schema.metadata.create_all(conn)
                for ddl in schema.FTS_DDL:
                    conn.execute(ddl)
                conn.execute(_MARK)
                missing = _missing_columns(conn)
        except _DB_ERRORS as exc:
            raise StoreError(f"{self.path}: cannot create or write the newsgraph tables ({_reason(exc)})") from None
        if missing:
            raise StoreError(f"{self.path}: written by an older newsgraph (no column {', '.join(missing)}); "
                             "analyze into a new database file")

    def _check(self) -> None:
        """Refuse, by name, a file that is not a newsgraph database (before any page or export fails on it)."""
        try:
            with self.engine.connect() as conn:
                _check_foreign(conn, self.path)
                missing = [t.name for t in schema.metadata.sorted_tables if not inspect(conn).has_table(t.name)]
                missing_columns = _missing_columns(conn)
        except _DB_ERRORS as exc:
            raise StoreError(f"{self.path}: cannot read this database ({_reason(exc)})") from None
        if schema.documents.name in missing:
            raise StoreError(f"{self.path}: not a newsgraph database (no documents table); "
                             "write one with `newsgraph analyze`")
        if missing:
            raise StoreError(f"{self.path}: written by an older newsgraph (no table {', '.join(missing)})")
        if missing_columns:
            raise StoreError(f"{self.path}: written by an older newsgraph (no column {', '.join(missing_columns)})")

    def _begin_write(self) -> Any:
        """A write transaction that holds the database's write lock from its first statement."""
        if self._writer is None:
            raise StoreError(f"{self.path}: opened read-only")
        return self._writer.begin()

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
        for batch in batched(documents, batch_size):
            try:
                with self._begin_write() as conn:
                    added += _write_batch(conn, batch, entities or {})
            except _DB_ERRORS as exc:
                raise StoreError(f"{self.path}: cannot write ({_reason(exc)}); {added} new articles were stored") from None
        return added

    def set_links(self, stories: Sequence[Story], claims: Sequence[Claim], blame: Sequence[Blame] = (),
                  framing: Sequence[Framing] = (), state: Mapping[str, Any] | None = None) -> None:
        """Replace the stories, claims, blame and framing with a new linking of the whole corpus, atomically,
        with the corpus state (`state`: name -> JSON-ready data) the linking was made from."""
        try:
            with self._begin_write() as conn:
                for table in schema.LINK_TABLES:
                    conn.execute(delete(table))
                rows = link_rows(stories, claims, blame, framing)
                for table in reversed(schema.LINK_TABLES):
                    _insert(conn, table, rows.get(table, []))
                if state is not None:
                    conn.execute(delete(schema.corpus_state))
                    _insert(conn, schema.corpus_state, [{"name": k, "state": json.dumps(v)} for k, v in state.items()])
        except _DB_ERRORS as exc:
            raise StoreError(f"{self.path}: cannot write the stories ({_reason(exc)})") from None

    def set_entities(self, entities: Iterable[Entity]) -> None:
        """Add or update canonical actors and places whole: name, aliases, country and coordinates."""
        try:
            with self._begin_write() as conn:
                for chunk in batched((entity_row(e) for e in entities), READ_CHUNK):
                    _upsert_entities(conn, chunk)
        except _DB_ERRORS as exc:
            raise StoreError(f"{self.path}: cannot write the entities ({_reason(exc)})") from None

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
                claims=to_claims(_rows(conn, s.claims, s.claims.c.position), _rows(conn, s.claim_statements),
                                 _rows(conn, s.claim_events), _rows(conn, s.claim_sides)),
                blame=to_blame(_rows(conn, s.blame, s.blame.c.id)),
                framing=to_framing(_rows(conn, s.framing, s.framing.c.position)),
                entities=[to_entity(r) for r in _rows(conn, s.entities, s.entities.c.id)],
            )

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """The stored documents with all their items, in publication order (or in the order of `ids`)."""
        with self.engine.connect() as conn:
            wanted = list(ids) if ids is not None else list(conn.scalars(
                select(schema.documents.c.id).order_by(schema.documents.c.published, schema.documents.c.id)))
            for chunk in batched(wanted, READ_CHUNK):
                found = {d.id: d for d in read_documents(conn, chunk)}
                yield from (found[i] for i in chunk if i in found)

    def count(self) -> int:
        """How many documents are stored."""
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(schema.documents)) or 0


def _check_foreign(conn: Connection, path: Path) -> None:
    """Refuse a SQLite file another program marked as its own, or one holding tables but none of ours."""
    found = conn.scalar(select(func.pragma_application_id().table_valued("application_id").c.application_id))
    tables = set(inspect(conn).get_table_names())
    if found not in (0, APPLICATION_ID) or (tables and schema.documents.name not in tables):
        raise StoreError(f"{path}: not a newsgraph database (it holds other tables); give a new file or one "
                         "written by `newsgraph analyze`")


def _reason(exc: Exception) -> str:
    """The database's own one-line reason, without the statement or its parameters (they hold article text)."""
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]


def _missing_columns(conn: Connection) -> list[str]:
    """Columns this version writes that an existing database file lacks."""
    found = inspect(conn)
    return [f"{table.name}.{c.name}" for table in schema.metadata.sorted_tables if found.has_table(table.name)
            for c in table.columns if c.name not in {col["name"] for col in found.get_columns(table.name)}]


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of `size` items (the last one shorter), streaming."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _engine(path: Path, writable: bool) -> Engine:
    """An engine on the file with foreign keys enforced; read-only through SQLite's URI mode otherwise."""
    if writable:
        url = URL.create("sqlite", database=str(path))
    else:
        url = URL.create("sqlite", database="file:" + quote(str(path.resolve())), query={"mode": "ro", "uri": "true"})
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _pragmas)
    return engine


def _writer_engine(engine: Engine) -> Engine:
    """An engine on the same file whose transactions begin with BEGIN IMMEDIATE.

    The write lock is taken before the "already stored?" check, so two writers (two `analyze`
    runs, two uploads at once) take turns instead of both inserting the same document.
    """
    writer = create_engine(engine.url, connect_args={"check_same_thread": False})
    event.listen(writer, "connect", _pragmas)
    event.listen(writer, "connect", _manual_transactions)
    event.listen(writer, "begin", lambda conn: conn.connection.dbapi_connection.execute("BEGIN IMMEDIATE"))
    return writer


def _manual_transactions(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # the driver leaves BEGIN to us (SQLAlchemy's pysqlite recipe)


def _pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Foreign keys and the busy wait on; `newsgraph_fold(text)`, the resolver's name key, for searching names."""
    dbapi_connection.create_function("newsgraph_fold", 1, _fold, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = " + str(BUSY_TIMEOUT_MS))
    cursor.close()


def _fold(text: str | None) -> str | None:
    return fold(text) if text is not None else None


def _write_batch(conn: Connection, batch: Sequence[Document], entities: Mapping[str, Entity]) -> int:
    """Insert the documents of `batch` that are not stored yet, with their entities, items and index rows."""
    known = set(conn.scalars(select(schema.documents.c.id).where(schema.documents.c.id.in_([d.id for d in batch]))))
    new = list({d.id: d for d in batch if d.id not in known}.values())
    if not new:
        return 0
    _insert(conn, schema.documents, [document_row(d) for d in new])
    _upsert_entities(conn, entity_rows(new, entities))
    for key, table in schema.ITEM_TABLES.items():
        _insert(conn, table, [row for d in new for row in item_rows(d, key)])
    for table, rows in fts_rows(new, _rowids(conn, new)).items():
        _insert(conn, table, rows)
    return len(new)


def _rowids(conn: Connection, documents: Sequence[Document]) -> dict[tuple[str, int | None], int]:
    """SQLite rowids of the documents' rows (key (id, None)) and of their statements' rows (key (id, position)),
    which their full-text rows share so that Datasette's search finds the row itself."""
    ids = [d.id for d in documents]
    d, st = schema.documents, schema.statements
    found = {(i, None): rowid for rowid, i in conn.execute(select(literal_column("rowid"), d.c.id).where(d.c.id.in_(ids)))}
    query = select(literal_column("rowid"), st.c.document_id, st.c.position).where(st.c.document_id.in_(ids))
    found |= {(i, position): rowid for rowid, i, position in conn.execute(query)}
    return found


def _upsert_entities(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert entity rows, replacing what an earlier run knew of the same ids."""
    if rows:
        statement = sqlite_insert(schema.entities)
        update = {c.name: statement.excluded[c.name] for c in schema.entities.columns if c.name != "id"}
        conn.execute(statement.on_conflict_do_update(index_elements=["id"], set_=update), rows)


def _rows(conn: Connection, table: Any, *order: Any) -> list[Any]:
    """Every row of a table as mappings, in `order`."""
    return list(conn.execute(select(table).order_by(*order)).mappings())


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
