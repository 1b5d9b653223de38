"""Speakers of direct quotes: the verb after a quote that voices it, even when the parser hangs it
from a word inside the quote or the cue lexicon does not list it."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.extract.statement_context import Context
from newsgraph.extract.statement_direct import direct_drafts
from newsgraph.extract.statement_indirect import indirect_drafts
from tests.extract.conftest import only


def test_a_cue_the_parser_hangs_inside_the_quote_still_reports_it(nlp):
    words = ["“", "We", "saw", "the", "ships", ",", "”", "the", "pilot", "said", "."]
    spaces = [False, True, True, True, False, False, True, True, True, False, False]
    heads = [2, 2, 2, 4, 2, 2, 2, 8, 9, 4, 2]  # "said" hung from "ships" as a relative clause
    deps = ["punct", "nsubj", "ROOT", "det", "dobj", "punct", "punct", "det", "nsubj", "relcl", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    lemmas = ["“", "we", "see", "the", "ship", ",", "”", "the", "pilot", "say", "."]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    [draft] = direct_drafts(Context(doc))
    assert draft.cue is not None and draft.cue.text == "said"
    assert draft.speaker is not None and draft.speaker.text == "the pilot"


@pytest.mark.parametrize(
    "text, fragment, speaker, cue",
    [
        ("“Who are the real rebels here?” scoffed Maria Lopez, a student at the college.", "real rebels", "Maria Lopez", "scoffed"),
        ("The hearing ran late.\n\n“Everything you said and everything I said,” the judge exclaimed, “has overlapped.”",
         "everything I said", "judge", "exclaimed"),
    ],
)
def test_the_verb_after_a_handed_over_quote_voices_it(statements, text, fragment, speaker, cue):
    quote = only(statements(text), fragment)
    assert quote.direct and quote.speaker == speaker and quote.cue == cue


def test_a_verb_with_its_own_object_after_a_quote_does_not_voice_it(statements):
    text = "Under what the owner called “the old model,” the Harbour Club doubled its fees for new members."
    quote = only(statements(text), "the old model")
    assert quote.speaker == "owner" and quote.cue == "called"


def test_a_quote_opening_a_sentence_takes_the_speaker_of_the_report_before_it(statements):
    text = (
        "The council may delay the vote until spring, Deputy Mayor Ana Ruiz said. \"The other worry is whether we "
        "would look as if we were favouring one bidder over another in this process.\""
    )
    quote = only(statements(text), "The other worry")
    assert quote.direct and quote.speaker == "Ana Ruiz"


def test_a_negated_report_gives_no_voice_to_the_quote_after_it(statements):
    text = (
        "The council met on Monday. Mayor Ana Ruiz did not suggest any delay. \"Our goal is not to start a cycle "
        "of escalation that nobody in this city wants to see repeated.\""
    )
    assert only(statements(text), "Our goal").speaker is None


def test_a_report_in_the_paragraph_before_gives_no_voice_to_a_quote(statements):
    text = (
        "The council may delay the vote until spring, Deputy Mayor Ana Ruiz said.\n\n\"The other worry is whether "
        "we would look as if we were favouring one bidder over another in this process.\""
    )
    assert only(statements(text), "The other worry").speaker is None


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("The new figures on the harbour budget appear to be wrong.", "to be wrong"),
        ("The harbour master seems to have left the town for good.", "to have left"),
    ],
)
def test_what_seems_has_no_speaker(statements, text, fragment):
    assert only(statements(text), fragment).speaker is None


def test_seeming_to_report_keeps_the_speaker(statements):
    quote = only(statements("Mayor Ana Ruiz seemed to confirm that the bridge would close in May."), "bridge")
    assert quote.speaker_text == "Mayor Ana Ruiz"


def test_a_quote_after_a_name_and_a_colon_is_that_name_s(statements):
    text = (
        "Pollsters agree on the lesson. More from Jane Okafor: “Data collected by our firm helps confirm that both "
        "issues were in play for polling on the caucuses this year.”"
    )
    quote = only(statements(text), "Data collected")
    assert quote.direct and quote.speaker == "Jane Okafor" and quote.cue == ":"


def test_the_verb_right_before_a_quote_s_comma_voices_it(statements):
    text = "Mayor Ana Ruiz thanked her home town and then boomed, “Today, you proved once again that there is no place like home.”"
    quote = only(statements(text), "no place like home")
    assert quote.speaker == "Ana Ruiz" and quote.cue == "boomed"


@pytest.mark.parametrize(
    "text",
    [
        "When the mayor arrived, “the whole street was already waiting for her and nobody wanted to go home early.”",
        "The coach said, and I quote, “we will not lose another game at home this season, whatever the weather does.”",
    ],
)
def test_a_verb_before_a_quote_s_comma_that_is_not_someone_voicing_it(statements, text):
    assert all(s.cue not in {"arrived", "quote"} for s in statements(text))


def test_said_before_a_name_and_a_colon_names_the_speaker(statements):
    text = "The council has ignored the harbour for years. Said Okafor: “I don’t get the sense they are the least bit interested in it.”"
    quote = only(statements(text), "least bit interested")
    assert quote.speaker_text == "Okafor" and quote.cue == "Said"


def test_an_as_clause_after_a_quote_does_not_voice_it(statements):
    text = (
        "The channel often tells a different story. Its anchors don't hesitate to report that ''the data is still in "
        "question,'' as Maria Lopez recently did, or that warnings are coming from ''people aligned with the left in the "
        "research community,'' as the host Tom Reed said in April."
    )
    assert all(s.cue != "did" for s in statements(text))


def test_a_quote_handing_over_to_words_of_its_own_takes_no_speaker_from_the_sentence_before(statements):
    text = (
        "A survey by the analyst Elena Marsh found that many residents fear the port will be sold. \"In ten years, we will "
        "all wake up and find the harbour belongs to someone else,\" is one common saying here."
    )
    assert only(statements(text), "In ten years").speaker is None


def test_a_quote_finishing_a_clause_is_not_voiced_by_the_verb_after_it(statements):
    text = (
        "Though the farm group is “confident that the senator will stay a champion of the growers and of the subsidy,” "
        "she may again split with her party."
    )
    assert all(s.cue != "split" for s in statements(text))


def test_a_name_before_a_cue_the_tagger_read_as_a_noun_is_its_speaker(nlp):
    words = ["But", "Okafor", "claims", "that", "he", "should", "be", "the", "exception", "."]
    spaces = [True, True, True, True, True, True, True, True, False, False]
    heads = [2, 2, 2, 6, 6, 6, 2, 8, 6, 2]  # "Okafor claims" parsed as a noun phrase, the sentence without a verb
    deps = ["cc", "compound", "ROOT", "mark", "nsubj", "aux", "acl", "det", "attr", "punct"]
    pos = ["CCONJ", "PROPN", "NOUN", "SCONJ", "PRON", "AUX", "AUX", "DET", "NOUN", "PUNCT"]
    lemmas = ["but", "Okafor", "claim", "that", "he", "should", "be", "the", "exception", "."]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    [draft] = indirect_drafts(Context(doc), set())
    assert draft.speaker is not None and draft.speaker.text == "Okafor"
    assert doc.text[draft.start : draft.end] == "that he should be the exception"
