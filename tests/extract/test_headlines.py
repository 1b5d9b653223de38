"""Statements in the headline: found with offsets into the title, kept apart from the body's items."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc

from newsgraph.extract.headlines import title_statements
from newsgraph.link.units import document_units
from newsgraph.model import Mention
from newsgraph.pipeline import Options, extract_documents

QUILL = Mention(start=0, end=12, text="Edwina Quill", type="PERSON", name="Edwina Quill")


def test_a_says_headline_is_a_statement_with_offsets_into_the_title(parse: Callable[[str], Doc]) -> None:
    title = "Kessler says bridge repairs will finish by June"
    [found] = title_statements(parse(title), [])
    assert found.in_title and found.sentence is None and found.cue == "says"
    assert title[found.content_start:found.content_end] == found.content == "bridge repairs will finish by June"
    assert title[found.speaker_start:found.speaker_end] == "Kessler"


def test_a_headline_colon_gives_the_speaker_before_it_and_what_was_said_after(parse: Callable[[str], Doc]) -> None:
    title = "Quill: 'We will not pay the harbour toll'"
    [found] = title_statements(parse(title), [QUILL])
    assert found.in_title and found.speaker == "Quill" and found.cue == ":"
    assert title[found.content_start:found.content_end] == found.content == "'We will not pay the harbour toll'"
    lead = "Mayor Lin on the budget: we will cut nothing"
    [found] = title_statements(parse(lead), [])
    assert found.speaker_text == "Mayor Lin" and lead[found.content_start:found.content_end] == "we will cut nothing"


def test_a_headline_label_is_no_statement(parse: Callable[[str], Doc]) -> None:
    assert title_statements(parse("Harbour Toll: What We Know"), []) == []
    assert title_statements(parse("Quill to Visit Caldera: What to Expect"), [QUILL]) == []


def test_title_statements_come_after_the_body_and_capture_none_of_its_items(tmp_path: Path) -> None:
    (tmp_path / "toll.txt").write_text(
        "Quill says harbour toll will rise by 12 percent\n\n"
        "The harbour toll will rise by 12 percent next spring, Mayor Edwina Quill said on Tuesday. "
        "Dock workers protested outside the town hall in Caldera.", encoding="utf-8")
    [document] = extract_documents([str(tmp_path)], Options(jobs=1))
    body = [q for q in document.quotes if not q.in_title]
    [headline] = [q for q in document.quotes if q.in_title]
    assert document.quotes[-1] is headline and document.title is not None
    assert document.title[headline.content_start:headline.content_end] == headline.content == "harbour toll will rise by 12 percent"
    assert headline.speaker_id is not None and headline.speaker_id == body[0].speaker_id == next(
        m.entity_id for m in document.entities if m.text == "Edwina Quill")
    indices = [n.statement for n in document.quantities] + [e.statement for e in document.events]
    assert all(i is None or i < len(body) for i in indices) and len(document.quantities) == 1
    assert [u.index for u in document_units(document) if u.kind == "statement"] == list(range(len(body)))


def test_a_headline_the_text_repeats_gives_its_statement_once(tmp_path: Path) -> None:
    headline = "Kessler says bridge repairs will finish by June"
    (tmp_path / "bridge.txt").write_text(f"{headline}\n\n{headline}\n\nCrews worked through the night.", encoding="utf-8")
    [document] = extract_documents([str(tmp_path)], Options(jobs=1))
    assert document.title == headline and [q.in_title for q in document.quotes] == [False]
