"""`newsgraph migrate`: copy a SQLite store into PostgreSQL, every table row for row, in one transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, insert, select

from newsgraph.errors import StoreError, UsageError
from newsgraph.store import schema
from newsgraph.batches import chunks
from newsgraph.store.database import READ_CHUNK, Store

VIEW_NAMES = frozenset(view.table.name for view in schema.VIEWS)


def migrate(source: Store, target: Store) -> dict[str, int]:
    """Copy every row of `source` into `target` (a PostgreSQL store without articles); return the rows copied per table.

    The copy is one transaction: it lands whole or not at all. Full-text search needs no copy, as
    PostgreSQL indexes the rows themselves.
    """
    if target.path is not None:
        raise UsageError(f"{target.location}: migrate copies into PostgreSQL; give a postgresql:// URL")
    if target.count():
        raise StoreError(f"{target.location}: already holds articles; migrate into a database without any")
    copied: dict[str, int] = {}
    with source.engine.connect() as reading, target.begin_write() as writing:
        for table in schema.metadata.sorted_tables:
            if table.name not in VIEW_NAMES:
                copied[table.name] = _copy(reading, writing, table)
    return copied


def _copy(reading: Connection, writing: Connection, table: Table) -> int:
    """Stream one table's rows across, parents before the rows that refer to them."""
    rows = reading.execution_options(yield_per=READ_CHUNK).execute(select(table).order_by(*_order(table))).mappings()
    count = 0
    for chunk in chunks((dict(row) for row in rows), READ_CHUNK):
        writing.execute(insert(table), chunk)
        count += len(chunk)
    return count


def _order(table: Table) -> list[Any]:
    """Originals before their copies (documents.duplicate_of refers to the documents table itself), then by key."""
    if table is schema.documents:
        return [schema.documents.c.duplicate_of.is_not(None), *table.primary_key]
    return list(table.primary_key)
