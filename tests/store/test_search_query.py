"""Searches a person types become safe FTS5 expressions: OR, "phrases", prefix*, folded accents and spellings."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from newsgraph.errors import QueryError
from newsgraph.model import Entity
from newsgraph.store import Store
from newsgraph.store.queries import Filters, search_documents, search_entities, search_statements
from newsgraph.store.search_query import MAX_QUERY_WORDS, fts5, parse, with_spellings
from tests.store.corpus import article, mention

GROUP = r'\(("[\w ]+"\*?)( OR "[\w ]+"\*?)*\)'
SAFE = re.compile(rf'\(?{GROUP}( AND {GROUP})*(\) NOT {GROUP})?')


def test_or_phrases_and_prefixes_become_fts5_groups() -> None:
    assert fts5(parse("PKK OR TAK")) == '("PKK" OR "TAK"*)'
    assert fts5(parse('"border troops" convoy* ')) == '("border troops") AND ("convoy"*)'
    assert fts5(parse("attack OR raid Ankara")) == '("attack" OR "raid") AND ("Ankara"*)'
    assert fts5(parse("self-def")) == '("self def"*)'
    assert fts5(parse("  ")) is None and fts5(parse("OR")) is None


def test_a_minus_leaves_out_a_word_or_phrase() -> None:
    assert fts5(parse("convoy -regulator")) == '(("convoy")) NOT ("regulator")'
    assert fts5(parse('"border troops" -"late reports"')) == '(("border troops")) NOT ("late reports")'
    assert fts5(parse("-regulator")) is None  # only a word left out: nothing to match


@pytest.mark.parametrize("odd", ['-"', "- -x", "a -NOT(", '"', "AND (", "NEAR(a b", "*", "' OR 1=1 --", "%_", "<script>", 'a" OR "b', "x:y ^z {w}"])
def test_user_text_never_reaches_fts5_as_syntax(odd: str) -> None:
    expression = fts5(parse(odd))
    assert expression is None or SAFE.fullmatch(expression), expression


def test_a_search_longer_than_a_person_types_is_refused() -> None:
    with pytest.raises(QueryError) as error:
        parse(" ".join(["word"] * (MAX_QUERY_WORDS + 1)))
    assert error.value.code == "NG202"
    with pytest.raises(QueryError):
        parse("x" * 501)


def test_an_actors_other_spelling_joins_the_search() -> None:
    query = with_spellings(parse('"Kemal Yildirak" said'), ["Kemal Yıldırak", "Ankara"])
    assert fts5(query) == '("Kemal Yildirak" OR "Kemal yıldırak") AND ("said"*)'


@pytest.fixture(scope="module")
def accents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two articles spelling one invented minister two ways, and one about a militant group."""
    store = Store(tmp_path_factory.mktemp("accents") / "accents.db", writable=True)
    texts = {"d-dotless": "Minister Ayşe Kılıçdar spoke in Ankara on Monday.",
             "d-plain": "Minister Ayse Kilicdar visited the harbour of Izmir.",
             "d-group": "The Red Dawn Front claimed the blast near the harbour."}
    names = {"d-dotless": "Ayşe Kılıçdar", "d-plain": "Ayse Kilicdar", "d-group": "Red Dawn Front"}
    documents = [article(i, "Test Wire", date(2024, 5, 6), "", text,
                         entities=[mention(text, names[i], "e-group" if i == "d-group" else "e-ayse", "PERSON", names[i])])
                 for i, text in texts.items()]
    entities = {"e-ayse": Entity(id="e-ayse", name="Ayşe Kılıçdar", type="PERSON", aliases=["Ayse Kilicdar"]),
                "e-group": Entity(id="e-group", name="Red Dawn Front", type="ORG")}
    store.add(documents, entities)
    return store.path


def test_searching_without_accents_finds_the_accented_actor_and_articles(accents: Path) -> None:
    with Store(accents).engine.connect() as conn:
        for typed in ("Ayse Kilicdar", "ayşe KILIÇDAR", "kilicd"):
            assert [e["id"] for e in search_entities(conn, typed)] == ["e-ayse"], typed
        assert {d["id"] for d in search_documents(conn, "Kilicdar", Filters())} == {"d-dotless", "d-plain"}
        assert {d["id"] for d in search_documents(conn, "Kılıçdar OR Dawn", Filters())} == {"d-dotless", "d-plain", "d-group"}
        assert {d["id"] for d in search_documents(conn, '"red dawn" harbour', Filters())} == {"d-group"}
        assert {d["id"] for d in search_documents(conn, "harbour -Kilicdar", Filters())} == {"d-group"}
        assert search_statements(conn, "Kilicdar", Filters()) == []


def test_an_untitled_article_is_listed_by_its_first_words(accents: Path) -> None:
    from newsgraph.report.titles import headline

    with Store(accents).engine.connect() as conn:
        found = search_documents(conn, "Izmir", Filters())
    assert [headline(row) for row in found] == ["Minister Ayse Kilicdar visited the harbour of Izmir."]
