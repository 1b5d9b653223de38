"""Linking the stored corpus into stories, claims and blame, replacing the previous linking atomically."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsgraph.store.database import Store


def relink(store: Store) -> int:
    """Link every stored document again (new articles join the existing stories); return the story count."""
    link = _linker()
    if link is None:
        return 0
    linked = link(list(store.documents()))
    store.set_links(linked.stories, linked.claims, blame_rows(linked))
    return len(linked.stories)


def _linker() -> Callable[[list], Any] | None:
    try:
        from newsgraph.link import link_corpus
    except ImportError:  # the link stage is not in this checkout: documents are stored without stories
        return None
    return link_corpus


def blame_rows(linked: Any) -> list[dict[str, Any]]:
    """The blame of a linking as rows of the blame table."""
    return [dict(row) for row in getattr(linked, "blame", [])]
