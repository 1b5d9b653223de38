"""The Ray engine gives what the local engine gives: the same documents, ids, actors and stories, in the same order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph import ray_runner
from newsgraph.cli import app
from tests.store.test_analyze import FIRST, SECOND
from tests.store.test_links_roundtrip import ARTICLES

RAY_CPUS = 2


@pytest.fixture(scope="session")
def local_ray() -> Iterator[None]:
    """A local Ray with 2 CPUs for the session (its startup takes seconds), shut down at the end."""
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'newsgraph[ray]')")
    ray.init(num_cpus=RAY_CPUS, include_dashboard=False, log_to_driver=False,
             object_store_memory=ray_runner.LOCAL_OBJECT_STORE_BYTES)
    yield
    ray.shutdown()


def test_a_ray_run_and_a_local_run_store_the_same_corpus(local_ray: None, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ray_runner, "CHUNK_SIZE", 2)  # several batches over both actors, so order is at stake
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in {**ARTICLES, "d-first.txt": FIRST, "e-second.txt": SECOND, "f-german.txt": GERMAN}.items():
        (folder / name).write_text(text, encoding="utf-8")
    runner = CliRunner()

    def exported(db: Path, *engine: str) -> tuple[str, str, str]:
        done = runner.invoke(app, ["analyze", str(folder), "--db", str(db), "--jobs", "2", *engine])
        assert done.exit_code == 0, done.output
        outputs = []
        for fmt in ("jsonl", "links"):
            out = tmp_path / f"{db.stem}.{fmt}"
            assert runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "-o", str(out)]).exit_code == 0
            outputs.append(out.read_text(encoding="utf-8"))
        return outputs[0], outputs[1], done.output
    local = exported(tmp_path / "local.db")
    on_ray = exported(tmp_path / "ray.db", "--engine", "ray")
    assert on_ray[:2] == local[:2]
    assert local[0].count("\n") == 6 and '"story": "s-' in local[0]
    assert "f-german.txt: language is 'de'" in on_ray[2]  # the actors' notes reach the user


def test_a_ray_address_without_the_ray_engine_is_a_usage_error(tmp_path: Path) -> None:
    done = CliRunner().invoke(app, ["analyze", str(tmp_path), "--ray-address", "auto", "--db", str(tmp_path / "a.db")])
    assert done.exit_code == 2 and "--engine ray" in done.output


GERMAN = (" date 2024-05-04\n\nHafenbrand in Caldera\n\nDie Feuerwehr hat den Brand auf der Fähre im Hafen von "
          "Caldera am Freitag gelöscht, sagte ein Sprecher der Hafenbehörde. Die Ursache ist noch unklar.")
