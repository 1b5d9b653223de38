"""`newsgraph analyze` as a user runs it: articles in, a database out; rerunning adds only what is new."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app

FIRST = """ date 2021-03-06
Convoy attacked near Ankara

Border troops attacked a convoy near Ankara on Friday, killing 12 people, officials said.

Minister Lena Varga said "the attack was planned by General Tomas Reyes." General Reyes denied it.
"""
SECOND = """ date 2021-03-07
Talks postponed after convoy attack

Minister Lena Varga said on Saturday that talks with Estavia were postponed after the attack near Ankara.
"""


def analyze(*args: str) -> str:
    done = CliRunner().invoke(app, ["analyze", *args])
    assert done.exit_code == 0, done.output
    return done.output


def test_analyze_is_idempotent_and_incremental(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "first.txt").write_text(FIRST)
    db = str(tmp_path / "news.db")
    assert "1 new articles" in analyze(str(tmp_path / "in"), "--db", db)
    assert "0 new articles" in analyze(str(tmp_path / "in"), "--db", db)
    (tmp_path / "in" / "second.txt").write_text(SECOND)
    assert "1 new articles; 2 articles" in analyze(str(tmp_path / "in"), "--db", db)
    with sqlite3.connect(db) as conn:
        titles = [row[0] for row in conn.execute("SELECT title FROM documents ORDER BY published")]
        mentioned = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
        found = conn.execute("SELECT document_id FROM documents_fts WHERE documents_fts MATCH 'postponed'").fetchall()
    assert titles == ["Convoy attacked near Ankara", "Talks postponed after convoy attack"]
    assert mentioned > 0 and len(found) == 1


def test_a_syndicated_copy_arriving_in_a_later_run_is_marked_as_a_copy(tmp_path: Path) -> None:
    """A wire story re-published a day later with a changed phrase must not count as a second outlet's report."""
    wire = FIRST + "\nThe convoy was carrying supplies to a border post when the first vehicle was hit, a witness said.\n"
    copy = wire.replace(" date 2021-03-06", " date 2021-03-07").replace("a witness said", "one witness said")
    (tmp_path / "monday").mkdir()
    (tmp_path / "tuesday").mkdir()
    (tmp_path / "monday" / "wire.txt").write_text(wire)
    (tmp_path / "tuesday" / "reprint.txt").write_text(copy)
    db = str(tmp_path / "news.db")
    analyze(str(tmp_path / "monday"), "--db", db)
    assert "1 new articles; 2 articles" in analyze(str(tmp_path / "tuesday"), "--db", db)
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT source, duplicate_of FROM documents").fetchall())
        original = conn.execute("SELECT id FROM documents WHERE duplicate_of IS NULL").fetchone()[0]
    assert rows[str(tmp_path / "tuesday" / "reprint.txt")] == original
