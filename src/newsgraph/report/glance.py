"""The story in a few lines, read before any evidence: what happened, where, when, and who."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from newsgraph.link.stories import ACTOR_TYPES, PLACE_TYPES
from newsgraph.model import Document, Entity

SHOWN = 5  # items per line of the summary


@dataclass(frozen=True)
class Ref:
    """An entity as the summary names it: its id (for the link), its name, how often the story names it."""

    id: str
    name: str
    count: int


@dataclass(frozen=True)
class Happening:
    """One kind of event of the story: its PLOVER type, how many events, the words most used for it."""

    type: str
    count: int
    words: list[str]


@dataclass(frozen=True)
class Glance:
    """The story at a glance."""

    what: list[Happening]
    where: list[Ref]
    first: date | None
    last: date | None
    actors: list[Ref]


def glance(documents: Sequence[Document], entities: Mapping[str, Entity], own_events: Sequence[dict],
           first: date | None, last: date | None) -> Glance:
    """The summary of a story from its documents, its canonical entities and its own days' events (`detail` dicts)."""
    counts = Counter(m.entity_id for d in documents for m in d.entities if m.entity_id in entities)
    return Glance(what=_what(own_events), where=_refs(counts, entities, PLACE_TYPES),
                  first=first, last=last, actors=_refs(counts, entities, ACTOR_TYPES))


def _what(events: Sequence[dict]) -> list[Happening]:
    """The most frequent event types of the story's own days, each with its commonest trigger words."""
    words: dict[str, Counter[str]] = defaultdict(Counter)
    for event in events:
        words[event["type"]][event["trigger"].lower()] += 1
    ranked = sorted(words.items(), key=lambda item: (-item[1].total(), item[0]))[:SHOWN]
    return [Happening(kind, found.total(), [w for w, _ in found.most_common(3)]) for kind, found in ranked]


def _refs(counts: Counter, entities: Mapping[str, Entity], types: frozenset[str]) -> list[Ref]:
    """The most named entities of some types."""
    found = [(i, n) for i, n in counts.most_common() if entities[i].type in types]
    return [Ref(i, entities[i].name, n) for i, n in found[:SHOWN]]
