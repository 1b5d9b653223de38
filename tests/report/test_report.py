"""The dossier is one self-contained HTML file: every section, every item linked to its evidence, text escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store


@pytest.fixture(scope="module")
def html(database: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("report") / "dossier.html"
    done = CliRunner().invoke(app, ["report", "--db", str(database), "--output", str(path)])
    assert done.exit_code == 0, done.output
    assert str(path.resolve()) in done.output
    return path.read_text(encoding="utf-8")


def test_the_report_needs_no_network(html: str) -> None:
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "Plotly" in html and len(html) > 3_000_000  # plotly.js itself is inside


def test_every_evidence_link_points_at_highlighted_text(html: str) -> None:
    targets = set(re.findall(r'data-show="([^"]+)"', html))
    highlighted = {key for keys in re.findall(r'data-k="([^"]+)"', html) for key in keys.split()}
    assert len(targets) == 6 + 7 + 3 and targets <= highlighted  # events, statements, numbers
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', html))
    assert targets <= anchors


def test_each_story_answers_first_then_shows_its_evidence(html: str) -> None:
    convoy = html[html.index('id="s0story"'):html.index('id="s1story"')]
    order = ('<dl class="glance">', "Conflicts</h2>", "<h2>Blame by outlet</h2>", "<h2>Timeline</h2>", "<h2>Map</h2>",
             "<h2>Statements by speaker</h2>", "<h2>Numbers</h2>", "<h2>Claims</h2>", "<h2>All events</h2>",
             "<h2>Actor network</h2>", "<h2>Articles</h2>")
    places = [convoy.index(heading) for heading in order]
    assert places == sorted(places)
    assert re.search(r'<a class="actor" href="#actor-[^"]+">Tomas Reyes</a> <span class="meta">\(quoting', convoy)
    assert "(in its own voice)" in convoy
    assert 'class="badge agree"' in convoy and 'class="badge single-source"' in convoy
    assert "North Daily" in convoy and "South Post" in convoy and "West Wire" in convoy


def test_empty_sections_say_none_found(html: str) -> None:
    markup = html[html.index('id="s1story"'):]
    for message in ("No events found", "No actor network found", "No numbers found", "No claim made by more than one article", "No blame found"):
        assert message in markup


def test_article_text_and_titles_are_text_not_markup(html: str) -> None:
    assert "<script>alert" not in html and "<b>bold</b>" not in html and "<i>test</i>" not in html
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in html
    assert "Outlet &lt;C&gt;" in html


def test_an_empty_database_gives_a_page_saying_so(tmp_path: Path) -> None:
    from newsgraph.report import render_report

    page = render_report(Store(tmp_path / "empty.db", writable=True))
    assert "No articles in this database yet" in page


def test_the_demo_ends_with_the_dossier_path_and_the_command_to_open_the_app(tmp_path: Path) -> None:
    import io

    from rich.console import Console

    from newsgraph.cli import write_demo_dossier
    from newsgraph.store.analyze import Corpus
    from tests.store.corpus import corpus

    out = io.StringIO()
    write_demo_dossier(Console(file=out, width=300), corpus(), Corpus(), tmp_path / "demo")
    lines = out.getvalue().splitlines()
    assert lines[-2] == f"dossier: {(tmp_path / 'demo' / 'dossier.html').resolve()}"
    assert lines[-1] == f"open the app: newsgraph serve --db {tmp_path / 'demo' / 'demo.db'}"
    assert (tmp_path / "demo" / "dossier.html").stat().st_size > 1_000_000
