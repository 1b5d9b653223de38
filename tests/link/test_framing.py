"""Blame: who each article says is responsible, on whose word; and how each outlet frames the story."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.link.framing import document_blame
from newsgraph.model import Document, Mention, Statement
from tests.link.corpus import statement


def blame_of(linked, doc_id: str) -> set[tuple[str, str]]:
    """(blamed name, source) of one article."""
    return {(b.blamed_name, b.source) for b in linked.attributions if b.document == doc_id}


def test_a_group_claiming_an_anonymous_belief_and_a_named_speaker_are_three_kinds_of_blame(linked) -> None:
    assert ("Islamic State", "claimed") in blame_of(linked, "club-1")
    assert blame_of(linked, "club-2") == {("Al Nusra", "anonymous")}
    assert blame_of(linked, "club-3") == {("West", "named")}
    gurov = next(b for b in linked.attributions if b.document == "club-3")
    assert gurov.speaker == "Alexander Gurov" and gurov.blamed == "west"


def test_blame_points_at_its_sentence_and_its_violent_event(linked) -> None:
    texts = {d.id: d for d in linked.documents}
    claim = next(b for b in linked.attributions if b.document == "club-1")
    assert texts["club-1"].text[claim.start:claim.end].startswith("Daesh claimed responsibility")
    assert texts["club-1"].events[claim.event].type == "ASSAULT"


def test_a_sentence_that_blames_without_a_statement_is_on_the_outlets_word() -> None:
    text = "A bomb killed nine people at the bus station. Kurdish militants were responsible for the attack."
    document = Document(id="d", source="x", text=text, outlet="Wire")
    assert [(b.blamed_name, b.source) for b in document_blame("s", document)] == [("Kurdish militants", "outlet")]


def test_the_blamed_side_is_an_actor_never_a_dateline_a_clause_or_a_trailing_adverb() -> None:
    text = ("DORVALE, Feb 5 (Wire) - A Kurdish militant group claimed responsibility for the bombing of the market. "
            "Officials blamed Daesh most recently for a similar attack. The minister accused its leader of orchestrating the coup attempt.")
    daesh = text.index("Daesh")
    document = Document(id="d", source="x", text=text, entities=[
        Mention(start=daesh, end=daesh + 5, text="Daesh", type="ORG", entity_id="e-is", name="Islamic State")])
    found = {(b.blamed, b.blamed_name, text[b.blamed_start:b.blamed_end]) for b in document_blame("s", document)}
    assert found == {("kurdish militant group", "Kurdish militant group", "Kurdish militant group"), ("e-is", "Islamic State", "Daesh")}


def _with_actors(text: str, actors: dict[str, tuple[str, str]]) -> Document:
    """An article with a mention of each named actor (text -> (type, entity id)) at its first occurrence."""
    mentions = [Mention(start=text.index(name), end=text.index(name) + len(name), text=name, type=type_, entity_id=entity_id, name=name)
                for name, (type_, entity_id) in actors.items()]
    return Document(id="d", source="x", text=text, entities=sorted(mentions, key=lambda m: m.start))


def test_the_blamed_side_of_a_movement_of_someone_is_that_someone_not_the_word_movement() -> None:
    text = "Dorvale blamed the movement of the Lisbon-based cleric Oren Malvik for the bombing of the market."
    document = _with_actors(text, {"Dorvale": ("GPE", "e-dorvale"), "Lisbon": ("GPE", "e-lisbon"), "Oren Malvik": ("PERSON", "e-malvik")})
    [blame] = document_blame("s", document)
    assert (blame.blamed, blame.blamed_name) == ("e-malvik", "Oren Malvik")
    assert text[blame.blamed_start:blame.blamed_end] == "movement of the Lisbon-based cleric Oren Malvik"


def test_a_relative_clause_before_a_claim_does_not_lend_its_actor_to_the_claim() -> None:
    text = "The Red Kestrels, which officials regard as an arm of the Vardan Front, claimed the bombing on Sunday."
    document = _with_actors(text, {"Red Kestrels": ("ORG", "e-kestrels"), "Vardan Front": ("ORG", "e-vardan")})
    assert [(b.blamed, b.source) for b in document_blame("s", document)] == [("e-kestrels", "claimed")]


def test_a_named_speakers_blame_at_the_end_of_the_sentence_is_the_speakers_not_the_victims() -> None:
    text = "Foreign powers are punishing the country with these attacks, the minister said."
    said = statement(text, "Selim Arkan", "the minister", "Foreign powers are punishing the country with these attacks")
    said = said.model_copy(update={"speaker_id": "e-arkan"})
    [blame] = document_blame("s", Document(id="d", source="x", text=text, quotes=[said]))
    assert (blame.blamed_name, blame.source, blame.speaker, blame.speaker_id) == ("Foreign powers", "named", "Selim Arkan", "e-arkan")
    assert text[blame.cue_start:blame.cue_end] == "punishing the country with these attacks"


def test_an_unnamed_definite_speaker_is_named_by_description_plural_sources_are_anonymous() -> None:
    text = "The Red Dawn Front was behind the bombing, the ministry said. Militants were behind the ambush, analysts said."
    quotes = [statement(text, None, "the ministry", "The Red Dawn Front was behind the bombing", "anonymous"),
              statement(text, None, "analysts", "Militants were behind the ambush", "anonymous")]
    found = {(b.blamed_name, b.source, b.speaker) for b in document_blame("s", Document(id="d", source="x", text=text, quotes=quotes))}
    assert found == {("Red Dawn Front", "named", "the ministry"), ("Militants", "anonymous", "analysts")}


def test_denials_and_failures_to_protect_are_not_blame() -> None:
    text = ("The group denied that it carried out the bombing. Lawmakers blamed the government for failing to protect the city. "
            "No group has claimed responsibility.")
    assert document_blame("s", Document(id="d", source="x", text=text)) == []


@pytest.mark.parametrize(("cue", "claimed"), [("said", True), ("not say", False), ("denied", False)])
def test_a_group_saying_it_did_the_act_claims_it_unless_it_did_not_say_so(cue, claimed) -> None:
    text = "The Red Kestrels said it carried out the bombing of the market."
    said = statement(text, "Red Kestrels", "The Red Kestrels", "it carried out the bombing of the market", cue=cue)
    document = _with_actors(text, {"Red Kestrels": ("ORG", "e-kestrels")}).model_copy(update={"quotes": [said]})
    assert (("e-kestrels", "claimed") in {(b.blamed, b.source) for b in document_blame("s", document)}) is claimed


def test_each_outlet_has_its_blamed_actors_speakers_and_own_claims(linked) -> None:
    framing = {(f.outlet, f.story): f for f in linked.framing}
    club = next(s.id for s in linked.stories if "club-2" in s.documents)
    bosphorus = framing[("Bosphorus Daily", club)]
    assert bosphorus.blamed == {"Al Nusra": 1}
    assert bosphorus.anonymous_speakers == ["political analysts"] and bosphorus.named_speakers == ["Health Ministry"]
    assert bosphorus.named_share == 0.5
    own = {c.id: c for c in linked.claims}
    assert bosphorus.exclusive_claims and all({s.document for s in own[c].sides} == {"club-2"} for c in bosphorus.exclusive_claims)


def test_outlets_naming_different_culprits_make_a_conflicting_responsibility_claim(linked) -> None:
    club = next(s.id for s in linked.stories if "club-1" in s.documents)
    claim = next(c for c in linked.claims if c.story == club and c.sides[0].kind == "blame")
    assert claim.agreement == "conflict" and "Islamic State" in claim.reason and "Al Nusra" in claim.reason
    stadium = next(s.id for s in linked.stories if "stadium-1" in s.documents)
    agreed = next(c for c in linked.claims if c.story == stadium and c.sides[0].kind == "blame")
    assert agreed.agreement == "agree" and {s.blamed for s in agreed.sides} == {"Kurdish Hawks"}


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(list("ab Xy.,;'\"\n") + [" claimed responsibility ", " blamed ", " is behind ", " the work of ",
                                                           " using this instrument", " denied ", " for failing ", "Daesh"]), max_size=60))
def test_blame_never_raises_on_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    for blame in document_blame("s", Document(id="d", source="x", text=text, published=date(2020, 1, 1))):
        assert 0 <= blame.start <= blame.end <= len(text)
