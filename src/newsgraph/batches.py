"""Cutting a stream into consecutive lists, the unit of work for workers and store transactions."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive lists of `size` items (the last one shorter), streaming."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
