"""What an actor's page shows, for the report and the web app alike: its names, stories, words, deeds, and who blames it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from newsgraph.model import Entity
from newsgraph.store import queries
from newsgraph.store.queries import Filters
from newsgraph.store.rows import to_entity
from newsgraph.summary import voice


@dataclass
class ActorView:
    """One canonical actor or place: how the articles write it, and everything the store knows it did or said."""

    entity: Entity
    spellings: list[tuple[str, int]]  # as written in the articles, with how often
    stories: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    events: list[dict[str, Any]]
    blamed_by: list[dict[str, Any]]  # each with its `voice` ("quoting X", "in its own voice")


def actor_view(conn: Connection, entity_id: str) -> ActorView | None:
    """The page of one entity, or None when the store has no such entity."""
    row = queries.entity(conn, entity_id)
    if row is None:
        return None
    blamed_by = [b | {"voice": voice(b["source"], b["speaker"])} for b in queries.blamers(conn, entity_id)]
    return ActorView(entity=to_entity(row), spellings=queries.entity_spellings(conn, entity_id),
                     stories=queries.stories(conn, Filters(actor=entity_id)),
                     statements=queries.speaker_statements(conn, entity_id),
                     events=queries.entity_events(conn, entity_id), blamed_by=blamed_by)


def variants(view: ActorView) -> list[str]:
    """The entity's other names: its aliases and every spelling the articles use, without its own name."""
    names = [*view.entity.aliases, *(text for text, _ in view.spellings)]
    return [n for n in dict.fromkeys(names) if n != view.entity.name]
