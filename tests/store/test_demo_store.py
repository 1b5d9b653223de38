"""The demo store, as `newsgraph demo` writes it, holds the whole analysis, and Datasette reads it as its users expect."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store.metadata import datasette_metadata


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    done = subprocess.run([sys.executable, "-m", "newsgraph", "demo", "--folder", str(folder)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return folder / "demo.db"


def query(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_places_keep_their_country_and_coordinates(demo_db: Path) -> None:
    istanbul = query(demo_db, "SELECT country, lat, lon FROM entities WHERE name = 'Istanbul'")
    assert istanbul and istanbul[0][0] == "TR" and 40 < istanbul[0][1] < 42 and 28 < istanbul[0][2] < 30
    located = query(demo_db, "SELECT count(*) FROM entities WHERE type IN ('GPE', 'LOC') AND lat IS NOT NULL")[0][0]
    assert located >= 5


def test_statements_name_their_speaker_through_the_entity(demo_db: Path) -> None:
    named = query(demo_db, "SELECT count(*), count(speaker_name) FROM statements_view WHERE speaker_id IS NOT NULL")[0]
    assert named[0] > 10 and named[0] == named[1]


def test_export_links_gives_back_the_conflicts_with_reasons_sides_and_blame(demo_db: Path) -> None:
    done = CliRunner().invoke(app, ["export", "--db", str(demo_db), "--format", "links"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout[:done.stdout.rindex("}") + 1])
    assert set(data) == {"stories", "claims", "blame", "framing", "entities"}
    conflicts = [c for c in data["claims"] if c["agreement"] == "conflict"]
    assert conflicts and all(c["reason"] and len(c["sides"]) >= 2 for c in conflicts)
    assert all(side["text"] for c in conflicts for side in c["sides"])
    assert data["blame"] and all(b["blamed_name"] and b["cue"] for b in data["blame"])
    assert any(e["lat"] is not None for e in data["entities"])


def datasette_get(db: Path, path: str) -> tuple[int, str]:
    """A page of Datasette serving `db` with the metadata newsgraph writes, fetched in-process."""
    from datasette.app import Datasette

    async def fetch() -> tuple[int, str]:
        site = Datasette([str(db)], metadata=datasette_metadata(db.stem))
        response = await site.client.get(path)
        return response.status_code, response.text
    return asyncio.run(fetch())


def test_datasette_shows_a_search_box_and_finds_articles(demo_db: Path) -> None:
    status, page = datasette_get(demo_db, "/demo/documents")
    assert status == 200 and 'name="_search"' in page
    status, found = datasette_get(demo_db, "/demo/documents.json?_search=nightclub&_shape=array")
    assert status == 200 and json.loads(found) and all("nightclub" in d["text"].lower() for d in json.loads(found))
    status, found = datasette_get(demo_db, "/demo/statements.json?_search=attack&_shape=array")
    assert status == 200 and json.loads(found)


def test_datasette_follows_foreign_keys_to_the_actor(demo_db: Path) -> None:
    status, page = datasette_get(demo_db, "/demo/mentions.json?_labels=on&_shape=array&_size=5")
    rows = json.loads(page)
    assert status == 200 and all(isinstance(r["entity_id"], dict) and r["entity_id"]["label"] for r in rows if r["entity_id"])


def test_the_metadata_describes_every_table_and_column(demo_db: Path) -> None:
    tables = datasette_metadata("demo")["databases"]["demo"]["tables"]
    stored = {name for (name,) in query(demo_db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                                 "AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite%'")}
    assert stored <= set(tables)
    for name, table in tables.items():
        assert table["description"], name
        assert all(table["columns"].values()), (name, [c for c, d in table["columns"].items() if not d])
    status, page = datasette_get(demo_db, "/demo/events")
    assert status == 200 and "PLOVER event type" in page
