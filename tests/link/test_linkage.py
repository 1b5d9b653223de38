"""Average-linkage clustering: the closest groups merge first, a look-alike does not chain two groups, order is free."""

from __future__ import annotations

import random

from newsgraph.link.linkage import attach_fragments, average_linkage


def _groups(labels: list[int]) -> set[frozenset[int]]:
    found: dict[int, set[int]] = {}
    for item, label in enumerate(labels):
        found.setdefault(label, set()).add(item)
    return {frozenset(g) for g in found.values()}


def test_a_lookalike_resembling_one_member_does_not_join_the_group() -> None:
    # 0, 1, 2 report one happening; 3 resembles 2 only, as a look-alike resembles the report closest to it.
    similar = [{1: 0.9, 2: 0.8}, {0: 0.9, 2: 0.85}, {0: 0.8, 1: 0.85, 3: 0.6}, {2: 0.6}]
    assert _groups(average_linkage(similar, 0.4)) == {frozenset({0, 1, 2}), frozenset({3})}


def test_two_groups_merge_when_their_average_reaches_the_threshold() -> None:
    similar = [{1: 0.9, 2: 0.5, 3: 0.5}, {0: 0.9, 2: 0.5, 3: 0.5}, {0: 0.5, 1: 0.5, 3: 0.9}, {0: 0.5, 1: 0.5, 2: 0.9}]
    assert _groups(average_linkage(similar, 0.5)) == {frozenset(range(4))}
    assert _groups(average_linkage(similar, 0.6)) == {frozenset({0, 1}), frozenset({2, 3})}


def test_clusters_are_named_by_their_lowest_item_and_do_not_depend_on_numbering() -> None:
    pairs = {(0, 1): 0.9, (1, 2): 0.7, (0, 2): 0.6, (3, 4): 0.8, (2, 3): 0.2, (4, 5): 0.1}
    similar: list[dict[int, float]] = [{} for _ in range(6)]
    for (a, b), value in pairs.items():
        similar[a][b] = similar[b][a] = value
    labels = average_linkage(similar, 0.5)
    assert labels == [0, 0, 0, 3, 3, 5]
    for seed in range(5):
        order = list(range(6))
        random.Random(seed).shuffle(order)  # item i becomes order[i]
        renamed: list[dict[int, float]] = [{} for _ in range(6)]
        for item, row in enumerate(similar):
            renamed[order[item]] = {order[other]: value for other, value in row.items()}
        moved = average_linkage(renamed, 0.5)
        assert _groups([moved[order[item]] for item in range(6)]) == _groups(labels)


def test_a_fragment_joins_the_story_it_matches_best_and_an_unrelated_one_stays_alone() -> None:
    # 0-3 one story, 4-7 another; 8 reports the first from another angle, 9 resembles nothing much.
    similar: list[dict[int, float]] = [{} for _ in range(10)]
    for group in (range(0, 4), range(4, 8)):
        for a in group:
            for b in group:
                if a != b:
                    similar[a][b] = 0.9
    similar[8] = {0: 0.4, 1: 0.3, 4: 0.1}
    similar[9] = {5: 0.05}
    labels = average_linkage(similar, 0.55)
    assert labels[8] == 8 and labels[9] == 9
    attached = attach_fragments(similar, labels, 3, 0.08)
    assert attached == [0, 0, 0, 0, 4, 4, 4, 4, 0, 9]


def test_fragments_attach_to_stories_only_not_to_each_other() -> None:
    similar = [{1: 0.3}, {0: 0.3}]
    assert attach_fragments(similar, average_linkage(similar, 0.55), 1, 0.08) == [0, 1]


def test_items_that_start_together_stay_together_and_join_only_on_their_average() -> None:
    # 0 and 1 are one earlier story although they share no link; 2 resembles 1 alone, 3 resembles both.
    similar: list[dict[int, float]] = [{}, {2: 0.9}, {}, {0: 0.8, 1: 0.8}]
    assert average_linkage(similar, 0.5) == [0, 1, 1, 0]
    assert average_linkage(similar, 0.5, start=[7, 7, 8, 9]) == [0, 0, 2, 0]
