"""The web app in-process: pages, live search, filters, the JSON API and its OpenAPI, exports, uploads."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.web import create_app


@pytest.fixture(scope="module")
def client(database: Path) -> TestClient:
    return TestClient(create_app(database, allowed_hosts=["testserver"]))


def test_home_lists_stories_and_latest_articles(client: TestClient) -> None:
    page = client.get("/").text
    assert 'href="/stories/s-convoy"' in page and "Convoy attacked near Ankara (West Wire)" in page
    assert 'action="/upload"' not in page  # no token: no upload form


def test_the_story_page_has_every_section_linked_to_evidence(client: TestClient) -> None:
    page = client.get("/stories/s-convoy").text
    for heading in ("Timeline", "Actor network", "Statements by speaker", "Numbers", "Claims", "Blame by outlet"):
        assert f"<h2>{heading}</h2>" in page
    assert 'data-show="a0-s0"' in page and 'data-k="a0-s0"' in page
    assert '<script src="/static/plotly.js">' in page and client.get("/static/plotly.js").status_code == 200


def test_live_search_returns_a_fragment_of_actors_articles_and_statements(client: TestClient) -> None:
    fragment = client.get("/search/results", params={"q": "varg"}).text
    assert fragment.startswith('<div id="result-list">')
    assert 'href="/actors/e-varga"' in fragment and "Lena Varga" in fragment


def test_filters_narrow_the_results(client: TestClient) -> None:
    page = client.get("/search", params={"q": "convoy", "outlet": "South Post", "date_from": "", "event_type": "ASSAULT"}).text
    assert "(South Post)" in page and "(North Daily)" not in page
    assert client.get("/search", params={"date_from": "soon"}).status_code == 422


def test_the_actor_page_gathers_stories_articles_and_statements(client: TestClient) -> None:
    page = client.get("/actors/e-varga").text
    assert 'href="/stories/s-convoy"' in page and "the attack was planned by General Tomas Reyes." in page
    assert "<h2>Also written as</h2>" in page and "<li>Minister Lena Varga</li>" not in page  # mentions say "Lena Varga"
    assert 'href="/documents/d-north#a0-q0"' in page


def test_every_actor_on_the_story_page_links_to_its_page_which_says_who_blames_them(client: TestClient) -> None:
    page = client.get("/stories/s-convoy").text
    assert '<a class="actor" href="/actors/e-reyes">Tomas Reyes</a>' in page  # speaker, blame row
    assert '<a class="mention" href="/actors/e-varga">' in page  # a mention in an article
    assert page.index('<dl class="glance">') < page.index("Conflicts</h2>") < page.index("<h2>Blame by outlet</h2>")
    assert 'blamed: <a class="actor" href="/actors/e-reyes">Tomas Reyes</a>' in page
    reyes = client.get("/actors/e-reyes").text
    blamers = reyes[reyes.index("<h2>Who blames them</h2>"):]
    assert "North Daily" in blamers and "in its own voice" in blamers and "South Post" not in blamers
    assert client.get("/actors/e-nobody").status_code == 404
    network = page[page.index("<h2>Actor network</h2>"):page.index("<h2>Articles</h2>")]
    assert ('<td><a class="actor" href="/actors/e-ministry">Interior Ministry</a></td><td>ACCUSE</td>'
            '<td><a class="actor" href="/actors/e-reyes">Tomas Reyes</a></td>') in network
    assert "<td>Border troops</td>" in network  # words no actor was resolved for stay plain text
    twin = client.get("/api/entities/e-reyes").json()
    assert {b["outlet"] for b in twin["blamed_by"]} == {"North Daily"} and twin["stories"] == ["s-convoy"]
    assert {s["text"] for s in twin["spellings"]} == {"General Tomas Reyes"}


def test_article_text_is_escaped_everywhere(client: TestClient) -> None:
    pages = [client.get(url).text for url in ("/documents/d-hostile", "/stories/s-markup", "/search?q=owned", "/")]
    for page in pages:
        assert "<script>alert" not in page and "<b>bold</b>" not in page and "<i>test</i>" not in page
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in pages[0]
    assert "<mark>owned</mark>" in pages[2]


def test_the_json_api_is_documented_and_returns_the_nouns(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/documents/{document_id}", "/api/search", "/api/events",
            "/api/export/{fmt}"} <= set(paths)
    story = client.get("/api/stories/s-convoy").json()
    assert story["story"]["outlets"] == ["North Daily", "South Post", "West Wire"]
    assert len(story["documents"]) == 3
    assert {c["id"]: c["agreement"] for c in story["claims"]} == {"c-defence": "single-source", "c-planned": "agree"}
    planned = next(c for c in story["claims"] if c["id"] == "c-planned")
    assert [side["outlet"] for side in planned["sides"]] == ["North Daily", "South Post"] and planned["text"]
    assert {(b["outlet"], b["blamed_name"], b["source"]) for b in story["blame"]} >= {("North Daily", "Tomas Reyes", "named"),
                                                                                      ("South Post", "border troops", "anonymous")}
    assert client.get("/api/documents/d-north").json()["events"][0]["trigger"] == "attacked"
    assert [e["document_id"] for e in client.get("/api/events", params={"event_type": "ASSAULT", "outlet": "West Wire"}).json()] == ["d-west"]
    assert client.get("/api/stories/none").status_code == 404


def test_export_endpoints_stream_complete_files(client: TestClient) -> None:
    assert len(client.get("/api/export/jsonl").text.splitlines()) == 4
    events = client.get("/api/export/csv", params={"table": "events"})
    assert events.headers["content-type"].startswith("text/csv") and len(events.text.splitlines()) == 7
    assert "<gexf" in client.get("/api/export/gexf").text and "<graphml" in client.get("/api/export/graphml").text
    assert client.get("/api/export/pdf").status_code == 404


def test_the_app_is_read_only_without_a_token(client: TestClient) -> None:
    assert client.post("/upload", data={"token": "x"}).status_code in (404, 405)


def test_uploads_need_the_configured_token(database: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(database.read_bytes())
    client = TestClient(create_app(copy, token="s3cret", allowed_hosts=["testserver"]))
    assert 'action="/upload"' in client.get("/").text
    article = b" date 2021-03-08\nTalks resume\n\nDelegations met in Geneva on Monday to resume talks, officials said.\n"
    files = {"files": ("talks.txt", article, "text/plain")}
    assert client.post("/upload", data={"token": "wrong"}, files=files).status_code == 403
    done = client.post("/upload", data={"token": "s3cret"}, files=files, follow_redirects=False)
    assert done.status_code == 303
    assert "Talks resume" in client.get("/search/results", params={"q": "Geneva"}).text
