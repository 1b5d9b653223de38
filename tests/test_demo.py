"""`newsgraph demo` works out of the box on the bundled sample and ends with the dossier and app."""

from __future__ import annotations

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
