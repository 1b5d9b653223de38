"""Candidate attributions the trained scorer decides on: what the parse proposes and what it keeps."""

from __future__ import annotations

from newsgraph.extract.statement_context import Context, content_draft
from newsgraph.extract.statement_candidates import candidates
from newsgraph.extract.statement_indirect import reads_as_verb
from tests.extract.conftest import only


def _draft(parse, text: str, word: str, one_word: bool):
    doc = parse(text)
    token = next(t for t in doc if t.text == word)
    return content_draft(Context(doc), token.i, token.i, one_word=one_word, cue=None, speaker=None)


def test_a_one_word_content_is_kept_only_when_allowed_and_a_name_or_noun(parse):
    text = "Former governor Ann Lisle endorsed Okafor on Tuesday, and the mayor thanked him."
    assert _draft(parse, text, "Okafor", one_word=False) is None
    draft = _draft(parse, text, "Okafor", one_word=True)
    assert draft is not None and text[draft.start : draft.end] == "Okafor"
    assert _draft(parse, text, "him", one_word=True) is None


def test_an_endorsement_of_a_name_is_a_statement(statements):
    found = statements("Former governor Ann Lisle endorsed Okafor on Tuesday. The mayor thanked him on Monday.")
    assert [(s.speaker, s.content) for s in found] == [("Ann Lisle", "Okafor")]


def test_a_where_clause_after_a_comma_is_the_writers_not_the_content(statements):
    statement = only(statements("Polls show a close race in the state, where 18 electoral votes are at stake."), "close race")
    assert statement.content == "a close race in the state"


def test_a_verb_tagged_as_a_noun_root_is_read_as_a_verb(parse):
    doc = parse("Harbour Union votes to strike in March.")
    votes = next(t for t in doc if t.text == "votes")
    assert votes.pos_ == "NOUN" and reads_as_verb(votes)
    candidate = next(c for c in candidates(Context(doc), set()) if c.draft.cue.i == votes.i)
    assert candidate.shape == "xcomp" and candidate.content == "to strike in March"
    counted = parse("The votes were counted on Monday.")
    assert not any(reads_as_verb(t) for t in counted if t.text == "votes")
