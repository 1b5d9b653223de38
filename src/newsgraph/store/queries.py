"""Read queries for the report, the web app and the API: lists, filters and full-text search, all in Core."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, Text, and_, cast, func, select

from newsgraph.errors import QueryError
from newsgraph.model import Claim, Story
from newsgraph.store import schema as s
from newsgraph.store.link_rows import to_claims
from newsgraph.store.rows import decode

# Marks around the matched words of a snippet; control characters no article text keeps.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
SNIPPET_WORDS = 16
# The longest search a user can ask for: SQLite's FTS5 query parser nests one level per word
# (about 1,000 words overflow it) and LIKE refuses patterns over 50,000 bytes; a person's search
# is a few words (benchmarks/web.py searches with up to 6).
MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 32


@dataclass(frozen=True)
class Filters:
    """What a user narrows results to; empty fields do not filter."""

    date_from: date | None = None
    date_to: date | None = None
    outlet: str | None = None
    actor: str | None = None  # entity id
    event_type: str | None = None
    story: str | None = None


def query_words(text: str) -> list[str]:
    """The words of a user's search; QueryError when the search is longer than a person's search can be."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"search is {len(text):,} characters long; at most {MAX_QUERY_CHARS} are allowed")
    words = re.findall(r"\w+", text)
    if len(words) > MAX_QUERY_WORDS:
        raise QueryError(f"search has {len(words)} words; at most {MAX_QUERY_WORDS} are allowed")
    return words


def fts_query(text: str) -> str | None:
    """A user's words as a safe FTS5 query: every word quoted and required, the last one as a prefix."""
    words = query_words(text)
    if not words:
        return None
    return " AND ".join([f'"{word}"' for word in words[:-1]] + [f'"{words[-1]}"*'])


def filter_documents(query: Select, filters: Filters) -> Select:
    """`query` (over documents) narrowed to the documents that pass `filters`."""
    d = s.documents
    conditions = [
        d.c.published >= filters.date_from if filters.date_from else None,
        d.c.published <= filters.date_to if filters.date_to else None,
        d.c.outlet == filters.outlet if filters.outlet else None,
        _has(s.mentions, s.mentions.c.entity_id == filters.actor) if filters.actor else None,
        _has(s.events, s.events.c.type == filters.event_type) if filters.event_type else None,
        _has(s.story_documents, s.story_documents.c.story_id == filters.story) if filters.story else None,
    ]
    return query.where(*[c for c in conditions if c is not None])


def _has(table: Any, condition: Any) -> Any:
    """EXISTS a row of `table` for the outer query's document that meets `condition`."""
    d = s.documents
    return select(table.c.document_id).where(table.c.document_id == d.c.id, condition).correlate(d).exists()


def search_documents(conn: Connection, text: str, filters: Filters, limit: int = 50) -> list[dict[str, Any]]:
    """Articles matching the words of `text` (best first), with a snippet, within `filters`."""
    if conn.dialect.name == "postgresql":
        from newsgraph.store import postgres_search  # it builds on this module
        return postgres_search.search_documents(conn, text, filters, limit)
    query = fts_query(text)
    if query is None:
        return list_documents(conn, filters, limit)
    f, d = s.documents_fts, s.documents
    snippet = func.snippet(f.c.documents_fts, 2, MARK_OPEN, MARK_CLOSE, "…", SNIPPET_WORDS).label("snippet")
    statement = (select(*_document_summary(), snippet).join_from(f, d, f.c.document_id == d.c.id)
                 .where(f.c.documents_fts.op("MATCH")(query)).order_by(f.c.rank).limit(limit))
    return [dict(row) for row in conn.execute(filter_documents(statement, filters)).mappings()]


def list_documents(conn: Connection, filters: Filters, limit: int = 50) -> list[dict[str, Any]]:
    """The latest articles within `filters`."""
    d = s.documents
    statement = select(*_document_summary(), func.substr(d.c.text, 1, 240).label("snippet"))
    statement = statement.order_by(d.c.published.desc().nulls_last(), d.c.id).limit(limit)
    return [dict(row) for row in conn.execute(filter_documents(statement, filters)).mappings()]


