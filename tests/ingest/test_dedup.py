"""Exact and near-duplicate articles point to their first copy, so counts do not double."""

from newsgraph.ingest.dedup import DuplicateIndex

WIRE = (
    "Rescue teams pulled twelve survivors from the rubble of a collapsed apartment block in the port city of Lenvik "
    "on Saturday, the civil protection agency said. The five-storey building gave way shortly after midnight, "
    "and at least four residents are still missing. The mayor said an inquiry into the building's owner had been opened "
    "and that families would be housed in a school gymnasium. Engineers blamed recent renovation work on the ground floor, "
    "where a shop owner had removed a supporting wall without a permit, according to two officials familiar with the inquiry."
)
SYNDICATED = WIRE.replace("on Saturday", "early on Saturday").replace("a school gymnasium", "the municipal gymnasium")
OTHER_REPORT = (
    "Families of the missing gathered outside the ruins in Lenvik on Sunday as cranes lifted concrete slabs. "
    "Officials said the search would continue through the night. A neighbour said she had warned the landlord about cracks "
    "in the stairwell last spring, but nothing was done. The prosecutor's office said it had questioned the shop owner."
)


def test_exact_copy_points_to_the_first() -> None:
    index = DuplicateIndex()
    assert index.add("a", WIRE) is None
    assert index.add("b", WIRE) == "a"


def test_syndicated_copy_with_small_edits_is_a_near_duplicate() -> None:
    index = DuplicateIndex()
    index.add("a", WIRE)
    assert index.add("b", SYNDICATED) == "a"


def test_another_report_on_the_same_story_is_not_a_duplicate() -> None:
    index = DuplicateIndex()
    index.add("a", WIRE)
    assert index.add("b", OTHER_REPORT) is None


def test_copy_of_a_copy_points_to_the_first_copy() -> None:
    index = DuplicateIndex()
    index.add("a", WIRE)
    index.add("b", SYNDICATED)
    assert index.add("c", SYNDICATED.replace("twelve survivors", "12 survivors")) == "a"


def test_a_restored_index_still_knows_the_earlier_articles() -> None:
    """The index is kept in the store between runs: copies arriving later point to the first copy of the first run."""
    index = DuplicateIndex()
    index.add("a", WIRE)
    index.add("b", SYNDICATED)
    restored = DuplicateIndex.restore(index.snapshot())
    assert restored.add("c", SYNDICATED.replace("twelve survivors", "12 survivors")) == "a"
    assert restored.add("d", WIRE.upper()) == "a"
    assert restored.add("e", OTHER_REPORT) is None
