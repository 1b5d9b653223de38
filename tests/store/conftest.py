"""The hand-made corpus stored once per session, and empty stores of each backend: SQLite, and PostgreSQL when a server is given."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from tests.store.corpus import build_database

POSTGRES_VARIABLE = "NEWSGRAPH_TEST_POSTGRES"  # a postgresql:// URL of a server the tests may create databases on
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_database(tmp_path_factory.mktemp("store") / "corpus.db")


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The test server's URL; the PostgreSQL variants skip without one (.ci/run always starts one)."""
    url = os.environ.get(POSTGRES_VARIABLE)
    if not url:
        pytest.skip(f"{POSTGRES_VARIABLE} is not set: no PostgreSQL server to test against (.ci/run starts one)")
    return url


@pytest.fixture(params=BACKENDS)
def blank(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where an empty store of each backend goes: a new SQLite file, or a new PostgreSQL database (dropped after)."""
    if request.param == "sqlite":
        yield str(tmp_path / "a.db")
        return
    with new_postgres_database(request.getfixturevalue("postgres_server")) as url:
        yield url


@pytest.fixture(scope="session", params=BACKENDS)
def stored(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hand-made corpus and its links in a store of each backend, once per session."""
    if request.param == "sqlite":
        yield str(request.getfixturevalue("database"))
        return
    with new_postgres_database(request.getfixturevalue("postgres_server")) as url:
        build_database(url)
        yield url


class new_postgres_database:
    """A fresh database on the test server for the duration of a `with` (dropped even while connections remain)."""

    def __init__(self, server: str) -> None:
        self.server = make_url(server)
        self.name = "newsgraph_test_" + uuid.uuid4().hex[:12]

    def __enter__(self) -> str:
        self._admin("CREATE DATABASE " + self.name)
        return self.server.set(database=self.name).render_as_string(hide_password=False)

    def __exit__(self, *exc: object) -> None:
        self._admin(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")

    def _admin(self, sql: str) -> None:
        engine = create_engine(self.server.set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(sql)
        engine.dispose()