def _document_summary() -> list[Any]:
    d = s.documents
    story = (select(s.story_documents.c.story_id).where(s.story_documents.c.document_id == d.c.id)
             .limit(1).scalar_subquery().label("story_id"))
    return [d.c.id, d.c.title, d.c.outlet, d.c.published, story]


def search_statements(conn: Connection, text: str, filters: Filters, limit: int = 50) -> list[dict[str, Any]]:
    """Statements whose words or speaker match `text`, within `filters`."""
    if conn.dialect.name == "postgresql":
        from newsgraph.store import postgres_search
        return postgres_search.search_statements(conn, text, filters, limit)
    query = fts_query(text)
    if query is None:
        return []
    f, st, d = s.statements_fts, s.statements, s.documents
    statement = (select(st.c.document_id, st.c.position, st.c.content, f.c.speaker, d.c.outlet, d.c.title, d.c.published)
                 .join_from(f, st, and_(f.c.document_id == st.c.document_id, f.c.position == st.c.position))
                 .join(d, d.c.id == st.c.document_id)
                 .where(f.c.statements_fts.op("MATCH")(query)).order_by(f.c.rank).limit(limit))
    return [dict(row) for row in conn.execute(filter_documents(statement, filters)).mappings()]


def search_entities(conn: Connection, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """Actors and places whose name contains `text`, most mentioned first."""
    words = query_words(text)
    if not words:
        return []
    e, m = s.entities, s.mentions
    mentions = func.count(m.c.position).label("mentions")
    statement = (select(e.c.id, e.c.name, e.c.type, mentions).join_from(e, m, m.c.entity_id == e.c.id)
                 .where(*[e.c.name.icontains(word, autoescape=True) for word in words])
                 .group_by(e.c.id).order_by(mentions.desc(), e.c.name).limit(limit))
    return [dict(row) for row in conn.execute(statement).mappings()]


def stories(conn: Connection, filters: Filters = Filters(), limit: int | None = None) -> list[dict[str, Any]]:
    """Stories (newest first) with their article count and outlets, keeping those with an article in `filters`."""
    st, sd, d = s.stories, s.story_documents, s.documents
    articles = func.count(d.c.id).label("articles")
    statement = (select(st, articles).join_from(st, sd).join(d, d.c.id == sd.c.document_id)
                 .group_by(st.c.id).order_by(st.c.last_date.desc().nulls_last(), st.c.id).limit(limit))
    rows = conn.execute(filter_documents(statement, filters)).mappings()
    return [dict(row) | decode(Story, row) for row in rows]


def story(conn: Connection, story_id: str) -> Story | None:
    """One story with its document ids (publication order)."""
    row = conn.execute(select(s.stories).where(s.stories.c.id == story_id)).mappings().first()
    if row is None:
        return None
    d, sd = s.documents, s.story_documents
    ids = conn.scalars(select(d.c.id).join_from(sd, d, d.c.id == sd.c.document_id)
                       .where(sd.c.story_id == story_id).order_by(d.c.published, d.c.id)).all()
    return Story(**decode(Story, row), documents=list(ids))


def claims(conn: Connection, story_id: str) -> list[Claim]:
    """The claims of a story, conflicts first, each whole: its reason, its sides with their evidence, its statements."""
    c = s.claims
    rows = conn.execute(select(c).where(c.c.story_id == story_id).order_by(c.c.position)).mappings().all()
    ids = [row["id"] for row in rows]

    def members(table: Any) -> list[Any]:
        return list(conn.execute(select(table).where(table.c.claim_id.in_(ids))).mappings())
    found = to_claims(rows, members(s.claim_statements), members(s.claim_events), members(s.claim_sides))
    return sorted(found, key=lambda claim: claim.agreement != "conflict")


def blame(conn: Connection, story_id: str) -> list[dict[str, Any]]:
    """Who each outlet blames in a story, on whose word (the voice and the speaker), and how often."""
    b = s.blame
    count = func.count().label("count")
    name = func.min(b.c.blamed_name).label("blamed_name")  # one name per actor id (an aggregate, as PostgreSQL requires)
    statement = (select(b.c.outlet, b.c.blamed, name, b.c.source, b.c.speaker, count).where(b.c.story == story_id)
                 .group_by(b.c.outlet, b.c.blamed, b.c.source, b.c.speaker)
                 .order_by(b.c.outlet, count.desc(), b.c.blamed))
    return [dict(row) for row in conn.execute(statement).mappings()]


def entity(conn: Connection, entity_id: str) -> dict[str, Any] | None:
    """One actor or place."""
    row = conn.execute(select(s.entities).where(s.entities.c.id == entity_id)).mappings().first()
    return dict(row) if row else None


def entity_names(conn: Connection, ids: set[str]) -> dict[str, str]:
    """Canonical names of entity ids."""
    rows = conn.execute(select(s.entities.c.id, s.entities.c.name).where(s.entities.c.id.in_(ids)))
    return dict(rows.all())


def events(conn: Connection, filters: Filters, limit: int = 200) -> list[dict[str, Any]]:
    """Events (by date) of the documents within `filters`, and of that event type when one is given."""
    e, d = s.events, s.documents
    statement = (select(e, d.c.outlet, d.c.title, d.c.published).join_from(e, d)
                 .order_by(func.coalesce(e.c.date, cast(d.c.published, Text)), e.c.document_id, e.c.position).limit(limit))
    if filters.event_type:
        statement = statement.where(e.c.type == filters.event_type)
    return [dict(row) for row in conn.execute(filter_documents(statement, filters)).mappings()]


def facets(conn: Connection) -> dict[str, list[Any]]:
    """The values the filters offer: outlets, event types, stories, and the date range."""
    d = s.documents
    return {
        "outlets": list(conn.scalars(select(d.c.outlet).where(d.c.outlet.is_not(None)).distinct().order_by(d.c.outlet))),
        "event_types": list(conn.scalars(select(s.events.c.type).distinct().order_by(s.events.c.type))),
        "stories": conn.execute(select(s.stories.c.id, s.stories.c.headline).order_by(s.stories.c.headline)).all(),
        "dates": list(conn.execute(select(func.min(d.c.published), func.max(d.c.published))).first() or (None, None)),
    }


def entity_documents(conn: Connection, entity_id: str, limit: int = 200) -> list[str]:
    """Ids of the documents that mention an entity, newest first."""
    m, d = s.mentions, s.documents
    statement = (select(d.c.id).where(_has(m, m.c.entity_id == entity_id))
                 .order_by(d.c.published.desc().nulls_last()).limit(limit))
    return list(conn.scalars(statement))


def speaker_statements(conn: Connection, entity_id: str, limit: int = 100) -> list[dict[str, Any]]:
    """What one speaker is reported to have said, newest first."""
    st, d = s.statements, s.documents
    statement = (select(st.c.document_id, st.c.position, st.c.content, st.c.speaker_text.label("speaker"), d.c.outlet,
                        d.c.title, d.c.published).join_from(st, d).where(st.c.speaker_id == entity_id)
                 .order_by(d.c.published.desc().nulls_last()).limit(limit))
    return [dict(row) for row in conn.execute(statement).mappings()]


def top_actors(conn: Connection, limit: int = 300) -> list[tuple[str, str]]:
    """The most mentioned entities as (id, name), for the actor filter."""
    e, m = s.entities, s.mentions
    statement = (select(e.c.id, e.c.name).join_from(e, m, m.c.entity_id == e.c.id).group_by(e.c.id)
                 .order_by(func.count().desc()).limit(limit))
    return sorted(conn.execute(statement).all(), key=lambda pair: pair[1].lower())
