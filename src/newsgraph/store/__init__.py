"""Where results live: the SQLite store of design.md's nouns, with full-text search and views."""

from newsgraph.store.database import Store

__all__ = ["Store"]
