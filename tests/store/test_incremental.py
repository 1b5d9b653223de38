"""A store takes in a new batch by linking only the stories the batch touches, and, where the batch neither splits nor
merges earlier stories (here it joins one), ends as one linking of everything would."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.pipeline import Options
from newsgraph.store import Store
from newsgraph.store.analyze import analyze
from tests.store.test_links_roundtrip import ARTICLES

LATER = {"d-harbour.txt": (" date 2024-05-04\n\nCaldera ferry operator suspended\n\n"
                           "The port authority suspended the operator of the ferry that burned at Caldera harbour, "
                           "harbour master Ines Morel said on Saturday. The fire killed 17 passengers.")}


def run(paths: list[Path], db: str) -> Store:
    store = Store(db, writable=True)
    analyze([str(p) for p in paths], store, Options(jobs=1), on_error=pytest.fail, warn=lambda note: None)
    return store


def test_a_batch_relinks_only_its_stories_and_equals_one_linking_of_all(tmp_path: Path, blank: str,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    paths = []
    for name, text in {**ARTICLES, **LATER}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    whole = run(paths, str(tmp_path / "whole.db")).links()
    store = run(paths[:3], blank)
    budget = next(s for s in store.links().stories if len(s.documents) == 1)
    read: list[str] = []
    documents = Store.documents

    def reading(self: Store, ids=None):
        read.extend(ids if ids is not None else ["<all>"])
        return documents(self, ids)
    monkeypatch.setattr(Store, "documents", reading)
    store = run(paths[3:], blank)
    assert "<all>" not in read and budget.documents[0] not in read  # the untouched story's article is never read
    monkeypatch.undo()
    assert store.links() == whole
    assert len(whole.stories) == 2 and max(len(s.documents) for s in whole.stories) == 3
