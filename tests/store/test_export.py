"""Exports are complete: every document, every table row, the whole actor graph in a form Gephi reads."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.export import TABLES

runner = CliRunner()


def export(database: Path, *args: str) -> str:
    done = runner.invoke(app, ["export", "--db", str(database), *args])
    assert done.exit_code == 0, done.output
    return done.stdout


def test_jsonl_holds_every_document_in_the_extract_contract(database: Path) -> None:
    documents = [json.loads(line) for line in export(database, "--format", "jsonl").splitlines()]
    assert len(documents) == 4
    north = next(d for d in documents if d["id"] == "d-north")
    assert north["story"] == "s-convoy" and len(north["events"]) == 2
    assert north["text"][north["events"][0]["start"]:north["events"][0]["end"]] == "attacked"


def test_csv_writes_every_row_of_every_table(database: Path, tmp_path: Path) -> None:
    export(database, "--format", "csv", "--output", str(tmp_path / "csv"))
    with sqlite3.connect(database) as conn:
        for table in TABLES:
            with open(tmp_path / "csv" / f"{table}.csv", encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle))
            assert len(rows) - 1 == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
    with open(tmp_path / "csv" / "documents.csv", encoding="utf-8", newline="") as handle:
        texts = {row["id"]: row["text"] for row in csv.DictReader(handle)}
    assert "\n\n" in texts["d-north"] and "<script>" in texts["d-hostile"]  # multi-line text survives quoting


@pytest.mark.parametrize("fmt, read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_the_actor_graph_has_who_did_what_to_whom_with_plain_attributes(database: Path, tmp_path: Path, fmt, read) -> None:
    path = tmp_path / f"graph.{fmt}"
    export(database, "--format", fmt, "--output", str(path))
    graph = read(path)
    assert graph.nodes["e-reyes"]["label"] == "Tomas Reyes"
    assert graph.nodes["e-varga"]["mentions"] == 3
    assert set(graph.nodes) == {"e-ankara", "e-varga", "e-reyes", "e-ministry"}  # no fragment or unresolved nodes
    edges = {}
    for source, target, attributes in graph.edges(data=True):
        edges.setdefault((source, target, attributes["kind"]), []).append(attributes)
    assert set(edges) == {("e-ministry", "e-reyes", "ACCUSE"), ("e-varga", "e-reyes", "STATEMENT")}
    accusations = edges[("e-ministry", "e-reyes", "ACCUSE")]
    assert {e["outlet"] for e in accusations} == {"North Daily", "South Post", "West Wire"}
    assert {e["story"] for e in accusations} == {"s-convoy"} and {e["date"] for e in accusations} == {"2021-03-06", "2021-03-07"}
    with sqlite3.connect(database) as conn:
        text = conn.execute("SELECT text FROM documents WHERE id = ?", (accusations[0]["document"],)).fetchone()[0]
    assert "condemned" in text[int(accusations[0]["start"]):int(accusations[0]["end"])]
    assert len(edges[("e-varga", "e-reyes", "STATEMENT")]) == 3
    for _, attributes in [*graph.nodes(data=True), *((e, a) for *e, a in graph.edges(data=True))]:
        assert all(isinstance(v, (str, int, float)) for v in attributes.values())


def test_csv_to_stdout_is_a_usage_error(database: Path) -> None:
    done = runner.invoke(app, ["export", "--db", str(database), "--format", "csv"])
    assert done.exit_code == 2 and "--output" in done.output


def test_a_missing_database_is_named(tmp_path: Path) -> None:
    done = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db"), "--format", "jsonl"])
    assert done.exit_code == 2 and "none.db" in done.output and "NG301" in done.output
