"""A readable title for every article, also those that came without one (never a file path or an id)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

OPENING_WORDS = 10  # words of the text that stand in for a missing title


def readable_title(title: str | None, text: str | None, outlet: str | None, published: Any) -> str:
    """The title; else the article's first words; else its outlet and date."""
    if title and title.strip():
        return title.strip()
    words = re.findall(r"\S+", text or "")[:OPENING_WORDS]
    if words:
        return " ".join(words) + ("…" if len(words) == OPENING_WORDS else "")
    return f"{outlet or 'Unknown outlet'}, {published or 'undated'}"


def headline(item: Any) -> str:
    """The readable title of a Document, or of a result row holding `title` and its `opening` text."""
    if isinstance(item, Mapping):
        return readable_title(item.get("title"), item.get("opening"), item.get("outlet"), item.get("published"))
    return readable_title(item.title, item.text, item.outlet, item.published)
