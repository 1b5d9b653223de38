"""The store keeps every item tied to its document and span, writes idempotently, and survives interruption."""

from __future__ import annotations

import sqlite3
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from newsgraph.errors import StoreError
from newsgraph.model import Document
from newsgraph.store import Store, schema
from newsgraph.store.queries import Filters, search_documents, search_entities, search_statements, stories
from newsgraph.link.sentences import sentence_span
from tests.store.corpus import border_report, corpus, links

TABLES = ("documents", "entities", "mentions", "statements", "quantities", "timexes", "events")


def counts(store: Store, tables: tuple[str, ...] = TABLES) -> dict[str, int]:
    """Rows per table, through the store's own engine (either backend)."""
    with store.engine.connect() as conn:
        return {name: conn.scalar(select(func.count()).select_from(schema.metadata.tables[name])) for name in tables}


def test_documents_come_back_exactly_as_stored(stored: str) -> None:
    back = {d.id: d for d in Store(stored).documents()}
    for original in corpus():
        assert back[original.id].model_dump(exclude={"story"}) == original.model_dump(exclude={"story"})
    assert back["d-north"].story == "s-convoy"


def test_adding_the_same_documents_again_adds_nothing(blank: str) -> None:
    store = Store(blank, writable=True)
    assert store.add(corpus()) == 4
    before = counts(store)
    assert store.add(corpus()) == 0 and store.add(reversed(corpus())) == 0
    assert counts(store) == before and before["events"] == 6


def test_new_documents_join_an_existing_store(blank: str) -> None:
    store = Store(blank, writable=True)
    store.add(corpus()[:2])
    assert store.add(corpus()) == 2
    assert store.count() == 4


def interrupted(documents: list[Document], after: int) -> Iterator[Document]:
    """The documents, then a Ctrl-C in the middle of the run."""
    yield from documents[:after]
    raise KeyboardInterrupt


