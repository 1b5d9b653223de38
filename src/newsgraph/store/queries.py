"""Read queries for the report, the web app and the API: lists, filters and full-text search, all in Core."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, Text, and_, cast, func, or_, select

from newsgraph.extract.entity_lexicon import fold
from newsgraph.model import Claim, Entity, Story
from newsgraph.store import schema as s
from newsgraph.store.link_rows import to_claims
from newsgraph.store.rows import decode, to_entity
from newsgraph.store.search_query import SearchQuery, fts5, parse, with_spellings

# Marks around the matched words of a snippet; control characters no article text keeps.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
SNIPPET_WORDS = 16
OPENING_CHARS = 200  # of an article's text, enough for the opening words that title an untitled one
SPELLINGS = 50  # actors whose other spellings a search adds at most (one per match, most mentioned first)


@dataclass(frozen=True)
class Filters:
    """What a user narrows results to; empty fields do not filter."""

    date_from: date | None = None
    date_to: date | None = None
    outlet: str | None = None
    actor: str | None = None  # entity id
    event_type: str | None = None
    story: str | None = None


def search_terms(conn: Connection, text: str) -> SearchQuery | None:
    """A user's search parsed, with the other spellings of the actors it names; None when it has no word."""
    query = parse(text)
    if not query.groups:
        return None
    e = s.entities
    names = conn.execute(select(e.c.name, e.c.aliases).where(_names_match(query)).limit(SPELLINGS)).all()
    return with_spellings(query, [n for name, aliases in names for n in (name, *decode_aliases(aliases))])


def fts_query(conn: Connection, text: str) -> str | None:
    """A user's search as a safe FTS5 expression (see `search_terms`)."""
    query = search_terms(conn, text)
    return fts5(query) if query else None


def _names_match(query: SearchQuery) -> Any:
    """Entities whose name or an alias holds every group of the query (one of its terms), accents and case folded."""
    e = s.entities
    names = func.lower(func.newsgraph_fold(e.c.name + " " + func.coalesce(e.c.aliases, "")))  # PostgreSQL's fold keeps case
    return and_(*[or_(*[names.contains(fold(" ".join(t.words)), autoescape=True) for t in group]) for group in query.groups])


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
    query = fts_query(conn, text)
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


def decode_aliases(text: str | None) -> list[str]:
    """An entity row's aliases (JSON text) as a list."""
    return json.loads(text) if text else []


def _document_summary() -> list[Any]:
    """An article's id, title (with its opening words, for an untitled one), outlet, date and story."""
    d = s.documents
    story = (select(s.story_documents.c.story_id).where(s.story_documents.c.document_id == d.c.id)
             .limit(1).scalar_subquery().label("story_id"))
    return [d.c.id, d.c.title, func.substr(d.c.text, 1, OPENING_CHARS).label("opening"), d.c.outlet, d.c.published, story]


def search_statements(conn: Connection, text: str, filters: Filters, limit: int = 50) -> list[dict[str, Any]]:
    """Statements whose words or speaker match `text`, within `filters`."""
    if conn.dialect.name == "postgresql":
        from newsgraph.store import postgres_search
        return postgres_search.search_statements(conn, text, filters, limit)
    query = fts_query(conn, text)
    if query is None:
        return []
    f, st, d = s.statements_fts, s.statements, s.documents
    statement = (select(st.c.document_id, st.c.position, st.c.content, f.c.speaker, d.c.outlet, d.c.title, d.c.published)
                 .join_from(f, st, and_(f.c.document_id == st.c.document_id, f.c.position == st.c.position))
                 .join(d, d.c.id == st.c.document_id)
                 .where(f.c.statements_fts.op("MATCH")(query)).order_by(f.c.rank).limit(limit))
    return [dict(row) for row in conn.execute(filter_documents(statement, filters)).mappings()]


def search_entities(conn: Connection, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """Actors and places whose name or an alias matches `text` (accents and case folded), most mentioned first."""
    query = parse(text)
    if not query.groups:
        return []
    e, m = s.entities, s.mentions
    mentions = func.count(m.c.position).label("mentions")
    statement = (select(e.c.id, e.c.name, e.c.type, mentions).join_from(e, m, m.c.entity_id == e.c.id)
                 .where(_names_match(query))
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
    speaker_id = func.min(b.c.speaker_id).label("speaker_id")  # one id per speaker's words, likewise
    statement = (select(b.c.outlet, b.c.blamed, name, b.c.source, b.c.speaker, speaker_id, count)
                 .where(b.c.story == story_id).group_by(b.c.outlet, b.c.blamed, b.c.source, b.c.speaker)
                 .order_by(b.c.outlet, count.desc(), b.c.blamed))
    return [dict(row) for row in conn.execute(statement).mappings()]


def entity(conn: Connection, entity_id: str) -> dict[str, Any] | None:
    """One actor or place."""
    row = conn.execute(select(s.entities).where(s.entities.c.id == entity_id)).mappings().first()
    return dict(row) if row else None


def entities(conn: Connection, ids: set[str]) -> dict[str, Entity]:
    """The canonical actors and places of these ids (name, type, aliases, coordinates)."""
    rows = conn.execute(select(s.entities).where(s.entities.c.id.in_(ids))).mappings()
    return {row["id"]: to_entity(row) for row in rows}


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


def entity_spellings(conn: Connection, entity_id: str) -> list[tuple[str, int]]:
    """Every way the articles write an entity (spelling variants, short forms), the commonest first."""
    m = s.mentions
    count = func.count().label("count")
    statement = (select(m.c.text, count).where(m.c.entity_id == entity_id).group_by(m.c.text)
                 .order_by(count.desc(), m.c.text))
    return [(text, n) for text, n in conn.execute(statement).all()]


def entity_events(conn: Connection, entity_id: str, limit: int = 200) -> list[dict[str, Any]]:
    """The events an entity takes part in, as actor or target, by date."""
    e, d = s.events, s.documents
    statement = (select(e.c.document_id, e.c.position, e.c.type, e.c.trigger, e.c.date, e.c.actor, e.c.actor_id,
                        e.c.target, e.c.target_id, e.c.confidence, e.c.background, d.c.outlet, d.c.title, d.c.published)
                 .join_from(e, d).where((e.c.actor_id == entity_id) | (e.c.target_id == entity_id))
                 .order_by(func.coalesce(e.c.date, cast(d.c.published, Text)), e.c.document_id, e.c.position).limit(limit))
    return [dict(row) for row in conn.execute(statement).mappings()]


def blamers(conn: Connection, entity_id: str) -> list[dict[str, Any]]:
    """Who blames an entity: each outlet's word on it, its voice and speaker, and the sentence saying so."""
    b, d = s.blame, s.documents
    evidence = func.substr(d.c.text, b.c.start + 1, b.c.end - b.c.start).label("evidence")
    statement = (select(b.c.story, b.c.document, b.c.outlet, b.c.source, b.c.speaker, b.c.speaker_id, b.c.cue, evidence,
                        d.c.title, d.c.published).join_from(b, d, d.c.id == b.c.document).where(b.c.blamed == entity_id)
                 .order_by(b.c.outlet, d.c.published, b.c.id))
    return [dict(row) for row in conn.execute(statement).mappings()]
