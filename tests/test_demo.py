"""`newsgraph demo` works out of the box on the bundled sample and ends with the dossier and app."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from newsgraph.pipeline import Options, extract_documents


@pytest.fixture(scope="module")
def sample_documents() -> list:
    with resources.as_file(resources.files("newsgraph.data").joinpath("sample")) as folder:
        errors: list = []
        documents = list(extract_documents([str(folder)], Options(), errors.append))
    assert errors == []
    return documents


def test_sample_has_a_dozen_articles_from_several_outlets_and_formats(sample_documents: list) -> None:
    assert len(sample_documents) >= 12
    assert len({d.outlet for d in sample_documents if d.outlet}) >= 3
    suffixes = {Path(d.source.split(":")[0]).suffix for d in sample_documents}
    assert {".txt", ".html", ".jsonl", ".csv", ".xml"} <= suffixes


def test_sample_furniture_never_reaches_the_text(sample_documents: list) -> None:
    for document in sample_documents:
        for furniture in ("Be the first to comment", "Akismet", "Share this", "newsletter", "Leave a Reply", "cookies"):
            assert furniture not in document.text, (document.source, furniture)


def test_sample_copies_and_foreign_article_are_marked(sample_documents: list) -> None:
    assert sum(1 for d in sample_documents if d.duplicate_of) == 2
    assert [d.language for d in sample_documents if d.language != "en"] == ["de"]


def test_demo_command_prints_the_dossier_and_the_app_command(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "newsgraph", "demo", "--folder", str(tmp_path)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"dossier: {tmp_path / 'dossier.html'}" in done.stdout.replace("\n", "")
    assert "newsgraph serve --db" in done.stdout
    assert (tmp_path / "dossier.html").stat().st_size > 10_000


def test_extract_over_the_sample_prints_stories_and_claims_a_user_can_check(tmp_path: Path) -> None:
    links = tmp_path / "links.json"
    with resources.as_file(resources.files("newsgraph.data").joinpath("sample")) as folder:
        done = subprocess.run([sys.executable, "-m", "newsgraph", "extract", str(folder), "--links", str(links)],
                              capture_output=True, text=True, timeout=600)
    documents = [json.loads(line) for line in done.stdout.splitlines()]
    data = json.loads(links.read_text())
    headlines = sorted(s["headline"] for s in data["stories"] if len(s["documents"]) > 1)
    assert len(headlines) == 3 and any("nightclub" in h for h in headlines) and any("stadium" in h for h in headlines)
    by_title = {d["title"]: d["story"] for d in documents}
    assert by_title["Gunman kills 39 at Istanbul nightclub on New Year's Eve"] != by_title["Twin blasts near Istanbul stadium kill 12"]
    toll = [c for c in data["claims"] if c["agreement"] == "conflict" and "39" in (c["reason"] or "") and "35" in c["reason"]]
    assert toll and all(s["text"] for s in toll[0]["sides"])
