"""The hand-made corpus stored once per session."""

from pathlib import Path

import pytest

from tests.store.corpus import build_database


@pytest.fixture(scope="session")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_database(tmp_path_factory.mktemp("store") / "corpus.db")
