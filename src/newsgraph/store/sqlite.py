"""The SQLite backend of the store: one file, a write lock per transaction, FTS5 full-text tables beside the rows."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, func, insert, inspect, literal_column, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL
from sqlalchemy.sql.ddl import DDL

from newsgraph.errors import StoreError
from newsgraph.extract.entity_lexicon import fold
from newsgraph.model import Document
from newsgraph.store import schema
from newsgraph.store.rows import fts_rows

# Marks a SQLite file as newsgraph's (PRAGMA application_id; "NGRF" in ASCII).
APPLICATION_ID = 0x4E475246
# How long a writer waits for another writer's transaction before giving up, in milliseconds:
# two `analyze` runs on one store take turns batch by batch, and a batch commits in well under this.
BUSY_TIMEOUT_MS = 30_000
_MARK = DDL(f"PRAGMA application_id = {APPLICATION_ID}")


class SQLiteBackend:
    """A store in one SQLite file."""

    upsert = staticmethod(sqlite_insert)

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.name = self.path.stem

    def exists(self) -> bool:
        return self.path.is_file()

    def engine(self, writable: bool) -> Engine:
        """An engine on the file with foreign keys enforced; read-only through SQLite's URI mode otherwise."""
        if writable:
            url = URL.create("sqlite", database=str(self.path))
        else:
            url = URL.create("sqlite", database="file:" + quote(str(self.path.resolve())), query={"mode": "ro", "uri": "true"})
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _pragmas)
        return engine

    def writer(self, engine: Engine) -> Engine:
        """An engine on the same file whose transactions begin with BEGIN IMMEDIATE.

        The write lock is taken before the "already stored?" check, so two writers (two `analyze`
        runs, two uploads at once) take turns instead of both inserting the same document.
        """
        writer = create_engine(engine.url, connect_args={"check_same_thread": False})
        event.listen(writer, "connect", _pragmas)
        event.listen(writer, "connect", _manual_transactions)
        event.listen(writer, "begin", lambda conn: conn.connection.dbapi_connection.execute("BEGIN IMMEDIATE"))
        return writer

    def lock(self, conn: Connection) -> None:
        """Nothing more: BEGIN IMMEDIATE already holds the file's write lock."""

    @contextmanager
    def run_lock(self, engine: Engine) -> Iterator[None]:
        """Hold an exclusive flock on the file while a run reads, extends and writes back the corpus state.

        flock is apart from the POSIX byte-range locks SQLite takes on the same file, so it never
        blocks a reader or a single transaction, only a second run; the kernel drops it if the run dies.
        """
        descriptor = os.open(self.path, os.O_RDONLY)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # closing releases the flock

    def check_foreign(self, conn: Connection) -> None:
        """Refuse a SQLite file another program marked as its own, or one holding tables but none of ours."""
        found = conn.scalar(select(func.pragma_application_id().table_valued("application_id").c.application_id))
        tables = set(inspect(conn).get_table_names())
        if found not in (0, APPLICATION_ID) or (tables and schema.documents.name not in tables):
            raise StoreError(f"{self.location}: not a newsgraph database (it holds other tables); give a new file or one "
                             "written by `newsgraph analyze`")

    def create_extras(self, conn: Connection) -> None:
        """The FTS5 tables and the file's mark."""
        for ddl in schema.FTS_DDL:
            conn.execute(ddl)
        conn.execute(_MARK)

    def index_text(self, conn: Connection, documents: Sequence[Document]) -> None:
        """Full-text rows for the new documents and their statements."""
        for table, rows in fts_rows(documents, _rowids(conn, documents)).items():
            if rows:
                conn.execute(insert(table), rows)


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


def _rowids(conn: Connection, documents: Sequence[Document]) -> dict[tuple[str, int | None], int]:
    """SQLite rowids of the documents' rows (key (id, None)) and of their statements' rows (key (id, position)),
    which their full-text rows share so that Datasette's search finds the row itself."""
    ids = [d.id for d in documents]
    d, st = schema.documents, schema.statements
    found = {(i, None): rowid for rowid, i in conn.execute(select(literal_column("rowid"), d.c.id).where(d.c.id.in_(ids)))}
    query = select(literal_column("rowid"), st.c.document_id, st.c.position).where(st.c.document_id.in_(ids))
    found |= {(i, position): rowid for rowid, i, position in conn.execute(query)}
    return found
