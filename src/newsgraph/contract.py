"""The extract contract of design.md: one JSON object per document, in a fixed key order."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from pathlib import Path

from newsgraph.model import Blame, Claim, Document, Entity, Framing, Story

if TYPE_CHECKING:
    from newsgraph.link import Linked

# design.md's keys first, in its order; then what newsgraph adds for provenance.
CONTRACT_KEYS = (
    "id", "source", "url", "outlet", "title", "published", "language", "text", "story",
    "entities", "quotes", "quantities", "timexes", "events",
)
EXTRA_KEYS = ("date_source", "byline", "credits", "duplicate_of")


def to_contract(document: Document) -> dict[str, Any]:
    """The document as a JSON-ready dict with every contract key present."""
    data = document.model_dump(mode="json")
    return {key: data[key] for key in CONTRACT_KEYS + EXTRA_KEYS}


def write_documents(documents: Iterable[Document], out: TextIO, fmt: str = "jsonl") -> int:
    """Write documents as JSON Lines or one JSON array, streaming; return how many were written."""
    count = 0
    if fmt == "json":
        out.write("[")
    for document in documents:
        line = json.dumps(to_contract(document), ensure_ascii=False)
        if fmt == "json":
            out.write(("," if count else "") + "\n" + line)
        else:
            out.write(line + "\n")
        out.flush()
        count += 1
    if fmt == "json":
        out.write("\n]\n" if count else "]\n")
    return count


def links_json(stories: Iterable[Story], claims: Iterable[Claim], blame: Iterable[Blame], framing: Iterable[Framing],
               entities: Iterable[Entity]) -> dict[str, list[dict[str, Any]]]:
    """The corpus-wide nouns as one JSON-ready object: what `extract --links` and `export --format links` write."""
    return {
        "stories": [s.model_dump(mode="json") for s in stories],
        "claims": [c.model_dump(mode="json") for c in claims],
        "blame": [b.model_dump(mode="json") for b in blame],
        "framing": [f.model_dump(mode="json") for f in framing],
        "entities": [e.model_dump(mode="json") for e in sorted(entities, key=lambda e: e.id)],
    }


def write_links(linked: Linked, entities: Iterable[Entity], path: Path) -> None:
    """The run's stories, claims, blame, outlet framing and canonical entities as one JSON object, written whole or not at all."""
    data = links_json(linked.stories, linked.claims, linked.attributions, linked.framing, entities)
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(path)
