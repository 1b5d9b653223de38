"""Complete exports of a store: documents as JSON Lines, every table as CSV, the actor graph as GraphML/GEXF.

Every writer streams and returns how many records it wrote, so callers can check that nothing was
left out (`check_complete`).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import networkx as nx
from sqlalchemy import Connection, and_, func, select

from newsgraph.contract import links_json, to_contract
from newsgraph.errors import StoreError, UsageError
from newsgraph.store import Store, schema
from newsgraph.store.metadata import datasette_metadata

FORMATS = ("jsonl", "csv", "graphml", "gexf")  # what the web app serves for download
TABLES = {name: table for name, table in schema.metadata.tables.items() if name not in {v.table.name for v in schema.VIEWS}}
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


def actor_graph(store: Store) -> nx.MultiDiGraph:
    """One node per canonical actor or place; one edge per event that names both its actor and target
    (who did what to whom) and per statement whose content names an actor (who spoke about whom).

    Edges carry their date, story, outlet and evidence (article and span), so Gephi can filter and
    the user can go back to the words. Attributes are strings, numbers and booleans, never missing.
    """
    graph = nx.MultiDiGraph()
    with store.engine.connect() as conn:
        for row in conn.execute(_entity_counts()).mappings():
            graph.add_node(row["id"], **_present({
                "label": row["name"], "type": row["type"], "mentions": row["mentions"], "documents": row["documents"],
                "aliases": "; ".join(json.loads(row["aliases"] or "[]")), "country": row["country"],
                "lat": row["lat"], "lon": row["lon"]}))
        for source, target, attributes in [*_event_edges(conn), *_statement_edges(conn)]:
            graph.add_edge(source, target, **_present(attributes))
    return graph


def _entity_counts() -> Any:
    e, m = schema.entities, schema.mentions
    return (select(e, func.count(m.c.position).label("mentions"), func.count(m.c.document_id.distinct()).label("documents"))
            .join_from(e, m, m.c.entity_id == e.c.id, isouter=True).group_by(e.c.id).order_by(e.c.id))


def _evidence_columns(table: Any) -> list[Any]:
    d, sd = schema.documents, schema.story_documents
    return [table.c.document_id, sd.c.story_id, d.c.outlet, d.c.published]


def _event_edges(conn: Connection) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """actor → target for every event whose actor and target are both canonical actors."""
    ev, d, sd = schema.events, schema.documents, schema.story_documents
    query = (select(ev.c.actor_id, ev.c.target_id, ev.c.type, ev.c.date, ev.c.sentence_start, ev.c.sentence_end,
                    ev.c.confidence, *_evidence_columns(ev))
             .join_from(ev, d).outerjoin(sd, sd.c.document_id == ev.c.document_id)
             .where(ev.c.actor_id.is_not(None), ev.c.target_id.is_not(None), ev.c.actor_id != ev.c.target_id)
             .order_by(ev.c.document_id, ev.c.position))
    for row in conn.execute(query).mappings():
        yield row["actor_id"], row["target_id"], _edge(row, row["type"], row["date"], row["sentence_start"],
                                                       row["sentence_end"]) | _present({"confidence": row["confidence"]})


def _statement_edges(conn: Connection) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """speaker → actor for every statement of a canonical speaker whose content names another canonical actor
    (of the text: the headline's offsets are not the mentions')."""
    st, m, d, sd = schema.statements, schema.mentions, schema.documents, schema.story_documents
    inside = and_(m.c.document_id == st.c.document_id, m.c.start >= st.c.content_start, m.c.end <= st.c.content_end)
    query = (select(st.c.speaker_id, m.c.entity_id, st.c.content_start, st.c.content_end, *_evidence_columns(st)).distinct()
             .join_from(st, m, inside).join(d, d.c.id == st.c.document_id).outerjoin(sd, sd.c.document_id == st.c.document_id)
             .where(st.c.speaker_id.is_not(None), m.c.entity_id.is_not(None), st.c.speaker_id != m.c.entity_id, st.c.in_title.is_(False))
             .order_by(st.c.document_id, st.c.position, m.c.entity_id))
    for row in conn.execute(query).mappings():
        yield row["speaker_id"], row["entity_id"], _edge(row, "STATEMENT", None, row["content_start"], row["content_end"])


def _edge(row: Any, kind: str, day: str | None, start: int, end: int) -> dict[str, Any]:
    """An edge's attributes: what it is, when, in which story and outlet, and where its evidence is."""
    published = row["published"].isoformat() if row["published"] else None
    return {"kind": kind, "date": day or published, "story": row["story_id"], "outlet": row["outlet"],
            "document": row["document_id"], "start": start, "end": end, "weight": 1}


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
        raise StoreError(f"{store.location}: export wrote {written} of {expected} documents")


def write_export(store: Store, fmt: str, output: str) -> str:
    """Write a complete export to `output` ('-' is stdout; a folder for csv); return what was written."""
    if fmt == "csv":
        if output == "-":
            raise UsageError("the csv export writes one file per table: give a folder with --output")
        counts = write_csv_folder(store, Path(output))
        return f"{len(counts)} tables, {sum(counts.values())} rows, in {output}"
    with _open(output) as out:
        return WRITERS[fmt](store, fmt, out)


def _write_jsonl(store: Store, _fmt: str, out: TextIO) -> str:
    written = write_lines(jsonl_lines(store), out)
    check_complete(store, written)
    return f"{written} documents"


def _write_links(store: Store, _fmt: str, out: TextIO) -> str:
    """The stored stories, claims, blame, framing and entities: the JSON `extract --links` writes."""
    data = links_json(**vars(store.links()))
    out.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return ", ".join(f"{len(items)} {noun}" for noun, items in data.items())


def _write_datasette(store: Store, _fmt: str, out: TextIO) -> str:
    """metadata.json for `datasette <db> --metadata metadata.json`."""
    data = datasette_metadata(store.name)
    out.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return f"Datasette metadata for {len(data['databases'][store.name]['tables'])} tables and views"


def _write_graph(store: Store, fmt: str, out: TextIO) -> str:
    graph = actor_graph(store)
    write_lines(graph_lines(graph, fmt), out)
    return f"actor graph of {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges"


WRITERS = {"jsonl": _write_jsonl, "links": _write_links, "datasette": _write_datasette,
           "graphml": _write_graph, "gexf": _write_graph}


@contextmanager
def _open(output: str) -> Iterator[TextIO]:
    if output == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="") as out:
        yield out