def test_an_interrupted_run_leaves_whole_documents_and_the_next_run_completes(blank: str) -> None:
    store = Store(blank, writable=True)
    with pytest.raises(KeyboardInterrupt):
        store.add(interrupted(corpus(), 3), batch_size=2)
    kept = list(Store(blank).documents())
    assert [d.id for d in kept] == ["d-north", "d-south"]  # the first batch; the half-done second rolled back
    assert all(len(d.events) == 2 and len(d.quotes) == 2 for d in kept)
    assert store.add(corpus()) == 2 and store.count() == 4
    if store.path is None:
        return  # PostgreSQL enforces its foreign keys on every statement; SQLite is checked below
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_items_cannot_point_at_a_missing_document(database: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db", writable=True)
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO events (document_id, position, start, \"end\", type, trigger, sentence, "
                             "sentence_start, sentence_end, negated, modality) VALUES ('nope', 0, 0, 1, 'X', 'x', 0, 0, 1, 0, 'asserted')")


def test_spans_must_run_forward(blank: str) -> None:
    bad = border_report("d-bad", "X", 6, "12")
    bad.entities[0].end = bad.entities[0].start - 1
    with pytest.raises(StoreError, match="CHECK constraint failed|violates check constraint"):
        Store(blank, writable=True).add([bad])


def test_the_database_reads_as_plain_tables_and_views(database: Path) -> None:
    with sqlite3.connect(database) as conn:
        speaker = conn.execute("SELECT speaker_name, outlet FROM statements_view WHERE document_id = 'd-north' "
                               "ORDER BY position").fetchall()
        events = conn.execute("SELECT trigger, story_id, outlet FROM events_view WHERE document_id = 'd-west'").fetchall()
        numbers = conn.execute("SELECT text, speaker, outlet FROM quantities_view WHERE document_id = 'd-south'").fetchall()
        articles = conn.execute("SELECT count(*) FROM story_articles WHERE story_id = 's-convoy'").fetchone()
        mentions = conn.execute("SELECT DISTINCT entity_name FROM mentions_view ORDER BY 1").fetchall()
    assert speaker == [("Lena Varga", "North Daily"), ("Tomas Reyes", "North Daily")]
    assert events == [("attacked", "s-convoy", "West Wire"), ("condemned", "s-convoy", "West Wire")]
    assert numbers == [("14", None, "South Post")]
    assert articles == (3,)
    assert mentions == [("Ankara",), ("Interior Ministry",), ("Lena Varga",), ("Tomas Reyes",)]


def test_a_store_opened_for_reading_refuses_writes(stored: str) -> None:
    with pytest.raises(StoreError, match="read-only"):
        Store(stored).add([border_report("d-new", "X", 6, "3")])


def test_relinking_replaces_stories_and_claims_whole(blank: str) -> None:
    store = Store(blank, writable=True)
    store.add(corpus())
    story_list, claims, blame, framing = links()
    store.set_links(story_list, claims, blame, framing)
    store.set_links(story_list[:1], claims[:1], [], [])
    with store.engine.connect() as conn:
        assert [s["id"] for s in stories(conn)] == ["s-convoy"]
    assert counts(store, ("claim_statements", "blame")) == {"claim_statements": 2, "blame": 0}


def test_search_finds_words_prefixes_and_never_fails_on_odd_input(stored: str) -> None:
    with Store(stored).engine.connect() as conn:
        assert {d["id"] for d in search_documents(conn, "convoy attack", Filters())} == {"d-north", "d-south", "d-west"}
        assert [d["id"] for d in search_documents(conn, "self-def", Filters(outlet="South Post"))] == ["d-south"]
        assert [e["name"] for e in search_entities(conn, "varg")] == ["Lena Varga"]
        assert {s["speaker"] for s in search_statements(conn, "planned", Filters())} == {"Minister Lena Varga"}
        for odd in ['"', "AND (", "NEAR(a b", "*", "' OR 1=1 --", "%_", "<script>"]:
            search_documents(conn, odd, Filters())
            search_statements(conn, odd, Filters())
            search_entities(conn, odd)


def test_filters_narrow_by_date_outlet_actor_event_type_and_story(stored: str) -> None:
    with Store(stored).engine.connect() as conn:
        def ids(**chosen) -> set[str]:
            return {d["id"] for d in search_documents(conn, "", Filters(**chosen))}
        from datetime import date
        assert ids(date_from=date(2021, 3, 7)) == {"d-south", "d-west", "d-hostile"}
        assert ids(date_to=date(2021, 3, 6)) == {"d-north"}
        assert ids(outlet="West Wire") == {"d-west"}
        assert ids(actor="e-varga") == {"d-north", "d-south", "d-west"}
        assert ids(event_type="ASSAULT", story="s-convoy", outlet="North Daily") == {"d-north"}
        assert ids(story="s-markup") == {"d-hostile"}


def test_an_event_sentence_is_the_sentence_around_its_trigger() -> None:
    text = 'Talks resumed. Mr. Varga said "no." Troops attacked the town.\n\nA new paragraph'
    start = text.index("attacked")
    assert text[slice(*sentence_span(text, start, start + 8))] == "Troops attacked the town."
    start = text.index("Varga")
    assert text[slice(*sentence_span(text, start, start + 5))] == 'Mr. Varga said "no."'
    start = text.index("paragraph")
    assert text[slice(*sentence_span(text, start, start + 9))] == "A new paragraph"


def test_no_query_is_built_from_strings() -> None:
    root = Path(__file__).parents[2] / "src" / "newsgraph"
    sources = [*root.joinpath("store").glob("*.py"), *root.joinpath("web").glob("*.py"),
               *root.joinpath("report").glob("*.py"), root / "export.py"]
    for source in sources:
        code = source.read_text(encoding="utf-8")
        for pattern in ("exec_driver_sql", "sqlalchemy import text", "text(f", 'execute(f"', "execute(f'", "% (", ".format("):
            assert pattern not in code, f"{source.name}: {pattern}"


def filled(model, **given):
    """An instance of `model` with every field set to a non-default value (spans 1..2 unless given)."""
    sample = {int: 1, float: 2.5, bool: True, str: "x"}
    values = {}
    for name, info in model.model_fields.items():
        kind = info.annotation
        if type(None) in typing.get_args(kind):  # X | None
            kind = next(a for a in typing.get_args(kind) if a is not type(None))
        values[name] = typing.get_args(kind)[0] if typing.get_origin(kind) is typing.Literal else sample.get(kind, "x")
        if name.endswith("end"):
            values[name] = 2
    return model(**(values | given))


def test_every_field_of_every_noun_is_stored(blank: str) -> None:
    from newsgraph.model import Event, Mention, Quantity, Statement, Timex

    document = border_report("d-full", "X", 6, "12").model_copy(update={
        "byline": "By A. Writer", "credits": ["Photo: B"], "date_source": "record",
        "entities": [filled(Mention, entity_id="e-x")], "quotes": [filled(Statement)],
        "quantities": [filled(Quantity, statement=0)], "timexes": [filled(Timex)], "events": [filled(Event, statement=0)]})
    store = Store(blank, writable=True)
    store.add([document])
    [back] = Store(blank).documents()
    assert back == document
