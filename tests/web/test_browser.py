"""A person in a browser: search an actor, open a story, click an event, see its sentence lit in the article.

Runs headless Debian Chromium through Playwright (never Playwright's own download). The app runs on a
free local port; the same walk is done on the report file. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import func, select

from newsgraph.pipeline import Options
from newsgraph.report import write_report
from newsgraph.store import Store, schema
from newsgraph.store.analyze import analyze
from newsgraph.web import create_app

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")


def demo_database(folder: Path) -> Path:
    """The bundled sample analyzed into a store, as `newsgraph demo` builds it; it must hold a story with events."""
    store = Store(folder / "demo.db", writable=True)
    with resources.as_file(resources.files("newsgraph.data").joinpath("sample")) as corpus:
        analyze([str(corpus)], store, Options(jobs=1), lambda error: None, lambda note: None)
    assert walk(store), "the demo corpus gives no story with events to walk through"
    return store.path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The store built from the demo corpus."""
    return Store(demo_database(tmp_path_factory.mktemp("demo")))


def walk(store: Store) -> dict | None:
    """What a user would look for: the story with most events, its most mentioned actor, its first event's sentence."""
    e, sd, m, ent = schema.events, schema.story_documents, schema.mentions, schema.entities
    with store.engine.connect() as conn:
        story = conn.execute(select(sd.c.story_id).join_from(sd, e, e.c.document_id == sd.c.document_id)
                             .group_by(sd.c.story_id).order_by(func.count().desc()).limit(1)).scalar()
        if story is None:
            return None
        actor = conn.execute(select(ent.c.id, ent.c.name).join_from(ent, m, m.c.entity_id == ent.c.id)
                             .join(sd, sd.c.document_id == m.c.document_id).where(sd.c.story_id == story)
                             .group_by(ent.c.id).order_by(func.count().desc()).limit(1)).first()
    return {"story": story, "actor_id": actor[0], "actor": actor[1]}


@pytest.fixture(scope="module")
def server(store: Store) -> Iterator[str]:
    """The app on the walked store."""
    yield from serve(store.path)


@pytest.fixture(scope="module")
def markup_server(database: Path) -> Iterator[str]:
    """The app on the hand-made corpus, which holds an article full of markup."""
    yield from serve(database)


def serve(path: Path) -> Iterator[str]:
    """The app on a free port of 127.0.0.1 until the generator is closed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app_server = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not app_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    app_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser) -> Iterator:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: page.errors.append(f"dialog: {dialog.message}"))
    yield page
    page.close()


def click_first_event(page, name: str) -> None:
    """Click the first event of the timeline; its whole sentence, and only it, is lit in its article."""
    link = page.locator("ol.timeline a[data-show]").first
    key = link.get_attribute("data-show")
    link.click()
    lit = page.locator(".hl")
    lit.first.wait_for()
    sentence = "".join(lit.all_inner_texts())
    assert lit.count() == page.locator(f'[data-k~="{key}"]').count() > 0
    assert link.inner_text() in sentence and sentence.strip()[-1] in ".!?\"'”’"
    assert lit.first.is_visible()
    page.screenshot(path=str(ARTIFACTS / f"{name}-event-highlighted.png"))


def test_search_an_actor_open_a_story_and_see_an_event_sentence_highlighted(page, server: str, store: Store) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    target = walk(store)
    page.goto(f"{server}/search")
    page.locator("form.filters input[name=q]").fill(target["actor"].split()[-1])
    page.locator(f'#results a[href="/actors/{target["actor_id"]}"]').click()
    page.screenshot(path=str(ARTIFACTS / "app-actor.png"))
    page.locator(f'a[href="/stories/{target["story"]}"]').first.click()
    page.locator(".chart .main-svg").first.wait_for()  # plotly drew the timeline, from the app, offline
    page.screenshot(path=str(ARTIFACTS / "app-story.png"), full_page=False)
    click_first_event(page, "app")
    assert page.errors == []


def test_the_report_file_works_the_same_offline(page, store: Store, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    report = write_report(store, tmp_path / "dossier.html")
    shutil.copy(report, ARTIFACTS / "dossier.html")
    page.route("http*://**", lambda route: route.abort())  # no network at all
    page.goto(report.resolve().as_uri())
    page.screenshot(path=str(ARTIFACTS / "report-top.png"))
    assert page.locator(".chart .main-svg").count() > 0
    click_first_event(page, "report")
    assert page.errors == []


def test_markup_in_an_article_shows_as_text_in_the_app_and_the_report(page, markup_server: str, database: Path,
                                                                       tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    report = write_report(Store(database), tmp_path / "dossier.html")
    for name, url in [("app", f"{markup_server}/stories/s-markup"), ("report", report.resolve().as_uri() + "#s1story")]:
        page.goto(url)
        body = page.locator("article.text .body", has_text="Officials said <script>")
        assert '<script>alert("owned")</script>' in body.inner_text() and "<b>bold</b>" in body.inner_text()
        assert body.locator("b, script").count() == 0
        assert page.get_by_role("heading", name="Markup <i>test</i>").first.is_visible()
        body.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"{name}-markup-as-text.png"))
    assert page.errors == []
