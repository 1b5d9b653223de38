"""Complete exports of a store: documents as JSON Lines, every table as CSV, the actor graph as GraphML/GEXF.

Every writer streams and returns how many records it wrote, so callers can check that nothing was
left out (`check_complete`).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import networkx as nx
from sqlalchemy import Connection, and_, func, select

from newsgraph.contract import to_contract
from newsgraph.errors import StoreError, UsageError
from newsgraph.store import Store, schema

FORMATS = ("jsonl", "csv", "graphml", "gexf")
TABLES = {name: table for name, table in schema.metadata.tables.items() if not name.endswith(("_view", "_articles"))}
ROWS_PER_FETCH = 1000
# First characters that make a spreadsheet read a cell as a formula (OWASP: CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def jsonl_lines(store: Store) -> Iterator[str]:
    """Every stored document in the extract contract (story id included), one JSON line each."""
    for document in store.documents():
        yield json.dumps(to_contract(document), ensure_ascii=False) + "\n"


def csv_lines(store: Store, table: str) -> Iterator[str]:
    """Every row of one table as CSV lines, the header first."""
    columns = TABLES[table].columns
    buffer = _LineBuffer()
    writer = csv.writer(buffer)
    writer.writerow([c.name for c in columns])
    yield buffer.take()
    with store.engine.connect() as conn:
        result = conn.execution_options(yield_per=ROWS_PER_FETCH).execute(select(TABLES[table]).order_by(*TABLES[table].primary_key))
        for row in result:
            writer.writerow([safe_cell(value) for value in row])
            yield buffer.take()


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, quoted with a leading apostrophe (OWASP CSV injection)."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


class _LineBuffer:
    """A file-like sink for csv.writer from which each written line is taken back."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def take(self) -> str:
        text, self.parts = "".join(self.parts), []
        return text


def write_csv_folder(store: Store, folder: Path) -> dict[str, int]:
    """One CSV file per table in `folder`; return the number of data rows of each."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as out:
            counts[table] = write_lines(csv_lines(store, table), out) - 1
    return counts


def write_lines(lines: Iterator[str], out: TextIO) -> int:
    """Write every line; return how many were written."""
    count = 0
    for line in lines:
        out.write(line)
        count += 1
    return count


def actor_graph(store: Store) -> nx.DiGraph:
    """Actors and places as nodes; who did what to whom (events) and who spoke about whom (statements) as edges.

    Attributes are strings, integers and floats only, never missing values, so Gephi reads them.
    """
    graph = nx.DiGraph()
    with store.engine.connect() as conn:
        for row in conn.execute(_entity_counts()).mappings():
            graph.add_node(row["id"], **_present({"label": row["name"], "type": row["type"], "mentions": row["mentions"],
                                                  "documents": row["documents"], "country": row["country"],
                                                  "lat": row["lat"], "lon": row["lon"]}))
        edges = _merge(_event_edges(conn), _statement_edges(conn))
    for (source, target), attributes in edges.items():
        for node in (source, target):
            if node not in graph:
                graph.add_node(node, label=node, type="UNRESOLVED", mentions=0, documents=0)
        graph.add_edge(source, target, **attributes)
    return graph


def _entity_counts() -> Any:
    e, m = schema.entities, schema.mentions
    return (select(e, func.count(m.c.position).label("mentions"), func.count(m.c.document_id.distinct()).label("documents"))
            .join_from(e, m, m.c.entity_id == e.c.id, isouter=True).group_by(e.c.id).order_by(e.c.id))


def _event_edges(conn: Connection) -> dict[tuple[str, str], dict[str, Any]]:
    """actor → target for every event that names both, with counts by event type."""
    ev = schema.events
    query = (select(ev.c.actor, ev.c.target, ev.c.type, func.count().label("n"))
             .where(ev.c.actor.is_not(None), ev.c.target.is_not(None)).group_by(ev.c.actor, ev.c.target, ev.c.type))
    types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for actor, target, type_, n in conn.execute(query):
        types[(actor, target)][type_] += n
    return {pair: {"events": sum(c.values()), "statements": 0, "weight": sum(c.values()),
                   "types": ", ".join(sorted(c))} for pair, c in types.items()}


def _statement_edges(conn: Connection) -> dict[tuple[str, str], dict[str, Any]]:
    """speaker → entity for every statement whose content names the entity."""
    st, m = schema.statements, schema.mentions
    inside = and_(m.c.document_id == st.c.document_id, m.c.start >= st.c.content_start, m.c.end <= st.c.content_end)
    query = (select(st.c.speaker_id, m.c.entity_id, func.count().label("n")).join_from(st, m, inside)
             .where(st.c.speaker_id.is_not(None), m.c.entity_id.is_not(None), st.c.speaker_id != m.c.entity_id)
             .group_by(st.c.speaker_id, m.c.entity_id))
    return {(speaker, entity): {"events": 0, "statements": n, "weight": n, "types": "STATEMENT"}
            for speaker, entity, n in conn.execute(query)}


def _merge(events: dict[tuple[str, str], dict[str, Any]], statements: dict[tuple[str, str], dict[str, Any]]) -> dict:
    """Event and statement edges, summed where the same pair has both."""
    merged = dict(events)
    for pair, edge in statements.items():
        if pair in merged:
            old = merged[pair]
            edge = {"events": old["events"], "statements": edge["statements"], "weight": old["weight"] + edge["weight"],
                    "types": old["types"] + ", STATEMENT"}
        merged[pair] = edge
    return merged


def _present(attributes: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in attributes.items() if value is not None}


def graph_lines(graph: nx.DiGraph, fmt: str) -> Iterator[str]:
    """The actor graph as GraphML or GEXF text, streamed."""
    lines = nx.generate_graphml(graph) if fmt == "graphml" else nx.generate_gexf(graph)
    for line in lines:
        yield line + "\n"


def check_complete(store: Store, written: int) -> None:
    """Raise when a documents export holds fewer documents than the store."""
    expected = store.count()
    if written != expected:
        raise StoreError(f"{store.path}: export wrote {written} of {expected} documents")


def write_export(store: Store, fmt: str, output: str) -> str:
    """Write a complete export to `output` ('-' is stdout; a folder for csv); return what was written."""
    if fmt == "csv":
        if output == "-":
            raise UsageError("the csv export writes one file per table: give a folder with --output")
        counts = write_csv_folder(store, Path(output))
        return f"{len(counts)} tables, {sum(counts.values())} rows, in {output}"
    with _open(output) as out:
        if fmt == "jsonl":
            written = write_lines(jsonl_lines(store), out)
            check_complete(store, written)
            return f"{written} documents"
        graph = actor_graph(store)
        write_lines(graph_lines(graph, fmt), out)
        return f"actor graph of {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges"


@contextmanager
def _open(output: str) -> Iterator[TextIO]:
    if output == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="") as out:
        yield out
