"""The JSON API (documented at /openapi.json): the data behind every page, and the exports."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlalchemy import Connection

from newsgraph import export
from newsgraph.model import Claim, Document, Story
from newsgraph.report.actors import actor_view
from newsgraph.store import queries
from newsgraph.store.database import read_documents
from newsgraph.store.queries import Filters
from newsgraph.web.deps import connection, filters, search_text

router = APIRouter(prefix="/api", tags=["api"])
MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv", "graphml": "application/xml", "gexf": "application/xml"}


class StorySummary(BaseModel):
    id: str
    headline: str | None
    first_date: date | None
    last_date: date | None
    articles: int
    outlets: list[str]


class StoryDetail(BaseModel):
    story: Story
    documents: list[Document]
    claims: list[Claim]
    blame: list[dict[str, Any]]


class ArticleHit(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    story_id: str | None
    snippet: str | None


class StatementHit(BaseModel):
    document_id: str
    position: int
    content: str
    speaker: str | None
    outlet: str | None
    title: str | None
    published: date | None


class EntityHit(BaseModel):
    id: str
    name: str
    type: str
    mentions: int


class SearchResult(BaseModel):
    actors: list[EntityHit]
    articles: list[ArticleHit]
    statements: list[StatementHit]


def search_all(conn: Connection, q: str, chosen: Filters) -> dict[str, Any]:
    """Actors, articles and statements matching `q` within the filters (articles only when `q` is empty)."""
    return {"actors": queries.search_entities(conn, q) if q else [],
            "articles": queries.search_documents(conn, q, chosen),
            "statements": queries.search_statements(conn, q, chosen)}


@router.get("/stories", response_model=list[StorySummary])
def list_stories(chosen: Filters = Depends(filters), conn: Connection = Depends(connection)) -> list[dict]:
    """Stories, newest first, keeping those with an article that passes the filters."""
    return queries.stories(conn, chosen)


@router.get("/stories/{story_id}", response_model=StoryDetail)
def get_story(story_id: str, conn: Connection = Depends(connection)) -> dict:
    """One story with its documents (and every item extracted from them), claims and blame."""
    story = queries.story(conn, story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return {"story": story, "documents": read_documents(conn, story.documents),
            "claims": queries.claims(conn, story_id), "blame": queries.blame(conn, story_id)}


@router.get("/documents/{document_id}", response_model=Document)
def get_document(document_id: str, conn: Connection = Depends(connection)) -> Document:
    """One article in the extract contract of design.md."""
    found = read_documents(conn, [document_id])
    if not found:
        raise HTTPException(404, f"no document {document_id!r}")
    return found[0]


@router.get("/search", response_model=SearchResult)
def search(q: str = Depends(search_text), chosen: Filters = Depends(filters),
           conn: Connection = Depends(connection)) -> dict:
    """Full-text search over articles and statements, and actors by name."""
    return search_all(conn, q, chosen)


@router.get("/events")
def list_events(chosen: Filters = Depends(filters), limit: int = Query(200, ge=1, le=5000),
                conn: Connection = Depends(connection)) -> list[dict[str, Any]]:
    """Events by date, within the filters (event type, outlet, actor, story, dates)."""
    return queries.events(conn, chosen, limit)


@router.get("/entities/{entity_id}")
def get_entity(entity_id: str, conn: Connection = Depends(connection)) -> dict[str, Any]:
    """One actor or place (the actor page's data): its spellings, the documents naming it, what it said and did,
    and who blames it."""
    view = actor_view(conn, entity_id)
    if view is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return {"entity": view.entity, "spellings": [{"text": t, "count": n} for t, n in view.spellings],
            "documents": queries.entity_documents(conn, entity_id), "stories": [s["id"] for s in view.stories],
            "statements": view.statements, "events": view.events, "blamed_by": view.blamed_by}


@router.get("/export/{fmt}")
def export_store(request: Request, fmt: str, table: str = Query("documents", description="For csv: the table.")) -> StreamingResponse:
    """A complete export: jsonl (documents), csv (one table), graphml or gexf (the actor graph)."""
    store = request.app.state.store
    if fmt not in export.FORMATS:
        raise HTTPException(404, f"no export format {fmt!r}; one of {', '.join(export.FORMATS)}")
    if fmt == "csv" and table not in export.TABLES:
        raise HTTPException(404, f"no table {table!r}; one of {', '.join(export.TABLES)}")
    lines = {"jsonl": lambda: export.jsonl_lines(store), "csv": lambda: export.csv_lines(store, table)}.get(
        fmt, lambda: export.graph_lines(export.actor_graph(store), fmt))()
    name = f"newsgraph-{table}.csv" if fmt == "csv" else f"newsgraph.{fmt}"
    return StreamingResponse(lines, media_type=MEDIA[fmt], headers={"Content-Disposition": f'attachment; filename="{name}"'})
