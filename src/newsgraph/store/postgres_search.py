"""Full-text search on PostgreSQL: tsvector expressions over the rows, GIN-indexed, queried with to_tsquery.

Text and query are folded the same way (`newsgraph_fold`: accents off), so "Societe" finds "Société".
A user's search is parsed as for SQLite (`search_query`: words, `a OR b`, `"a phrase"`, `prefix*`,
the other spellings of the actors it names) and only its words reach the tsquery, so the two stores
answer the same search the same way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, literal_column, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql.ddl import DDL
from sqlalchemy.sql.elements import ColumnElement

from newsgraph.store import schema as s
from newsgraph.store.queries import (
    MARK_CLOSE, MARK_OPEN, SNIPPET_WORDS, Filters, _document_summary, filter_documents, list_documents, search_terms,
)
from newsgraph.store.search_query import Term

CONFIG = "english"  # the text search configuration: English stemming and stop words, as FTS5's porter tokenizer
_HEADLINE = f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}"


# Constants written into the SQL, never bound: a GIN index serves a query only when its expression is the same text.
_CONFIG = literal_column(f"'{CONFIG}'::regconfig")
_SPACE, _EMPTY = literal_column("' '"), literal_column("''")


def _vector(*parts: Any) -> ColumnElement:
    """The tsvector of the folded, space-joined parts (NULL parts as empty; concat_ws is not IMMUTABLE, || is)."""
    joined = func.coalesce(parts[0], _EMPTY)
    for part in parts[1:]:
        joined = joined.op("||")(_SPACE).op("||")(func.coalesce(part, _EMPTY))
    return func.to_tsvector(_CONFIG, func.newsgraph_fold(joined))


def document_vector() -> ColumnElement:
    d = s.documents
    return _vector(d.c.title, d.c.text)


def statement_vector() -> ColumnElement:
    st = s.statements
    return _vector(func.coalesce(st.c.speaker_text, st.c.speaker), st.c.content)


def search_indexes() -> list[DDL]:
    """The GIN indexes the searches use, on the same expressions."""
    return [_gin("documents_search", s.documents.name, document_vector()),
            _gin("statements_search", s.statements.name, statement_vector())]


def _gin(name: str, table: str, expression: ColumnElement) -> DDL:
    sql = expression.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
    return DDL(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({sql}))")


def ts_query(conn: Connection, text: str) -> ColumnElement | None:
    """A user's search as a tsquery over folded words (see the module docstring: `search_query`'s syntax); None when it has no words."""
    query = search_terms(conn, text)
    if query is None:
        return None
    expression = " & ".join("(" + " | ".join(_ts_term(t) for t in group) + ")" for group in query.groups)
    expression += "".join(f" & !({_ts_term(t)})" for t in query.excluded)
    return func.to_tsquery(_CONFIG, func.newsgraph_fold(expression))


def _ts_term(term: Term) -> str:
    """One term in tsquery syntax: a phrase's words in order (<->), a prefix's last word with :*."""
    return " <-> ".join(term.words) + (":*" if term.prefix else "")


def search_documents(conn: Connection, text: str, filters: Filters, limit: int = 50) -> list[dict[str, Any]]:
    """Articles matching `text` (best first), with a snippet, within `filters`."""
    query = ts_query(conn, text)
    if query is None:
        return list_documents(conn, filters, limit)
    d, vector = s.documents, document_vector()
    snippet = func.ts_headline(_CONFIG, d.c.text, query, _HEADLINE).label("snippet")
    statement = (select(*_document_summary(), snippet).where(vector.op("@@")(query))
                 .order_by(func.ts_rank(vector, query).desc(), d.c.id).limit(limit))
    return [dict(row) for row in conn.execute(filter_documents(statement, filters)).mappings()]


def search_statements(conn: Connection, text: str, filters: Filters, limit: int = 50) -> list[dict[str, Any]]:
    """Statements whose words or speaker match `text`, within `filters`."""
    query = ts_query(conn, text)
    if query is None:
        return []
    st, d, vector = s.statements, s.documents, statement_vector()
    speaker = func.coalesce(st.c.speaker_text, st.c.speaker, _EMPTY).label("speaker")
    statement = (select(st.c.document_id, st.c.position, st.c.content, speaker, d.c.outlet, d.c.title, d.c.published)
                 .join_from(st, d, d.c.id == st.c.document_id).where(vector.op("@@")(query))
                 .order_by(func.ts_rank(vector, query).desc(), st.c.document_id, st.c.position).limit(limit))
    return [dict(row) for row in conn.execute(filter_documents(statement, filters)).mappings()]
