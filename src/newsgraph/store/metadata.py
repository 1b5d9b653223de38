"""Datasette's metadata.json for a store: every table and column described, full-text search wired to its table."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from newsgraph.store import schema

# Full-text tables and the table each searches; their rowid is the searched row's rowid (see rows.fts_rows).
FTS = {"documents": "documents_fts", "statements": "statements_fts"}


@lru_cache(maxsize=1)
def descriptions() -> dict[str, str]:
    """`column`, `table.column` and `[table]` keys to descriptions (data/store_columns.tsv)."""
    text = resources.files("newsgraph.data").joinpath("store_columns.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))
    return {key: description.strip() for key, description in rows}


def describe(table: str, column: str) -> str | None:
    """What a column of a table holds."""
    known = descriptions()
    return known.get(f"{table}.{column}") or known.get(column)


def datasette_metadata(database: str) -> dict[str, Any]:
    """metadata.json for Datasette serving the store as `database` (the file name without .db)."""
    tables = {table.name: _table(table) for table in schema.metadata.sorted_tables}
    return {"title": "newsgraph", "description": "News coverage analysed by newsgraph: articles, actors, statements, "
            "numbers, events, stories, claims and blame, each item with its character span in the article.",
            "databases": {database: {"tables": tables}}}


def _table(table: Any) -> dict[str, Any]:
    found = {"description": descriptions().get(f"[{table.name}]", ""),
             "columns": {c.name: describe(table.name, c.name) or "" for c in table.columns}}
    if table.name in FTS:
        found |= {"fts_table": FTS[table.name], "fts_pk": "rowid"}
    return found
