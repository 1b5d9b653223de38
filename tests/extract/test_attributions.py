"""Attributions beyond speech verbs (beliefs, wants, evidence, headlines), one statement per
attribution, and speakers that stay what the text supports: names only when one person fits."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.extract.mentions import find_mentions
from newsgraph.extract.statement_model import load_model
from newsgraph.extract.statements import find_statements
from newsgraph.pipeline import Options, extract_documents


@pytest.fixture(scope="module")
def statements(parse):
    def run(text: str):
        doc = parse(text)
        return find_statements(doc, find_mentions(doc))

    return run


def only(found, fragment: str):
    hits = [s for s in found if fragment in s.content]
    assert len(hits) == 1, [s.content for s in found]
    return hits[0]


@pytest.mark.parametrize(
    "text, fragment, speaker_word",
    [
        ("Senator Ruth Okafor wants to raise the minimum wage to fifteen dollars.", "raise the minimum wage", "Okafor"),
        ("New polls show the race for governor is tied in three counties.", "race for governor", "polls"),
        ("Farm leaders fear that the new tariffs will close dozens of dairies.", "close dozens of dairies", "leaders"),
        ("Governor Tomas Vilander vowed to veto the pipeline bill.", "veto the pipeline bill", "Vilander"),
    ],
)
def test_wants_evidence_fears_and_vows_are_attributions(statements, text, fragment, speaker_word):
    statement = only(statements(text), fragment)
    assert speaker_word.lower() in (statement.speaker or "").lower()
    assert len(statement.content.split()) <= len(text.split()) - 2


def test_a_headline_colon_names_its_speaker(statements):
    text = "Mayor Lena Ortiz: Budget cuts will hurt our schools.\n\nThe city council met on Tuesday to vote."
    statement = only(statements(text), "Budget cuts")
    assert statement.speaker == "Lena Ortiz" and statement.cue == ":"
    assert statement.content == "Budget cuts will hurt our schools"


def test_a_label_before_a_colon_is_not_a_speaker(statements):
    text = "Editor’s note: This story was updated on Friday with new figures.\n\nThe plant closed in May."
    assert not [s for s in statements(text) if s.cue == ":"]


def test_a_quote_inside_reported_speech_is_not_a_second_statement(statements):
    text = "Councillor Mira Haldane said the housing plan was “a disaster for young families” and should be withdrawn."
    found = statements(text)
    assert len(found) == 1 and "disaster for young families" in found[0].content


def test_a_short_quoted_phrase_nobody_says_is_not_a_statement(statements):
    text = "The program, dubbed “Fresh Start,” will open in April in four districts."
    assert not statements(text)


def test_he_stays_as_written_when_two_men_could_have_said_it(statements):
    text = "Jan Kowalski met Pavel Novak in Brno on Monday. He said the rail link would be finished by 2030."
    statement = only(statements(text), "rail link")
    assert statement.speaker == "He" and statement.speaker_text == "He"


def test_he_resolves_when_one_man_fits(statements):
    text = "Farm minister Pavel Novak toured the flooded valley on Monday. He said the state would pay for new dams."
    statement = only(statements(text), "new dams")
    assert statement.speaker == "Pavel Novak" and statement.speaker_text == "He"


def test_a_dateline_is_never_the_speaker(statements):
    text = "KESTREL CITY, March 3 (Daily Ledger) – The harbour authority said on Friday that ferry fares would rise."
    statement = only(statements(text), "ferry fares")
    assert "harbour authority" in statement.speaker and "KESTREL" not in statement.speaker


def test_an_outlet_that_reports_is_the_speaker(statements):
    text = "The Daily Ledger has learned that the harbour authority plans to sell two ferries."
    statement = only(statements(text), "sell two ferries")
    assert "Ledger" in statement.speaker


def test_the_shipped_model_is_small_and_loads_once():
    model = load_model()
    assert model is load_model() and 0 < model.threshold < 1 and len(model.weights) > 1000


def test_extract_gives_a_resolved_pronoun_speaker_its_entity_id(tmp_path: Path):
    article = tmp_path / "valley.txt"
    article.write_text("Farm minister Pavel Novak toured the flooded valley on Monday.\n\n"
                       "He said the state would pay for new dams in the spring.\n", encoding="utf-8")
    document = next(extract_documents([str(article)], Options(jobs=1)))
    statement = only(document.quotes, "new dams")
    novak = next(m for m in document.entities if m.text == "Pavel Novak")
    assert statement.speaker_text == "He" and statement.speaker == novak.name
    assert statement.speaker_id == novak.entity_id is not None
