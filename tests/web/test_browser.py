"""A person in a browser: search an actor, open a story, click an event, see its sentence lit in the article.

Runs headless Debian Chromium through Playwright (never Playwright's own download). The app runs on a
free local port; the same walk is done on the report file. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import func, select

from newsgraph.pipeline import Options
from newsgraph.report import write_report
from newsgraph.report.timeline import OWN_DAYS_BEFORE
from newsgraph.store import Store, queries, schema
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


# Where the story, actor and notebook screenshots go: NEWSGRAPH_SCREENSHOTS=/some/dir (outside the repo)
# to keep them, else test-artifacts/ beside the others.
SHOTS = Path(os.environ.get("NEWSGRAPH_SCREENSHOTS") or ARTIFACTS)


def story_window(store: Store, story_id: str) -> tuple[date, date]:
    """The story's own days as its page counts them: from a week before its first article to its last."""
    with store.engine.connect() as conn:
        story = queries.story(conn, story_id)
    return story.first_date - timedelta(days=OWN_DAYS_BEFORE), story.last_date


def chart_range(scope) -> list[str]:
    """The x-axis range plotly drew for the timeline of the story in `scope` (a page or a story's section)."""
    chart = scope.locator(".chart[data-figure$='timeline-figure']").first
    chart.locator(".main-svg").first.wait_for()
    return chart.evaluate("box => box._fullLayout.xaxis.range")


def assert_answers_first(page, store: Store, story_id: str) -> None:
    """Summary at the top, conflicts with reasons and sides, blame, a drawn map, and a timeline of the story's own days."""
    glance = page.locator("dl.glance").first
    assert glance.is_visible() and glance.bounding_box()["y"] < 900  # in the first screen
    for label in ("What", "Where", "When", "Who"):
        assert glance.locator("dt", has_text=label).count() == 1
    assert glance.locator("a.actor").count() >= 3
    conflict = page.locator("h3:has(.badge.conflict)").first
    assert conflict.locator(".reason").inner_text().strip()
    sides = conflict.locator("xpath=following-sibling::table[1]//tr")
    assert sides.count() >= 2 and sides.locator("a.evidence").count() == sides.count()
    assert page.locator("table.blame tr").count() >= 2
    assert page.locator("figure.map svg path.land").count() > 10 and page.locator("figure.map svg circle.place").count() >= 1
    first, last = story_window(store, story_id)
    low, high = (date.fromisoformat(value[:10]) for value in chart_range(page))
    assert first - timedelta(days=1) <= low and high <= last + timedelta(days=1), (low, high)
    days = [date.fromisoformat(text) for text in page.locator("ol.timeline li > .meta:first-child").all_inner_texts()]
    assert days and all(first <= day <= last for day in days)
    background = page.locator("details.background li")
    assert background.count() > 0  # "since 1984", "last July": listed apart, not drawn


def assert_actor_page(page, name: str, alias: str) -> None:
    """An actor's page names its spellings and lists its statements with their evidence."""
    assert page.locator(".actor-page h1", has_text=name).first.is_visible()
    page_section = page.locator(".actor-page", has=page.locator("h1", has_text=name)).first
    assert alias in page_section.locator("ul.aliases").inner_text()
    assert page_section.locator("table.statements tr").count() >= 2


def test_the_app_story_page_answers_first_and_its_actor_links_work(page, server: str, store: Store) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    story_id = walk(store)["story"]
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server) else route.abort())
    page.goto(f"{server}/stories/{story_id}")
    assert_answers_first(page, store, story_id)
    page.screenshot(path=str(SHOTS / "app-story-first-screen.png"))
    page.locator("h3 a.actor", has_text="Kemal Yildirak").first.click()
    page.wait_for_url("**/actors/**")
    assert_actor_page(page, "Kemal Yildirak", "Kemal Yıldırak")
    page.screenshot(path=str(SHOTS / "app-actor.png"), full_page=True)
    assert page.errors == []


def test_the_report_story_page_answers_first_and_its_actor_links_work(page, store: Store, tmp_path: Path) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    report = write_report(store, tmp_path / "dossier.html")
    page.route("http*://**", lambda route: route.abort())  # no network at all
    story_id = walk(store)["story"]
    with store.engine.connect() as conn:
        number = [row["id"] for row in queries.stories(conn)].index(story_id)
    page.goto(report.resolve().as_uri() + f"#s{number}story")
    story = page.locator(f"#s{number}story")
    assert_answers_first(story, store, story_id)
    page.screenshot(path=str(SHOTS / "report-story-first-screen.png"))
    story.locator("h3 a.actor", has_text="Kemal Yildirak").first.click()
    assert_actor_page(page, "Kemal Yildirak", "Kemal Yıldırak")
    page.screenshot(path=str(SHOTS / "report-actor.png"))
    mention = story.locator("article.text a.mention").first
    target = mention.get_attribute("href")
    assert page.locator(f"section.actor-page[id='{target[1:]}']").count() == 1
    assert page.errors == []


def test_search_folds_accents_and_reads_or(page, server: str) -> None:
    page.goto(f"{server}/search?q=Erdogan")
    assert page.locator("#results ul.actors a", has_text="Erdoğan").count() == 1
    assert page.locator("#results ul.articles li").count() >= 2
    page.goto(f"{server}/search?q=PKK+OR+TAK")
    actors = page.locator("#results ul.actors a").all_inner_texts()
    assert "PKK" in actors and "TAK" in actors
    assert page.locator("#results ul.articles li").count() > 1
    assert page.errors == []


def test_the_notebook_rendering_shows_the_highlighted_article(page, store: Store) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    document = next(d for d in store.documents() if d.quotes and d.events)
    html = SHOTS / "notebook-repr.html"
    html.write_text(f"<!DOCTYPE html><meta charset='utf-8'><body style='max-width:900px'>{document._repr_html_()}</body>",
                    encoding="utf-8")
    page.goto(html.resolve().as_uri())
    body = page.locator(".newsgraph-article .body")
    assert body.inner_text() == document.text
    assert body.locator(".quote").count() > 0 and body.locator(".entity").count() > 0 and body.locator(".event").count() > 0
    page.screenshot(path=str(SHOTS / "notebook-repr.png"))
    assert page.errors == []
