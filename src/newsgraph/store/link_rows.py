"""The corpus-wide nouns (stories, claims, blame, framing) to table rows and back, field by field."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newsgraph.model import Blame, Claim, ClaimSide, Framing, Story
from newsgraph.store import schema
from newsgraph.store.rows import decode, encode

Rows = dict[Any, list[dict[str, Any]]]


def link_rows(stories: Sequence[Story], claims: Sequence[Claim], blame: Sequence[Blame],
              framing: Sequence[Framing], story_positions: Mapping[str, int] | None = None, first_blame: int = 0) -> Rows:
    """Rows of every link table, parents first.

    A story's position is its place in the linking (`story_positions`, else its place in `stories`);
    claims and framing are numbered within their story, and blame rows get ids from `first_blame` on,
    so that the rows of some stories can replace theirs alone (reading orders by story, then number).
    """
    rows: Rows = defaultdict(list)
    for position, story in enumerate(stories):
        place = story_positions[story.id] if story_positions is not None else position
        rows[schema.stories].append(encode(Story, _without(story, "documents")) | {"position": place})
        rows[schema.story_documents].extend({"story_id": story.id, "document_id": d, "position": i}
                                            for i, d in enumerate(story.documents))
    for position, claim in _within_story(claims):
        _claim_rows(rows, position, claim)
    rows[schema.blame] = [encode(Blame, dict(b)) | {"id": first_blame + i} for i, b in enumerate(blame)]
    rows[schema.framing] = [encode(Framing, dict(f)) | {"position": i} for i, f in _within_story(framing)]
    return rows


def _within_story(items: Sequence[Any]) -> list[tuple[int, Any]]:
    """Each item with its number among the items of its story, in the given order."""
    seen: dict[str, int] = defaultdict(int)
    numbered = []
    for item in items:
        numbered.append((seen[item.story], item))
        seen[item.story] += 1
    return numbered


def _claim_rows(rows: Rows, position: int, claim: Claim) -> None:
    fields = _without(claim, "story", "statements", "events", "sides")
    rows[schema.claims].append(encode(Claim, fields) | {"story_id": claim.story, "position": position})
    for table, items in ((schema.claim_statements, claim.statements), (schema.claim_events, claim.events)):
        rows[table].extend({"claim_id": claim.id, "rank": rank, "document_id": d, "position": p}
                           for rank, (d, p) in enumerate(items))
    rows[schema.claim_sides].extend(encode(ClaimSide, dict(side)) | {"claim_id": claim.id, "rank": rank}
                                    for rank, side in enumerate(claim.sides))


def _without(noun: Any, *fields: str) -> dict[str, Any]:
    return {k: v for k, v in noun if k not in fields}


def to_stories(story_rows: Iterable[Mapping[str, Any]], member_rows: Iterable[Mapping[str, Any]]) -> list[Story]:
    """Stories from their rows and their story_documents rows (documents in the stored order)."""
    members: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in member_rows:
        members[row["story_id"]].append((row["position"], row["document_id"]))
    return [Story(**decode(Story, row), documents=[d for _, d in sorted(members[row["id"]])]) for row in story_rows]


def to_claims(claim_rows: Iterable[Mapping[str, Any]], statement_rows: Iterable[Mapping[str, Any]],
              event_rows: Iterable[Mapping[str, Any]], side_rows: Iterable[Mapping[str, Any]]) -> list[Claim]:
    """Claims from their rows and the rows of their statements, events and sides (each ordered by rank)."""
    statements, events, sides = _by_claim(statement_rows), _by_claim(event_rows), _by_claim(side_rows)
    return [Claim(**decode(Claim, row), story=row["story_id"],
                  statements=[(r["document_id"], r["position"]) for r in statements[row["id"]]],
                  events=[(r["document_id"], r["position"]) for r in events[row["id"]]],
                  sides=[ClaimSide(**decode(ClaimSide, r)) for r in sides[row["id"]]]) for row in claim_rows]


def _by_claim(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    found: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r["claim_id"], r["rank"])):
        found[row["claim_id"]].append(row)
    return found


def to_blame(rows: Iterable[Mapping[str, Any]]) -> list[Blame]:
    """Blame records from their rows (in id order)."""
    return [Blame(**decode(Blame, row)) for row in rows]


def to_framing(rows: Iterable[Mapping[str, Any]]) -> list[Framing]:
    """Framing records from their rows (in position order)."""
    return [Framing(**decode(Framing, row)) for row in rows]
