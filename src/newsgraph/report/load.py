"""Story views read from the store: one query layer under both the report and the web app."""

from __future__ import annotations

from sqlalchemy import Connection, select

from newsgraph.model import Document, Entity, Story
from newsgraph.report.dossier import StoryView, build_story
from newsgraph.store import queries, schema
from newsgraph.store.database import read_documents

UNLINKED = "unlinked"  # the pseudo-story gathering the articles no story holds


def story_view(conn: Connection, story_id: str, prefix: str = "") -> StoryView | None:
    """Everything the page of one story shows, or None when there is no such story."""
    story = queries.story(conn, story_id)
    if story is None:
        return None
    documents = _in_order(read_documents(conn, story.documents), story.documents)
    blame = queries.blame(conn, story_id)
    return build_story(story, documents, queries.claims(conn, story_id), blame, _entities(conn, documents, blame), prefix)


def document_view(conn: Connection, document_id: str) -> StoryView | None:
    """One article shown like a story of its own (its sections and its highlighted text)."""
    documents = read_documents(conn, [document_id])
    if not documents:
        return None
    document = documents[0]
    story = Story(id=document.story or document.id, documents=[document.id], headline=document.title,
                  first_date=document.published, last_date=document.published, outlets=[document.outlet or ""])
    return build_story(story, documents, [], [], _entities(conn, documents, []))


def unlinked_view(conn: Connection, prefix: str = "") -> StoryView | None:
    """The articles that belong to no story, gathered as one section (None when every article has a story)."""
    d, sd = schema.documents, schema.story_documents
    ids = list(conn.scalars(select(d.c.id).where(d.c.id.not_in(select(sd.c.document_id)))
                            .order_by(d.c.published, d.c.id)))
    if not ids:
        return None
    documents = _in_order(read_documents(conn, ids), ids)
    days = [x.published for x in documents if x.published]
    story = Story(id=UNLINKED, documents=ids, headline="Articles in no story", first_date=min(days, default=None),
                  last_date=max(days, default=None), outlets=sorted({x.outlet for x in documents if x.outlet}))
    return build_story(story, documents, [], [], _entities(conn, documents, []), prefix)


def _in_order(documents: list[Document], ids: list[str]) -> list[Document]:
    found = {d.id: d for d in documents}
    return [found[i] for i in ids if i in found]


def _entities(conn: Connection, documents: list[Document], blame: list[dict]) -> dict[str, Entity]:
    """The canonical actors and places that mentions, speakers, event arguments and blame rows refer to."""
    ids = {row["blamed"] for row in blame} | {row["speaker_id"] for row in blame if row["speaker_id"]}
    for d in documents:
        ids |= {m.entity_id for m in d.entities if m.entity_id}
        ids |= {q.speaker_id for q in d.quotes if q.speaker_id}
        ids |= {value for e in d.events for value in (e.actor_id, e.target_id) if value}
    return queries.entities(conn, ids)
