"""Linking the stored corpus into stories, claims, blame and framing, replacing the previous linking atomically."""

from __future__ import annotations

from newsgraph.link import link_corpus
from newsgraph.store.database import Store


def relink(store: Store) -> int:
    """Link every stored document again (new articles join the existing stories); return the story count."""
    linked = link_corpus(list(store.documents()))
    store.set_links(linked.stories, linked.claims, linked.attributions, linked.framing)
    return len(linked.stories)
