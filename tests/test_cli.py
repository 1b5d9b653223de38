"""The `newsgraph extract` command as a user runs it: contract on stdout, errors on stderr, exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.contract import CONTRACT_KEYS

ARTICLE = """ date 2017-01-07
Talks on the border dispute resume

Delegations from Lorvania and Estavia met in Geneva on Friday to resume talks on their disputed border, officials said.

The talks had stalled in the summer after a clash between border guards.

Be the first to comment
This site uses Akismet to reduce spam. Learn how your comment data is processed.
"""


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed command the way a user does (a fresh process, real stdout/stderr)."""
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], input=stdin, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "nested").mkdir()
    (folder / "nested" / "talks.txt").write_text(ARTICLE)
    (folder / "undated.txt").write_text("Markets rallied on Monday as investors welcomed the central bank's decision to hold interest rates.")
    (folder / "broken.json").write_text('[{"text": ')
    (folder / "image.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "empty.txt").write_text("")
    return folder


@pytest.fixture(scope="module")
def result(corpus: Path) -> subprocess.CompletedProcess[str]:
    return run("extract", str(corpus), str(corpus / "missing.txt"), "--published", "2020-02-02")


def test_every_readable_article_is_written_with_every_contract_key(result: subprocess.CompletedProcess[str]) -> None:
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(d["source"]).name for d in documents] == ["talks.txt", "undated.txt"]
    for document in documents:
        assert set(CONTRACT_KEYS) <= set(document)
        assert all(isinstance(document[key], list) for key in ("entities", "quotes", "quantities", "timexes", "events"))


def test_furniture_title_and_date_line_are_out_of_the_text(result: subprocess.CompletedProcess[str]) -> None:
    talks = json.loads(result.stdout.splitlines()[0])
    assert talks["title"] == "Talks on the border dispute resume"
    assert talks["published"] == "2017-01-07"
    assert talks["text"].startswith("Delegations from Lorvania")
    assert "comment" not in talks["text"] and "Akismet" not in talks["text"]


def test_published_option_fills_only_undated_inputs(result: subprocess.CompletedProcess[str]) -> None:
    undated = json.loads(result.stdout.splitlines()[1])
    assert (undated["published"], undated["date_source"]) == ("2020-02-02", "option")


def test_each_bad_input_gets_one_line_naming_it_and_exit_code_1(result: subprocess.CompletedProcess[str], corpus: Path) -> None:
    errors = result.stderr.splitlines()
    assert result.returncode == 1
    for name in ("broken.json", "image.txt", "empty.txt", "missing.txt"):
        [line] = [e for e in errors if name in e]
        assert re.match(rf"newsgraph: {re.escape(str(corpus))}/\S*{name}: \S", line)
    assert "Traceback" not in result.stderr


def test_entity_offsets_point_at_the_text(result: subprocess.CompletedProcess[str]) -> None:
    for line in result.stdout.splitlines():
        document = json.loads(line)
        for mention in document["entities"]:
            assert document["text"][mention["start"]:mention["end"]] == mention["text"]


def test_stdin_and_json_format() -> None:
    done = run("extract", "-", "--format", "json", stdin=ARTICLE)
    assert done.returncode == 0, done.stderr
    [document] = json.loads(done.stdout)
    assert document["source"] == "-" and document["published"] == "2017-01-07"


def test_bad_published_date_is_a_usage_error() -> None:
    done = run("extract", "-", "--published", "last week", stdin=ARTICLE)
    assert done.returncode == 2 and "YYYY-MM-DD" in done.stderr


def test_size_limit_is_configurable(corpus: Path) -> None:
    done = run("extract", str(corpus / "nested" / "talks.txt"), "--max-size", "0.0001")
    assert done.returncode == 1 and "over the limit" in done.stderr and done.stdout == ""


def test_non_english_article_is_kept_marked_and_skipped_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text("Die Regierung in Berlin hat am Mittwoch neue Gespräche mit Paris angekündigt, sagte ein Sprecher des Ministeriums.")
    done = run("extract", str(path))
    [document] = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0
    assert document["language"] == "de" and document["entities"] == []
    assert "English-only steps skipped" in done.stderr


def test_duplicates_point_to_their_first_copy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("on Friday", "late on Friday"))
    first, second = [json.loads(line) for line in run("extract", str(tmp_path)).stdout.splitlines()]
    assert first["duplicate_of"] is None and second["duplicate_of"] == first["id"]
