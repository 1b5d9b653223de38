"""A store written before a column was added still opens: the column is added with its default, the views redrawn."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsgraph.store import Store
from tests.store.corpus import border_report


def _as_written_before_in_title(path: Path) -> None:
    """The store as a newsgraph without `statements.in_title` wrote it."""
    with sqlite3.connect(path) as conn:
        conn.execute("DROP VIEW statements_view")
        conn.execute("ALTER TABLE statements DROP COLUMN in_title")
        conn.execute("CREATE VIEW statements_view AS SELECT document_id, position, content FROM statements")


def test_an_older_store_opens_for_reading_and_writing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store(path, writable=True).add([border_report("d-old", "Ledger", 5, "9")])
    _as_written_before_in_title(path)
    [old] = Store(path).documents()
    assert old.quotes and not any(q.in_title for q in old.quotes)
    with sqlite3.connect(path) as conn:
        assert {row[1] for row in conn.execute("PRAGMA table_info(statements_view)")} >= {"in_title", "speaker_name"}
    _as_written_before_in_title(path)
    Store(path, writable=True).add([border_report("d-new", "Courier", 6, "11")])
    assert len(list(Store(path).documents())) == 2
