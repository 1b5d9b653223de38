"""Plain-text crawl dumps: the date line and the headline come out of the body."""

from datetime import date

from newsgraph.ingest.text import read_text

CRAWLED = """ date 2017-01-07
Minister resigns after budget vote collapses

The finance minister of Lorvania resigned on Friday after parliament rejected his budget.

Opposition leaders welcomed the move.
"""


def test_crawl_date_line_gives_the_date_and_leaves_the_text() -> None:
    raw = read_text("a.txt", CRAWLED)
    assert raw.published == date(2017, 1, 7)
    assert raw.date_source == "crawl-line"
    assert "date 2017" not in raw.text


def test_first_line_followed_by_blank_line_is_the_title() -> None:
    raw = read_text("a.txt", CRAWLED)
    assert raw.title == "Minister resigns after budget vote collapses"
    assert raw.text.startswith("The finance minister")


def test_a_first_sentence_is_not_taken_for_a_title() -> None:
    raw = read_text("a.txt", "The minister resigned on Friday.\n\nHe gave no reason.")
    assert raw.title is None
    assert raw.text.startswith("The minister resigned")


def test_a_dateline_on_its_own_line_stays_in_the_text_with_its_date() -> None:
    for dateline in ("PORTVALE, March 3 (Coastal Wire) --", "PORTVALE (CW) _", "PORTVALE, Lorvania \u2014"):
        raw = read_text("a.txt", f"{dateline}\n\nThe harbour reopened on Monday.")
        assert raw.title is None, dateline
        assert raw.text.startswith(dateline)  # its date and place reach the extractors


def test_a_quoted_closing_sentence_is_not_taken_for_a_title() -> None:
    raw = read_text("a.txt", 'The mayor called it "a fair deal."\n\nCouncil voted 7-2.')
    assert raw.title is None


def test_text_without_date_line_has_no_date() -> None:
    raw = read_text("a.txt", "Storm hits the coast\n\nHeavy rain fell overnight across the region.")
    assert raw.published is None and raw.title == "Storm hits the coast"


def test_paragraph_breaks_are_kept() -> None:
    assert "\n\nOpposition leaders" in read_text("a.txt", CRAWLED).text


def test_crawl_header_may_also_give_url_and_outlet() -> None:
    raw = read_text("a.txt", " date 2017-01-07\n url https://ledger.example/a\n outlet Northern Ledger\n" + CRAWLED.split("\n", 1)[1])
    assert (raw.published, raw.url, raw.outlet) == (date(2017, 1, 7), "https://ledger.example/a", "Northern Ledger")
    assert raw.title == "Minister resigns after budget vote collapses"


def test_a_sentence_starting_with_a_header_word_stays_text() -> None:
    raw = read_text("a.txt", "Source of the leak remains unknown, officials said on Monday.\n\nMore follows.")
    assert raw.text.startswith("Source of the leak") and raw.outlet is None
