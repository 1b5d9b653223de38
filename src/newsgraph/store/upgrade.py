"""Columns a newer newsgraph added to its tables, added in place to an older store (with their default) so it still opens."""

from __future__ import annotations

from sqlalchemy import Connection, literal
from sqlalchemy.sql.ddl import DDL, DropView

from newsgraph.store import schema

# "table.column" -> the value the rows written before the column existed take.
ADDED = {"statements.in_title": False}


def can_upgrade(missing: list[str]) -> bool:
    """Whether every missing column (or view column) is one newsgraph knows how to add."""
    views = {view.table.name: view for view in schema.VIEWS}
    return bool(missing) and all(name in ADDED or name.split(".")[0] in views for name in missing)


def upgrade(conn: Connection, missing: list[str]) -> None:
    """Add the missing columns with their default, then redraw the views that lacked them."""
    quote = conn.dialect.identifier_preparer.quote
    for name in (n for n in missing if n in ADDED):
        table, column = name.split(".")
        sql_type = schema.metadata.tables[table].c[column].type.compile(conn.dialect)
        default = literal(ADDED[name]).compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
        conn.execute(DDL(f"ALTER TABLE {quote(table)} ADD COLUMN {quote(column)} {sql_type} NOT NULL DEFAULT {default}"))
    stale = {name.split(".")[0] for name in missing if name not in ADDED}
    for view in (v for v in schema.VIEWS if v.table.name in stale):
        conn.execute(DropView(view.table))
        conn.execute(view)
