"""Hostile use of the store, the CSV export and the web app (issue 13): refused by name, never a 500."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph import export
from newsgraph.errors import StoreError
from newsgraph.store import Store
from newsgraph.web import create_app
from newsgraph.web.uploads import MAX_FILES
from tests.store.corpus import border_report

HOSTS = ["testserver"]
ARTICLE = b" date 2021-03-08\nTalks resume\n\nDelegations met in Geneva on Monday to resume talks, officials said.\n"


def test_two_writers_adding_the_same_documents_at_once_take_turns(blank: str) -> None:
    """Finding 6: the "already stored?" check ran outside the write transaction (duplicate id crash)."""
    path = blank
    Store(path, writable=True)
    failures: list[BaseException] = []
    barrier = threading.Barrier(2)

    def write(store: Store) -> None:
        for round_ in range(15):
            barrier.wait()
            try:
                store.add([border_report(f"d-{round_}-{n}", "North Daily", 6, "12") for n in range(4)])
            except BaseException as exc:  # noqa: BLE001 - collected for the assertion
                failures.append(exc)

    writers = [threading.Thread(target=write, args=(Store(path, writable=True),)) for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert failures == []
    assert Store(path).count() == 60


def test_a_second_run_waits_for_the_first_to_write_back_the_story_index(blank: str) -> None:
    """Two `analyze` runs into one store each read, extend and write back the corpus state: the second must wait,
    or it overwrites the stories the first one linked."""
    Store(blank, writable=True)
    first, second = Store(blank, writable=True), Store(blank, writable=True)
    steps: list[str] = []
    entered = threading.Event()

    def later_run() -> None:
        with second.run_lock():
            steps.append("second run")
            entered.set()

    with first.run_lock():
        waiting = threading.Thread(target=later_run)
        waiting.start()
        assert not entered.wait(1.0), "the second run got in while the first held the store"
        steps.append("first run done")
    waiting.join(30)
    assert steps == ["first run done", "second run"]


@pytest.mark.parametrize("kind", ["other tables", "not sqlite"])
def test_a_database_that_is_not_newsgraphs_is_refused_by_name(tmp_path: Path, kind: str) -> None:
    """Finding 17: report/export gave tracebacks and serve answered 500 on every page."""
    path = tmp_path / "other.db"
    if kind == "not sqlite":
        path.write_bytes(b"this is a text file, not a database\n" * 100)
    else:
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    for writable in (False, True):
        with pytest.raises(StoreError, match=f"{path}: (not a newsgraph database|cannot)"):
            Store(path, writable=writable)
    with pytest.raises(StoreError):
        create_app(path, allowed_hosts=HOSTS)


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://evil.example\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_export_neutralises_formulas(tmp_path: Path, cell: str) -> None:
    """Finding 8: cells starting with = + - @ were written verbatim (CLI and /api/export/csv)."""
    document = border_report("d-1", cell, 6, "12").model_copy(update={"title": cell})
    store = Store(tmp_path / "a.db", writable=True)
    store.add([document])
    lines = "".join(export.csv_lines(store, "documents"))
    assert "'" + cell[:2] in lines
    assert f",{cell}" not in lines and f'"{cell}' not in lines
    client = TestClient(create_app(tmp_path / "a.db", allowed_hosts=HOSTS))
    assert client.get("/api/export/csv", params={"table": "documents"}).text == lines


def test_a_safe_cell_keeps_numbers_and_plain_text() -> None:
    assert [export.safe_cell(v) for v in (-3, 2.5, None, "Minister said")] == [-3, 2.5, None, "Minister said"]


@pytest.fixture()
def uploads(database: Path, tmp_path: Path) -> TestClient:
    copy = tmp_path / "copy.db"
    copy.write_bytes(database.read_bytes())
    return TestClient(create_app(copy, token="s3cret", allowed_hosts=HOSTS, max_bytes=10_000))


def test_a_wrong_token_is_refused_before_the_files_are_read(uploads: TestClient) -> None:
    """Finding 4: a 5 GB upload with a wrong token was spooled to disk first, then refused."""
    parts = [b'--b\r\nContent-Disposition: form-data; name="token"\r\n\r\nwrong\r\n',
             b'--b\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n',
             *[b"x" * 10_000] * 1_000, b"\r\n--b--\r\n"]
    status, received = asyncio.run(_post_streamed(uploads.app, parts))
    assert status == 403
    assert received < 10  # the body was abandoned at the token, not read to its end


async def _post_streamed(app, parts: list[bytes]) -> tuple[int, int]:
    """POST /upload to the ASGI app one body chunk at a time; the status and how many chunks the app read."""
    chunks = iter(parts)
    received, answer = 0, {}

    async def receive() -> dict:
        nonlocal received
        chunk = next(chunks, None)
        received += chunk is not None
        return {"type": "http.request", "body": chunk or b"", "more_body": chunk is not None}

    async def send(message: dict) -> None:
        answer.setdefault("status", message.get("status"))

    scope = {"type": "http", "method": "POST", "path": "/upload", "raw_path": b"/upload", "query_string": b"",
             "root_path": "", "scheme": "http", "http_version": "1.1", "server": ("testserver", 80),
             "client": ("127.0.0.1", 5000), "asgi": {"version": "3.0"},
             "headers": [(b"host", b"testserver"), (b"content-type", b"multipart/form-data; boundary=b")]}
    await app(scope, receive, send)
    return answer["status"], received


def test_a_file_sent_before_the_token_is_refused(uploads: TestClient) -> None:
    answer = uploads.post("/upload", files={"files": ("a.txt", ARTICLE)}, data={})
    assert answer.status_code in (403, 422)


def test_a_token_header_is_checked_before_the_body(uploads: TestClient) -> None:
    answer = uploads.post("/upload", files={"files": ("a.txt", ARTICLE)}, headers={"X-Newsgraph-Token": "nope"})
    assert answer.status_code == 403


def test_an_upload_over_the_size_limit_is_refused_as_it_streams(uploads: TestClient) -> None:
    files = {"files": ("big.txt", b"The minister said. " * 2_000)}
    assert uploads.post("/upload", data={"token": "s3cret"}, files=files).status_code == 413


def test_a_declared_length_over_the_cap_is_refused_unread(uploads: TestClient) -> None:
    headers = {"Content-Type": "multipart/form-data; boundary=b", "Content-Length": str(10_000 * MAX_FILES * 10)}
    assert uploads.post("/upload", content=b"--b--\r\n", headers=headers).status_code == 413


def test_the_same_upload_twice_is_stored_once_and_no_server_path_shows(uploads: TestClient) -> None:
    """Finding 7: the id hashed the random temporary path, so every upload was new."""
    store: Store = uploads.app.state.store
    before = store.count()
    for _ in range(2):
        done = uploads.post("/upload", data={"token": "s3cret"}, files={"files": ("talks.txt", ARTICLE)},
                            follow_redirects=False)
        assert done.status_code == 303
    assert store.count() == before + 1
    [document] = [d for d in store.documents() if d.title == "Talks resume"]
    assert document.source == "talks.txt"
    failed = uploads.post("/upload", data={"token": "s3cret"}, files={"files": ("../../etc/x.txt", b"\x00\x01" * 100)})
    assert failed.status_code == 422 and "x.txt" in failed.text and "/tmp" not in failed.text


def test_concurrent_uploads_of_the_same_file_store_it_once(uploads: TestClient) -> None:
    """Finding 6 (web): one of two concurrent uploads answered 500."""
    answers: list[int] = []

    def post() -> None:
        done = uploads.post("/upload", data={"token": "s3cret"}, files={"files": ("same.txt", ARTICLE)},
                            follow_redirects=False)
        answers.append(done.status_code)

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [303, 303]


@pytest.mark.parametrize("q", ["word " * 1_000, "x" * 50_000, "news " * 10_000], ids=["1000-words", "long-word", "10000-words"])
def test_long_searches_are_refused_with_422(database: Path, q: str) -> None:
    """Finding 5: from about 1,000 words (or one 50,000-character word) search answered 500."""
    client = TestClient(create_app(database, allowed_hosts=HOSTS), raise_server_exceptions=False)
    for path in ("/api/search", "/search", "/search/results"):
        assert client.get(path, params={"q": q}).status_code == 422


def test_a_search_of_32_words_still_runs(database: Path) -> None:
    client = TestClient(create_app(database, allowed_hosts=HOSTS))
    assert client.get("/api/search", params={"q": " ".join(["convoy"] * 32)}).status_code == 200


def test_every_response_carries_the_security_headers(database: Path) -> None:
    """Finding 18: no Content-Security-Policy, nosniff or X-Frame-Options."""
    client = TestClient(create_app(database, allowed_hosts=HOSTS))
    for path in ("/", "/api/stories", "/static/style.css", "/no-such-page"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_an_unknown_host_header_is_refused(database: Path) -> None:
    """Finding 18: any Host was accepted (DNS rebinding against a local instance)."""
    local = TestClient(create_app(database), base_url="http://127.0.0.1:8000")
    assert local.get("/").status_code == 200
    assert local.get("/", headers={"Host": "attacker.example"}).status_code == 400
    assert TestClient(create_app(database), base_url="http://localhost:8000").get("/").status_code == 200


def test_hostile_uploads_are_refused_by_name_never_500(uploads: TestClient) -> None:
    """Findings 2 and 3 through /upload: deeply nested JSON answered 500; a .warc.gz bomb inflated without limit."""
    deep = ("[" * 4_000 + "]" * 4_000).encode()  # within the test app's 10 KB limit, far past any parser's depth
    answer = uploads.post("/upload", data={"token": "s3cret"}, files={"files": ("deep.json", deep)})
    assert answer.status_code == 422 and "deep.json" in answer.text and "nested too deeply" in answer.text
    bomb = _bomb_warc()
    answer = uploads.post("/upload", data={"token": "s3cret"}, files={"files": ("crawl.warc.gz", bomb)})
    assert answer.status_code == 422 and "inflates past the limit" in answer.text


def _bomb_warc() -> bytes:
    """A .warc.gz whose one record inflates to 5 MB (the test app's limit is 10 KB)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://x.example/", "response", http_headers=headers,
                                                  payload=io.BytesIO(b"<p>" + b"a" * 5_000_000 + b"</p>")))
    return out.getvalue()
