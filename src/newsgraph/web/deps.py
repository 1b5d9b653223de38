"""What every route needs: a database connection per request, and the filters of the query string."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from fastapi import HTTPException, Query, Request
from sqlalchemy import Connection

from newsgraph.errors import QueryError
from newsgraph.store import Store
from newsgraph.store.queries import Filters
from newsgraph.store.search_query import MAX_QUERY_CHARS, parse


def connection(request: Request) -> Iterator[Connection]:
    """A connection to the app's store, closed when the response is sent."""
    store: Store = request.app.state.store
    with store.engine.connect() as conn:
        yield conn


def _day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a date in the form YYYY-MM-DD") from None


def filters(
    date_from: str | None = Query(None, description="Earliest publication date, YYYY-MM-DD."),
    date_to: str | None = Query(None, description="Latest publication date, YYYY-MM-DD."),
    outlet: str | None = Query(None, description="Only articles of this outlet."),
    actor: str | None = Query(None, description="Only articles naming this entity id."),
    event_type: str | None = Query(None, description="Only articles with an event of this type."),
    story: str | None = Query(None, description="Only articles of this story id."),
) -> Filters:
    """The filters of a request; empty values do not filter."""
    return Filters(date_from=_day(date_from, "date_from"), date_to=_day(date_to, "date_to"), outlet=outlet or None,
                   actor=actor or None, event_type=event_type or None, story=story or None)


def search_text(q: str = Query("", max_length=MAX_QUERY_CHARS,
                               description='Words to find (all of them); `A OR B` for either, "a phrase", prefix*; accents and case do not matter.')) -> str:
    """The search words of a request; a search longer than a person's is refused with 422, never run."""
    try:
        parse(q)
    except QueryError as error:
        raise HTTPException(422, str(error)) from None
    return q
