"""Average-linkage clustering over sparse pairwise similarities, without being told the number of clusters.

Items are numbered 0..n-1; `similar[i]` maps the items that item i resembles to their similarity,
each pair on either side (on both, their mean is taken; a missing pair counts 0). The two clusters
with the highest average similarity over all their member pairs merge, again and again, while that
average reaches the threshold. Average link keeps a look-alike that resembles one member from
chaining two groups together. The result depends only on the similarities and the item numbers
(exact ties go to the lowest-numbered clusters), not on the order the pairs are given in.
`attach_fragments` then puts each cluster too small to be a story of its own into the bigger
cluster it resembles most, all at once.
"""

from __future__ import annotations

import heapq


def average_linkage(similar: list[dict[int, float]], threshold: float, start: list[int] | None = None) -> list[int]:
    """Each item's cluster, named by the lowest item number in it; items given the same `start` label begin as one
    cluster (a story kept whole)."""
    size = [1] * len(similar)
    label = list(range(len(similar)))
    links = _symmetric(similar)
    version = [0] * len(similar)
    opened: dict[int, int] = {}  # each `start` label -> its first item, which the others fold into
    for item, group in enumerate(start or []):
        if opened.setdefault(group, item) != item:
            _merge(links, size, version, label, opened[group], item)
    heap = [(-total / (size[i] * size[j]), i, j, version[i], version[j]) for i, row in enumerate(links)
            for j, total in row.items() if i < j and total / (size[i] * size[j]) >= threshold]
    heapq.heapify(heap)
    while heap:
        _, first, second, first_version, second_version = heapq.heappop(heap)
        if version[first] != first_version or version[second] != second_version:
            continue  # stale: one of the two has merged since
        _merge(links, size, version, label, first, second)
        for other, total in links[first].items():
            average = total / (size[first] * size[other])
            if average >= threshold:
                low, high = min(first, other), max(first, other)
                heapq.heappush(heap, (-average, low, high, version[low], version[high]))
    return [_root(label, i) for i in range(len(similar))]


def attach_fragments(similar: list[dict[int, float]], labels: list[int], largest: int, threshold: float) -> list[int]:
    """`labels` with each cluster of at most `largest` items moved into the bigger cluster it matches best on average
    over their pairs, when that average reaches `threshold` (ties to the lower label); every move is decided on the
    clusters as given, so no order is involved."""
    links = _symmetric(similar)
    members: dict[int, list[int]] = {}
    for item, label in enumerate(labels):
        members.setdefault(label, []).append(item)
    moved = list(labels)
    for label, items in members.items():
        if len(items) > largest:
            continue
        totals: dict[int, float] = {}
        for item in items:
            for other, value in links[item].items():
                if len(members[labels[other]]) > largest:
                    totals[labels[other]] = totals.get(labels[other], 0.0) + value
        best = max(((total / (len(items) * len(members[target])), -target) for target, total in totals.items()), default=None)
        if best is not None and best[0] >= threshold:
            for item in items:
                moved[item] = -best[1]
    return moved


def _symmetric(similar: list[dict[int, float]]) -> list[dict[int, float]]:
    """Each item's links with the others: a pair given on one side as given, on both the mean (the same float either way)."""
    links: list[dict[int, float]] = [{} for _ in similar]
    for item, row in enumerate(similar):
        for other, value in row.items():
            if other != item:
                mean = (value + similar[other].get(item, value)) / 2
                links[item][other] = links[other][item] = mean
    return links


def _merge(links: list[dict[int, float]], size: list[int], version: list[int], label: list[int], first: int, second: int) -> None:
    """Fold cluster `second` into `first` (first < second): summed links, summed size, both versions bumped."""
    for other, total in links[second].items():
        if other != first:
            links[first][other] = links[first].get(other, 0.0) + total
            links[other][first] = links[first][other]
            del links[other][second]
    links[first].pop(second, None)
    links[second] = {}
    size[first] += size[second]
    label[second] = first
    version[first] += 1
    version[second] += 1


def _root(label: list[int], item: int) -> int:
    while label[item] != item:
        item = label[item]
    return item
