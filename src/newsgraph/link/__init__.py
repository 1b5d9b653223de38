"""The link stage: stories across outlets, matching claims, and who each outlet blames.

`link_corpus(documents)` links a whole run at its end, its stories grouped at once; `StoryIndex().add(document)`
gives each article its story as it streams by, and `StoryIndex.grow` groups a later batch with the stories it resembles.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.link.claims import find_claims
from newsgraph.link.framing import compare_blame, outlet_framing, responsibility_claims
from newsgraph.link.stories import StoryIndex, canonical_order
from newsgraph.model import Blame, Claim, Document, Framing, Story

__all__ = ["Linked", "StoryIndex", "compare_blame", "find_claims", "group_stories", "link_corpus"]


@dataclass(frozen=True)
class Linked:
    """A linked corpus: its documents (with `story` set), stories, claims, blame and outlet framing."""

    documents: list[Document]
    stories: list[Story]
    claims: list[Claim]
    attributions: list[Blame]
    framing: list[Framing]


def by_story(claims: list[Claim], stories: list[Story]) -> list[Claim]:
    """Claims grouped by story, in the stories' order (each story's own order kept): the order the store reads back,
    and blame and framing already have, so that relinking some stories leaves the others' rows as they are."""
    order = {story.id: number for number, story in enumerate(stories)}
    return sorted(claims, key=lambda claim: order.get(claim.story or "", len(order)))


def group_stories(documents: list[Document]) -> StoryIndex:
    """The story index of a whole corpus grouped at once, in canonical order: the same stories and ids whatever
    order the documents come in."""
    return StoryIndex.grouped(canonical_order(documents))


def link_corpus(documents: list[Document], index: StoryIndex | None = None) -> Linked:
    """Stories, claims, blame and framing of `documents`.

    Without `index` the stories are grouped from all the articles at once (`group_stories`),
    independent of input order; with an index that already holds the documents (the one that gave
    them their stories while streaming, or a grouped one), its stories are kept.
    """
    if index is None:
        index = group_stories(documents)
    linked = [index.add(d) for d in documents]
    stories = index.stories
    attributions = compare_blame(linked, stories)
    claims = by_story(find_claims(linked) + responsibility_claims(linked, attributions), stories)
    return Linked(linked, stories, claims, attributions, outlet_framing(linked, stories, claims, attributions))
