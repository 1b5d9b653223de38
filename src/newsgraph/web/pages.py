"""The HTML pages: home, search (with its live results fragment), story, article and actor."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection

from newsgraph import export
from newsgraph.report.actors import actor_view
from newsgraph.report.load import document_view, story_view
from newsgraph.report.render import Links, figures
from newsgraph.store import queries
from newsgraph.store.queries import Filters
from newsgraph.web.api import search_all
from newsgraph.web.deps import connection, filters, search_text

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
LATEST = 20


def render(request: Request, name: str, **context) -> HTMLResponse:
    """A page from the app's templates."""
    return HTMLResponse(request.app.state.templates.get_template(name).render(**context))


def _facets(conn: Connection) -> dict:
    return queries.facets(conn) | {"actors": queries.top_actors(conn)}


def _results(conn: Connection, q: str, chosen: Filters) -> dict:
    results = search_all(conn, q, chosen)
    results["stories"] = queries.stories(conn, chosen, limit=20) if chosen != Filters() or not q else []
    results["events"] = queries.events(conn, chosen, limit=100) if chosen.event_type else []
    return results


@router.get("/")
def home(request: Request, conn: Connection = Depends(connection)) -> HTMLResponse:
    return render(request, "home.html.j2", stories=queries.stories(conn), latest=queries.list_documents(conn, Filters(), LATEST),
                  total=request.app.state.store.count(), facets=_facets(conn), filters=Filters(), q="",
                  upload=request.app.state.token is not None, exports=export.FORMATS)


@router.get("/search")
def search(request: Request, q: str = Depends(search_text), chosen: Filters = Depends(filters),
           conn: Connection = Depends(connection)) -> HTMLResponse:
    return render(request, "search.html.j2", q=q, filters=chosen, facets=_facets(conn), results=_results(conn, q, chosen))


@router.get("/search/results")
def search_results(request: Request, q: str = Depends(search_text), chosen: Filters = Depends(filters),
                   conn: Connection = Depends(connection)) -> HTMLResponse:
    """The results fragment the search form swaps in as the user types."""
    return render(request, "_results.html.j2", results=_results(conn, q, chosen))


@router.get("/stories/{story_id}")
def story(request: Request, story_id: str, conn: Connection = Depends(connection)) -> HTMLResponse:
    view = story_view(conn, story_id)
    if view is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return render(request, "story.html.j2", view=view, figures=figures(view), links=LINKS)


@router.get("/documents/{document_id}")
def document(request: Request, document_id: str, conn: Connection = Depends(connection)) -> HTMLResponse:
    view = document_view(conn, document_id)
    if view is None:
        raise HTTPException(404, f"no document {document_id!r}")
    return render(request, "story.html.j2", view=view, figures=figures(view), links=DOCUMENT_LINKS)


@router.get("/actors/{entity_id}")
def actor(request: Request, entity_id: str, conn: Connection = Depends(connection)) -> HTMLResponse:
    view = actor_view(conn, entity_id)
    if view is None:
        raise HTTPException(404, f"no actor {entity_id!r}")
    return render(request, "actor.html.j2", view=view, links=LINKS, q="")


def _url(kind: str, value: str) -> str:
    """The app's page of a story, article or actor."""
    return f"/{kind}/" + quote(value, safe="")


def _item(document_id: str, mark: str, position: int) -> tuple[str, None]:
    """An extracted item on its article's page, highlighted there (the page keys its items a0-...)."""
    return f"{_url('documents', document_id)}#a0-{mark}{position}", None


LINKS = Links(actor=lambda i: _url("actors", i), story=lambda i: _url("stories", i), item=_item,
              article=lambda i: _url("documents", i))
DOCUMENT_LINKS = Links(actor=LINKS.actor, story=LINKS.story, item=_item)  # an article's page links to no article page
