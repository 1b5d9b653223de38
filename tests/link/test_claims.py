"""Claims: the same assertion across articles of a story, marked agree / conflict / single-source with evidence."""

from __future__ import annotations

from datetime import date

from newsgraph.link import find_claims
from newsgraph.model import Claim
from tests.link.conftest import story_of
from tests.link.corpus import article, event, quantity, statement


def claims_with(linked, doc_ids: set[str]) -> list[Claim]:
    """The claims with a side in each of `doc_ids` (and no other kind than statements and events)."""
    return [c for c in linked.claims if doc_ids <= {s.document for s in c.sides} and c.sides[0].kind != "blame"]


def test_different_death_tolls_are_a_conflict_with_evidence_for_each_side(linked) -> None:
    claim = claims_with(linked, {"club-1", "club-2"})[0]
    assert claim.agreement == "conflict" and "39" in claim.reason and "35" in claim.reason
    texts = {d.id: d.text for d in linked.documents}
    for side in claim.sides:
        assert texts[side.document][side.start:side.end] == side.text
    assert {v for s in claim.sides for v in s.values} >= {39.0, 35.0}
    assert ("club-2", 0) in claim.statements


def test_the_same_figure_from_two_outlets_agrees(linked) -> None:
    claim = claims_with(linked, {"stadium-1", "stadium-2"})
    assert any(c.agreement == "agree" and all(12.0 in s.values for s in c.sides) for c in claim)


def test_a_statement_only_one_outlet_reports_is_single_source(linked) -> None:
    gurov = [c for c in linked.claims if c.text and c.text.startswith("The West conveys")]
    assert [c.agreement for c in gurov] == ["single-source"]
    assert gurov[0].story == story_of(linked, "club-3")


def test_a_denial_of_what_another_outlet_asserts_is_a_conflict() -> None:
    fired = "The army said its soldiers fired on the protesters at the toll gate in Lagos on Tuesday night."
    denied = "The army said its soldiers did not fire on the protesters at the toll gate in Lagos on Tuesday night."
    documents = [article(f"d{i}", outlet, date(2020, 10, 21), "Lagos toll gate", text, story="s-lagos",
                         quotes=[statement(text, "army", "The army", text[text.index("its soldiers"):-1])],
                         events=[event(text, "fire", statement_index=0, negated=negated)])
                 for i, (outlet, text, negated) in enumerate([("A", fired, False), ("B", denied, True)])]
    claim = next(c for c in find_claims(documents) if len(c.sides) == 2)
    assert (claim.agreement, claim.reason) == ("conflict", "negation")


def test_a_toll_the_reporter_hangs_on_a_statement_still_counts_for_its_claim() -> None:
    """", which killed 17 people" lies outside the statement's content, yet its number is what outlets dispute."""
    blamed = "Officials blamed the Red Hand for the bombing at Dunmere bus station, which killed 17 people."
    toll = "The bombing at Dunmere bus station killed 19 people, hospital officials said."
    documents = [
        article("d0", "A", date(2021, 3, 2), "Dunmere", blamed, story="s-dunmere",
                quotes=[statement(blamed, None, "Officials", "the Red Hand for the bombing at Dunmere bus station", "anonymous", "blamed")],
                quantities=[quantity(blamed, "17", 17.0)]),
        article("d1", "B", date(2021, 3, 2), "Dunmere", toll, story="s-dunmere",
                quotes=[statement(toll, None, "hospital officials", toll[:toll.index(",")], "anonymous")],
                quantities=[quantity(toll, "19", 19.0, statement_index=0)]),
    ]
    claim = next(c for c in find_claims(documents) if len(c.sides) == 2)
    assert claim.agreement == "conflict" and "17" in claim.reason and "19" in claim.reason
    assert [s.values for s in claim.sides] == [[17.0], [19.0]]


def test_copies_of_an_article_make_no_claims_of_their_own(linked) -> None:
    copy = linked.documents[0].model_copy(update={"id": "copy", "duplicate_of": linked.documents[0].id})
    assert all(s.document != "copy" for c in find_claims([*linked.documents, copy]) for s in c.sides)



def test_an_undated_article_in_a_story_with_dated_ones_is_linked() -> None:
    text = "Police said at least 12 people were killed in the twin blasts near the stadium on Saturday night."
    documents = [article(f"d{i}", outlet, day, "Blasts", text, story="s-blasts", events=[event(text, "killed")])
                 for i, (outlet, day) in enumerate([("A", date(2017, 2, 5)), ("B", None)])]
    claim = next(c for c in find_claims(documents) if len(c.sides) == 2)
    assert [side.document for side in claim.sides] == ["d0", "d1"]
