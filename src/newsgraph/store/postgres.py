"""The PostgreSQL backend of the store: a shared database for a team, several writers at once, full-text search in GIN indexes.

Writers take turns with advisory locks: every write transaction holds `WRITE_LOCK` (as SQLite's
BEGIN IMMEDIATE holds the file), and an `analyze` run holds `RUN_LOCK` from reading the corpus state
to writing it back, so two runs into one store never link from a stale state. Readers never wait.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, column, create_engine, func, inspect, literal_column, select, table
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.ddl import DDL

from newsgraph.errors import StoreError
from newsgraph.model import Document
from newsgraph.store import schema
from newsgraph.store.postgres_search import search_indexes

SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
DRIVER = "postgresql+psycopg"
WRITE_LOCK = 0x4E475246  # "NGRF", as SQLite's application_id
RUN_LOCK = WRITE_LOCK + 1


def is_postgres(db: str) -> bool:
    """Whether a --db value names a PostgreSQL database rather than a SQLite file."""
    return str(db).startswith(SCHEMES)


def _accents() -> tuple[str, str]:
    """Latin letters with diacritics and their bare ASCII letters, for the fold function when `unaccent` is missing."""
    pairs = [(c, unicodedata.normalize("NFKD", c)[0]) for c in map(chr, range(0xC0, 0x250))]
    kept = [(c, base) for c, base in pairs if c != base and base.isascii() and base.isalpha()]
    return "".join(c for c, _ in kept), "".join(base for _, base in kept)


def _fold(body: str) -> DDL:
    """The definition of newsgraph_fold: IMMUTABLE, so that index expressions may call it (unaccent itself is only STABLE).

    There is no Core construct for CREATE FUNCTION; `body` is built from constants and a catalog name, never user input.
    """
    return DDL(f"CREATE OR REPLACE FUNCTION newsgraph_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
               f"AS $$ {body} $$")


_LETTERS, _BARE = _accents()
FOLD_WITH_TRANSLATE = _fold(f"SELECT translate($1, '{_LETTERS}', '{_BARE}')")


class PostgresBackend:
    """A store in a PostgreSQL database, named by its URL."""

    upsert = staticmethod(postgres_insert)

    def __init__(self, url: str) -> None:
        self.url = make_url(url.replace("postgres://", "postgresql://", 1)).set(drivername=DRIVER)
        self.location = self.url.render_as_string(hide_password=True)
        self.name = self.url.database or "newsgraph"
        self.path = None

    def exists(self) -> bool:
        return True  # known only once connected; an empty database is refused by the store's check

    def engine(self, writable: bool) -> Engine:
        """An engine on the database; its transactions are read-only unless `writable`."""
        options = {} if writable else {"options": "-c default_transaction_read_only=on"}
        try:
            return create_engine(self.url, connect_args=options, pool_pre_ping=True)
        except ImportError:
            raise StoreError(f"{self.location}: PostgreSQL needs the psycopg driver: "
                             "pip install 'newsgraph[postgres]'") from None

    def writer(self, engine: Engine) -> Engine:
        return create_engine(self.url, pool_pre_ping=True)

    def lock(self, conn: Connection) -> None:
        """Take the store's write lock for this transaction (released at commit or rollback)."""
        conn.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))

    @contextmanager
    def run_lock(self, engine: Engine) -> Iterator[None]:
        """Hold the store's run lock while a run reads, extends and writes back the corpus state."""
        with engine.connect() as conn:
            conn.execute(select(func.pg_advisory_lock(RUN_LOCK)))
            conn.commit()
            try:
                yield
            finally:
                conn.execute(select(func.pg_advisory_unlock(RUN_LOCK)))
                conn.commit()

    def check_foreign(self, conn: Connection) -> None:
        """Refuse a database holding tables but none of ours."""
        tables = set(inspect(conn).get_table_names())
        if tables and schema.documents.name not in tables:
            raise StoreError(f"{self.location}: not a newsgraph database (it holds other tables); give an empty "
                             "database or one written by `newsgraph analyze`")

    def create_extras(self, conn: Connection) -> None:
        """The accent-folding function (with `unaccent` when the server has it) and the full-text GIN indexes."""
        conn.execute(_fold_function(conn))
        for index in search_indexes():
            conn.execute(index)

    def index_text(self, conn: Connection, documents: Sequence[Document]) -> None:
        """Nothing: the GIN indexes are on expressions over the rows themselves."""


def _fold_function(conn: Connection) -> DDL:
    """The fold function's definition: unaccent where the extension can be created, else a fixed translation."""
    try:
        with conn.begin_nested():
            conn.execute(DDL("CREATE EXTENSION IF NOT EXISTS unaccent"))
        where = conn.scalar(select(literal_column("extnamespace::regnamespace::text"))
                            .select_from(table("pg_extension")).where(column("extname") == "unaccent"))
        return _fold(f"SELECT {where}.unaccent('{where}.unaccent'::regdictionary, $1)")
    except SQLAlchemyError:
        return FOLD_WITH_TRANSLATE
