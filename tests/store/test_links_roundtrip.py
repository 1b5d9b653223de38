"""What `extract --links` computes is what the store gives back: `analyze` then `export --format links` equal it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.model import Statement
from newsgraph.store import Store

ARTICLES = {
    "a-harbour.txt": (" date 2024-05-02\n\nFerry fire at Caldera harbour kills 14\n\n"
                      "A fire on a ferry moored at Caldera harbour killed 14 passengers on Wednesday, the port "
                      "authority said. Harbour master Ines Morel said the blaze started in the engine room.\n\n"
                      "Police said a dock workers' union was behind the sabotage of the fire pumps."),
    "b-harbour.txt": (" date 2024-05-03\n\nCaldera ferry fire toll rises to 17\n\n"
                      "The fire on a ferry at Caldera harbour killed 17 passengers, the port authority said on "
                      "Thursday. Ines Morel, the harbour master, said the crew had reported smoke an hour earlier.\n\n"
                      "Analysts believe the ferry operator ignored safety warnings."),
    "c-budget.txt": (" date 2024-05-20\n\nLind: 'The budget will repair roads first'\n\n"
                     "The Valmont city council approved a budget of 40 million euros on Monday. Mayor Paul Lind "
                     "said the money would repair roads and schools."),
}


def test_analyze_then_export_links_gives_back_what_extract_links_wrote(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    extracted = runner.invoke(app, ["extract", str(folder), "--links", str(tmp_path / "links.json"),
                                    "-o", str(tmp_path / "documents.jsonl")])
    assert extracted.exit_code == 0, extracted.output
    analyzed = runner.invoke(app, ["analyze", str(folder), "--db", str(tmp_path / "news.db")])
    assert analyzed.exit_code == 0, analyzed.output
    exported = runner.invoke(app, ["export", "--db", str(tmp_path / "news.db"), "--format", "links",
                                   "--output", str(tmp_path / "stored.json")])
    assert exported.exit_code == 0, exported.output
    written = json.loads((tmp_path / "links.json").read_text(encoding="utf-8"))
    stored = json.loads((tmp_path / "stored.json").read_text(encoding="utf-8"))
    for noun in ("stories", "claims", "blame", "framing", "entities"):
        assert stored[noun] == written[noun], noun
    assert len(written["stories"]) == 2 and any(len(s["documents"]) == 2 for s in written["stories"])
    documents = [json.loads(line) for line in (tmp_path / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {d["id"]: d["story"] for d in documents} == {i: s["id"] for s in written["stories"] for i in s["documents"]}
    assert any(e["name"] == "Ines Morel" for e in written["entities"])
    [headline] = [q for d in documents for q in d["quotes"] if q["in_title"]]
    assert headline["speaker"] == "Paul Lind" and headline["speaker_id"] in {e["id"] for e in stored["entities"]}
    assert [q for d in Store(tmp_path / "news.db").documents() for q in d.quotes if q.in_title] == [Statement(**headline)]


def test_analyze_in_parts_gives_the_stories_and_actors_of_one_run(tmp_path: Path) -> None:
    runner = CliRunner()
    paths = []
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))

    def links(db: str, *parts: list[str]) -> dict:
        for part in parts:
            done = runner.invoke(app, ["analyze", *part, "--db", str(tmp_path / db)])
            assert done.exit_code == 0, done.output
        out = tmp_path / f"{db}.json"
        assert runner.invoke(app, ["export", "--db", str(tmp_path / db), "--format", "links", "-o", str(out)]).exit_code == 0
        return json.loads(out.read_text(encoding="utf-8"))
    whole = links("whole.db", paths)
    parts = links("parts.db", paths[:1], paths[1:2], paths[2:])
    assert parts["stories"] == whole["stories"] and parts["entities"] == whole["entities"]
    assert parts["claims"] == whole["claims"] and parts["blame"] == whole["blame"]
