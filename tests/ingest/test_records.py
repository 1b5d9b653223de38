"""JSON Lines, JSON and CSV exports: one article per record, the usual field names."""

import json
from datetime import date

import pytest

from newsgraph.errors import InputError, MalformedInputError
from newsgraph.ingest.records import read_csv, read_json, read_jsonl
from newsgraph.model import RawDocument

TEXT = "Customs officers seized four tonnes of counterfeit medicine at the border crossing on Sunday."


def test_jsonl_accepts_the_usual_field_names() -> None:
    lines = [
        {"title": "Seizure at border", "text": TEXT, "date": "2021-03-04", "url": "https://a.example/1", "outlet": "A"},
        {"headline": "Medicine seized", "maintext": TEXT, "publish_date": "2021-03-05T10:00:00Z", "site_name": "B"},
        {"heading": "Fake pills", "content": TEXT, "published": "March 6, 2021", "source": "C"},
        {"body": TEXT, "date_publish": None},
    ]
    docs = list(read_jsonl("x.jsonl", "\n".join(json.dumps(line) for line in lines)))
    assert [d.title for d in docs] == ["Seizure at border", "Medicine seized", "Fake pills", None]
    assert [d.published for d in docs] == [date(2021, 3, 4), date(2021, 3, 5), date(2021, 3, 6), None]
    assert [d.outlet for d in docs] == ["A", "B", "C", None]
    assert docs[0].url == "https://a.example/1"


def test_broken_jsonl_line_is_reported_with_its_number_and_the_rest_read() -> None:
    text = json.dumps({"text": TEXT}) + "\n{broken\n" + json.dumps({"text": TEXT + " Again."})
    items = list(read_jsonl("x.jsonl", text))
    assert isinstance(items[1], MalformedInputError) and "line 2" in str(items[1])
    assert isinstance(items[0], RawDocument) and isinstance(items[2], RawDocument)


def test_record_without_text_says_why() -> None:
    [item] = list(read_jsonl("x.jsonl", json.dumps({"title": "Only a title"})))
    assert isinstance(item, InputError) and "no article text" in item.reason


def test_json_array_and_wrapped_list() -> None:
    assert len(list(read_json("a.json", json.dumps([{"text": TEXT}, {"text": TEXT}])))) == 2
    assert len(list(read_json("b.json", json.dumps({"articles": [{"text": TEXT}]})))) == 1


def test_broken_json_names_the_position() -> None:
    with pytest.raises(MalformedInputError, match="line 1"):
        list(read_json("a.json", '[{"text": "x"'))


def test_csv_rows_become_articles() -> None:
    csv_text = 'headline,body,publish_date,site_name\n"Seizure","' + TEXT + '",2021-03-04,Ledger\n'
    [doc] = list(read_csv("a.csv", csv_text))
    assert doc.title == "Seizure" and doc.outlet == "Ledger" and doc.published == date(2021, 3, 4)


def test_csv_without_a_text_column_is_refused() -> None:
    with pytest.raises(MalformedInputError, match="no text column"):
        list(read_csv("a.csv", "name,age\nAda,36\n"))


def test_csv_with_multi_line_quoted_bodies_and_semicolons() -> None:
    body = f"{TEXT}\n\nThe seized boxes, labelled \"vitamins\", were sent to a laboratory; tests are due next week."
    text = "title;body;date\n" + f'"Seizure";"{body.replace(chr(34), chr(34) * 2)}";2021-03-04\n"Second";"{TEXT}";2021-03-05\n'
    first, second = list(read_csv("a.csv", text))
    assert first.text == body and second.title == "Second"
