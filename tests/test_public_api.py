"""The public Python surface is small and changes only on purpose."""

import newsgraph


def test_public_names_are_locked() -> None:
    assert sorted(newsgraph.__all__) == [
        "Analyzer", "Claim", "Document", "Entity", "Event", "InputError", "Mention", "NewsgraphError", "Options",
        "Quantity", "Statement", "Store", "Story", "Timex", "extract_documents", "link", "load", "records",
    ]


def test_every_error_has_a_unique_code_and_one_root() -> None:
    from newsgraph import errors

    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, Exception)]
    assert all(issubclass(c, newsgraph.NewsgraphError) for c in classes)
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes))
