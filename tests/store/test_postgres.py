"""PostgreSQL as a user meets it: its search syntax, `migrate` from SQLite, and `analyze` giving what SQLite gives."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store
from newsgraph.store.queries import Filters, search_documents
from tests.store.conftest import new_postgres_database
from tests.store.corpus import article, corpus
from tests.store.test_links_roundtrip import ARTICLES

ACCENTED = article("d-societe", "Est Matin", corpus()[0].published, "Société Générale fined",
                   "The regulator fined Société Générale for late reports on the Ankara convoy contracts.")


def test_search_takes_or_phrases_minus_and_folds_accents(postgres_server: str) -> None:
    with new_postgres_database(postgres_server) as url:
        Store(url, writable=True).add([*corpus(), ACCENTED])
        with Store(url).engine.connect() as conn:
            def ids(query: str) -> set[str]:
                return {d["id"] for d in search_documents(conn, query, Filters())}
            assert ids("Societe Generale") == ids("société") == {"d-societe"}
            assert ids("regulator OR markup") == {"d-societe", "d-hostile"}
            assert ids('"convoy near Ankara"') == {"d-north", "d-south", "d-west"}
            assert ids("convoy -regulator") == {"d-north", "d-south", "d-west"}
            assert ids("regul") == {"d-societe"}  # the last word of a plain search is a prefix


def test_migrate_copies_a_sqlite_store_whole_and_only_into_an_empty_database(database: Path, postgres_server: str) -> None:
    runner = CliRunner()
    with new_postgres_database(postgres_server) as url:
        done = runner.invoke(app, ["migrate", str(database), url])
        assert done.exit_code == 0, done.output
        source, copy = Store(database), Store(url)
        assert list(copy.documents()) == list(source.documents())
        assert copy.links() == source.links()
        again = runner.invoke(app, ["migrate", str(database), url])
        assert again.exit_code == 1 and "already holds articles" in again.output
        assert copy.count() == source.count()


def test_analyze_into_postgres_gives_what_sqlite_gives(tmp_path: Path, postgres_server: str) -> None:
    runner = CliRunner()
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [str(tmp_path / name) for name in ARTICLES]

    def exported(db: str, *parts: list[str]) -> dict:
        for part in parts:
            done = runner.invoke(app, ["analyze", *part, "--db", db])
            assert done.exit_code == 0, done.output
        for fmt in ("links", "jsonl"):
            out = tmp_path / f"out.{fmt}"
            assert runner.invoke(app, ["export", "--db", db, "--format", fmt, "-o", str(out)]).exit_code == 0
            yield out.read_text(encoding="utf-8")
    with new_postgres_database(postgres_server) as url:
        assert list(exported(url, paths[:2], paths[2:])) == list(exported(str(tmp_path / "news.db"), paths))
        report = runner.invoke(app, ["report", "--db", url, "-o", str(tmp_path / "dossier.html")])
        assert report.exit_code == 0 and "Caldera" in (tmp_path / "dossier.html").read_text(encoding="utf-8")
        assert json.loads(next(exported(url)))["stories"]
