"""Hard-wrapped plain text is joined back into paragraphs; short lines of an unwrapped page keep their breaks."""

from pathlib import Path

from newsgraph.ingest.clean import make_document
from newsgraph.model import RawDocument
from newsgraph.pipeline import Options, extract_documents
from tests.extract.conftest import only

WRAPPED = (
    "Harbour workers end strike after pay deal\n\n"
    "The dock workers' union said on Tuesday that its members had voted to\n"
    "accept a new pay offer and would return to work at the harbour on\n"
    "Thursday morning after a three-week strike.\n\n"
    '"We did not get everything we asked for, but this is a fair deal for\n'
    'families who have gone without wages for weeks," union secretary Ana\n'
    "Morales told reporters outside the hall.\n"
)


def test_a_hard_wrapped_article_gets_one_line_per_paragraph() -> None:
    text = make_document(RawDocument(source="strike.txt", text=WRAPPED)).text
    paragraphs = text.split("\n\n")
    assert [p.count("\n") for p in paragraphs] == [0, 0, 0]
    assert paragraphs[1].startswith("The dock workers' union said") and "voted to accept a new pay offer" in text
    assert "union secretary Ana Morales told" in text


def test_statements_of_a_hard_wrapped_article_are_whole(tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    article.write_text(WRAPPED, encoding="utf-8")
    document = next(extract_documents([str(article)], Options(jobs=1)))
    union = only(document.quotes, "voted to")
    assert union.content.endswith("after a three-week strike")
    quote = only(document.quotes, "fair deal")
    assert quote.speaker == "Ana Morales" and quote.content.endswith("without wages for weeks")


def test_short_lines_of_an_unwrapped_page_keep_their_breaks() -> None:
    text = (
        "The council approved the flood budget on Monday after a long debate about the levees along the river.\n"
        "10 a.m.\n"
        "Mayor Ilse Varga said the first repairs would start in the spring, once the water had gone down.\n\n"
        "What the budget pays for:\nNew pumps at the north levee\nTwo extra crews for the river wall\n"
        "Sandbags for every farm in the valley\n"
    )
    assert make_document(RawDocument(source="council.txt", text=text)).text == text.strip()
