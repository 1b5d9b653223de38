"""`analyze` gives a new store the same stories whatever order its articles come in."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.pipeline import Options
from newsgraph.store import Store
from newsgraph.store.analyze import analyze

# Two look-alike happenings (two ferry fires at two harbours, undated, as scraped archives often are) and an
# unrelated story.
ARTICLES = {
    "caldera-1.txt": ("Ferry fire at Caldera harbour kills 14\n\nA fire on a ferry moored at Caldera harbour killed 14 "
                      "passengers, the port authority said. Harbour master Ines Morel said the blaze started in the engine room."),
    "caldera-2.txt": ("Caldera ferry fire toll rises\n\nThe fire on the ferry at Caldera harbour killed 14 passengers, "
                      "harbour master Ines Morel said. The crew of the Santa Lucia had reported smoke an hour earlier."),
    "caldera-3.txt": ("Santa Lucia owner questioned\n\nPolice questioned the owner of the Santa Lucia after the ferry "
                      "fire at Caldera harbour that killed 14 passengers, Ines Morel said."),
    "portvell-1.txt": ("Ferry fire at Port Vell kills 3\n\nA fire on a ferry at Port Vell harbour killed 3 passengers, "
                       "the port authority said. Harbour master Karl Brandt said the fire started in a cabin."),
    "portvell-2.txt": ("Port Vell ferry blaze\n\nThree passengers died when the ferry Aurora caught fire at Port Vell "
                       "harbour, harbour master Karl Brandt said. The fire started in a cabin."),
    "budget.txt": ("Valmont council passes budget\n\nThe Valmont city council approved a budget of 40 million euros. "
                   "Mayor Paul Lind said the money would repair roads and schools."),
}


def stories(paths: list[Path], db: str) -> list[tuple[str, list[str]]]:
    store = Store(db, writable=True)
    analyze([str(p) for p in paths], store, Options(jobs=1), on_error=pytest.fail, warn=lambda note: None)
    return sorted((story.id, sorted(story.documents)) for story in store.links().stories)


def test_a_new_store_gets_the_same_stories_in_any_input_order(tmp_path: Path) -> None:
    paths = []
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    forward = stories(paths, str(tmp_path / "forward.db"))
    assert stories(paths[::-1], str(tmp_path / "backward.db")) == forward
    assert stories(paths[3:] + paths[:3], str(tmp_path / "rotated.db")) == forward
    members = sorted(len(documents) for _, documents in forward)
    assert members == [1, 2, 3]


def test_a_later_batch_gets_the_same_stories_in_any_input_order(tmp_path: Path) -> None:
    paths = []
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    earlier, batch = [paths[0], paths[5]], paths[1:5]
    runs = []
    for number, order in enumerate((batch, batch[::-1], batch[2:] + batch[:2])):
        db = str(tmp_path / f"run{number}.db")
        before = dict(stories(earlier, db))
        runs.append(stories(order, db))
        assert set(before) <= {story for story, _ in runs[-1]}  # the earlier stories keep their ids
    assert runs[1] == runs[0] and runs[2] == runs[0]
    assert sorted(len(documents) for _, documents in runs[0]) == [1, 2, 3]
